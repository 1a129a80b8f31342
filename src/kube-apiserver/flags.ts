/**
 * kube-apiserver's command line per Kubernetes minor: which flags exist, how each value is parsed,
 * and what a repeated flag does. The data is generated (generated/); the behaviour below follows the
 * sources named beside each function.
 */
import {
  goParseBool, goParseCIDR, goParseDuration, goParseFloat, goParseInt, goParseIP, goParseQuantity, goParseUint,
  goReadCSVRecord,
} from './go';
import { nearName } from '../suggest';
import { RELEASES } from './generated';
import { FlagSpec, FlagType, KubeApiServerRelease } from './types';

/** The minors the model covers, oldest first. */
export const SUPPORTED_MINORS: readonly string[] = Object.keys(RELEASES).sort((a, b) => minorNumber(a) - minorNumber(b));

function minorNumber(minor: string): number {
  return Number(minor.split('.')[1]);
}

/** The model of one minor ('1.36'), or undefined outside SUPPORTED_MINORS. */
export function kubeApiServerRelease(minor: string): KubeApiServerRelease | undefined {
  return Object.prototype.hasOwnProperty.call(RELEASES, minor) ? RELEASES[minor] : undefined;
}

/** 'v1.36.2' → '1.36', 'v1.35.0-rc.1' → '1.35'; anything that is not a vMAJOR.MINOR.PATCH tag → undefined. */
export function minorOfImageTag(tag: string): string | undefined {
  const m = /^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/.exec(tag);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

/**
 * The name kube-apiserver looks a flag up by: its command runs through component-base's cli.Run,
 * which sets cliflag.WordSepNormalizeFunc (component-base cli/run.go, cli/flag/flags.go): every '_'
 * becomes '-'. Nothing else changes (case stays).
 */
export function normalizeFlagName(name: string): string {
  return name.replace(/_/g, '-');
}

export type ParseResult = { ok: true } | { ok: false; reason: string };

const OK: ParseResult = { ok: true };
const fail = (reason: string): ParseResult => ({ ok: false, reason });

/**
 * pflag v1.0.5 (Kubernetes 1.33) refuses an empty value for an IP flag; v1.0.6 and later (1.34 on)
 * leave the flag unset (pflag ip.go). The pflag version is the one in component-base's go.mod.
 */
const EMPTY_IP_ACCEPTED_FROM_MINOR = 34;

function parseList(items: string[], each: (item: string) => ParseResult): ParseResult {
  for (const item of items) {
    const r = each(item);
    if (!r.ok) {
      return r;
    }
  }
  return OK;
}

/** A `key=value` list split on commas, empty pairs skipped, as component-base's cli/flag maps read it. */
function parsePairs(value: string, each: (key: string, v: string) => ParseResult): ParseResult {
  for (const pair of value.split(',')) {
    if (pair === '') {
      continue;
    }
    const eq = pair.indexOf('=');
    if (eq < 0) {
      return fail(`malformed pair ${JSON.stringify(pair)}, expect key=value`);
    }
    const r = each(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    if (!r.ok) {
      return r;
    }
  }
  return OK;
}

function parseInteger(value: string, bits: number, what: string): ParseResult {
  return goParseInt(value, 0, bits) === undefined ? fail(`${JSON.stringify(value)} is not ${what}`) : OK;
}

/**
 * Whether kube-apiserver accepts `value` for a flag of this type (`--name=value`), parsed as its
 * pflag.Value does. `minor` matters only where the parsers changed between the minors (an empty IP).
 */
export function parseFlagValue(type: FlagType, value: string, minor?: string): ParseResult {
  switch (type) {
    case 'string':
    case 'stringArray': // pflag string_array.go: the raw value, no CSV
      return OK;
    case 'bool': // pflag bool.go: strconv.ParseBool
      return goParseBool(value) === undefined ? fail(`${JSON.stringify(value)} is not a Go boolean (true, false, 1, 0, t, f, ...)`) : OK;
    case 'int': // pflag int.go / int64.go: strconv.ParseInt(s, 0, 64) (int is 64 bits on the images' platforms)
    case 'int64':
      return parseInteger(value, 64, 'a 64-bit integer');
    case 'int32': // pflag int32.go
      return parseInteger(value, 32, 'a 32-bit integer');
    case 'uint': // pflag uint.go: strconv.ParseUint(s, 0, 64)
      return goParseUint(value, 0, 64) === undefined ? fail(`${JSON.stringify(value)} is not an unsigned integer`) : OK;
    case 'float32': // pflag float32.go / float64.go: strconv.ParseFloat
    case 'float64':
      return goParseFloat(value, type === 'float32' ? 32 : 64) === undefined ? fail(`${JSON.stringify(value)} is not a ${type}`) : OK;
    case 'duration': // pflag duration.go: time.ParseDuration
      return goParseDuration(value) === undefined ? fail(`${JSON.stringify(value)} is not a Go duration like "30s" or "5m"`) : OK;
    case 'ip': // pflag ip.go: net.ParseIP(strings.TrimSpace(s))
      if (value === '' && minor !== undefined && minorNumber(minor) < EMPTY_IP_ACCEPTED_FROM_MINOR) {
        return fail('an empty IP is refused before Kubernetes 1.34');
      }
      return value === '' || goParseIP(value.trim()) !== undefined ? OK : fail(`${JSON.stringify(value)} is not an IP address`);
    case 'strings': { // pflag string_slice.go: readAsCSV, the first CSV record
      if (value === '') {
        return OK;
      }
      return goReadCSVRecord(value) === undefined ? fail(`${JSON.stringify(value)} is not a valid comma-separated list (check the quotes)`) : OK;
    }
    case 'ipSlice': { // pflag ip_slice.go: quotes removed, readAsCSV (no record is fine), each item trimmed and net.ParseIP
      const items = goReadCSVRecord(value.replace(/["'`]/g, ''));
      if (items === undefined) {
        return OK; // without quotes the CSV reader can only fail with io.EOF (no record), which ip_slice.go ignores
      }
      return parseList(items, (ip) => (goParseIP(ip.trim()) !== undefined ? OK : fail(`${JSON.stringify(ip)} is not an IP address`)));
    }
    case 'cidrs': // the GCE cloud provider's cidrs flag: strings.Split on ',' and net.ParseCIDR each, nothing trimmed
      return parseList(value.split(','), (c) => (goParseCIDR(c) ? OK : fail(`${JSON.stringify(c)} is not a CIDR`)));
    case 'int32Slice': // pflag int32_slice.go: strings.Split on ',' and strconv.ParseInt(item, 0, 32), nothing trimmed
      return parseList(value.split(','), (n) => parseInteger(n, 32, 'a 32-bit integer'));
    case 'mapStringString': // component-base cli/flag/map_string_string.go (also ConfigurationMap's pairs)
      return parsePairs(value, () => OK);
    case 'configurationMap': // cli/flag/configuration_map.go (--runtime-config): a key alone has an empty value; nothing fails
      return OK;
    case 'mapStringStringNoSplit': // cli/flag/map_string_string.go with NoSplit: one key=value, the value may hold commas
      return value.includes('=') ? OK : fail(`${JSON.stringify(value)} is not key=value`);
    case 'mapStringBool': // cli/flag/map_string_bool.go: each value strconv.ParseBool after TrimSpace
      return parsePairs(value, (k, v) => (goParseBool(v) === undefined ? fail(`invalid value of ${k}: ${v}`) : OK));
    case 'stringToString': { // pflag string_to_string.go
      const n = value.split('=').length - 1;
      if (n === 0) {
        return fail(`${JSON.stringify(value)} must be formatted as key=value`);
      }
      if (n === 1) {
        return OK;
      }
      const pairs = goReadCSVRecord(value);
      if (pairs === undefined) {
        return fail(`${JSON.stringify(value)} is not a valid comma-separated list`);
      }
      return parseList(pairs, (p) => (p.includes('=') ? OK : fail(`${JSON.stringify(p)} must be formatted as key=value`)));
    }
    case 'colonSeparatedMultimapStringString':
      return parseFeatureGatesValue(value);
    case 'portRange':
      return parsePortRange(value);
    case 'namedCertKey':
      return parseNamedCertKey(value);
    case 'quantity': // apimachinery resource.QuantityValue: resource.ParseQuantity
      return goParseQuantity(value) ? OK : fail(`${JSON.stringify(value)} is not a quantity like 512, 1Ki or 1M`);
    case 'level': // component-base logs/api/v1/pflags.go: strconv.ParseUint(s, 10, 31)
      return goParseUint(value, 10, 31) === undefined ? fail(`${JSON.stringify(value)} is not a verbosity level`) : OK;
    case 'vmodule': // logs/api/v1/pflags.go: pattern=N items, N by strconv.ParseUint(N, 10, 31)
      return parseList(value.split(',').filter((p) => p !== ''), (p) => {
        const parts = p.split('=');
        if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
          return fail(`${JSON.stringify(p)} does not have the pattern=N format`);
        }
        return goParseUint(parts[1], 10, 31) === undefined ? fail(`${JSON.stringify(p)}: ${parts[1]} is not a verbosity level`) : OK;
      });
    case 'version': // component-base version/verflag/verflag.go: raw, a boolean, or a version vX.Y.Z
      return value === 'raw' || goParseBool(value) !== undefined || /^v[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$/.test(value)
        ? OK : fail(`${JSON.stringify(value)} is not true, false, raw or vX.Y.Z`);
    default:
      throw new Error(`no parser for flag type ${JSON.stringify(type)}`);
  }
}

/** apimachinery util/net/port_range.go: "N", "N1-N2" or "N+offset", strconv.Atoi parts, within 0-65535. */
function parsePortRange(value: string): ParseResult {
  const v = value.trim();
  if (v === '') {
    return OK;
  }
  const hyphen = v.indexOf('-');
  const plus = v.indexOf('+');
  const atoi = (s: string): bigint | undefined => goParseInt(s, 10, 64);
  let low: bigint | undefined;
  let high: bigint | undefined;
  if (hyphen < 0 && plus < 0) {
    low = high = atoi(v);
  } else if (hyphen >= 0 && plus < 0) {
    low = atoi(v.slice(0, hyphen));
    high = atoi(v.slice(hyphen + 1));
  } else if (plus >= 0 && hyphen < 0) {
    low = atoi(v.slice(0, plus));
    const offset = atoi(v.slice(plus + 1));
    high = low === undefined || offset === undefined ? undefined : low + offset;
  } else {
    return fail(`unable to parse port range: ${v}`);
  }
  if (low === undefined || high === undefined) {
    return fail(`${JSON.stringify(value)} is not N, N1-N2 or N+offset`);
  }
  if (low > 65535n || high > 65535n) {
    return fail(`the port range cannot be greater than 65535: ${v}`);
  }
  return high < low ? fail(`end port cannot be less than start port: ${v}`) : OK;
}

/** component-base cli/flag/namedcertkey_flag.go: "cert,key" or "cert,key:name1,name2". */
function parseNamedCertKey(value: string): ParseResult {
  const colon = value.indexOf(':');
  let keycert = value;
  if (colon >= 0) {
    keycert = value.slice(0, colon).trim();
    if (value.slice(colon + 1).trim() === '') {
      return fail('empty names list is not allowed');
    }
  } else {
    keycert = value.trim();
  }
  return keycert.split(',').length === 2 ? OK : fail('expected comma separated certificate and key file paths');
}

/**
 * --feature-gates (the only flag of this type): component-base's ColonSeparatedMultimapStringString
 * with a default empty key (cli/flag/colon_separated_multimap_string_string.go), then, per component,
 * featuregate's Set (featuregate/feature_gate.go): name=bool pairs. The component registry
 * (compatibility/registry.go) knows only "kube" in kube-apiserver and refuses mixing "kube:" with no
 * prefix. Gate names and locked gates are checked against a release, not here.
 */
function parseFeatureGatesValue(value: string): ParseResult {
  const components = new Set<string>();
  for (const pair of value.split(',')) {
    if (pair === '') {
      continue;
    }
    const colon = pair.indexOf(':');
    const component = colon < 0 ? '' : pair.slice(0, colon).trim();
    const setting = (colon < 0 ? pair : pair.slice(colon + 1)).trim();
    if (component !== '' && component !== 'kube') {
      return fail(`component not registered: ${component}`);
    }
    components.add(component);
    const eq = setting.indexOf('=');
    if (eq < 0) {
      return fail(`missing bool value for ${setting}`);
    }
    const v = setting.slice(eq + 1).trim();
    if (goParseBool(v) === undefined) {
      return fail(`invalid value of ${setting.slice(0, eq).trim()}=${v}`);
    }
  }
  return components.size > 1
    ? fail('set kube feature gates with default empty prefix or kube: prefix consistently, do not mix use')
    : OK;
}

/** What kube-apiserver does with a flag given twice. */
export type RepeatBehaviour =
  /** The last value wins (pflag's scalar values simply Set again). */
  | 'last'
  /** The first occurrence replaces the default, later ones append (pflag's slices, NamedCertKeyArray, vmodule). */
  | 'append'
  /** The first occurrence replaces the default, later ones add or overwrite keys (cli/flag's maps, StringToString). */
  | 'merge'
  /** A second occurrence is an error (the GCE cidrs flag: "have already been set"). */
  | 'refused';

/** What happens when a flag of this type appears twice on the command line (the sources are those of parseFlagValue). */
export function repeatBehaviour(type: FlagType): RepeatBehaviour {
  switch (type) {
    case 'strings': // pflag string_slice.go: `if !s.changed { replace } else { append }`
    case 'stringArray': // pflag string_array.go
    case 'ipSlice': // pflag ip_slice.go
    case 'int32Slice': // pflag int32_slice.go
    case 'namedCertKey': // cli/flag/namedcertkey_flag.go: NamedCertKeyArray
    case 'vmodule': // logs/api/v1/pflags.go: appends items
      return 'append';
    case 'mapStringString': // cli/flag/map_string_string.go: `if !m.initialized { clear }`, then set keys
    case 'mapStringStringNoSplit':
    case 'mapStringBool': // cli/flag/map_string_bool.go
    case 'stringToString': // pflag string_to_string.go: replace first, then merge
    case 'colonSeparatedMultimapStringString': // cli/flag/colon_separated_multimap_string_string.go: appends per key
    case 'configurationMap': // cli/flag/configuration_map.go: never cleared, keys added or overwritten
      return 'merge';
    case 'cidrs':
      return 'refused';
    default:
      return 'last';
  }
}

/** The items a value stands for: the CSV items for string lists, else the value itself. */
function itemsOf(type: FlagType, value: string): string[] {
  if (type === 'strings') {
    return value === '' ? [] : goReadCSVRecord(value) ?? [];
  }
  return [value];
}

/**
 * parseFlagValue, then the allowed values when the spec lists them (each item, for a list flag).
 * kube-apiserver checks these values after parsing (its options' Validate), with the same names.
 */
export function checkFlagValue(spec: FlagSpec, value: string, minor?: string): ParseResult {
  const parsed = parseFlagValue(spec.type, value, minor);
  if (!parsed.ok || spec.values === undefined) {
    return parsed;
  }
  for (const item of itemsOf(spec.type, value)) {
    if (!spec.values.includes(item)) {
      const hint = spec.values.includes(item.trim()) ? item.trim() : nearName(item, spec.values);
      return fail(`${JSON.stringify(item)} is not one of ${spec.values.join(', ')}${hint ? ` (did you mean ${hint}?)` : ''}`);
    }
  }
  return OK;
}
