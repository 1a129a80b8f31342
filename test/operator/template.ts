/**
 * What a value becomes after the operator puts it into one of its YAML templates and decodes the
 * result into a Go object.
 *
 * - operator/pkg/util/template.go renders the templates with html/template, not text/template: every
 *   substituted value is HTML-escaped (`+` becomes `&#43;`, `'` becomes `&#39;`, ...).
 * - operator/pkg/controlplane/apiserver/apiserver.go decodes the YAML with
 *   `clientsetscheme.Codecs.UniversalDecoder()`: sigs.k8s.io/yaml turns it into JSON with go-yaml v2's
 *   YAML 1.1 rules for plain scalars (`yes`, `on`, `y` are booleans, `0x1f` and `017` numbers, `null`
 *   and `~` null), then the JSON is decoded leniently (unknown fields dropped, no error). A number or
 *   boolean where Go wants a string fails the decode, and the operator installs nothing; a null
 *   leaves the string empty.
 *
 * Only values that stay one plain scalar are mirrored; anything that would change the YAML's
 * structure (`: `, ` #`, a leading indicator) throws TemplateNotMirrored instead of guessing.
 */

/** The operator fails on this input (its decode returns an error). */
export class OperatorError extends Error {
  public override readonly name = 'OperatorError';
}

/** The port does not model what the operator does with this input. */
export class TemplateNotMirrored extends Error {
  public override readonly name = 'TemplateNotMirrored';
}

const HTML_ESCAPES: Record<string, string> = {
  '\0': '\uFFFD', '"': '&#34;', '&': '&amp;', "'": '&#39;', '+': '&#43;', '<': '&lt;', '>': '&gt;',
};

/** html/template's escaping of a value in HTML text (its htmlReplacementTable). */
export function htmlEscape(value: string): string {
  return value.replace(/[\0"&'+<>]/g, c => HTML_ESCAPES[c]);
}

const PLAIN_BOOLEANS: Record<string, boolean> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) PLAIN_BOOLEANS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) PLAIN_BOOLEANS[s] = false;
const PLAIN_NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const PLAIN_FLOATS: Record<string, number> = {
  '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity, '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
};
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64), falling back to ParseUint for large positives; undefined if neither parses. */
function parseGoInteger(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const digits = m[2];
  const magnitude = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  const value = m[1] === '-' ? -magnitude : magnitude;
  if (value < INT64_MIN || value > UINT64_MAX || (m[1] === '-' && value > 0n)) return undefined;
  return value;
}

/**
 * go-yaml v2's resolve() for an untagged plain scalar, as sigs.k8s.io/yaml sees it (a timestamp
 * stays a string there). Numbers come back as JavaScript numbers: what matters is that they are
 * not strings.
 */
export function resolvePlainScalar(text: string): string | number | boolean | null {
  if (PLAIN_NULLS.has(text)) return null;
  if (text in PLAIN_BOOLEANS) return PLAIN_BOOLEANS[text];
  if (text in PLAIN_FLOATS) return PLAIN_FLOATS[text];
  const first = text[0];
  if (first === '.') {
    return YAML_STYLE_FLOAT.test(text) ? Number(text) : text;
  }
  if (!/[0-9+-]/.test(first)) return text;
  const plain = text.replace(/_/g, '');
  const int = parseGoInteger(plain);
  if (int !== undefined) return Number(int);
  if (YAML_STYLE_FLOAT.test(plain)) return Number(plain);
  const binary = /^(-?)0b([01]+)$/.exec(plain);
  if (binary) return Number(BigInt(`0b${binary[2]}`)) * (binary[1] ? -1 : 1);
  return text;
}

/**
 * The text as one plain scalar after `key: ` or `- ` in block context. YAML trims the spaces around
 * it; structure-changing text is refused.
 */
function plainScalar(text: string, field: string): string {
  const trimmed = text.trim();
  if (/[\n\r\t]|: |:$| #|^[-?:](\s|$)|^[[\]{},#&*!|>'"%@`]/.test(trimmed)) {
    throw new TemplateNotMirrored(`${field}: ${JSON.stringify(text)} would change the structure of the operator's YAML template`);
  }
  return trimmed;
}

/**
 * A string field of the decoded object, from the template text around a substituted value:
 * `templatedString('app.kubernetes.io/instance', name)` for `key: {{ .Name }}`, or with a prefix for
 * `- --flag={{ .Value }}`.
 */
export function templatedString(field: string, value: string, prefix = ''): string {
  const resolved = resolvePlainScalar(plainScalar(prefix + htmlEscape(value), field));
  if (resolved === null) return '';
  if (typeof resolved !== 'string') {
    const type = typeof resolved === 'boolean' ? 'bool' : 'number';
    throw new OperatorError(`decoding the operator's template fails: ${field} is ${JSON.stringify(value)}, which YAML reads as a ${type}, not a string`);
  }
  return resolved;
}
