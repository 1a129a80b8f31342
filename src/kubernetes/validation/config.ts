/**
 * v1 ConfigMaps, Secrets and ServiceAccounts.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (ValidateConfigMap, ValidateSecret,
 * ValidateServiceAccount; the 1 MiB limit is core.MaxSecretSize), with the conversion of
 * pkg/apis/core/v1/conversion.go applied first (a Secret's stringData is merged into data).
 * Restated, not copied.
 */
import { RULES, isConfigMapKey } from '../grammar';
import { byteLength, validateObjectMeta } from './meta';
import { q } from '../../problems';
import { JsonObject, Report, at, entriesAt, objectAt, stringMapAt, textAt } from './report';

/** The most bytes of data a ConfigMap or Secret may hold. */
export const MAX_DATA_BYTES = 1024 * 1024;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The required keys of each Secret type, as [keys, whether one of them is enough]. */
const SECRET_TYPE_KEYS: Record<string, { keys: string[]; anyOf: boolean; json?: boolean }> = {
  'kubernetes.io/dockercfg': { keys: ['.dockercfg'], anyOf: false, json: true },
  'kubernetes.io/dockerconfigjson': { keys: ['.dockerconfigjson'], anyOf: false, json: true },
  'kubernetes.io/basic-auth': { keys: ['username', 'password'], anyOf: true },
  'kubernetes.io/ssh-auth': { keys: ['ssh-privatekey'], anyOf: false },
  'kubernetes.io/tls': { keys: ['tls.crt', 'tls.key'], anyOf: false },
};

function validateKey(report: Report, key: string, path: string, kind: string): void {
  if (!isConfigMapKey(key)) {
    report.add(path, `${q(key)} is not a valid ${kind} key (${RULES.configMapKey})`, `use a key such as ${q(key.replace(/[^-._a-zA-Z0-9]+/g, '-').replace(/^\.+/, '') || 'config')}`);
  }
}

/** The bytes of a base64 value, or undefined when it is not base64. */
function decodedLength(report: Report, value: unknown, path: string): number {
  const text = textAt(value) ?? '';
  if (!BASE64.test(text)) {
    report.add(path, 'the value is not base64', 'encode the value in base64, or put it in stringData (Secret) or data (ConfigMap) as text');
    return 0;
  }
  return Buffer.from(text, 'base64').length;
}

function validateTotalSize(report: Report, bytes: number, path: string, kind: string): void {
  if (bytes > MAX_DATA_BYTES) {
    report.add(path, `the ${kind} holds ${bytes} bytes, more than the ${MAX_DATA_BYTES} (1 MiB) allowed`, `split the data over several ${kind}s, or mount it from elsewhere`);
  }
}

/** A v1 ConfigMap. */
export function validateConfigMap(report: Report, configMap: JsonObject): void {
  validateObjectMeta(report, objectAt(configMap.metadata), 'metadata', 'dns1123Subdomain');
  const binaryKeys = new Set(entriesAt(configMap.binaryData).map(([k]) => k));
  let total = 0;
  for (const [key, value] of stringMapAt(configMap.data)) {
    validateKey(report, key, at('data', key), 'ConfigMap');
    if (binaryKeys.has(key)) {
      report.add(at('data', key), `the key ${q(key)} is in both data and binaryData`, 'keep it in one of them');
    }
    total += byteLength(value);
  }
  for (const [key, value] of entriesAt(configMap.binaryData)) {
    validateKey(report, key, at('binaryData', key), 'ConfigMap');
    total += decodedLength(report, value, at('binaryData', key));
  }
  validateTotalSize(report, total, 'data', 'ConfigMap');
}

/** A v1 Secret. */
export function validateSecret(report: Report, secret: JsonObject): void {
  const meta = objectAt(secret.metadata);
  validateObjectMeta(report, meta, 'metadata', 'dns1123Subdomain');
  const sizes = new Map<string, number>();
  const values = new Map<string, string>();
  for (const [key, value] of entriesAt(secret.data)) {
    validateKey(report, key, at('data', key), 'Secret');
    sizes.set(key, decodedLength(report, value, at('data', key)));
    values.set(key, Buffer.from(textAt(value) ?? '', 'base64').toString('utf8'));
  }
  // stringData is written into data before validation, replacing keys of the same name.
  for (const [key, value] of stringMapAt(secret.stringData)) {
    validateKey(report, key, at('stringData', key), 'Secret');
    sizes.set(key, byteLength(value));
    values.set(key, value);
  }
  validateTotalSize(report, [...sizes.values()].reduce((a, b) => a + b, 0), 'data', 'Secret');
  const type = textAt(secret.type) ?? 'Opaque';
  if (type === 'kubernetes.io/service-account-token') {
    const account = textAt(objectAt(meta?.annotations)?.['kubernetes.io/service-account.name']) ?? '';
    if (account === '') {
      report.add(at('metadata.annotations', 'kubernetes.io/service-account.name'), 'a service account token Secret must name its ServiceAccount', 'add the annotation kubernetes.io/service-account.name');
    }
  }
  const required = SECRET_TYPE_KEYS[type];
  if (!required) {
    return;
  }
  const present = required.keys.filter((k) => sizes.has(k) && !(type === 'kubernetes.io/ssh-auth' && sizes.get(k) === 0));
  if (required.anyOf ? present.length === 0 : present.length < required.keys.length) {
    const missing = required.keys.filter((k) => !present.includes(k));
    report.add(at('data', missing[0]), `a Secret of type ${type} needs the key${required.anyOf ? ' ' + required.keys.join(' or ') : (missing.length > 1 ? 's ' : ' ') + missing.join(' and ')}`, `add ${missing.join(' and ')} to data or stringData`);
  }
  for (const key of present) {
    if (required.json) {
      try {
        JSON.parse(values.get(key) ?? '');
      } catch {
        report.add(at('data', key), `${key} is not valid JSON`, 'give the registry credentials as JSON');
      }
    }
  }
}

/** A v1 ServiceAccount. */
export function validateServiceAccount(report: Report, account: JsonObject): void {
  validateObjectMeta(report, objectAt(account.metadata), 'metadata', 'dns1123Subdomain');
}
