/**
 * The encryption checks: the rules of the configuration (typed or hand-written), and the wiring of
 * the pod, whoever built it: the flag points at a mounted file, every KMS socket sits in a volume
 * that the API server and some sidecar both mount, the plugin's mount writable.
 */
import { posix } from 'path';
import { k8s } from 'cdk8s-plus-28';
import { CONFIG_VOLUME } from '../model/layout';
import type { ApiServerModel } from '../model/types';
import { Problems, keyField } from '../problems';
import { EncryptionSpec } from './config';
import { MAX_SOCKET_PATH_BYTES, checkEncryptionConfig, kmsEndpoints } from './rules';
import { parseYaml } from './source';
import { CONFIG_FLAG, RELOAD_FLAG } from './step';

/** Checks the encryption settings and their wiring in the finished model. */
export function checkEncryption(model: ApiServerModel, problems: Problems): void {
  const spec = model.input.encryption;
  if (spec) {
    spec.inputProblems.forEach((p) => problems.add(p.field, p.message, p.fix));
    checkSocketPaths(model, spec, problems);
    if (spec.secret && spec.secret.key.includes('/')) {
      problems.add('encryption.key', `${JSON.stringify(spec.secret.key)} cannot be a key of a Secret (letters, digits, "-", "_" and ".")`,
        'give the key that holds the file, such as "encryption-config.yaml"');
    }
    if (spec.config) {
      checkEncryptionConfig(spec.config, {
        fieldOf: spec.fieldOf, allowIdentityFirst: spec.allowIdentityFirst, inConfigMap: false,
        identityFirstFix: 'set allowIdentityFirst: true',
      }, problems);
    }
  }

  const file = model.flags.get(CONFIG_FLAG);
  const flagField = (flag: string) => {
    const key = model.userFlagKeys.get(flag);
    return key === undefined ? 'encryption' : keyField('extraArgs', key);
  };
  if (problems.has(flagField(CONFIG_FLAG))) {
    return; // the flag itself is refused (it would replace the encryption prop's)
  }
  const reload = model.flags.get(RELOAD_FLAG) === 'true';
  if (file === undefined) {
    if (model.flags.has(RELOAD_FLAG)) {
      problems.add(flagField(RELOAD_FLAG), `--${RELOAD_FLAG} is set without --${CONFIG_FLAG}`,
        `set ${CONFIG_FLAG} too (or use the encryption prop), or remove ${RELOAD_FLAG}`);
    }
    return;
  }

  const apiServer = model.podSpec.containers[0];
  const mounts = apiServer.volumeMounts ?? [];
  const mount = coveringMount(mounts, file);
  if (!mount) {
    problems.add(flagField(CONFIG_FLAG),
      `the API server reads its encryption configuration from ${file}, but mounts no volume there (mounted: ${mounts.map((m) => m.mountPath).join(', ')})`,
      'mount the ConfigMap or Secret that holds the file at its directory with extraVolumes and extraVolumeMounts, or use the encryption prop');
    return;
  }
  const mountIndex = model.input.extraVolumeMounts.indexOf(mount);
  const mountField = mountIndex >= 0 ? `extraVolumeMounts[${mountIndex}]` : 'encryption';
  if (mount.subPath !== undefined && reload) {
    problems.add(`${mountField}.subPath`,
      `the encryption configuration is mounted with subPath, which never receives updates, so --${RELOAD_FLAG} never fires`,
      'mount the directory that holds the file, without subPath');
  }

  const volume = (model.podSpec.volumes ?? []).find((v) => v.name === mount.name);
  if (!volume) {
    return; // checkVolumes reports the undeclared volume
  }
  const config = readConfig(model, spec, volume, mount, file, flagField(CONFIG_FLAG), problems);
  if (config !== undefined) {
    checkSockets(model, config.data, config.fieldOf, problems);
  }
}

/** The mount that holds `file`: the deepest directory mount above it, or a subPath mount of the file itself. */
function coveringMount(mounts: readonly k8s.VolumeMount[], file: string): k8s.VolumeMount | undefined {
  let best: k8s.VolumeMount | undefined;
  for (const m of mounts) {
    const path = m.mountPath.replace(/\/+$/, '');
    if (path === file || file.startsWith(`${path}/`)) {
      if (!best || path.length > best.mountPath.replace(/\/+$/, '').length) {
        best = m;
      }
    }
  }
  return best;
}

/** Where a mounted path lands inside the volume, or undefined when the mount does not cover it. */
function pathInVolume(mount: k8s.VolumeMount, path: string): string | undefined {
  const base = mount.mountPath.replace(/\/+$/, '');
  if (path !== base && !path.startsWith(`${base}/`)) {
    return undefined;
  }
  const rest = path.slice(base.length).replace(/^\//, '');
  return [mount.subPath, rest].filter((s) => s).join('/');
}

interface FoundConfig {
  readonly data: unknown;
  readonly fieldOf: (path: string) => string;
}

/** Reads the configuration the flag points at, when the construct can see it, and checks its rules. */
function readConfig(model: ApiServerModel, spec: EncryptionSpec | undefined, volume: k8s.Volume, mount: k8s.VolumeMount,
  file: string, flagField: string, problems: Problems): FoundConfig | undefined {
  const source = volume.configMap
    ? { kind: 'ConfigMap' as const, name: volume.configMap.name, items: volume.configMap.items }
    : volume.secret ? { kind: 'Secret' as const, name: volume.secret.secretName, items: volume.secret.items } : undefined;
  if (!source || source.name === undefined) {
    return undefined;
  }
  const inVolume = pathInVolume(mount, file) ?? '';
  const item = (source.items ?? []).find((i) => i.path === inVolume);
  if (source.items && !item) {
    problems.add(flagField, `${file} is not among the items the ${source.kind} volume "${volume.name}" projects`,
      `add an item with path "${inVolume}" to the volume, or point ${CONFIG_FLAG} at a projected file`);
    return undefined;
  }
  const key = item ? item.key : inVolume;

  // Our own ConfigMap: the typed configuration, already checked.
  if (source.kind === 'ConfigMap' && volume.name === CONFIG_VOLUME && source.name === model.names.configMap) {
    if (!(key in model.configFiles)) {
      problems.add(flagField, `${file} is not a file of the API server's ConfigMap (files: ${Object.keys(model.configFiles).join(', ')})`,
        `point ${CONFIG_FLAG} at the encryption configuration, or use the encryption prop`);
      return undefined;
    }
    return spec?.config ? { data: spec.config, fieldOf: spec.fieldOf } : undefined;
  }

  const object = model.input.appObjects?.find(source.kind, model.input.namespace, source.name);
  if (!object) {
    return undefined; // made elsewhere: the construct cannot see it
  }
  let text: string | undefined;
  if (source.kind === 'ConfigMap') {
    text = object.data?.[key];
  } else {
    text = object.stringData?.[key] ?? (object.data?.[key] !== undefined ? Buffer.from(object.data[key], 'base64').toString('utf8') : undefined);
  }
  const where = `${source.kind} ${source.name}[${key}]`;
  if (text === undefined) {
    problems.add(flagField, `${source.kind} ${source.name} has no key "${key}", so ${file} does not exist`,
      `add the key to the ${source.kind}, or point ${CONFIG_FLAG} at an existing file`);
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    problems.add(where, `the file is not valid YAML (${String((e as Error).message).split('\n')[0]})`, 'fix the YAML');
    return undefined;
  }
  const fromProp = spec?.secret !== undefined;
  const fieldOf = (path: string) => `${where}.${path}`;
  checkEncryptionConfig(data, {
    fieldOf,
    allowIdentityFirst: fromProp && spec!.allowIdentityFirst,
    inConfigMap: source.kind === 'ConfigMap',
    identityFirstFix: fromProp ? 'set allowIdentityFirst: true'
      : `use the encryption prop with ${source.kind === 'Secret' ? 'EncryptionAtRest.fromSecret' : 'EncryptionAtRest.kms'}({ ..., allowIdentityFirst: true })`,
  }, problems);
  return { data, fieldOf };
}

/**
 * Every KMS socket must sit in a volume that the API server mounts and that some sidecar mounts,
 * writable, so that the socket the plugin creates is the one the API server dials.
 */
function checkSockets(model: ApiServerModel, config: unknown, fieldOf: (path: string) => string, problems: Problems): void {
  const apiMounts = model.podSpec.containers[0].volumeMounts ?? [];
  for (const { path, endpoint } of kmsEndpoints(config)) {
    const socket = endpoint.slice('unix://'.length);
    if (!socket.startsWith('/') || socket.startsWith('/@')) {
      continue; // an abstract socket lives in the pod's network namespace, not in a volume; a relative path is a rule error
    }
    const field = fieldOf(path);
    const apiMount = coveringMount(apiMounts, socket);
    if (!apiMount) {
      problems.add(field, `the API server mounts no volume that holds the socket ${socket}, so it cannot reach the KMS plugin`,
        `mount the socket volume (an emptyDir shared with the plugin) in the API server at ${posix.dirname(socket)} with extraVolumeMounts, or give the provider a plugin and let the construct wire it`);
      continue;
    }
    const target = pathInVolume(apiMount, socket);
    const candidates = model.sidecars.flatMap((s) => (s.container.volumeMounts ?? [])
      .filter((m) => m.name === apiMount.name).map((m) => ({ sidecar: s, mount: m })));
    if (candidates.length === 0) {
      problems.add(field, `no sidecar mounts volume "${apiMount.name}", which holds the socket ${socket}, so no KMS plugin can serve it`,
        `mount volume "${apiMount.name}" at ${posix.dirname(socket)} in the KMS plugin sidecar`);
      continue;
    }
    const serving = candidates.filter((c) => pathInVolume(c.mount, socket) === target);
    if (serving.length === 0) {
      const c = candidates[0];
      problems.add(field, `sidecar "${c.sidecar.container.name}" mounts volume "${apiMount.name}" at ${c.mount.mountPath}${c.mount.subPath ? ` (subPath ${c.mount.subPath})` : ''}, which does not hold the socket ${socket} where the API server looks for it`,
        `mount the volume at ${apiMount.mountPath}${apiMount.subPath ? ` with subPath ${apiMount.subPath}` : ''} in the plugin too, so both see the socket at ${socket}`);
      continue;
    }
    if (serving.every((c) => c.mount.readOnly)) {
      const c = serving[0];
      const i = (c.sidecar.container.volumeMounts ?? []).indexOf(c.mount);
      problems.add(`${c.sidecar.field}.volumeMounts[${i}].readOnly`,
        `sidecar "${c.sidecar.container.name}" mounts the socket volume "${apiMount.name}" read-only, so the plugin cannot create ${socket}`,
        'remove readOnly from the plugin\'s mount of the socket volume');
    }
  }
}

/**
 * The sockets of the plugins the construct runs: each an absolute path of at most 107 bytes, in a
 * directory of its own (the construct mounts an emptyDir there, which cannot be `/` nor lie in a
 * directory the API server already mounts read-only, such as its configuration or certificates),
 * and served by one plugin only.
 */
function checkSocketPaths(model: ApiServerModel, spec: EncryptionSpec, problems: Problems): void {
  const socketVolumes = new Set((model.podSpec.volumes ?? []).filter((v) => v.emptyDir !== undefined).map((v) => v.name));
  const otherMounts = (model.podSpec.containers[0].volumeMounts ?? []).filter((m) => !socketVolumes.has(m.name));
  const servedBy = new Map<string, string>();
  for (const { plugin, field } of spec.plugins) {
    const path = plugin.socketPath;
    const at = `${field}.socketPath`;
    const dir = posix.dirname(path);
    if (!posix.isAbsolute(path)) {
      problems.add(at, `socket path "${path}" is not absolute`, 'give an absolute path, e.g. /var/run/kmsplugin/socket.sock');
    } else if (path.endsWith('/')) {
      problems.add(at, `socket path "${path}" ends in "/", so it names a directory, not a socket`, `name the socket file, e.g. ${path}socket.sock`);
    } else if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
      problems.add(at, `socket path "${path}" has ${Buffer.byteLength(path)} bytes, and a UNIX socket path has at most ${MAX_SOCKET_PATH_BYTES}`,
        'use a shorter path, such as /var/run/kmsplugin/socket.sock');
    } else if (dir === '/') {
      problems.add(at, `socket path "${path}" lies in "/", where the socket volume would have to be mounted over the whole filesystem`,
        'put the socket in a directory of its own, such as /var/run/kmsplugin/socket.sock');
    } else {
      const taken = otherMounts.find((m) => dir === m.mountPath.replace(/\/+$/, '') || dir.startsWith(`${m.mountPath.replace(/\/+$/, '')}/`));
      if (taken) {
        problems.add(at, `the socket directory ${dir} lies in ${taken.mountPath}, where the API server mounts volume "${taken.name}" (read-only), so the socket volume cannot be mounted there`,
          'put the socket in a directory of its own, such as /var/run/kmsplugin/socket.sock');
      }
    }
    const first = servedBy.get(path);
    if (first !== undefined && first !== plugin.container.name) {
      problems.add(at, `the plugins "${first}" and "${plugin.container.name}" both serve ${path}, and a socket has one listener`,
        'give each plugin a socket path of its own (and each provider its own plugin)');
    } else {
      servedBy.set(path, plugin.container.name);
    }
  }
}
