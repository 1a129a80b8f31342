/**
 * Reading what a caller gave, whatever its runtime type. TypeScript checks the props of a typed
 * caller; a JavaScript caller (or one that casts) can pass anything, and must get the usual
 * `field: message. Fix: fix` problem instead of a TypeError from deep inside the rendering. Each
 * reader records a problem for a value of the wrong type and returns a value of the right type (the
 * default), so that the model can still be built and every other problem reported too.
 */
import { checkShape } from './kubernetes/shape';
import { Problems } from './problems';

/** A plain data object: not null, not a list, not a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** What a value is, for messages: `a string ("x")`, `a number (8080)`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  switch (typeof value) {
    case 'string': {
      const text = JSON.stringify(value);
      return `a string (${text.length > 40 ? `${text.slice(0, 37)}…"` : text})`;
    }
    case 'number':
    case 'boolean':
    case 'bigint':
      return `a ${typeof value} (${String(value)})`;
    case 'object': {
      const name = Object.getPrototypeOf(value)?.constructor?.name;
      return isPlainObject(value) || !name ? 'an object' : `an instance of ${name}`;
    }
    default:
      return `a ${typeof value}`;
  }
}

/** A string, or undefined when the value is unset or of another type (a problem is recorded). */
export function readString(value: unknown, field: string, problems: Problems, fix: string): string | undefined {
  if (value === undefined || typeof value === 'string') {
    return value;
  }
  problems.add(field, `expected a string, got ${describeValue(value)}`, fix);
  return undefined;
}

/** A boolean, or undefined when the value is unset or of another type (a problem is recorded). */
export function readBoolean(value: unknown, field: string, problems: Problems): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') {
    return value;
  }
  problems.add(field, `expected true or false, got ${describeValue(value)}`, `set ${field} to true or false`);
  return undefined;
}

/** A number, or undefined when the value is unset or of another type (a problem is recorded). */
export function readNumber(value: unknown, field: string, problems: Problems, fix: string): number | undefined {
  if (value === undefined || typeof value === 'number') {
    return value;
  }
  problems.add(field, `expected a number, got ${describeValue(value)}`, fix);
  return undefined;
}

/**
 * A list, or an empty list when the value is unset or not a list (a problem is recorded: a single
 * item where a list is expected is the usual mistake).
 */
export function readList(value: unknown, field: string, problems: Problems, itemWord: string): unknown[] {
  if (value === undefined) {
    return [];
  }
  if (Array.isArray(value)) {
    return value;
  }
  problems.add(field, `expected a list of ${itemWord}, got ${describeValue(value)}`,
    isPlainObject(value) ? `wrap the ${itemWord.replace(/s$/, '')} in a list: [ ... ]` : `give a list of ${itemWord}, or leave ${field} out`);
  return [];
}

/** A plain object, or undefined when the value is unset or not one (a problem is recorded). */
export function readObject(value: unknown, field: string, problems: Problems, example: string): Record<string, unknown> | undefined {
  if (value === undefined || isPlainObject(value)) {
    return value;
  }
  problems.add(field, `expected an object, got ${describeValue(value)}`, `give an object such as ${example}`);
  return undefined;
}

/**
 * A map of keys to values of one type (`string` or `boolean`), or an empty map when the value is
 * unset or not a map; entries of another type are reported and left out.
 */
export function readRecord<K extends 'string' | 'boolean'>(value: unknown, field: string, problems: Problems, valueType: K,
  example: string): Record<string, K extends 'string' ? string : boolean> {
  const map = readObject(value, field, problems, example) ?? {};
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(map)) {
    if (typeof item === valueType) {
      result[key] = item;
    } else if (item !== undefined) {
      const at = /^[A-Za-z0-9_./-]+$/.test(key) ? `${field}.${key}` : `${field}[${JSON.stringify(key).replace(/:/g, '\\u003a')}]`;
      problems.add(at, `expected ${valueType === 'string' ? 'a string' : 'true or false'}, got ${describeValue(item)}`,
        valueType === 'string' ? `write the value as a string: ${JSON.stringify(String(item))}` : 'set it to true or false');
    }
  }
  return result as Record<string, K extends 'string' ? string : boolean>;
}

/** An instance of one of our classes, or undefined (a problem is recorded) for anything else. */
export function readInstance<T>(value: unknown, type: { readonly prototype: T; readonly name: string }, field: string, problems: Problems,
  fix: string): T | undefined {
  if (value === undefined || (typeof value === 'object' && value !== null && Object.prototype.isPrototypeOf.call(type.prototype, value))) {
    return value as T | undefined;
  }
  problems.add(field, `expected ${/^[AEIOU]/.test(type.name) ? 'an' : 'a'} ${type.name}, got ${describeValue(value)}`, fix);
  return undefined;
}

/**
 * A Kubernetes struct (`k8s.Container`, `k8s.Toleration`...), held to its type in the schema of the
 * newest Kubernetes this library knows: what does not fit is reported field by field, and a value
 * with parts of the wrong JavaScript type is left out, so that the converters and checks never meet
 * it.
 */
export function readStruct(value: unknown, typeName: string, field: string, problems: Problems): object | undefined {
  const issues = checkShape(value, typeName, field);
  issues.forEach((issue) => problems.add(issue.field, issue.message, issue.fix));
  // A value of the right types is kept even when the schema refuses some of it (an enum, say), so
  // that the other checks report their problems too.
  return issues.some((issue) => issue.wrongType) || value === null ? undefined : value as object | undefined;
}
