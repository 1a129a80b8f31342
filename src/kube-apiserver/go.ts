/**
 * The few Go standard-library parsers kube-apiserver's flags go through, written again so that a
 * value refused by the real binary is refused at synth time. Each function names the Go function it
 * follows; they return `undefined` (or `ok: false`) where Go returns an error. Strings are walked
 * by UTF-16 unit where Go walks bytes: every rule below only accepts ASCII, so the two agree.
 */

/** Go's strconv.ParseBool (strconv/atob.go): exactly these twelve spellings. */
export function goParseBool(s: string): boolean | undefined {
  switch (s) {
    case '1': case 't': case 'T': case 'TRUE': case 'true': case 'True':
      return true;
    case '0': case 'f': case 'F': case 'FALSE': case 'false': case 'False':
      return false;
    default:
      return undefined;
  }
}

const lower = (c: string): string => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * strconv's underscoreOK (strconv/atoi.go): underscores only between digits, or between a base
 * prefix and a digit.
 */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) {
    s = s.slice(1);
  }
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && ['b', 'o', 'x'].includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if (isDigit(c) || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') {
        return false;
      }
      saw = '_';
      continue;
    }
    if (saw === '_') {
      return false;
    }
    saw = '!';
  }
  return saw !== '_';
}

/** Go's strconv.ParseUint (strconv/atoi.go); base 0 reads the 0b, 0o, 0x and 0 prefixes and allows underscores. */
export function goParseUint(s: string, base: number, bitSize: number): bigint | undefined {
  if (s === '') {
    return undefined;
  }
  const base0 = base === 0;
  const s0 = s;
  if (base0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? lower(s[1]) : '';
      if (p === 'b') {
        base = 2;
        s = s.slice(2);
      } else if (p === 'o') {
        base = 8;
        s = s.slice(2);
      } else if (p === 'x') {
        base = 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  }
  const max = (1n << BigInt(bitSize)) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    let d: number;
    if (c === '_' && base0) {
      underscores = true;
      continue;
    } else if (isDigit(c)) {
      d = c.charCodeAt(0) - 48;
    } else if (lower(c) >= 'a' && lower(c) <= 'z' && c.length === 1) {
      d = lower(c).charCodeAt(0) - 97 + 10;
    } else {
      return undefined;
    }
    if (d >= base) {
      return undefined;
    }
    n = n * BigInt(base) + BigInt(d);
    if (n > max) {
      return undefined; // out of range
    }
  }
  if (underscores && !underscoreOK(s0)) {
    return undefined;
  }
  return n;
}

/** Go's strconv.ParseInt (strconv/atoi.go): an optional sign, then ParseUint, then the signed range. */
export function goParseInt(s: string, base: number, bitSize: number): bigint | undefined {
  if (s === '') {
    return undefined;
  }
  let neg = false;
  let rest = s;
  if (s[0] === '+') {
    rest = s.slice(1);
  } else if (s[0] === '-') {
    neg = true;
    rest = s.slice(1);
  }
  const un = goParseUint(rest, base, bitSize);
  if (un === undefined) {
    return undefined;
  }
  const cutoff = 1n << BigInt(bitSize - 1);
  if ((!neg && un >= cutoff) || (neg && un > cutoff)) {
    return undefined;
  }
  return neg ? -un : un;
}

/** Go's strconv's special (strconv/atof.go): inf, infinity (signed) and nan, in any case. */
function special(s: string): number | undefined {
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  const l = body.toLowerCase();
  if (l === 'inf' || l === 'infinity') {
    return s[0] === '-' ? -Infinity : Infinity;
  }
  if (s.toLowerCase() === 'nan') {
    return NaN;
  }
  return undefined;
}

/**
 * The grammar of Go's strconv readFloat (strconv/atof.go): a decimal or hexadecimal (0x…p…)
 * literal, underscores as Go allows them. Returns the literal without underscores, or undefined.
 */
function readFloat(s: string): { text: string; hex: boolean } | undefined {
  let i = 0;
  let underscores = false;
  if (s[i] === '+' || s[i] === '-') {
    i++;
  }
  let hex = false;
  if (i + 2 < s.length && s[i] === '0' && lower(s[i + 1]) === 'x') {
    hex = true;
    i += 2;
  }
  let sawdot = false;
  let sawdigits = false;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '_') {
      underscores = true;
    } else if (c === '.') {
      if (sawdot) {
        break;
      }
      sawdot = true;
    } else if (isDigit(c) || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      sawdigits = true;
    } else {
      break;
    }
  }
  if (!sawdigits) {
    return undefined;
  }
  if (i < s.length && lower(s[i]) === (hex ? 'p' : 'e')) {
    i++;
    if (s[i] === '+' || s[i] === '-') {
      i++;
    }
    if (!isDigit(s[i])) {
      return undefined;
    }
    for (; i < s.length && (isDigit(s[i]) || s[i] === '_'); i++) {
      if (s[i] === '_') {
        underscores = true;
      }
    }
  } else if (hex) {
    return undefined; // a hexadecimal mantissa needs its p exponent
  }
  if (i !== s.length) {
    return undefined;
  }
  if (underscores && !underscoreOK(s)) {
    return undefined;
  }
  return { text: s.replace(/_/g, ''), hex };
}

/** The value of a hexadecimal float literal (sign, 0x, mantissa, p, exponent), rounded to `bits` of mantissa. */
function hexFloatMagnitude(text: string, mantissaBits: number, maxExp: number): number {
  const body = text.replace(/^[+-]/, '').slice(2);
  const [mant, exp] = body.split(/[pP]/);
  const [intPart, frac = ''] = mant.split('.');
  let m = BigInt('0x' + ((intPart + frac) || '0'));
  let e = Number(exp) - 4 * frac.length;
  if (m === 0n) {
    return 0;
  }
  // Round m to mantissaBits bits (half to even), carrying into the exponent.
  const len = m.toString(2).length;
  if (len > mantissaBits) {
    const drop = BigInt(len - mantissaBits);
    const half = 1n << (drop - 1n);
    const rem = m & ((1n << drop) - 1n);
    m >>= drop;
    e += Number(drop);
    if (rem > half || (rem === half && (m & 1n) === 1n)) {
      m += 1n;
    }
  }
  const top = m.toString(2).length + e; // the value is below 2^top
  if (top > maxExp) {
    return Infinity;
  }
  return Number(m) * 2 ** e;
}

/** Go's strconv.ParseFloat (strconv/atof.go) with bitSize 32 or 64: syntax, then the range of the type. */
export function goParseFloat(s: string, bitSize: 32 | 64): number | undefined {
  const sp = special(s);
  if (sp !== undefined) {
    return sp;
  }
  const lit = readFloat(s);
  if (lit === undefined) {
    return undefined;
  }
  const neg = lit.text.startsWith('-');
  let v = lit.hex
    ? hexFloatMagnitude(lit.text, bitSize === 32 ? 24 : 53, bitSize === 32 ? 128 : 1024)
    : Math.abs(Number(lit.text));
  if (bitSize === 32) {
    v = Math.fround(v);
  }
  if (!Number.isFinite(v)) {
    return undefined; // out of range: Go returns ±Inf with ErrRange, which pflag refuses
  }
  return neg ? -v : v;
}

const DURATION_UNITS: Record<string, bigint> = {
  'ns': 1n,
  'us': 1000n,
  '\u00b5s': 1000n, // U+00B5 micro sign
  '\u03bcs': 1000n, // U+03BC Greek small letter mu
  'ms': 1000000n,
  's': 1000000000n,
  'm': 60n * 1000000000n,
  'h': 3600n * 1000000000n,
};

/** Go's time.ParseDuration (time/format.go): [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ within ±2^63 ns. Returns nanoseconds. */
export function goParseDuration(s: string): bigint | undefined {
  const LIMIT = 1n << 63n;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') {
    return 0n;
  }
  if (s === '') {
    return undefined;
  }
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) {
      return undefined;
    }
    // leadingInt
    let i = 0;
    let v = 0n;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > LIMIT / 10n) {
        return undefined;
      }
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) {
        return undefined;
      }
    }
    const pre = i > 0;
    s = s.slice(i);
    // leadingFraction
    let f = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; j < s.length && isDigit(s[j]); j++) {
        if (overflow) {
          continue;
        }
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) {
      return undefined;
    }
    let k = 0;
    for (; k < s.length && s[k] !== '.' && !isDigit(s[k]); k++) {
      // the unit runs to the next digit or dot
    }
    if (k === 0) {
      return undefined; // missing unit
    }
    const unit = DURATION_UNITS[s.slice(0, k)];
    s = s.slice(k);
    if (unit === undefined) {
      return undefined; // unknown unit
    }
    if (v > LIMIT / unit) {
      return undefined;
    }
    v *= unit;
    if (f > 0n) {
      // As Go does it: in float64, then truncated.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) {
        return undefined;
      }
    }
    d += v;
    if (d > LIMIT) {
      return undefined;
    }
  }
  if (neg) {
    return -d;
  }
  if (d > LIMIT - 1n) {
    return undefined;
  }
  return d;
}

/** netip's parseIPv4 (net/netip/netip.go): four decimal fields, no leading zeros, each at most 255. */
function parseIPv4(s: string): boolean {
  let val = 0;
  let pos = 0;
  let digLen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (isDigit(c)) {
      if (digLen === 1 && val === 0) {
        return false;
      }
      val = val * 10 + (c.charCodeAt(0) - 48);
      digLen++;
      if (val > 255) {
        return false;
      }
    } else if (c === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.' || pos === 3) {
        return false;
      }
      pos++;
      val = 0;
      digLen = 0;
    } else {
      return false;
    }
  }
  return pos === 3;
}

/**
 * netip's parseIPv6 (net/netip/netip.go), without a zone: groups of 1-4 hex digits, one ::, an optional
 * IPv4 tail. The four-digit limit is current Go's (the Go that builds kube-apiserver 1.33-1.36); Go
 * 1.19's net package still took longer groups with leading zeros, such as 00400c::.
 */
function parseIPv6(s: string): boolean {
  if (s.includes('%')) {
    return false; // net.ParseIP refuses zones
  }
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') {
      return true;
    }
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const c = lower(s[off]);
      if (isDigit(c)) {
        acc = acc * 16 + (c.charCodeAt(0) - 48);
      } else if (c >= 'a' && c <= 'f') {
        acc = acc * 16 + (c.charCodeAt(0) - 87);
      } else {
        break;
      }
      if (off > 3 || acc > 0xffff) {
        return false; // more than four digits in a group
      }
    }
    if (off === 0) {
      return false;
    }
    if (off < s.length && s[off] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16 || !parseIPv4(s)) {
        return false;
      }
      s = '';
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(off);
    if (s === '') {
      break;
    }
    if (s[0] !== ':' || s.length === 1) {
      return false;
    }
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) {
        return false;
      }
      ellipsis = i;
      s = s.slice(1);
      if (s === '') {
        break;
      }
    }
  }
  if (s !== '') {
    return false;
  }
  if (i < 16) {
    return ellipsis >= 0;
  }
  return ellipsis < 0; // a :: must stand for at least one group of zeros
}

/** Go's net.ParseIP (net/ip.go, through netip.ParseAddr): an IPv4 or IPv6 address, no zone. Returns the bit length. */
export function goParseIP(s: string): 32 | 128 | undefined {
  for (const c of s) {
    if (c === '.') {
      return parseIPv4(s) ? 32 : undefined;
    }
    if (c === ':') {
      return parseIPv6(s) ? 128 : undefined;
    }
    if (c === '%') {
      return undefined;
    }
  }
  return undefined;
}

/** Go's net.ParseCIDR (net/ip.go): an address, '/', and a decimal prefix length within the address's bits. */
export function goParseCIDR(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) {
    return false;
  }
  const bits = goParseIP(s.slice(0, slash));
  const mask = s.slice(slash + 1);
  if (bits === undefined || !/^[0-9]+$/.test(mask)) {
    return false;
  }
  const n = mask.length > 8 ? Infinity : Number(mask); // dtoi stops past 0xFFFFFF
  return n <= bits;
}

/**
 * Go's encoding/csv Reader.Read with the default settings (encoding/csv/reader.go), as pflag's
 * readAsCSV calls it: the first record only. Quoted fields may hold commas, doubled quotes and line
 * breaks; a quote inside an unquoted field, or anything but a comma or the line end after a closing
 * quote, is an error. Returns undefined for an error, and also for input with no record at all
 * (Go's io.EOF, which pflag passes on as an error).
 */
export function goReadCSVRecord(input: string): string[] | undefined {
  // readLine: lines end at \n; \r\n counts as \n; a \r before the end of input is dropped.
  const lines: string[] = [];
  let rest = input;
  while (rest !== '') {
    const nl = rest.indexOf('\n');
    let line = nl < 0 ? rest : rest.slice(0, nl + 1);
    rest = nl < 0 ? '' : rest.slice(nl + 1);
    if (nl < 0 && line.endsWith('\r')) {
      line = line.slice(0, -1);
    }
    if (line.endsWith('\r\n')) {
      line = line.slice(0, -2) + '\n';
    }
    lines.push(line);
  }
  const lengthNL = (l: string): number => (l.endsWith('\n') ? 1 : 0);
  // Skip empty lines.
  let li = 0;
  while (li < lines.length && lines[li].length === lengthNL(lines[li])) {
    li++;
  }
  if (li >= lines.length) {
    return undefined; // io.EOF
  }
  let line = lines[li++];
  const fields: string[] = [];
  for (;;) {
    if (line.length === 0 || line[0] !== '"') {
      const i = line.indexOf(',');
      const field = i >= 0 ? line.slice(0, i) : line.slice(0, line.length - lengthNL(line));
      if (field.includes('"')) {
        return undefined; // bare quote in a non-quoted field
      }
      fields.push(field);
      if (i >= 0) {
        line = line.slice(i + 1);
        continue;
      }
      return fields;
    }
    // A quoted field.
    line = line.slice(1);
    let field = '';
    for (;;) {
      const i = line.indexOf('"');
      if (i >= 0) {
        field += line.slice(0, i);
        line = line.slice(i + 1);
        if (line[0] === '"') {
          field += '"';
          line = line.slice(1);
        } else if (line[0] === ',') {
          line = line.slice(1);
          fields.push(field);
          break;
        } else if (lengthNL(line) === line.length) {
          fields.push(field);
          return fields;
        } else {
          return undefined; // extraneous or missing " in quoted field
        }
      } else if (line.length > 0) {
        field += line;
        if (li >= lines.length) {
          return undefined; // the quote is never closed
        }
        line = lines[li++];
      } else {
        return undefined; // the quote is never closed
      }
    }
  }
}

/**
 * apimachinery's resource.ParseQuantity (pkg/api/resource/quantity.go): a signed decimal number, then
 * one of the suffixes n u m k M G T P E Ki Mi Gi Ti Pi Ei or an exponent e/E±N.
 */
export function goParseQuantity(s: string): boolean {
  if (s === '') {
    return false;
  }
  if (s === '0') {
    return true;
  }
  // The number needs a digit: inf.Dec refuses '.', '+' and the like.
  const m = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(.*)$/.exec(s);
  if (!m) {
    return false;
  }
  const suffix = m[1];
  // parseQuantityString: the suffix is [eEinumkKMGTP]* then an optional sign and digits.
  if (!/^[eEinumkKMGTP]*[-+]?[0-9]*$/.test(suffix)) {
    return false;
  }
  if (['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'].includes(suffix)) {
    return true;
  }
  // A decimal exponent: e or E followed by a (signed) integer that fits an int32.
  const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  return e !== null && goParseInt(e[1], 10, 32) !== undefined;
}
