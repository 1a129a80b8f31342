/**
 * The rules kube-apiserver enforces on an `EncryptionConfiguration` when it starts, checked on plain
 * data shaped like the YAML file. The same code checks the typed configuration and a hand-written
 * file found in a ConfigMap or Secret of the app.
 */
import { Problems } from '../problems';

/** Where a configuration comes from, and what the user allowed. */
export interface RuleOptions {
  /** Turns a path in the file (`resources[0].providers[1].kms.name`) into the field to report. */
  readonly fieldOf: (path: string) => string;
  /** Identity first is allowed (a planned migration). */
  readonly allowIdentityFirst: boolean;
  /** The file lives in a ConfigMap: key material is an error there. */
  readonly inConfigMap: boolean;
  /** How to allow identity first, for the fix text. */
  readonly identityFirstFix: string;
}

const TOP_FIELDS = ['apiVersion', 'kind', 'resources'];
const ENTRY_FIELDS = ['resources', 'providers'];
const PROVIDER_TYPES = ['kms', 'aescbc', 'aesgcm', 'secretbox', 'identity'];
const KMS_FIELDS = ['apiVersion', 'name', 'endpoint', 'cachesize', 'timeout'];
/** The longest UNIX socket path: Linux's sun_path holds 108 bytes, the last one the terminating NUL. */
export const MAX_SOCKET_PATH_BYTES = 107;
const KEY_SIZES: Record<string, number[]> = { aescbc: [16, 24, 32], aesgcm: [16, 24, 32], secretbox: [32] };
const NON_REST = ['apiserveripinfo', 'serviceipallocations', 'servicenodeportallocations'];

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `<resource>.<group>` split at the first dot, as the API server parses it. */
function parseGroupResource(value: string): { group: string; resource: string } {
  const dot = value.indexOf('.');
  return dot === -1 ? { group: '', resource: value } : { group: value.slice(dot + 1), resource: value.slice(0, dot) };
}

/**
 * A Go duration (`3s`, `1m30s`, `500ms`, `-1s`, `0`) in milliseconds, or undefined when it is not
 * one.
 */
export function parseGoDuration(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  const match = /^([+-]?)(.*)$/.exec(text)!;
  const body = match[2];
  if (body === '0') {
    return 0;
  }
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < body.length) {
    part.lastIndex = pos;
    const m = part.exec(body);
    if (!m) {
      return undefined;
    }
    total += Number(m[1]) * units[m[2]];
    pos = part.lastIndex;
  }
  if (body.length === 0) {
    return undefined;
  }
  return match[1] === '-' ? -total : total;
}

function unknownFields(value: Obj, known: string[], path: string, what: string, o: RuleOptions, problems: Problems): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const close = known.find((k) => k.toLowerCase() === key.toLowerCase());
      problems.add(o.fieldOf(path ? `${path}.${key}` : key),
        `unknown field "${key}" in ${what}; the API server decodes the file strictly and refuses to start`,
        close ? `write "${close}"` : `remove it (known fields: ${known.join(', ')})`);
    }
  }
}

/** Checks a whole configuration; adds one problem per broken rule. */
export function checkEncryptionConfig(config: unknown, o: RuleOptions, problems: Problems): void {
  if (!isObject(config)) {
    problems.add(o.fieldOf('(file)'), 'the file is not a YAML mapping', 'write an apiserver.config.k8s.io/v1 EncryptionConfiguration');
    return;
  }
  unknownFields(config, TOP_FIELDS, '', 'EncryptionConfiguration', o, problems);
  if (config.apiVersion !== 'apiserver.config.k8s.io/v1') {
    problems.add(o.fieldOf('apiVersion'), `${config.apiVersion === undefined ? 'apiVersion is missing' : `apiVersion ${JSON.stringify(config.apiVersion)} is not apiserver.config.k8s.io/v1`}`, 'set apiVersion: apiserver.config.k8s.io/v1');
  }
  if (config.kind !== 'EncryptionConfiguration') {
    problems.add(o.fieldOf('kind'), `${config.kind === undefined ? 'kind is missing' : `kind ${JSON.stringify(config.kind)} is not EncryptionConfiguration`}`, 'set kind: EncryptionConfiguration');
  }
  const entries = config.resources;
  if (!Array.isArray(entries) || entries.length === 0) {
    problems.add(o.fieldOf('resources'), 'the configuration has no resources entry', 'add an entry with resources (e.g. secrets) and providers');
    return;
  }

  const kmsNames = new Map<string, string>();
  const earlier = new Set<string>();
  entries.forEach((entry, i) => {
    const path = `resources[${i}]`;
    if (!isObject(entry)) {
      problems.add(o.fieldOf(path), 'the entry is not a mapping', 'give the entry resources and providers');
      return;
    }
    unknownFields(entry, ENTRY_FIELDS, path, 'a resources entry', o, problems);
    const resources = Array.isArray(entry.resources) ? entry.resources.map(String) : [];
    if (resources.length === 0) {
      problems.add(o.fieldOf(`${path}.resources`), 'the entry lists no resources', 'list at least one resource, e.g. secrets');
    }
    checkResourceNames(resources, `${path}.resources`, o, problems);
    checkOverlap(resources, `${path}.resources`, o, problems);
    resources.forEach((resource, j) => {
      const { group } = parseGroupResource(resource);
      const mask = [`*.${group}`, '*.*'].find((m) => earlier.has(m));
      if (mask !== undefined) {
        problems.add(o.fieldOf(`${path}.resources[${j}]`),
          `resource "${resource}" is masked by the earlier entry "${mask}", so the API server refuses to start`,
          `move "${resource}" into an entry before the one with "${mask}", or remove it`);
      }
    });
    resources.forEach((r) => earlier.add(r));

    const providers = Array.isArray(entry.providers) ? entry.providers : [];
    if (providers.length === 0) {
      problems.add(o.fieldOf(`${path}.providers`), 'the entry has no providers', 'add a provider, e.g. a KMS v2 provider');
    }
    providers.forEach((provider, j) => checkProvider(provider, `${path}.providers[${j}]`, j, kmsNames, o, problems));
  });
}

function checkResourceNames(resources: string[], path: string, o: RuleOptions, problems: Problems): void {
  resources.forEach((resource, j) => {
    const field = o.fieldOf(`${path}[${j}]`);
    const gr = parseGroupResource(resource);
    if (resource.toLowerCase() !== resource) {
      problems.add(field, `resource "${resource}" has upper-case letters`, `write it in lower case: "${resource.toLowerCase()}"`);
    } else if (resource === '*') {
      problems.add(field, 'resource "*" is not valid', 'use "*." for every resource of the core group, or "*.*" for every resource');
    } else if (NON_REST.includes(resource)) {
      problems.add(field, `resource "${resource}" has no REST API and cannot be encrypted`, 'remove it');
    } else if (gr.group === 'events.k8s.io') {
      problems.add(field, `resource "${resource}": events.k8s.io objects are stored in the "events" resource of the core group`, 'write "events" instead');
    } else if (gr.group === 'extensions') {
      problems.add(field, `resource "${resource}": the extensions group was removed and cannot be encrypted`, 'use the resource\'s current group, e.g. "deployments.apps"');
    } else if (gr.group === '*' && gr.resource !== '*') {
      problems.add(field, `resource "${resource}" names one resource across groups, which the API server does not support`,
        `name the group, e.g. "${gr.resource}" (core) or "${gr.resource}.<group>"`);
    }
  });
}

function checkOverlap(resources: string[], path: string, o: RuleOptions, problems: Problems): void {
  const parsed = resources.map(parseGroupResource);
  const duplicate = resources.find((r, i) => resources.indexOf(r) !== i);
  if (duplicate !== undefined) {
    problems.add(o.fieldOf(path), `resource "${duplicate}" is listed twice`, 'list every resource once');
  }
  const overlap = parsed.some((a, i) => parsed.some((b, j) => i !== j
    && !(a.group === b.group && a.resource === b.resource)
    && ((a.group === '*' && a.resource === '*') || (a.group === b.group && (a.resource === '*' || b.resource === '*')))));
  if (overlap) {
    problems.add(o.fieldOf(path),
      `resources [${resources.join(', ')}] overlap (a "*.<group>" or "*.*" entry masks the others in the same list)`,
      'keep either the wildcard or the single resources in this list; put specific resources in an earlier entry');
  }
}

function checkProvider(provider: unknown, path: string, index: number, kmsNames: Map<string, string>,
  o: RuleOptions, problems: Problems): void {
  if (!isObject(provider)) {
    problems.add(o.fieldOf(path), 'the provider is not a mapping', `give exactly one of ${PROVIDER_TYPES.join(', ')}`);
    return;
  }
  const types = Object.keys(provider).filter((k) => PROVIDER_TYPES.includes(k));
  unknownFields(provider, PROVIDER_TYPES, path, 'a provider', o, problems);
  if (types.length === 0) {
    problems.add(o.fieldOf(path), 'the provider names no provider type', `give exactly one of ${PROVIDER_TYPES.join(', ')}`);
    return;
  }
  if (types.length > 1) {
    problems.add(o.fieldOf(path), `the provider element has more than one type (${types.join(', ')})`,
      'split them into separate elements of providers, in the order they should be tried');
    return;
  }
  const type = types[0];
  const body = provider[type];
  if (type === 'identity') {
    if (index === 0 && !o.allowIdentityFirst) {
      problems.add(o.fieldOf(`${path}.identity`),
        'identity is the first provider, so new data is stored in plain text',
        `put an encrypting provider first and keep identity last (it reads data written before encryption); for a planned migration, ${o.identityFirstFix}`);
    }
    return;
  }
  if (type === 'kms') {
    checkKms(body, `${path}.kms`, kmsNames, o, problems);
    return;
  }
  checkKeys(type, body, `${path}.${type}`, o, problems);
}

function checkKms(kms: unknown, path: string, names: Map<string, string>, o: RuleOptions, problems: Problems): void {
  const field = (f: string) => o.fieldOf(`${path}.${f}`);
  if (!isObject(kms)) {
    problems.add(o.fieldOf(path), 'kms is not a mapping', 'give apiVersion: v2, name and endpoint');
    return;
  }
  unknownFields(kms, KMS_FIELDS, path, 'a kms provider', o, problems);

  if (kms.apiVersion === undefined || kms.apiVersion === '') {
    problems.add(field('apiVersion'), 'apiVersion is missing, which means KMS v1, disabled by default since Kubernetes 1.29, so the API server refuses to start', 'set apiVersion: v2');
  } else if (kms.apiVersion === 'v1') {
    problems.add(field('apiVersion'), 'apiVersion v1 (KMS v1) is deprecated and disabled by default since Kubernetes 1.29, so the API server refuses to start', 'set apiVersion: v2 and use a KMS v2 plugin');
  } else if (kms.apiVersion !== 'v2') {
    problems.add(field('apiVersion'), `apiVersion ${JSON.stringify(kms.apiVersion)} is not a KMS API version`, 'set apiVersion: v2');
  }

  const name = typeof kms.name === 'string' ? kms.name : '';
  if (name === '') {
    problems.add(field('name'), 'the KMS provider has no name', 'give it a name, unique among the KMS providers');
  } else {
    if (name.includes(':')) {
      problems.add(field('name'), `KMS v2 provider name "${name}" contains ":"`, `remove the ":" (e.g. "${name.replace(/:/g, '-')}")`);
    }
    const first = names.get(name);
    if (first !== undefined) {
      problems.add(field('name'), `KMS provider name "${name}" is already used by ${first}`, 'give every KMS provider a name of its own');
    } else {
      names.set(name, o.fieldOf(path));
    }
  }

  const endpoint = kms.endpoint;
  if (typeof endpoint !== 'string' || endpoint === '') {
    problems.add(field('endpoint'), `KMS provider "${name}" has no endpoint`, 'set the endpoint to the plugin\'s socket, unix:///<path>');
  } else if (!/^unix:\/\/./.test(endpoint)) {
    problems.add(field('endpoint'), `endpoint "${endpoint}" is not a unix:// URL; the API server reaches KMS plugins over a UNIX socket only`,
      'set the endpoint to unix://<socket path>, e.g. unix:///var/run/kmsplugin/socket.sock');
  } else if (!/^unix:\/\/[/@]/.test(endpoint)) {
    problems.add(field('endpoint'), `endpoint "${endpoint}" has no absolute socket path`,
      `write unix:// followed by the absolute path, e.g. unix:///var/run/kmsplugin/${endpoint.slice('unix://'.length)}`);
  } else if (Buffer.byteLength(endpoint.slice('unix://'.length)) > MAX_SOCKET_PATH_BYTES) {
    problems.add(field('endpoint'), `the socket path of "${endpoint}" has ${Buffer.byteLength(endpoint.slice('unix://'.length))} bytes, and a UNIX socket path has at most ${MAX_SOCKET_PATH_BYTES}`,
      'use a shorter socket path, such as /var/run/kmsplugin/socket.sock');
  }

  if (kms.cachesize !== undefined && kms.apiVersion !== 'v1') {
    problems.add(field('cachesize'), 'cachesize is a KMS v1 setting; with apiVersion v2 the API server refuses to start',
      'remove cachesize (KMS v2 caches its data encryption keys itself)');
  }

  if (kms.timeout !== undefined) {
    const ms = typeof kms.timeout === 'string' ? parseGoDuration(kms.timeout) : undefined;
    if (ms === undefined) {
      problems.add(field('timeout'), `timeout ${JSON.stringify(kms.timeout)} is not a duration`, 'write a duration such as 3s or 500ms');
    } else if (ms <= 0) {
      problems.add(field('timeout'), `timeout ${kms.timeout} is not positive`, `set a positive timeout, or leave it out for the default ${'3s'}`);
    }
  }
}

function checkKeys(type: string, body: unknown, path: string, o: RuleOptions, problems: Problems): void {
  if (o.inConfigMap) {
    problems.add(o.fieldOf(path), `${type} keys are in a ConfigMap, which anyone who can read ConfigMaps can read`,
      'keep a configuration with key providers in a Secret, and use EncryptionAtRest.fromSecret({ secretName })');
  }
  const keys = isObject(body) && Array.isArray(body.keys) ? body.keys : [];
  if (keys.length === 0) {
    problems.add(o.fieldOf(`${path}.keys`), `${type} has no keys`, 'give at least one key (name and base64 secret)');
    return;
  }
  const sizes = KEY_SIZES[type];
  keys.forEach((key: unknown, k) => {
    const keyPath = `${path}.keys[${k}]`;
    const item = isObject(key) ? key : {};
    if (typeof item.name !== 'string' || item.name === '') {
      problems.add(o.fieldOf(`${keyPath}.name`), 'the key has no name', 'give every key a name');
    }
    const secret = typeof item.secret === 'string' ? item.secret : '';
    if (secret === '') {
      problems.add(o.fieldOf(`${keyPath}.secret`), 'the key has no secret', `give a base64 key of ${sizes.join(', ')} bytes`);
      return;
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(secret) || secret.length % 4 !== 0) {
      problems.add(o.fieldOf(`${keyPath}.secret`), 'the key is not valid base64', 'encode the key with standard base64 (e.g. head -c 32 /dev/urandom | base64)');
      return;
    }
    const length = Buffer.from(secret, 'base64').length;
    if (!sizes.includes(length)) {
      problems.add(o.fieldOf(`${keyPath}.secret`), `the ${type} key is ${length} bytes long; ${type} takes ${sizes.join(', ')} bytes`,
        `generate a key of ${sizes[sizes.length - 1]} bytes: head -c ${sizes[sizes.length - 1]} /dev/urandom | base64`);
    }
  });
}

/** The KMS endpoints of a configuration, with their paths in the file. */
export function kmsEndpoints(config: unknown): Array<{ readonly path: string; readonly endpoint: string }> {
  const found: Array<{ path: string; endpoint: string }> = [];
  if (!isObject(config) || !Array.isArray(config.resources)) {
    return found;
  }
  config.resources.forEach((entry, i) => {
    const providers = isObject(entry) && Array.isArray(entry.providers) ? entry.providers : [];
    providers.forEach((provider: unknown, j: number) => {
      const kms = isObject(provider) && isObject(provider.kms) ? provider.kms : undefined;
      if (kms && typeof kms.endpoint === 'string' && kms.endpoint.startsWith('unix://')) {
        found.push({ path: `resources[${i}].providers[${j}].kms.endpoint`, endpoint: kms.endpoint });
      }
    });
  });
  return found;
}
