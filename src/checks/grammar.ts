/**
 * The syntax rules Kubernetes applies to names, keys and values, as pure predicates, and helpers that
 * quote user text safely into one-line error messages. Shared by the checks in this folder.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** The longest DNS label. */
export const MAX_LABEL_LENGTH = 63;

/** A DNS-1123 label: container, volume, namespace names. */
export function isDns1123Label(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_LABEL_LENGTH && DNS1123_LABEL.test(value);
}

/** A DNS-1035 label: Service names (must start with a letter). */
export function isDns1035Label(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_LABEL_LENGTH && DNS1035_LABEL.test(value);
}

/** A DNS-1123 subdomain: most object names, domains. */
export function isDns1123Subdomain(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 253 && value.split('.').every((label) => DNS1123_LABEL.test(label));
}

/** A qualified name: label and annotation keys, `[prefix/]name`. */
export function isQualifiedName(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  const parts = value.split('/');
  if (parts.length > 2) {
    return false;
  }
  const name = parts[parts.length - 1];
  if (name.length > MAX_LABEL_LENGTH || !QUALIFIED_NAME_PART.test(name)) {
    return false;
  }
  return parts.length === 1 || (parts[0].length > 0 && isDns1123Subdomain(parts[0]));
}

/** A label value: empty, or at most 63 alphanumerics with `-`, `_` and `.` inside. */
export function isLabelValue(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_LABEL_LENGTH && LABEL_VALUE.test(value);
}

/** A port name (IANA_SVC_NAME): at most 15 lowercase alphanumerics and `-`, with a letter, no `--`. */
export function isPortName(value: unknown): boolean {
  return typeof value === 'string' && value.length <= 15 && IANA_SVC_NAME.test(value)
    && /[a-z]/.test(value) && !value.includes('--');
}

/** What a DNS-1123 label is, for messages. */
export const DNS1123_LABEL_RULE = 'at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit';
/** What a DNS-1123 subdomain is, for messages. */
export const DNS1123_SUBDOMAIN_RULE = 'at most 253 characters of lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit';

/** User text, quoted as a JSON string: newlines and quotes escaped, so a message stays on one line. */
export function q(value: unknown): string {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const text = JSON.stringify(typeof value === 'string' ? value : String(value));
  return text.length > 120 ? `${text.slice(0, 100)}…" (${text.length} characters)` : text;
}

/**
 * The field of a map entry: `labels.app` for a plain key, else `labels["odd key"]` (quoted; a `:` is
 * written `\u003a` so that the field never contains the `: ` that ends it in a message).
 */
export function keyField(base: string, key: string): string {
  if (/^[A-Za-z0-9_./-]+$/.test(key)) {
    return `${base}.${key}`;
  }
  return `${base}[${JSON.stringify(key).replace(/:/g, '\\u003a')}]`;
}

/** A suggestion: the value lowercased, with runs of other characters turned into `-`. */
export function suggestLabel(value: unknown): string {
  const s = String(value ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_LABEL_LENGTH);
  return s.replace(/-+$/, '') || 'name';
}
