/**
 * The API server's command line, checked as kube-apiserver of the image's Kubernetes version reads
 * it (the generated model in src/kube-apiserver): every flag known, every value parsed as its type
 * parses it, every feature gate known and settable, and the flags that name files or need other
 * flags checked against the pod as rendered.
 */
import { posix } from 'path';
import type { k8s } from 'cdk8s-plus-28';
import { goParseBool } from '../kube-apiserver/go';
import { SUPPORTED_MINORS, checkFlagValue, kubeApiServerRelease, minorOfImageTag, normalizeFlagName } from '../kube-apiserver/flags';
import type { KubeApiServerRelease } from '../kube-apiserver/types';
import { SECURE_PORT } from '../model/layout';
import type { ApiServerInput, ApiServerModel } from '../model/types';
import { Problems, keyField, q } from '../problems';
import { nearName } from '../suggest';

const FLAG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Flags that a prop sets: an extraArg for one of them would silently cancel the prop (the prop's
 * name, when the user gave the prop).
 */
const FLAGS_OF_PROPS: Readonly<Record<string, (input: ApiServerInput) => string | undefined>> = {
  'service-cluster-ip-range': (input) => (input.serviceSubnetGiven ? 'serviceSubnet' : undefined),
  'feature-gates': (input) => (Object.keys(input.featureGates).length > 0 ? 'featureGates' : undefined),
  'encryption-provider-config': (input) => (input.encryption ? 'encryption' : undefined),
  'encryption-provider-config-automatic-reload': (input) => (input.encryption ? 'encryption.automaticReload' : undefined),
  'etcd-servers': (input) => (input.etcdGiven ? 'etcd' : undefined),
  'etcd-cafile': (input) => (input.etcdGiven ? 'etcd' : undefined),
  'etcd-certfile': (input) => (input.etcdGiven ? 'etcd' : undefined),
  'etcd-keyfile': (input) => (input.etcdGiven ? 'etcd' : undefined),
  'etcd-prefix': (input) => (input.etcdGiven ? 'etcd' : undefined),
};

/** Flags that the probes, the Service and the NetworkPolicy depend on: they cannot be moved. */
const FIXED_FLAGS: Readonly<Record<string, string>> = {
  'secure-port': `the probes, the Service and the NetworkPolicy reach the API server on port ${SECURE_PORT}`,
  'bind-address': 'the probes reach the pod IP and the Service the pod\'s addresses, so the API server listens on all of them (0.0.0.0)',
};

/** Flags whose value is a file the API server reads (besides those named `*-file`). */
const READ_FILE_FLAGS = ['authentication-config', 'authorization-config', 'encryption-provider-config', 'audit-policy-file'];

/** Flags whose value is a file the API server writes (`-` for standard output). */
const WRITE_FILE_FLAGS = ['audit-log-path'];

/** The Kubernetes minor the flags are checked against, and the field that says it. */
function kubernetesMinor(input: ApiServerInput): { minor?: string; field: string } {
  if (input.kubernetesVersion !== undefined) {
    return { minor: /^v?(\d+\.\d+)(\.\d+)?$/.exec(input.kubernetesVersion)?.[1], field: 'kubernetesVersion' };
  }
  return { minor: minorOfImageTag(input.imageTag), field: 'imageTag' };
}

/** The mount of a container that holds `path`: the deepest directory mount above it. */
function mountHolding(mounts: readonly k8s.VolumeMount[], path: string): k8s.VolumeMount | undefined {
  let best: k8s.VolumeMount | undefined;
  for (const mount of mounts) {
    const dir = mount.mountPath.replace(/\/+$/, '');
    if ((path === dir || path.startsWith(`${dir}/`)) && (!best || dir.length > best.mountPath.replace(/\/+$/, '').length)) {
      best = mount;
    }
  }
  return best;
}

/** Checks the command line of the model. */
export function checkFlags(model: ApiServerModel, problems: Problems): void {
  const { input } = model;
  const fieldOf = (name: string) => {
    const key = model.userFlagKeys.get(name);
    return key === undefined ? undefined : keyField('extraArgs', key);
  };
  const validKeys = checkKeys(model, problems);

  const { minor, field: versionField } = kubernetesMinor(input);
  const release = minor === undefined ? undefined : kubeApiServerRelease(minor);
  if (release === undefined) {
    if (problems.has(versionField)) {
      return; // a tag that is no version at all is reported as such
    }
    const given = versionField === 'kubernetesVersion' ? input.kubernetesVersion : input.imageTag;
    problems.add(versionField, minor === undefined
      ? `${q(given)} does not say which Kubernetes version the API server runs, so its flags cannot be checked`
      : `Kubernetes ${minor} is outside the versions whose kube-apiserver flags this library knows (${SUPPORTED_MINORS.join(', ')})`,
    `set kubernetesVersion to the image's Kubernetes minor version, one of ${SUPPORTED_MINORS.map((m) => q(m)).join(', ')} (the flags are then checked against that version)`);
    return;
  }

  for (const [name, key] of model.userFlagKeys) {
    const field = keyField('extraArgs', key);
    if (!validKeys.has(key)) {
      continue;
    }
    const spec = release.flags[name];
    const value = input.extraArgs[key];
    if (spec === undefined) {
      // A flag that cannot be changed is no useful suggestion (insecure-port is not a typo of secure-port).
      const near = nearName(name, Object.keys(release.flags).filter((f) => FIXED_FLAGS[f] === undefined));
      problems.add(field, `kube-apiserver ${release.minor} has no flag --${name}, and exits at start when given one`,
        near !== undefined ? `did you mean ${q(near)}?` : 'remove it (see the kube-apiserver reference of your Kubernetes version)');
      continue;
    }
    if (problems.has(field)) {
      continue; // refused earlier (it cancels a prop, say)
    }
    if (FIXED_FLAGS[name] !== undefined && value !== model.ownFlags.get(name)) {
      problems.add(field, `--${name} cannot be changed: ${FIXED_FLAGS[name]}`, `remove extraArgs[${q(key)}]`);
      continue;
    }
    const parsed = checkFlagValue(spec, value, release.minor);
    if (!parsed.ok) {
      problems.add(field, `kube-apiserver ${release.minor} refuses --${name}=${value}: ${parsed.reason}`, `give a value of type ${spec.type}${spec.values ? ` (${spec.values.join(', ')})` : ''}`);
    }
  }

  checkFeatureGates(model, release, problems);
  checkFlagDependencies(model, fieldOf, problems);
}

/**
 * An extraArg must not silently replace a flag that a prop the user gave sets. Runs before the
 * checks of what those props wire (the encryption configuration, say), which would otherwise
 * report the replaced value's consequences instead of its cause.
 */
export function checkFlagsOfProps(model: ApiServerModel, problems: Problems): void {
  for (const [name, key] of model.userFlagKeys) {
    const prop = FLAGS_OF_PROPS[name]?.(model.input);
    if (prop !== undefined) {
      problems.add(keyField('extraArgs', key), `--${name} is set by the ${prop} prop, and this value would silently replace it`,
        `remove extraArgs[${q(key)}] and set ${prop} instead`);
    }
  }
}

/** extraArgs keys that name a flag at all, and keys that name one flag twice; returns the keys that do. */
function checkKeys(model: ApiServerModel, problems: Problems): Set<string> {
  const valid = new Set<string>();
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(model.input.extraArgs)) {
    const field = keyField('extraArgs', key);
    if (key === '') {
      problems.add('extraArgs', 'a flag name is empty', 'remove the entry with the empty key, or name the flag, such as "v"');
    } else if (key.startsWith('-')) {
      problems.add(field, `flag names are given without the leading "--" (the construct adds it), so this renders ${q(`--${key}`)}`,
        `use the key ${q(key.replace(/^-+/, ''))}`);
    } else if (!FLAG_NAME.test(key)) {
      const hint = key.includes('=') ? `; to set a value, use { ${q(key.split('=')[0])}: ${q(key.split('=').slice(1).join('='))} }` : '';
      problems.add(field, `${q(key)} is not a flag name: flags are letters, digits, "-", "_" and ".", with no "=" or spaces`,
        `give the flag name as the key and its value as the value${hint}`);
    } else if (/[\r\n]/.test(value)) {
      problems.add(field, 'the flag value contains a line break', 'give the value on one line');
    } else if (seen.has(normalizeFlagName(key))) {
      const other = seen.get(normalizeFlagName(key))!;
      problems.add(field, `${q(other)} and ${q(key)} are one flag to kube-apiserver ("_" reads as "-"), given twice`, 'keep one of the two keys');
    } else {
      seen.set(normalizeFlagName(key), key);
      valid.add(key);
    }
  }
  return valid;
}

/** The gates of `--feature-gates`, from the featureGates prop or from extraArgs. */
function checkFeatureGates(model: ApiServerModel, release: KubeApiServerRelease, problems: Problems): void {
  const { input } = model;
  const fromProp = model.userFlagKeys.get('feature-gates') === undefined;
  const gates: Array<[gate: string, value: string, field: string]> = fromProp
    ? Object.entries(input.featureGates).map(([gate, on]) => [gate, String(on), keyField('featureGates', gate)])
    : (model.flags.get('feature-gates') ?? '').split(',').filter((s) => s !== '').map((setting) => {
      const [gate, value] = setting.split('=');
      return [gate.trim().replace(/^kube:/, ''), (value ?? '').trim(), keyField('extraArgs', model.userFlagKeys.get('feature-gates')!)];
    });
  for (const [gate, value, field] of gates) {
    if (!fromProp && problems.has(field)) {
      return; // the flag itself is refused
    }
    const spec = release.featureGates[gate];
    if (spec === undefined) {
      // A deprecated gate is no useful suggestion (KMSV2 is not a typo of the deprecated KMSv1).
      const near = nearName(gate, Object.entries(release.featureGates).filter(([, s]) => s.stage !== 'DEPRECATED').map(([name]) => name));
      problems.add(field, `kube-apiserver ${release.minor} has no feature gate ${q(gate)}, and exits at start when given one`,
        near !== undefined ? `did you mean ${q(near)}?` : 'remove it: a gate that graduated and was removed is always on');
      continue;
    }
    const on = goParseBool(value);
    if (on === undefined) {
      // A malformed value is reported with the flag's value, when given in extraArgs.
      continue;
    }
    if (spec.locked && on !== spec.default) {
      problems.add(field, `the feature gate ${gate} is ${spec.stage} and locked to ${spec.default} in Kubernetes ${release.minor}; kube-apiserver exits when it is set to ${on}`,
        `remove it (it is ${spec.default ? 'always on' : 'always off'})`);
    }
  }
}

/** Flags that need other flags, or exclude them. */
function checkFlagDependencies(model: ApiServerModel, fieldOf: (name: string) => string | undefined, problems: Problems): void {
  const modes = (model.flags.get('authorization-mode') ?? '').split(',').map((m) => m.trim());
  if (modes.includes('Webhook') && !model.flags.has('authorization-webhook-config-file')) {
    problems.add(fieldOf('authorization-mode') ?? 'extraArgs', 'the Webhook authorization mode needs --authorization-webhook-config-file, and kube-apiserver exits without it',
      'set extraArgs["authorization-webhook-config-file"] to a kubeconfig file mounted in the API server (extraVolumes and extraVolumeMounts), or remove Webhook');
  }
  const authorizationConfig = fieldOf('authorization-config');
  if (authorizationConfig !== undefined) {
    problems.add(authorizationConfig, '--authorization-config cannot be given with --authorization-mode, which the construct sets (Node,RBAC)',
      'express the extra authorizers with --authorization-mode and --authorization-webhook-* flags instead');
  }
}

/**
 * Files the user's flags name must be where the container can read them (a mounted volume), and
 * files the API server writes must be on a writable mount (the root filesystem is read-only). Runs
 * after the other flag checks: a flag they refused needs no more.
 */
export function checkFlagFiles(model: ApiServerModel, problems: Problems): void {
  const mounts = model.podSpec.containers[0].volumeMounts ?? [];
  for (const [name, value] of model.flags) {
    const key = model.userFlagKeys.get(name);
    const field = key === undefined ? undefined : keyField('extraArgs', key);
    // The construct's own files are where its volumes are; a flag already refused needs no more.
    if (field === undefined || problems.has(field)) {
      continue;
    }
    const writes = WRITE_FILE_FLAGS.includes(name);
    if (!writes && !name.endsWith('-file') && !READ_FILE_FLAGS.includes(name)) {
      continue;
    }
    if (value === '' || (writes && value === '-')) {
      continue;
    }
    if (!posix.isAbsolute(value)) {
      problems.add(field, `--${name} names ${q(value)}, a relative path, which kube-apiserver resolves against its working directory`,
        'give an absolute path in a directory you mount with extraVolumes and extraVolumeMounts');
      continue;
    }
    const mount = mountHolding(mounts, value);
    if (mount === undefined) {
      problems.add(field, `kube-apiserver ${writes ? 'writes' : 'reads'} ${q(value)}, but the API server container mounts no volume there (mounted: ${mounts.map((m) => m.mountPath).join(', ')})`,
        `mount the volume that ${writes ? 'will hold' : 'holds'} the file at its directory (${posix.dirname(value)}) with extraVolumes and extraVolumeMounts`);
    } else if (writes && mount.readOnly === true) {
      problems.add(field, `kube-apiserver writes ${q(value)}, but the volume mounted at ${mount.mountPath} is read-only`,
        `write to a writable volume (an emptyDir or a claim mounted at ${posix.dirname(value)} with extraVolumes and extraVolumeMounts), or give "-" for standard output`);
    }
  }
}
