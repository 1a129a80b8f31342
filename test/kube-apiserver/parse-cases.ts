/**
 * What kube-apiserver accepts for each flag type, as a table: type, the value after `--name=`, and
 * whether the flag parses. Many rows restate, in our own words, the cases of Go's own tests
 * (strconv's atob/atoi/atof tests, time's ParseDuration tests, net/netip's address tests, encoding/csv's
 * reader tests) and of pflag's and component-base's flag tests; the rest are the edges that matter
 * for an API server's command line. When the table was written, every row but the quantity and
 * version rows (their parsers pull in more of Kubernetes) was also run through the real parsers: Go
 * 1.19's standard library with pflag v1.0.9, component-base's cli/flag and apimachinery's PortRange.
 */
export interface ParseCase {
  readonly type: string;
  readonly value: string;
  readonly ok: boolean;
  /** The minor the answer depends on, when it does. */
  readonly minor?: string;
}

const accept = (type: string, ...values: string[]): ParseCase[] => values.map((value) => ({ type, value, ok: true }));
const refuse = (type: string, ...values: string[]): ParseCase[] => values.map((value) => ({ type, value, ok: false }));

export const PARSE_CASES: readonly ParseCase[] = [
  // strconv.ParseBool: twelve spellings, nothing else (no spaces, no yes/no, no mixed case beyond these).
  ...accept('bool', '1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'),
  ...refuse('bool', '', 'yes', 'no', 'tRUE', 'fALSE', ' true', 'true ', '2', 'on', 'y'),

  // strconv.ParseInt(s, 0, 64): sign, base prefixes 0b 0o 0x and a leading 0 for octal, underscores
  // only between digits once a base prefix or digits came, the 64-bit range.
  ...accept('int', '0', '-0', '+0', '1', '-1', '12345', '+12345', '9223372036854775807', '-9223372036854775808',
    '0x10', '0X1f', '-0x8000000000000000', '0b101', '0B1', '0o17', '0O17', '017', '00', '1_000', '0x_1f', '0_17'),
  ...refuse('int', '', ' 1', '3000 ', '1.0', '1e3', '9223372036854775808', '-9223372036854775809', '08', '0x',
    '0b2', '0o8', '_1', '1_', '1__0', '++1', '--1', '+-1', '0x1g', '١'),
  // ParseInt(s, 0, 32) and ParseInt(s, 0, 64) for the typed variants.
  ...accept('int32', '2147483647', '-2147483648', '0x7fffffff'),
  ...refuse('int32', '2147483648', '-2147483649', '0x80000000'),
  ...accept('int64', '9223372036854775807', '0x7fffffffffffffff'),
  ...refuse('int64', '9223372036854775808'),
  // strconv.ParseUint(s, 0, 64): no sign at all.
  ...accept('uint', '0', '18446744073709551615', '0xffffffffffffffff', '1_0'),
  ...refuse('uint', '-1', '+1', '18446744073709551616', ''),

  // strconv.ParseFloat: decimal and hexadecimal (with p exponent) literals, inf/infinity/nan in any
  // case, underscores between digits, the range of the type.
  ...accept('float64', '0', '1', '+1', '-1', '1.5', '.5', '5.', '1e10', '1E-10', '1e+10', '0x1p-2', '0x1.8p1', '0X1P4',
    'inf', '+Inf', '-INF', 'infinity', '-Infinity', 'nan', 'NaN', '1_000.5', '1.7976931348623157e308', '4e-400'),
  ...refuse('float64', '', '.', 'e1', '1e', '1e+', '0x1', '0x1.8', 'infin', '+nan', '1.5.5', '1,5', ' 1', '1 ',
    '1.8e308', '-1e400', '_1', '1__0', 'x1'),
  ...accept('float32', '3.4028234e38', '1e-50', '0.02'),
  ...refuse('float32', '3.5e38', '-1e39'),

  // time.ParseDuration.
  ...accept('duration', '0', '-0', '+0', '5s', '30s', '+5s', '-5s', '5.0s', '5.6s', '5.s', '.5s', '1.004s', '10ns',
    '11us', '12\u00b5s', '12\u03bcs', '13ms', '15m', '16h', '3h30m', '10.5s4m', '-2m3.4s', '1h2m3s4ms5us6ns',
    '0.3333333333333333333h', '9223372036854775807ns', '-9223372036854775808ns', '-2562047h47m16.854775808s',
    '2m0s', '1h0m0s'),
  ...refuse('duration', '', '3', '-', 's', '.', '-.', '.s', '+.s', '1d', '00', '30', '1 s', ' 1s', '1s ', '1S',
    '9223372036854775808ns', '-9223372036854775809ns', '3000000h', '9223372036854775.808us', '1.5.5s'),

  // net.ParseIP after TrimSpace (pflag ip.go); the empty value leaves the flag unset from pflag v1.0.6 (1.34).
  ...accept('ip', '0.0.0.0', '127.0.0.1', '255.255.255.255', ' 10.0.0.1 ', '::', '::1', '2001:db8::1', 'fe80::1:2:3:4',
    '1:2:3:4:5:6:7:8', '::ffff:10.0.0.1', '1:2:3:4:5:6:1.2.3.4', 'ABCD:EF01::', '1::'),
  { type: 'ip', value: '', ok: true, minor: '1.36' },
  { type: 'ip', value: '', ok: true, minor: '1.34' },
  { type: 'ip', value: '', ok: false, minor: '1.33' },
  ...refuse('ip', 'localhost', '10.0.0', '10.0.0.1.1', '256.0.0.1', '01.2.3.4', '1.2.3.04', '10.0.0.1/32', 'fe80::1%eth0',
    '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', ':1', '1:', '1:2:3:4:5:6:7::8:9', '::1.2.3.4.5', '1.2.3.4:80', '[::1]'),

  // pflag's StringSlice: the first record of encoding/csv; quotes allowed, spaces kept.
  ...accept('strings', '', 'a', 'a,b', ' RBAC', 'a, b', 'a,,b', 'a,', '"a,b",c', '"a ""quoted"" b"', '"x"', ',',
    'line\nnext', '"multi\nline"'),
  ...refuse('strings', 'a"b', '"a"b', '"unterminated', 'a,"b', '\n', '"a" ,b'),
  ...accept('stringArray', '', 'a,"b', 'anything at all'),

  // pflag's IPSlice: quotes removed, CSV, each item trimmed then net.ParseIP.
  ...accept('ipSlice', '', '10.0.0.1', '10.0.0.1, ::1', '"10.0.0.1","10.0.0.2"', '\'10.0.0.1\''),
  ...refuse('ipSlice', '10.0.0.1,', 'a', '10.0.0.1,,10.0.0.2', '10.0.0.256'),

  // The GCE cidrs flag: split on commas, net.ParseCIDR each, nothing trimmed.
  ...accept('cidrs', '10.0.0.0/8', '10.0.0.0/8,192.168.0.0/16', '130.211.0.0/22,35.191.0.0/16', '::/0', '10.1.2.3/24',
    '10.0.0.0/08'),
  ...refuse('cidrs', '', '10.0.0.0/33', '10.0.0.0', '10.0.0.0/8, 192.168.0.0/16', '::/129', '10.0.0.0/-1', '10.0.0.0/+8',
    '10.0.0.0/8,', 'fe80::/10%eth0'),

  // pflag's Int32Slice: split on commas, ParseInt(item, 0, 32), nothing trimmed.
  ...accept('int32Slice', '23', '23,24,25', '0x17,29'),
  ...refuse('int32Slice', '', '23, 24', '23,', 'x', '2147483648'),

  // component-base's MapStringString: pairs split on commas, empty pairs skipped, key and value trimmed.
  ...accept('mapStringString', '', 'a=b', 'a=b,c=d', 'a=', '=b', ' a = b ', 'a=b,', ',,', 'a=b=c'),
  ...refuse('mapStringString', 'a', 'a=b,c', 'a=b, c'),
  // NoSplit: one pair, the value may hold commas.
  ...accept('mapStringStringNoSplit', 'a=b', 'a=b,c', 'iss=https://x,y'),
  ...refuse('mapStringStringNoSplit', 'a', ''),
  // component-base's ConfigurationMap (--runtime-config): a key alone is a key with an empty value.
  ...accept('configurationMap', '', 'api/all=true', 'api/all', 'api/all=false,apps/v1=true', 'x,y'),
  // component-base's MapStringBool: each value strconv.ParseBool after trimming.
  ...accept('mapStringBool', '', 'a=true', 'a=true,b=false', ' a = 1 ', 'a=T,'),
  ...refuse('mapStringBool', 'a', 'a=yes', 'a=true,b', 'a='),
  // pflag's StringToString: one '=' reads the value whole (quotes trimmed), more are read as CSV.
  ...accept('stringToString', 'a=b', 'a=b,c', 'a=1,b', 'a=1,b=2', '"a=b"', 'm1,l1=\'v1,v2\'', 'metric1,label1=\'v1,v2,v3\''),
  ...refuse('stringToString', '', 'a', 'a=1,b,c=2', 'a=1,"b=2'),

  // --feature-gates: component:key=value pairs, component empty or kube, values strconv.ParseBool.
  ...accept('colonSeparatedMultimapStringString', '', 'A=true', 'A=true,B=false', 'kube:A=true,kube:B=0', ' A = t ', 'A=true,'),
  ...refuse('colonSeparatedMultimapStringString', 'A', 'A=yes', 'wardle:A=true', 'kube:A=true,B=false', 'A:B'),

  // apimachinery's PortRange: N, N1-N2 or N+offset, strconv.Atoi parts, within 0-65535, end >= start.
  ...accept('portRange', '', '30000-32767', ' 30000-32767 ', '80', '80-80', '30000+2767', '0-0', '65535'),
  ...refuse('portRange', '30000-', '-32767', '32767-30000', '65536', '1-65536', '30000-32767-1', '1+2-3', '+1', '+1-5', '1-+5', 'a-b', '80 - 90',
    '65535+1'),

  // component-base's NamedCertKey: cert,key optionally followed by :names.
  ...accept('namedCertKey', 'a.crt,a.key', ' a.crt , a.key ', 'a.crt,a.key:*.example.com,example.com', 'a.crt,a.key:x'),
  ...refuse('namedCertKey', '', 'a.crt', 'a.crt,a.key,c', 'a.crt,a.key:', 'a.crt,a.key: '),

  // apimachinery's resource.ParseQuantity. The help of --log-text-info-buffer-size gives "1K" as an
  // example, but K is no suffix (k is; pkg/api/resource/suffix.go), so the parser refuses it.
  ...accept('quantity', '0', '512', '1k', '2Ki', '3M', '5Mi', '6Gi', '1.5Gi', '1e3', '1E3', '100m', '-1', '+1', '.5'),
  ...refuse('quantity', '', 'K', '1K', '1KB', '1 Ki', '1ki', '1b', 'one', '1e', '1.5.5'),

  // The logging verbosity: strconv.ParseUint(s, 10, 31).
  ...accept('level', '0', '2', '10', '2147483647'),
  ...refuse('level', '', '-1', '+1', '0x2', '2147483648', ' 2'),
  // --vmodule: pattern=N items, empty items skipped.
  ...accept('vmodule', '', 'foo=2', 'foo*=3,bar=1', 'foo=2,'),
  ...refuse('vmodule', 'foo', 'foo=', '=2', 'foo=a', 'foo=2=3', 'foo=-1'),
  // --version: raw, a boolean, or a version.
  ...accept('version', 'raw', 'true', 'false', '1', 'v1.36.2'),
  ...refuse('version', 'yes', '1.36.2'),

  ...accept('string', '', 'anything', ' with spaces ', 'a,"b'),
];
