/**
 * What happens to a value the Karmada operator substitutes into its API server templates
 * (operator/pkg/util/template.go, operator/pkg/controlplane/apiserver at v1.19.0-rc.0, f8fdd02):
 *
 * - the templates are rendered with Go's html/template, which HTML-escapes every value (`+` is
 *   written `&#43;`): the Deployment then holds another value than the one in the Karmada object;
 * - the result is decoded as YAML 1.1, where a plain scalar such as `on`, `no`, `2024` or `1e3` is a
 *   boolean or a number: where Go wants a string, the decode fails and the operator installs nothing.
 *
 * The functions here say whether a value survives both, so that such a value is an error at synth
 * time instead of a broken or missing API server.
 */

/** The characters html/template escapes in HTML text. */
const HTML_ESCAPED = /[\0"&'+<>]/;

/** YAML 1.1 plain scalars that go-yaml v2 reads as booleans. */
const YAML11_BOOLEANS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'on', 'On', 'ON', 'off', 'Off', 'OFF',
]);

/** YAML 1.1 plain scalars that go-yaml v2 reads as null (Go then sees an empty string). */
const YAML11_NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Integers as Go's strconv.ParseInt(s, 0, 64) reads them (binary, octal, hexadecimal, decimal). */
const GO_INTEGER = /^[-+]?(0[bB][01]+|0[oO]?[0-7]+|0[xX][0-9a-fA-F]+|[0-9]+)$/;

/** Floats as go-yaml v2 reads plain scalars (its yamlStyleFloat), and its infinities and NaN. */
const YAML11_FLOAT = /^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;

/** What YAML 1.1 makes of a plain scalar other than a string, or undefined when it stays a string. */
export function yaml11Reading(text: string): 'a boolean' | 'null' | 'a number' | undefined {
  if (YAML11_NULLS.has(text)) {
    return 'null';
  }
  if (YAML11_BOOLEANS.has(text)) {
    return 'a boolean';
  }
  if (text.startsWith('.')) {
    // go-yaml v2 parses these as floats as they are (its ".inf" and ".nan" included).
    return YAML11_FLOAT.test(text) ? 'a number' : undefined;
  }
  // Other numbers it parses with the "_" separators dropped.
  const digits = text.replace(/_/g, '');
  if (/^[-+0-9]/.test(text) && (GO_INTEGER.test(digits) || YAML11_FLOAT.test(digits))) {
    return 'a number';
  }
  return undefined;
}

/** Why html/template would change `value`, or undefined when it writes it as given. */
export function htmlEscapeProblem(value: string): string | undefined {
  const escaped = value.match(HTML_ESCAPED)?.[0];
  return escaped === undefined ? undefined
    : `the operator writes it through html/template, which escapes ${JSON.stringify(escaped)} as an HTML entity, so the operator's objects would hold another value`;
}

/** Why the operator's YAML decoder would not read `value`, alone as a plain scalar, as that string. */
export function yamlScalarProblem(value: string): string | undefined {
  const reading = yaml11Reading(value);
  if (reading === 'null') {
    return `the operator's template decoder reads YAML 1.1, where ${JSON.stringify(value)} is null, so the operator's objects would hold an empty value`;
  }
  return reading === undefined ? undefined
    : `the operator's template decoder reads YAML 1.1, where ${JSON.stringify(value)} is ${reading}, not a string, so the operator fails to render the API server and installs nothing`;
}
