/**
 * A fast YAML writer for small plain configurations (the rendered EncryptionConfiguration), which
 * writes exactly what cdk8s's `Yaml.stringify` writes, or nothing.
 *
 * `Yaml.stringify` costs about a third of a millisecond for a configuration of ten lines, which is
 * most of the cost of building an API server's model. This writer handles the common shape only:
 * maps, non-empty sequences, empty maps, and strings that are plain scalars in YAML 1.1 and 1.2
 * alike (a letter, then letters, digits and `.` `/` `:` `_` `-`; or a duration such as `3s` or
 * `500ms`; never a boolean or null word). For anything else it returns undefined, and the caller
 * falls back to `Yaml.stringify`. @internal
 */

/** Strings every YAML version writes without quotes. */
const PLAIN = /^(?:[A-Za-z][A-Za-z0-9._/:-]*|[1-9][0-9]*(?:ms|s))$/;
/**
 * Words that YAML 1.1 or 1.2 reads as a boolean or null, and exponents with no digits before them
 * (`e0`, `E12`), which the YAML library reads as numbers: always quoted.
 */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|e[-+]?[0-9_]+)$/i;

function plain(value: string): boolean {
  return PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(':');
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes a map whose values are maps, non-empty sequences or strings as block YAML, as cdk8s's
 * `Yaml.stringify` would; undefined if some value is of another kind. Keys whose value is undefined
 * are left out. @internal
 */
export function fastYaml(doc: Record<string, unknown>): string | undefined {
  const lines: string[] = [];
  return writeMap(doc, '', '', lines) ? lines.join('\n') + '\n' : undefined;
}

/** Writes the entries of a map; the first line starts with `first`, the others with `indent`. */
function writeMap(map: Record<string, unknown>, first: string, indent: string, lines: string[]): boolean {
  let prefix = first;
  let empty = true;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) {
      continue;
    }
    if (!plain(key)) {
      return false;
    }
    empty = false;
    if (typeof value === 'string') {
      if (!plain(value)) {
        return false;
      }
      lines.push(`${prefix}${key}: ${value}`);
    } else if (Array.isArray(value)) {
      lines.push(`${prefix}${key}:`);
      if (!writeSeq(value, `${indent}  `, lines)) {
        return false;
      }
    } else if (isMap(value)) {
      if (Object.values(value).every((v) => v === undefined)) {
        lines.push(`${prefix}${key}: {}`);
      } else {
        lines.push(`${prefix}${key}:`);
        if (!writeMap(value, `${indent}  `, `${indent}  `, lines)) {
          return false;
        }
      }
    } else {
      return false;
    }
    prefix = indent;
  }
  // An empty map as a sequence item or document: leave it to the YAML library.
  return !empty;
}

/** Writes the items of a non-empty sequence, each as `- ` at `indent`. */
function writeSeq(seq: unknown[], indent: string, lines: string[]): boolean {
  if (seq.length === 0) {
    return false;
  }
  for (const item of seq) {
    if (typeof item === 'string') {
      if (!plain(item)) {
        return false;
      }
      lines.push(`${indent}- ${item}`);
    } else if (isMap(item)) {
      if (!writeMap(item, `${indent}- `, `${indent}  `, lines)) {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}
