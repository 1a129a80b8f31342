/**
 * Reading the props of our constructs whatever their runtime types (see src/runtime.ts): a reader
 * per prop, and a report of props that do not exist.
 */
import { Problems } from './problems';
import { describeValue, readBoolean, readInstance, readList, readRecord, readString, readStruct } from './runtime';
import { nearName } from './suggest';

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

/** A reader of a boolean prop. */
export const booleanProp: PropReader = (value, field, problems) => readBoolean(value, field, problems);

/** A reader of a map of strings, such as labels; `example` shows one in the fix. */
export const stringMapProp = (example: string): PropReader => (value, field, problems) =>
  (value === undefined ? undefined : readRecord(value, field, problems, 'string', example));

/** A reader of one Kubernetes struct, by its type's name (such as 'Affinity'). */
export const structProp = (typeName: string): PropReader => (value, field, problems) => readStruct(value, typeName, field, problems);

/**
 * A reader of a list of Kubernetes structs. When an item does not fit its type, the list is left
 * out (each bad item is reported): the checks that follow then never report a shifted index.
 */
export const structListProp = (itemWord: string, typeName: string): PropReader => (value, field, problems) => {
  if (value === undefined) {
    return undefined;
  }
  const items = readList(value, field, problems, itemWord).map((item, i) => readStruct(item, typeName, `${field}[${i}]`, problems));
  return items.every((item) => item !== undefined) ? items : undefined;
};

/** A reader of a prop that holds an instance of one of our classes. */
export const instanceProp = <T>(type: { readonly prototype: T; readonly name: string }, fix: string): PropReader =>
  (value, field, problems) => readInstance(value, type, field, problems, fix);
