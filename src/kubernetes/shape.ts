/**
 * Kubernetes structs given by callers, held to the schema table (generated/schema.ts, Kubernetes
 * 1.33) before cdk8s-plus-28's converters see them.
 *
 * The converters (`k8s.toJson_*`, Kubernetes 1.28) trust their input's TypeScript type: from
 * JavaScript, a string where a list belongs throws `obj.command?.map is not a function`, a number
 * where a `k8s.IntOrString` belongs is dropped (they read its `.value`), and a misspelt field is
 * dropped. They also drop every field newer than 1.28. `checkShape` reports such input with the
 * field at fault; `renderWithNewerFields` renders with the converter and puts the newer fields back.
 *
 * Values are in cdk8s-plus-28's TypeScript shape: its property names (`hostIpc`), `k8s.IntOrString`,
 * `k8s.Quantity` and `Date` objects. A field newer than 1.28 has no property name there, so it goes
 * under its JSON name. `null` counts as not set.
 */
import { k8s } from 'cdk8s-plus-28';
import { keyField, q } from '../problems';
import { closest, nearName } from '../suggest';
import { KUBERNETES_TYPES, SCHEMA_KUBERNETES_VERSION } from './generated/schema';
import type { FieldSchema, TypeSchema, ValueSchema } from './schema-model';

/** One thing wrong with the shape of a value (the same fields as a `Problem`). */
export interface ShapeIssue {
  /** Where, e.g. `sidecarContainers[0].env[1].value`. */
  readonly field: string;
  /** What is wrong, on one line. */
  readonly message: string;
  /** What to change. */
  readonly fix: string;
  /**
   * The value is of the wrong JavaScript type (a string for a list, say), so code that trusts the
   * type would fail on it. False for values of the right type that the schema refuses (a value
   * outside an enum, a missing required field, an unknown field): checks can still read those.
   */
  readonly wrongType: boolean;
}

/**
 * Reports every value in `value` that does not fit the Kubernetes type `typeName` (a name of the
 * schema table, e.g. `Container`): wrong JavaScript types, unknown fields, values outside a closed
 * enum, missing required fields, and data cdk8s cannot render. `field` is the path of `value` in the
 * caller's props, e.g. `sidecarContainers[0]`.
 */
export function checkShape(value: unknown, typeName: string, field: string): ShapeIssue[] {
  knownType(typeName); // an unknown type name is the caller's bug: throw even for an unset value
  const issues: ShapeIssue[] = [];
  checkValue(value, { kind: 'object', type: typeName }, field, issues);
  return issues;
}

/**
 * Renders `value`, of the Kubernetes type `typeName`, to JSON: with cdk8s-plus-28's converter of the
 * type, then with every field newer than 1.28 that the value sets added back at its place (a newer
 * field's value as plain JSON). Keys come in the converter's order, the added ones after it: the
 * converter's output is only added to, and cdk8s sorts keys when it writes YAML anyway.
 * Assumes `checkShape` found nothing; throws if `value` is not an object.
 */
export function renderWithNewerFields(value: unknown, typeName: string): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new Error(`renderWithNewerFields: expected a ${typeName} object, got ${describe(value)}; run checkShape first`);
  }
  return renderObject(value, typeName);
}

// ---------------------------------------------------------------------------------------------
// checkShape

function checkValue(value: unknown, schema: ValueSchema, field: string, issues: ShapeIssue[]): void {
  if (value === undefined || value === null) {
    return;
  }
  const report = (message: string, fix: string, wrongType = true) => issues.push({ field, message, fix, wrongType });
  const wrongType = (fix: string) => report(`expected ${expectation(schema)}, got ${describe(value)}`, fix);
  switch (schema.kind) {
    case 'string':
      if (typeof value !== 'string') {
        wrongType(typeof value === 'number' || typeof value === 'boolean' ? `give the text ${q(String(value))}` : 'give a string');
      } else if (schema.enum && !schema.enum.includes(value)) {
        const near = nearName(value, schema.enum);
        report(`${q(value)} is not one of ${listed(schema.enum)}`, near !== undefined ? `did you mean ${q(near)}?` : `use one of ${listed(schema.enum)}`, false);
      }
      return;
    case 'integer':
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value) && (schema.kind === 'number' || Number.isInteger(value))) {
        return;
      }
      if (typeof value === 'number' && Number.isFinite(value)) {
        report(`expected an integer, got ${describe(value)}`, `give a whole number, such as ${Math.round(value)}`);
      } else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        wrongType(`give the number ${Number(value)}, without quotes`);
      } else {
        wrongType(`give a finite ${schema.kind === 'integer' ? 'whole ' : ''}number`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') {
        wrongType(value === 'true' || value === 'false' ? `give the boolean ${value}, without quotes` : 'give true or false');
      }
      return;
    case 'intOrString':
      checkWrapped(value, k8s.IntOrString, 'k8s.IntOrString', field, issues);
      return;
    case 'quantity':
      checkWrapped(value, k8s.Quantity, 'k8s.Quantity', field, issues);
      return;
    case 'time':
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
        wrongType(typeof value === 'string' ? `give new Date(${q(value)})` : 'give a valid Date');
      }
      return;
    case 'any':
      checkPlainData(value, field, issues, []);
      return;
    case 'array':
      if (!Array.isArray(value)) {
        wrongType(listFix(value, schema.items));
        return;
      }
      value.forEach((item, i) => {
        if (item === null || item === undefined) {
          issues.push({ field: `${field}[${i}]`, message: `list item ${i} is ${String(item)}`, fix: 'remove the empty item', wrongType: true });
        } else {
          checkValue(item, schema.items, `${field}[${i}]`, issues);
        }
      });
      return;
    case 'map':
      if (!isPlainObject(value)) {
        wrongType(`give a plain object of ${expectation(schema.values, true)} by key, such as { key: … }`);
        return;
      }
      for (const key of Object.keys(value)) {
        if (!checkKey(key, field, issues)) {
          checkValue(value[key], schema.values, keyField(field, key), issues);
        }
      }
      return;
    case 'object':
      if (!isPlainObject(value)) {
        wrongType(Array.isArray(value) ? `give one ${schema.type} object, not a list` : `give a plain object literal with the fields of ${schema.type}`);
        return;
      }
      checkObject(value, knownType(schema.type), field, issues);
      return;
  }
}

/** The fields of one object: each key the caller gave, then the required fields left out. */
function checkObject(value: Record<string, unknown>, type: KnownType, field: string, issues: ShapeIssue[]): void {
  const suggested = new Set<string>();
  for (const key of Object.keys(value)) {
    if (checkKey(key, field, issues)) {
      continue;
    }
    const known = type.byKey.get(key);
    if (known) {
      checkValue(value[key], known.schema, keyField(field, key), issues);
      continue;
    }
    // Not found under its key, a field named by its JSON name has a property name of its own.
    const renamed = Object.hasOwn(type.schema.fields, key) ? type.schema.fields[key].ts : undefined;
    if (renamed !== undefined) {
      suggested.add(renamed);
      issues.push({
        field: keyField(field, key),
        message: `${q(key)} is the JSON name; cdk8s-plus-28's ${cdk8sTypeName(type)} calls this field ${renamed}, and drops ${q(key)}`,
        fix: `rename it to ${renamed}`,
        wrongType: false,
      });
      continue;
    }
    const names = [...type.byKey.keys()];
    // A near name is likely a typo; a far one may be a field of a later Kubernetes version.
    const near = nearName(key, names);
    const nearest = near ?? closest(key, names)!;
    suggested.add(nearest);
    issues.push({
      field: keyField(field, key),
      message: `${q(key)} is not a field of ${type.name} in Kubernetes ${SCHEMA_KUBERNETES_VERSION}, the newest schema this library knows`,
      fix: near !== undefined ? `did you mean ${near}?` : `remove it (the closest field of ${type.name} is ${nearest})`,
      wrongType: false,
    });
  }
  for (const { key } of type.required) {
    if ((value[key] === undefined || value[key] === null) && !suggested.has(key)) {
      issues.push({ field: keyField(field, key), message: `${type.name} requires ${key}, and it is not set`, fix: `set ${key}`, wrongType: false });
    }
  }
}

/** Reports a key cdk8s cannot write; true if it did. */
function checkKey(key: string, field: string, issues: ShapeIssue[]): boolean {
  if (key === 'constructor') {
    // cdk8s's serializer reads `value.constructor.name` to tell plain objects from class instances.
    issues.push({ field: keyField(field, key), message: 'cdk8s cannot render a key named "constructor": it takes it for the object\'s class', fix: 'remove or rename the key', wrongType: true });
    return true;
  }
  if (key === '__proto__') {
    // Assigning it sets the prototype of cdk8s's output object: the key disappears.
    issues.push({ field: keyField(field, key), message: 'cdk8s cannot render a key named "__proto__": it sets the prototype of the output instead', fix: 'remove or rename the key', wrongType: true });
    return true;
  }
  return false;
}

/** A `k8s.IntOrString` or `k8s.Quantity` holding a string or a finite number (IntOrString: whole). */
function checkWrapped(value: unknown, wrapper: typeof k8s.IntOrString | typeof k8s.Quantity, name: string, field: string, issues: ShapeIssue[]): void {
  const integerOnly = wrapper === k8s.IntOrString;
  if (value instanceof wrapper) {
    const inner: unknown = value.value;
    const fits = typeof inner === 'string' || (typeof inner === 'number' && Number.isFinite(inner) && (!integerOnly || Number.isInteger(inner)));
    if (!fits) {
      issues.push({ field, message: `the ${name} holds ${describe(inner)}`, fix: `give ${name}.fromString(…) a string or ${name}.fromNumber(…) a finite ${integerOnly ? 'whole ' : ''}number`, wrongType: true });
    }
    return;
  }
  const given = value instanceof k8s.IntOrString || value instanceof k8s.Quantity ? value.value : value;
  const fix = typeof given === 'number' ? `give ${name}.fromNumber(${given})`
    : typeof given === 'string' ? `give ${name}.fromString(${quoteJs(given)})`
      : `give ${name}.fromString('…') or ${name}.fromNumber(…)`;
  issues.push({ field, message: `expected a ${name}, got ${describe(value)}`, fix, wrongType: true });
}

/** Free-form JSON: plain objects and arrays of strings, finite numbers, booleans and null. */
function checkPlainData(value: unknown, field: string, issues: ShapeIssue[], ancestors: readonly unknown[]): void {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') {
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      issues.push({ field, message: `${describe(value)} is not a finite number and renders as null`, fix: 'give a finite number', wrongType: true });
    }
    return;
  }
  if (ancestors.includes(value)) {
    issues.push({ field, message: 'the value contains itself', fix: 'give a tree of plain data, without cycles', wrongType: true });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkPlainData(item, `${field}[${i}]`, issues, [...ancestors, value]));
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (!checkKey(key, field, issues)) {
        checkPlainData(value[key], keyField(field, key), issues, [...ancestors, value]);
      }
    }
  } else {
    issues.push({ field, message: `${describe(value)} is not plain data cdk8s can render`, fix: 'give plain objects, lists, strings, numbers and booleans', wrongType: true });
  }
}

/** The fix for a value given where a list belongs. */
function listFix(value: unknown, items: ValueSchema): string {
  if (typeof value === 'string' && items.kind === 'string') {
    const words = value.trim().split(/\s+/);
    return words.length > 1
      ? `give a list, one item per argument, such as ${json(words)}`
      : `give a list: [${quoteJs(value)}]`;
  }
  if (isPlainObject(value) && items.kind === 'object') {
    return `wrap the ${items.type} in a list: [{ … }]`;
  }
  return `give a list of ${expectation(items, true)}`;
}

// ---------------------------------------------------------------------------------------------
// renderWithNewerFields

type Converter = (value: unknown) => Record<string, unknown> | undefined;

/** An object by its type: the type's converter plus the newer fields, or all fields if it is newer. */
function renderObject(value: Record<string, unknown>, typeName: string): Record<string, unknown> {
  const type = knownType(typeName);
  const json = type.schema.toJson === undefined ? {} : converter(type.schema.toJson)(withoutNulls(value, type)) ?? {};
  addNewerFields(value, type, json);
  return json;
}

/**
 * Adds to `json`, the converter's output for `value` (empty for a type newer than 1.28), the newer
 * fields `value` sets, in the table's order, then does the same inside its 1.28 fields.
 */
function addNewerFields(value: Record<string, unknown>, type: KnownType, json: Record<string, unknown>): void {
  for (const { key, json: name, schema } of type.newer) {
    const given = value[key];
    if (given !== undefined && given !== null) {
      json[name] = renderAsJson(given, schema);
    }
  }
  for (const key of Object.keys(value)) {
    const known = type.byKey.get(key);
    const given = value[key];
    if (known?.schema.ts !== undefined && given !== undefined && given !== null && json[known.json] !== undefined) {
      addNewerFieldsInside(given, known.schema, json[known.json]);
    }
  }
}

/** Follows a 1.28 field into its objects, lists and maps, next to the converter's output. */
function addNewerFieldsInside(value: unknown, schema: ValueSchema, json: unknown): void {
  if (schema.kind === 'object') {
    addNewerFields(value as Record<string, unknown>, knownType(schema.type), json as Record<string, unknown>);
  } else if (schema.kind === 'array') {
    (value as unknown[]).forEach((item, i) => {
      if (item !== undefined && item !== null) {
        addNewerFieldsInside(item, schema.items, (json as unknown[])[i]);
      }
    });
  } else if (schema.kind === 'map') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined && item !== null) {
        addNewerFieldsInside(item, schema.values, (json as Record<string, unknown>)[key]);
      }
    }
  }
}

/** A value of a field newer than 1.28, as JSON. */
function renderAsJson(value: unknown, schema: ValueSchema): unknown {
  switch (schema.kind) {
    case 'intOrString':
    case 'quantity':
      return (value as k8s.IntOrString | k8s.Quantity).value;
    case 'time':
      return (value as Date).toISOString();
    case 'any':
      return plainCopy(value);
    case 'object':
      return renderObject(value as Record<string, unknown>, schema.type);
    case 'array':
      return (value as unknown[]).map((item) => renderAsJson(item, schema.items));
    case 'map':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined && item !== null)
        .map(([key, item]) => [key, renderAsJson(item, schema.values)]));
    default:
      return value;
  }
}

/**
 * A copy of `value` with the fields set to null left out, at every depth: the converters skip
 * undefined fields but read into null ones (`toJson_Lifecycle(null)` throws).
 */
function withoutNulls(value: Record<string, unknown>, type: KnownType): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const known = type.byKey.get(key);
    const given = value[key];
    if (known && given !== undefined && given !== null) {
      copy[key] = valueWithoutNulls(given, known.schema);
    }
  }
  return copy;
}

function valueWithoutNulls(value: unknown, schema: ValueSchema): unknown {
  switch (schema.kind) {
    case 'object':
      return withoutNulls(value as Record<string, unknown>, knownType(schema.type));
    case 'array':
      return (value as unknown[]).map((item) => valueWithoutNulls(item, schema.items));
    case 'map':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined && item !== null)
        .map(([key, item]) => [key, valueWithoutNulls(item, schema.values)]));
    case 'any':
      return plainCopy(value);
    default:
      return value;
  }
}

/** Free-form data as fresh plain objects and arrays (cdk8s cannot write objects without a prototype). */
function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(plainCopy);
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plainCopy(item)]));
  }
  return value;
}

function converter(name: string): Converter {
  const found: unknown = (k8s as unknown as Record<string, unknown>)[name];
  if (typeof found !== 'function') {
    throw new Error(`cdk8s-plus-28 has no converter k8s.${name}; regenerate src/kubernetes/generated/schema.ts`);
  }
  return found as Converter;
}

// ---------------------------------------------------------------------------------------------
// The table

/** A field as callers give it: under `key`, its cdk8s-plus-28 property (the JSON name if newer). */
interface CallerField {
  readonly key: string;
  readonly json: string;
  readonly schema: FieldSchema;
}

/** A type of the table, with its fields arranged as the walks need them. */
interface KnownType {
  readonly name: string;
  readonly schema: TypeSchema;
  readonly byKey: ReadonlyMap<string, CallerField>;
  /** The fields newer than 1.28, in the table's order. */
  readonly newer: readonly CallerField[];
  readonly required: readonly CallerField[];
}

/** Every type of the table, arranged once when the module loads. */
const KNOWN_TYPES: ReadonlyMap<string, KnownType> = new Map(Object.entries(KUBERNETES_TYPES).map(([name, schema]) => {
  const fields = Object.entries(schema.fields).map(([json, field]) => ({ key: field.ts ?? json, json, schema: field }));
  return [name, {
    name,
    schema,
    byKey: new Map(fields.map((field) => [field.key, field])),
    newer: fields.filter((field) => field.schema.ts === undefined),
    required: fields.filter((field) => field.schema.required),
  }];
}));

function knownType(typeName: string): KnownType {
  const type = KNOWN_TYPES.get(typeName);
  if (type === undefined) {
    throw new Error(`unknown Kubernetes type ${q(typeName)}: not in src/kubernetes/generated/schema.ts`);
  }
  return type;
}

/** `k8s.PodSpec` for a type converted by `toJson_PodSpec`. */
function cdk8sTypeName(type: KnownType): string {
  return `k8s.${(type.schema.toJson ?? '').replace(/^toJson_/, '')}`;
}

// ---------------------------------------------------------------------------------------------
// Words

/** What a schema expects, for messages: `a list of strings`, `a Container object`. */
function expectation(schema: ValueSchema, plural = false): string {
  const noun = (one: string, many: string) => (plural ? many : one);
  switch (schema.kind) {
    case 'string':
      return schema.enum ? noun(`one of ${listed(schema.enum)}`, `strings among ${listed(schema.enum)}`) : noun('a string', 'strings');
    case 'integer':
      return noun('an integer', 'integers');
    case 'number':
      return noun('a number', 'numbers');
    case 'boolean':
      return noun('a boolean', 'booleans');
    case 'intOrString':
      return noun('a k8s.IntOrString', 'k8s.IntOrString values');
    case 'quantity':
      return noun('a k8s.Quantity', 'k8s.Quantity values');
    case 'time':
      return noun('a Date', 'Dates');
    case 'any':
      return 'plain data';
    case 'object':
      return noun(`a ${schema.type} object`, `${schema.type} objects`);
    case 'array':
      return noun(`a list of ${expectation(schema.items, true)}`, `lists of ${expectation(schema.items, true)}`);
    case 'map':
      return noun(`a map of ${expectation(schema.values, true)}`, `maps of ${expectation(schema.values, true)}`);
  }
}

/** What the caller gave, for messages; user text quoted and cut short. */
function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `the string ${q(value)}`;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : String(value);
    case 'boolean':
      return `the boolean ${value}`;
    case 'bigint':
      return `the bigint ${value}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'undefined':
      return 'undefined';
  }
  if (value === null) {
    return 'null';
  }
  if (value instanceof k8s.IntOrString || value instanceof k8s.Quantity) {
    return `a ${value instanceof k8s.IntOrString ? 'k8s.IntOrString' : 'k8s.Quantity'} holding ${json(value.value)}`;
  }
  if (Array.isArray(value)) {
    return `a list ${json(value)}`;
  }
  if (!isPlainObject(value)) {
    return `an instance of ${(value as object).constructor?.name || 'a class'}`;
  }
  return `an object ${json(value)}`;
}

/** JSON text of a value, cut short (and a placeholder where JSON cannot hold it). */
function json(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    return '(not JSON)';
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A JavaScript string literal in single quotes, for fixes written as code. */
function quoteJs(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return `'${JSON.stringify(cut).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** `A, B or C`; long lists cut after eight values. */
function listed(values: readonly string[]): string {
  const shown = values.slice(0, 8).map((v) => q(v));
  if (values.length > 8) {
    return `${shown.join(', ')} … (${values.length} values)`;
  }
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}


function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
