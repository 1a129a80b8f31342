/**
 * The grammars Kubernetes' API server applies to names, keys, values, quantities and addresses,
 * written as pure predicates and parsers over plain strings.
 *
 * Rules (restated in our own words and code) come from:
 * - kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go
 *   (DNS labels and subdomains, qualified names, label values, IANA_SVC_NAME, env var names,
 *   config-map keys, HTTP header names, percentages, user and group ids), as called from
 *   pkg/apis/core/validation/validation.go at commit 000f26050b9be6fb3d79fae95e06b47fc96128cd
 * - staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (the quantity parser)
 * - Go's net.ParseIP / net.ParseCIDR (address syntax; IPv4 octets without leading zeros)
 * - pkg/apis/core/validation/validation.go at 000f26050b9be6fb3d79fae95e06b47fc96128cd
 *   (sysctl names, local paths)
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE = /^[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?(\.[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;
const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;
const PERCENT = /^[0-9]+%$/;
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;

/** The longest DNS label, label value and qualified-name part. */
export const MAX_LABEL_LENGTH = 63;
/** The longest DNS subdomain. */
export const MAX_SUBDOMAIN_LENGTH = 253;

/** What each grammar is, in words, for messages. */
export const RULES = {
  dns1123Label: 'at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
  dns1035Label: 'at most 63 lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
  dns1123Subdomain: 'at most 253 characters of lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit',
  qualifiedName: 'an optional DNS subdomain prefix and "/", then a name of at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
  labelValue: 'empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
  ianaSvcName: 'at most 15 lowercase letters, digits and "-", with at least one letter, no "--", not starting or ending with "-"',
  envVarName: 'printable ASCII characters other than "="',
  configMapKey: 'at most 253 letters, digits, "-", "_" and ".", and not ".", ".." or starting with ".."',
  httpHeaderName: 'letters, digits and "-"',
  sysctlName: 'at most 253 lowercase letters, digits, "-" and "_" in parts separated by "." or "/"',
} as const;

/** A DNS-1123 label: container, volume, port (Service) and namespace names. */
export function isDns1123Label(value: string): boolean {
  return value.length <= MAX_LABEL_LENGTH && DNS1123_LABEL.test(value);
}

/** A DNS-1035 label: Service names (they start with a letter). */
export function isDns1035Label(value: string): boolean {
  return value.length <= MAX_LABEL_LENGTH && DNS1035_LABEL.test(value);
}

/** A DNS-1123 subdomain: most object names. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length > 0 && value.length <= MAX_SUBDOMAIN_LENGTH && value.split('.').every((label) => DNS1123_LABEL.test(label));
}

/** A DNS-1123 subdomain that may also hold "_" (pod DNS search domains). */
export function isDns1123SubdomainWithUnderscore(value: string): boolean {
  return value.length <= MAX_SUBDOMAIN_LENGTH && DNS1123_SUBDOMAIN_WITH_UNDERSCORE.test(value);
}

/** A name prefixed like a generated name: a trailing "-" is allowed, as a suffix follows. */
export function withoutTrailingDash(value: string): string {
  return value.length > 1 && value.endsWith('-') ? value.slice(0, -1) : value;
}

/** A qualified name: label keys, annotation keys (lowercased first), resource names: `[prefix/]name`. */
export function isQualifiedName(value: string): boolean {
  const parts = value.split('/');
  if (parts.length > 2) {
    return false;
  }
  const name = parts[parts.length - 1];
  if (name.length > MAX_LABEL_LENGTH || !QUALIFIED_NAME_PART.test(name)) {
    return false;
  }
  return parts.length === 1 || isDns1123Subdomain(parts[0]);
}

/** A label value: empty, or at most 63 alphanumerics with "-", "_" and "." inside. */
export function isLabelValue(value: string): boolean {
  return value.length <= MAX_LABEL_LENGTH && LABEL_VALUE.test(value);
}

/** An IANA_SVC_NAME: container port names and named target ports. */
export function isIanaSvcName(value: string): boolean {
  return value.length >= 1 && value.length <= 15 && /^[-a-z0-9]+$/.test(value) && /[a-z]/.test(value)
    && !value.startsWith('-') && !value.endsWith('-') && !value.includes('--');
}

/**
 * An environment variable name or envFrom prefix, by the relaxed rule that Kubernetes 1.33 applies
 * by default (RelaxedEnvironmentVariableValidation): non-empty printable ASCII without "=".
 */
export function isEnvVarName(value: string): boolean {
  return value.length > 0 && /^[\x20-\x3c\x3e-\x7e]+$/.test(value);
}

/** Why a key that names a file must not be ".", "..", or start with "..": the kubelet writes it as a file. */
function isChangeDirectory(value: string): boolean {
  return value === '.' || value.startsWith('..');
}

/** A ConfigMap or Secret key. */
export function isConfigMapKey(value: string): boolean {
  return value.length <= MAX_SUBDOMAIN_LENGTH && CONFIG_MAP_KEY.test(value) && !isChangeDirectory(value);
}

/** An HTTP header name (probe headers). */
export function isHttpHeaderName(value: string): boolean {
  return HTTP_HEADER_NAME.test(value);
}

/** A whole-number percentage such as "25%". */
export function isPercent(value: string): boolean {
  return PERCENT.test(value);
}

/** A TCP/UDP/SCTP port number. */
export function isPortNumber(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}

/** A Linux user or group id Kubernetes accepts: 0 to 2^31-1. */
export function isUserOrGroupId(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2147483647;
}

/** A sysctl name, with "." or "/" separators. */
export function isSysctlName(value: string): boolean {
  return value.length <= MAX_SUBDOMAIN_LENGTH && SYSCTL_NAME.test(value);
}

/** A name the API can use as one path segment (objects whose kind has no stricter rule). */
export function isPathSegmentName(value: string): boolean {
  return value !== '.' && value !== '..' && !value.includes('/') && !value.includes('%');
}

/** Whether a path has a ".." element (either separator counts, as the node may be Windows). */
export function hasBackstep(path: string): boolean {
  return path.replace(/\\/g, '/').split('/').includes('..');
}

/** Whether a path is absolute in the POSIX sense. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

// ---------------------------------------------------------------------------------------------
// Quantities

/** An exact quantity: numerator / denominator, denominator > 0. */
export interface Quantity {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const DECIMAL_SUFFIXES: Record<string, number> = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/**
 * Kubernetes' quantity parser: an optional sign, digits with at most one ".", then one suffix (a
 * binary or decimal SI suffix, or an exponent "e<n>"/"E<n>"). JSON numbers are accepted as their
 * text. Returns undefined for anything the API server refuses, and for mantissas without a digit
 * ("-", ".", "Mi"), which the server reads as 0. Like the server's parser, it takes odd forms such
 * as "1." and ".5".
 */
export function parseQuantity(value: unknown): Quantity | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return undefined;
    }
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    return undefined;
  }
  const match = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[+-]?[0-9]*)$/.exec(text);
  if (!match || text.length === 0) {
    return undefined;
  }
  const [, sign, whole, fraction = '', suffix] = match;
  // The server's parser reads "", "-", "." or "Mi" before a suffix as 0; we ask for a digit, as a
  // quantity without one is surely a mistake.
  if (whole === '' && fraction === '') {
    return undefined;
  }
  const exponent = suffixExponent(suffix);
  if (!exponent) {
    return undefined;
  }
  let numerator = BigInt((whole || '0') + fraction) * (sign === '-' ? -1n : 1n);
  let denominator = 10n ** BigInt(fraction.length);
  if (exponent.base === 2) {
    numerator *= 2n ** BigInt(exponent.power);
  } else if (exponent.power >= 0) {
    numerator *= 10n ** BigInt(exponent.power);
  } else {
    denominator *= 10n ** BigInt(-exponent.power);
  }
  return { numerator, denominator };
}

function suffixExponent(suffix: string): { base: 2 | 10; power: number } | undefined {
  if (suffix in BINARY_SUFFIXES) {
    return { base: 2, power: BINARY_SUFFIXES[suffix] };
  }
  if (suffix in DECIMAL_SUFFIXES) {
    return { base: 10, power: DECIMAL_SUFFIXES[suffix] };
  }
  const exponent = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
  // Bounded: the server's decimal type cannot hold exponents of arbitrary size either.
  if (exponent && Math.abs(Number(exponent[1])) <= 1000) {
    return { base: 10, power: Number(exponent[1]) };
  }
  return undefined;
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether a quantity is a whole number. */
export function isWholeQuantity(q: Quantity): boolean {
  return q.numerator % q.denominator === 0n;
}

/** A quantity's value rounded up to a whole number, as the server's Value() does. */
export function quantityCeiling(q: Quantity): bigint {
  const quotient = q.numerator / q.denominator;
  return q.numerator % q.denominator === 0n || q.numerator < 0n ? quotient : quotient + 1n;
}

// ---------------------------------------------------------------------------------------------
// IP addresses and CIDRs, as Go's net package parses them

/** A parsed address: 4 bytes for IPv4, 16 for IPv6. */
export type IpBytes = readonly number[];

function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  const bytes: number[] = [];
  for (const part of parts) {
    // Go's parser rejects leading zeros: "010" could mean octal.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) {
      return undefined;
    }
    bytes.push(Number(part));
  }
  return bytes;
}

function parseIPv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const groups = (half: string): number[] | undefined => {
    if (half === '') {
      return [];
    }
    const bytes: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (!v4) {
          return undefined;
        }
        bytes.push(...v4);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        const n = parseInt(piece, 16);
        bytes.push(n >> 8, n & 0xff);
      } else {
        return undefined;
      }
    }
    return bytes;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) {
    return undefined;
  }
  if (halves.length === 1) {
    return head.length === 16 ? head : undefined;
  }
  // Go accepts a "::" that stands for no group at all; so do we.
  if (head.length + tail.length > 16) {
    return undefined;
  }
  return [...head, ...new Array<number>(16 - head.length - tail.length).fill(0), ...tail];
}

/** An IP address in Go's syntax: dotted IPv4 (no leading zeros) or IPv6 without a zone. */
export function parseIp(text: string): IpBytes | undefined {
  return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

/** Whether an IPv6 address holds an IPv4 address (::ffff:a.b.c.d), which Kubernetes' strict form refuses. */
export function isIPv4MappedIPv6(bytes: IpBytes): boolean {
  return bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/** A parsed CIDR: the address bytes and the prefix length. */
export interface Cidr {
  readonly bytes: IpBytes;
  readonly prefix: number;
}

/** A CIDR in Go's syntax: an address, "/", and a prefix length within the address's width. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) {
    return undefined;
  }
  const bytes = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!bytes || !/^[0-9]{1,3}$/.test(prefixText)) {
    return undefined;
  }
  const prefix = Number(prefixText);
  return prefix <= bytes.length * 8 ? { bytes, prefix } : undefined;
}

/** Whether the network of `outer` contains the address of `inner` (same family). */
export function cidrContainsAddress(outer: Cidr, address: IpBytes): boolean {
  if (outer.bytes.length !== address.length) {
    return false;
  }
  for (let bit = 0; bit < outer.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((outer.bytes[byte] & mask) !== (address[byte] & mask)) {
      return false;
    }
  }
  return true;
}

/** The unspecified, loopback and link-local addresses that Services may not use as external IPs. */
export function specialAddressKind(bytes: IpBytes): string | undefined {
  if (bytes.length === 4) {
    if (bytes.every((b) => b === 0)) return 'unspecified (0.0.0.0)';
    if (bytes[0] === 127) return 'in the loopback range 127.0.0.0/8';
    if (bytes[0] === 169 && bytes[1] === 254) return 'in the link-local range 169.254.0.0/16';
    if (bytes[0] === 224 && bytes[1] === 0 && bytes[2] === 0) return 'in the link-local multicast range 224.0.0.0/24';
    return undefined;
  }
  if (bytes.every((b) => b === 0)) return 'unspecified (::)';
  if (bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1) return 'the loopback address ::1';
  if (bytes[0] === 0xfe && (bytes[1] & 0xc0) === 0x80) return 'in the link-local range fe80::/10';
  if (bytes[0] === 0xff && (bytes[1] & 0x0f) === 0x02) return 'in the link-local multicast range ff02::/16';
  return undefined;
}
