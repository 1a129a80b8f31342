/**
 * The typed settings of the other components (`KarmadaOperatorComponents`), read whatever their
 * runtime type.
 *
 * The generated converters (`toJson_*` of src/imports/operator.karmada.io.ts) trust their input's
 * TypeScript type: from JavaScript, a misspelt field or a plain number where an int-or-string class
 * belongs is dropped without a word, and a string where a list belongs throws. So each component is
 * first held to the operator CRD's own schema (its description-free copy, imported with the
 * classes), field by field under the TypeScript names the classes use; only a component without
 * values of the wrong JavaScript type is then rendered, by the generated converter.
 *
 * Settings the operator accepts but never applies are errors too: leaving them in the object would
 * drop them in silence.
 */
import {
  toJson_KarmadaSpecComponentsEtcdLocal,
  toJson_KarmadaSpecComponentsKarmadaAggregatedApiServer,
  toJson_KarmadaSpecComponentsKarmadaControllerManager,
  toJson_KarmadaSpecComponentsKarmadaDescheduler,
  toJson_KarmadaSpecComponentsKarmadaMetricsAdapter,
  toJson_KarmadaSpecComponentsKarmadaScheduler,
  toJson_KarmadaSpecComponentsKarmadaSearch,
  toJson_KarmadaSpecComponentsKarmadaWebhook,
  toJson_KarmadaSpecComponentsKubeControllerManager,
} from '../imports/operator.karmada.io';
import { keyField, q } from '../problems';
import { Problems } from '../problems';
import { describeValue, isPlainObject, readObject } from '../runtime';
import { nearName } from '../suggest';
import { COMPONENT_SCHEMAS, SchemaNode } from './crd-schema';
import type { KarmadaOperatorComponents } from './props';

/** How one component of `KarmadaOperatorComponents` is checked and rendered. */
interface ComponentEntry {
  /** Its place under `spec.components`, as JSON names. */
  readonly path: readonly string[];
  /** The generated type, for messages. */
  readonly typeName: string;
  /** The generated converter to JSON. */
  readonly toJson: (value: never) => Record<string, unknown> | undefined;
}

/** Every component. The type lists every key of KarmadaOperatorComponents, so none is forgotten. */
const COMPONENTS: { readonly [K in keyof KarmadaOperatorComponents]-?: ComponentEntry } = {
  localEtcd: { path: ['etcd', 'local'], typeName: 'KarmadaSpecComponentsEtcdLocal', toJson: toJson_KarmadaSpecComponentsEtcdLocal },
  karmadaAggregatedApiServer: {
    path: ['karmadaAggregatedAPIServer'], typeName: 'KarmadaSpecComponentsKarmadaAggregatedApiServer',
    toJson: toJson_KarmadaSpecComponentsKarmadaAggregatedApiServer,
  },
  kubeControllerManager: {
    path: ['kubeControllerManager'], typeName: 'KarmadaSpecComponentsKubeControllerManager',
    toJson: toJson_KarmadaSpecComponentsKubeControllerManager,
  },
  karmadaControllerManager: {
    path: ['karmadaControllerManager'], typeName: 'KarmadaSpecComponentsKarmadaControllerManager',
    toJson: toJson_KarmadaSpecComponentsKarmadaControllerManager,
  },
  karmadaScheduler: { path: ['karmadaScheduler'], typeName: 'KarmadaSpecComponentsKarmadaScheduler', toJson: toJson_KarmadaSpecComponentsKarmadaScheduler },
  karmadaWebhook: { path: ['karmadaWebhook'], typeName: 'KarmadaSpecComponentsKarmadaWebhook', toJson: toJson_KarmadaSpecComponentsKarmadaWebhook },
  karmadaMetricsAdapter: {
    path: ['karmadaMetricsAdapter'], typeName: 'KarmadaSpecComponentsKarmadaMetricsAdapter',
    toJson: toJson_KarmadaSpecComponentsKarmadaMetricsAdapter,
  },
  karmadaSearch: { path: ['karmadaSearch'], typeName: 'KarmadaSpecComponentsKarmadaSearch', toJson: toJson_KarmadaSpecComponentsKarmadaSearch },
  karmadaDescheduler: {
    path: ['karmadaDescheduler'], typeName: 'KarmadaSpecComponentsKarmadaDescheduler',
    toJson: toJson_KarmadaSpecComponentsKarmadaDescheduler,
  },
};

/** The schema of a component, from its JSON path under `spec.components`. */
function schemaAt(path: readonly string[]): SchemaNode {
  let node: SchemaNode = { properties: COMPONENT_SCHEMAS };
  for (const name of path) {
    node = node.properties![name];
  }
  return node;
}

/**
 * The TypeScript name `cdk8s import` gives a JSON field: its words in camel case, an acronym being
 * one word (`certSANs` → `certSaNs`, `karmadaAPIServer` → `karmadaApiServer`, `hostIPC` → `hostIpc`).
 */
export function typeScriptName(jsonName: string): string {
  const words = jsonName.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [jsonName];
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
}

/** The name `cdk8s import` gives the type of a field: its parent type's name and the field's. */
function fieldTypeName(parent: string, jsonName: string): string {
  const ts = typeScriptName(jsonName);
  return parent + ts[0].toUpperCase() + ts.slice(1);
}

/** JavaScript versions of the CEL rules of the component schemas, by rule text. */
const CEL_RULES: { readonly [rule: string]: (self: Record<string, unknown>) => boolean } = {
  'has(self.minAvailable) || has(self.maxUnavailable)': (self) => self.minAvailable !== undefined || self.maxUnavailable !== undefined,
  '!(has(self.minAvailable) && has(self.maxUnavailable))': (self) => !(self.minAvailable !== undefined && self.maxUnavailable !== undefined),
};

/**
 * Holds `value` (TypeScript-shaped, as the generated classes take it) to the schema node: every
 * problem goes into `problems`. Returns whether a value of the wrong JavaScript type was found, which
 * the generated converter would drop or fail on.
 */
function checkValue(value: unknown, schema: SchemaNode, field: string, typeName: string, problems: Problems): boolean {
  let wrongType = false;
  const wrong = (message: string, fix: string) => {
    wrongType = true;
    problems.add(field, message, fix);
  };
  if (value === undefined) {
    return wrongType;
  }
  if (value === null) {
    problems.add(field, 'null is not a value here, and the API server would drop the field', 'leave the field out');
    return wrongType;
  }
  if (schema['x-kubernetes-int-or-string']) {
    const held = isObjectWith(value, 'value') ? (value as { value: unknown }).value : undefined;
    if (typeof held !== 'number' && typeof held !== 'string') {
      wrong(`expected an operator.${typeName}, got ${describeValue(value)}`,
        `write operator.${typeName}.${typeof value === 'string' ? `fromString(${q(value)})` : `fromNumber(${typeof value === 'number' ? value : 1})`}`);
    }
    return wrongType;
  }
  switch (schema.type) {
    case 'object':
      if (!isPlainObject(value)) {
        wrong(`expected an object (operator.${typeName}), got ${describeValue(value)}`, `give an object of the fields of operator.${typeName}`);
      } else if (schema.properties !== undefined) {
        wrongType = checkStruct(value, schema, field, typeName, problems) || wrongType;
      } else if (typeof schema.additionalProperties === 'object') {
        for (const [key, item] of Object.entries(value)) {
          wrongType = checkValue(item, schema.additionalProperties, keyField(field, key), typeName, problems) || wrongType;
        }
      }
      break;
    case 'array':
      if (!Array.isArray(value)) {
        wrong(`expected a list, got ${describeValue(value)}`, isPlainObject(value) ? 'wrap the item in a list: [ ... ]' : `give a list, or leave ${field} out`);
      } else {
        value.forEach((item, i) => {
          wrongType = checkValue(item, schema.items ?? {}, `${field}[${i}]`, typeName, problems) || wrongType;
        });
      }
      break;
    case 'string':
      if (typeof value !== 'string') {
        wrong(`expected a string, got ${describeValue(value)}`, typeof value === 'number' || typeof value === 'boolean' ? `write it as a string: ${q(String(value))}` : 'give a string');
      } else if (schema.enum !== undefined && !schema.enum.includes(value)) {
        problems.add(field, `${q(value)} is not one of ${schema.enum.map((e) => q(e)).join(', ')}`, `use one of ${schema.enum.map((e) => q(e)).join(', ')}`);
      }
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number') {
        wrong(`expected a number, got ${describeValue(value)}`, typeof value === 'string' && /^\d+$/.test(value) ? `write it as a number: ${value}` : 'give a number');
      } else if (schema.type === 'integer' && (!Number.isInteger(value) || (schema.format === 'int32' && Math.abs(value) >= 2 ** 31))) {
        problems.add(field, `${value} is not a whole number${schema.format === 'int32' ? ' of 32 bits' : ''}`, 'give a whole number');
      }
      break;
    case 'boolean':
      if (typeof value !== 'boolean') {
        wrong(`expected true or false, got ${describeValue(value)}`, 'set it to true or false');
      }
      break;
    default:
      // Preserved unknown fields and untyped nodes take any value.
      break;
  }
  return wrongType;
}

/** The fields of one struct: each known under its TypeScript name, the required ones present, the CEL rules kept. */
function checkStruct(value: Record<string, unknown>, schema: SchemaNode, field: string, typeName: string, problems: Problems): boolean {
  let wrongType = false;
  const byTsName = new Map(Object.entries(schema.properties!).map(([json, sub]) => [typeScriptName(json), { json, sub }]));
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) {
      continue;
    }
    const known = byTsName.get(key);
    if (known === undefined) {
      if (schema['x-kubernetes-preserve-unknown-fields']) {
        continue;
      }
      const jsonNamed = [...byTsName.entries()].find(([, { json }]) => json === key)?.[0];
      const near = jsonNamed ?? nearName(key, [...byTsName.keys()]);
      problems.add(keyField(field, key), `operator.${typeName} has no field ${q(key)}, so it would be dropped`,
        near !== undefined ? `did you mean ${near}?` : `use the fields of operator.${typeName}: ${[...byTsName.keys()].join(', ')}`);
      continue;
    }
    wrongType = checkValue(item, known.sub, `${field}.${key}`, fieldTypeName(typeName, known.json), problems) || wrongType;
  }
  for (const json of schema.required ?? []) {
    if (value[typeScriptName(json)] === undefined) {
      problems.add(`${field}.${typeScriptName(json)}`, `operator.${typeName} requires ${typeScriptName(json)}`, `give ${typeScriptName(json)}`);
    }
  }
  for (const { rule, message } of schema['x-kubernetes-validations'] ?? []) {
    const holds = CEL_RULES[rule];
    if (holds !== undefined && !holds(value)) {
      problems.add(field, message ?? `the operator's CRD requires ${rule}`, 'give exactly one of minAvailable and maxUnavailable');
    }
  }
  return wrongType;
}

function isObjectWith(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && key in value;
}

/** The components as JSON under `spec.components`, and the local etcd's settings apart. */
export interface ComponentSettings {
  /** `spec.components.etcd.local` as the user set it (JSON), when given. */
  readonly localEtcd?: Record<string, unknown>;
  /** The other components by their JSON name under `spec.components`. */
  readonly others: Record<string, Record<string, unknown>>;
}

/**
 * Reads `components` whatever its runtime type: each component is checked against the CRD and the
 * operator's quirks, and rendered with its generated converter unless a value of the wrong type
 * makes that unsafe (then it is left out: its problems fail the synth anyway).
 */
export function readComponents(given: unknown, problems: Problems): ComponentSettings {
  const components = readObject(given, 'components', problems, '{ karmadaScheduler: { replicas: 2 } }') ?? {};
  const known = Object.keys(COMPONENTS);
  const others: Record<string, Record<string, unknown>> = {};
  let localEtcd: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(components)) {
    if (value === undefined) {
      continue;
    }
    const entry = (COMPONENTS as Record<string, ComponentEntry | undefined>)[key];
    if (!known.includes(key) || entry === undefined) {
      const near = key === 'etcd' ? 'localEtcd (the local etcd; apiServer.etcd chooses local or external)'
        : key === 'karmadaApiServer' || key === 'karmadaAPIServer' ? 'apiServer (the props of the API server)' : nearName(key, known);
      problems.add(keyField('components', key), `${q(key)} is not a component of KarmadaOperatorComponents, so it would be ignored`,
        near !== undefined ? `did you mean ${near}?` : `use one of ${known.join(', ')}`);
      continue;
    }
    const field = `components.${key}`;
    const wrongType = checkValue(value, schemaAt(entry.path), field, entry.typeName, problems);
    if (isPlainObject(value)) {
      checkNeverApplied(key, value, field, problems);
    }
    if (wrongType) {
      continue;
    }
    const json = entry.toJson(value as never) ?? {};
    if (key === 'localEtcd') {
      localEtcd = json;
    } else {
      others[entry.path[0]] = json;
    }
  }
  return { localEtcd, others };
}

/** Settings the operator at v1.19.0-rc.0 accepts and never applies (or applies partly). */
function checkNeverApplied(key: string, value: Record<string, unknown>, field: string, problems: Problems): void {
  if (value.featureGates !== undefined) {
    problems.add(`${field}.featureGates`, 'the operator declares featureGates on each component but never applies them, so the gates would be dropped',
      'give them as a flag: extraArgs: { "feature-gates": "SomeGate=true" }');
  }
  if (key !== 'localEtcd') {
    return;
  }
  const peerCertSans = typeScriptName('peerCertSANs');
  if (value[peerCertSans] !== undefined) {
    problems.add(`${field}.${peerCertSans}`, 'the operator never reads peerCertSANs: its etcd peers talk plain HTTP and have no certificate',
      `remove ${peerCertSans}`);
  }
  const data = isPlainObject(value.volumeData) ? value.volumeData : undefined;
  if (data === undefined) {
    return;
  }
  const kinds = ['emptyDir', 'hostPath', 'volumeClaim'].filter((k) => data[k] !== undefined);
  if (kinds.length > 1) {
    problems.add(`${field}.volumeData`, `${kinds.join(' and ')} are both given: the operator adds a data volume for each, under one name, and Kubernetes rejects the StatefulSet`,
      `keep one of ${kinds.join(', ')}`);
  }
  const emptyDir = isPlainObject(data.emptyDir) ? data.emptyDir : undefined;
  for (const ignored of ['medium', 'sizeLimit']) {
    if (emptyDir?.[ignored] !== undefined) {
      problems.add(`${field}.volumeData.emptyDir.${ignored}`, `the operator always renders the data volume as emptyDir: {}, so ${ignored} would be dropped`,
        'remove it, or use volumeData.volumeClaim for storage of a given size');
    }
  }
  const claim = isPlainObject(data.volumeClaim) ? data.volumeClaim : undefined;
  if (claim?.metadata !== undefined) {
    problems.add(`${field}.volumeData.volumeClaim.metadata`, 'the operator uses only the spec of the claim template, so its metadata would be dropped',
      'remove metadata');
  }
}
