/**
 * Reading the props of the certificate and etcd constructs whatever their runtime types (see
 * src/runtime.ts): a reader per prop, and a report of props that do not exist.
 */
import { Construct } from 'constructs';
import { Chart } from 'cdk8s';
import { Problems } from '../problems';
import { describeValue, readInstance, readString } from '../runtime';
import { nearName } from '../suggest';

/** Reads one prop; returns a value of the prop's type, or undefined after recording a problem. */
export type PropReader = (value: unknown, field: string, problems: Problems) => unknown;

/** A reader for every prop of `T`: the type lists every prop, so a new prop cannot be forgotten. */
export type PropReaders<T> = { readonly [K in keyof T]-?: PropReader };

/**
 * The props as given, each read by its reader; unknown props (a misspelt name from JavaScript) are
 * reported with the closest known name.
 */
export function readPropsWith<T>(props: unknown, readers: PropReaders<T>, typeName: string, example: string, problems: Problems): Partial<T> {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    problems.add('props', `expected the props object, got ${describeValue(props)}`, `pass the props, such as ${example}`);
    return {};
  }
  const given = props as Record<string, unknown>;
  const known = Object.keys(readers);
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      const close = nearName(key, known);
      problems.add(key, `${JSON.stringify(key)} is not a prop of ${typeName}, so it would be ignored`,
        close ? `did you mean ${close}?` : `remove it; see ${typeName}Props for the props`);
    }
  }
  const read: Record<string, unknown> = {};
  for (const [key, reader] of Object.entries(readers) as [string, PropReader][]) {
    read[key] = reader(given[key], key, problems);
  }
  return read as Partial<T>;
}

/** A reader of a string prop. */
export const stringProp = (fix: string): PropReader => (value, field, problems) => readString(value, field, problems, fix);

/** A reader of a prop that holds an instance of one of our classes. */
export const instanceProp = <T>(type: { readonly prototype: T; readonly name: string }, fix: string): PropReader =>
  (value, field, problems) => readInstance(value, type, field, problems, fix);

/** The namespace of a construct: the one given, else its chart's, else `default` (as KarmadaApiServer does). */
export function namespaceOf(scope: Construct, given: string | undefined): string {
  return given ?? Chart.of(scope).namespace ?? 'default';
}
