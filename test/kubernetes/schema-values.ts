/**
 * Random values of the Kubernetes types in the schema table, in cdk8s-plus-28's TypeScript shape
 * (its property names, `k8s.IntOrString`, `k8s.Quantity`, `Date`; newer fields under their JSON
 * names), and the tools the property tests use on them: the JSON they must render to, the places a
 * value sets, and copying.
 */
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { keyField } from '../../src/problems';
import { KUBERNETES_TYPES } from '../../src/kubernetes/generated/schema';
import type { FieldSchema, TypeSchema, ValueSchema } from '../../src/kubernetes/schema-model';

type Json = Record<string, unknown>;

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const QUANTITIES = ['0', '1', '250m', '1.5', '64Mi', '2Gi', '1k', '3e2'];

/** A value of `typeName`; below `depth` levels of objects, only required fields are set. */
export function typeValue(typeName: string, depth: number): fc.Arbitrary<Json> {
  const type = KUBERNETES_TYPES[typeName];
  const fields = Object.entries(type.fields).filter(([, f]) => depth > 0 || f.required);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [json, f] of fields) {
    model[f.ts ?? json] = value(f, depth - 1);
  }
  const requiredKeys = fields.filter(([, f]) => f.required).map(([json, f]) => f.ts ?? json);
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Json>;
}

function value(schema: ValueSchema, depth: number): fc.Arbitrary<unknown> {
  switch (schema.kind) {
    case 'string':
      return schema.enum ? fc.constantFrom(...schema.enum) : word;
    case 'integer':
      return fc.integer({ min: 0, max: 65535 });
    case 'number':
      return fc.double({ min: -1e6, max: 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'intOrString':
      return fc.oneof(fc.integer({ min: 1, max: 65535 }).map(k8s.IntOrString.fromNumber), word.map(k8s.IntOrString.fromString));
    case 'quantity':
      return fc.oneof(fc.integer({ min: 0, max: 4096 }).map(k8s.Quantity.fromNumber), fc.constantFrom(...QUANTITIES).map(k8s.Quantity.fromString));
    case 'time':
      // Whole seconds: Kubernetes writes times without fractions.
      return fc.integer({ min: 946684800, max: 4102444800 }).map((seconds) => new Date(seconds * 1000));
    case 'any':
      return fc.dictionary(word, fc.oneof(word, fc.integer(), fc.boolean()), { maxKeys: 2 });
    case 'object':
      return typeValue(schema.type, depth);
    case 'array':
      return fc.array(value(schema.items, depth), { maxLength: 2 });
    case 'map':
      return fc.dictionary(word, value(schema.values, depth), { maxKeys: 2 });
  }
}

/**
 * The JSON a value must render to, from the table alone: each field under its JSON name, wrapped
 * values unwrapped, dates as text. The renderer goes through cdk8s-plus-28's converters instead.
 */
export function expectedJson(input: unknown, schema: ValueSchema): unknown {
  switch (schema.kind) {
    case 'intOrString':
    case 'quantity':
      return (input as k8s.IntOrString).value;
    case 'time':
      return (input as Date).toISOString();
    case 'object': {
      const type = KUBERNETES_TYPES[schema.type];
      const json: Json = {};
      for (const [name, f] of Object.entries(type.fields)) {
        const given = (input as Json)[f.ts ?? name];
        if (given !== undefined) {
          json[name] = expectedJson(given, f);
        }
      }
      return json;
    }
    case 'array':
      return (input as unknown[]).map((item) => expectedJson(item, schema.items));
    case 'map':
      return Object.fromEntries(Object.entries(input as Json).map(([key, item]) => [key, expectedJson(item, schema.values)]));
    default:
      return input;
  }
}

/** One value a value sets: the steps to it, its field path, and what the schema says of it. */
export interface Place {
  readonly steps: ReadonlyArray<string | number>;
  readonly field: string;
  readonly schema: ValueSchema;
  /** Set for a field of a typed object (which can be renamed): that object's type and field path. */
  readonly owner?: { readonly type: TypeSchema; readonly field: string };
}

/** Every value set in `input`, at any depth. */
export function places(input: unknown, schema: ValueSchema, field: string, steps: ReadonlyArray<string | number> = []): Place[] {
  const found: Place[] = [];
  if (schema.kind === 'object') {
    const type = KUBERNETES_TYPES[schema.type];
    for (const [name, f] of Object.entries(type.fields)) {
      const key = f.ts ?? name;
      const given = (input as Json)[key];
      if (given !== undefined) {
        const place = { steps: [...steps, key], field: keyField(field, key), schema: f as FieldSchema, owner: { type, field } };
        found.push(place, ...places(given, f, place.field, place.steps));
      }
    }
  } else if (schema.kind === 'array') {
    (input as unknown[]).forEach((item, i) => {
      const place = { steps: [...steps, i], field: `${field}[${i}]`, schema: schema.items };
      found.push(place, ...places(item, schema.items, place.field, place.steps));
    });
  } else if (schema.kind === 'map') {
    for (const [key, item] of Object.entries(input as Json)) {
      const place = { steps: [...steps, key], field: keyField(field, key), schema: schema.values };
      found.push(place, ...places(item, schema.values, place.field, place.steps));
    }
  }
  return found;
}

/** A copy of plain objects and arrays; class instances (IntOrString, Quantity, Date) are shared. */
export function copy<T>(input: T): T {
  if (Array.isArray(input)) {
    return input.map(copy) as T;
  }
  if (input !== null && typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype) {
    return Object.fromEntries(Object.entries(input).map(([key, item]) => [key, copy(item)])) as T;
  }
  return input;
}

/** The object or array that holds the value at `steps`. */
export function parentOf(root: unknown, steps: ReadonlyArray<string | number>): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const step of steps.slice(0, -1)) {
    node = node[step] as Record<string | number, unknown>;
  }
  return node;
}
