/**
 * Containers and init containers (including native sidecars: init containers with
 * restartPolicy Always): names, images, ports, environment, volume mounts and devices, pull and
 * termination policies, resize policies, probes and lifecycle, resources, security context.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (validateContainers, validateInitContainers,
 * validateContainerCommon, validateContainerOnlyForPod, validateContainerPorts, ValidateEnv,
 * validateEnvVarValueFrom, validateObjectFieldSelector, validateContainerResourceFieldSelector,
 * validateContainerResourceDivisor, ValidateEnvFrom, ValidateVolumeMounts,
 * ValidateVolumeDevices, validateMountPropagation, validateMountRecursiveReadOnly,
 * validateResizePolicy, checkHostPortConflicts, validatePodHostNetworkDeps) and
 * pkg/api/pod/util (pkg/apis/core/pods/helpers.go: the downward API field paths). Restated, not
 * copied. Defaults applied first: protocol TCP, pull policy, termination message policy File.
 */
import {
  RULES, hasBackstep, isConfigMapKey, isDns1123Label, isDns1123Subdomain, isEnvVarName, isIanaSvcName,
  isPortNumber, isQualifiedName, parseQuantity, withoutTrailingDash,
} from '../grammar';
import { validateRelativePath } from './files';
import { validateLifecycle, validateProbe } from './probes';
import { q, suggestName } from '../../problems';
import { JsonObject, Report, at, item, listAt, numberAt, objectAt, textAt } from './report';
import { validateResourceRequirements } from './resources';
import { validateContainerSecurityContext } from './security';

/** What the containers of a pod need to know about the pod. */
export interface PodFacts {
  /** The pod's valid volumes, by name. */
  readonly volumes: ReadonlyMap<string, JsonObject>;
  /** The names of the pod's resource claims. */
  readonly claimNames: ReadonlySet<string>;
  /** terminationGracePeriodSeconds after defaulting. */
  readonly gracePeriodSeconds: number;
  /** The pod's restartPolicy after defaulting. */
  readonly restartPolicy: string;
  /** Whether the pod uses the host's user namespace (securityContext.hostUsers, default true). */
  readonly hostUsers: boolean;
  /** Whether the pod uses the host's network. */
  readonly hostNetwork: boolean;
}

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const MOUNT_PROPAGATIONS = ['None', 'HostToContainer', 'Bidirectional'];
const RECURSIVE_READ_ONLY = ['Disabled', 'IfPossible', 'Enabled'];

/** Field paths the downward API can convert for a v1 pod. */
const CONVERTIBLE_FIELD_PATHS = new Set([
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs',
  'status.podIP', 'status.podIPs', 'spec.host',
]);
/** The field paths an environment variable may read. */
export const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
/** The field paths a downward API volume file may read. */
export const VOLUME_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.labels', 'metadata.annotations', 'metadata.uid'];
/** The container resources the downward API can expose (plus huge pages). */
const RESOURCE_FIELDS = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];

function oneOf(value: string, allowed: readonly string[]): boolean {
  return allowed.includes(value);
}

/** A downward API fieldRef: apiVersion v1, and a field path from the given vocabulary or a subscripted label or annotation. */
export function validateFieldRef(report: Report, ref: JsonObject, path: string, vocabulary: readonly string[]): void {
  const apiVersion = textAt(ref.apiVersion) ?? 'v1';
  const fieldPath = textAt(ref.fieldPath) ?? '';
  if (apiVersion !== 'v1') {
    report.add(at(path, 'apiVersion'), `${q(apiVersion)} is not a pod API version the downward API reads`, 'use "v1" or leave apiVersion out');
    return;
  }
  if (fieldPath === '') {
    report.add(at(path, 'fieldPath'), 'the fieldRef has no fieldPath', `give one of ${vocabulary.join(', ')}`);
    return;
  }
  const subscripted = /^(.*)\['(.*)'\]$/.exec(fieldPath);
  if (subscripted) {
    const [, base, key] = subscripted;
    if (base === 'metadata.labels' || base === 'metadata.annotations') {
      const checked = base === 'metadata.annotations' ? key.toLowerCase() : key;
      if (!isQualifiedName(checked)) {
        report.add(at(path, 'fieldPath'), `${q(key)} is not a valid ${base === 'metadata.labels' ? 'label' : 'annotation'} key to read`, 'use a key such as "app" or "example.com/team"');
      }
    } else {
      report.add(at(path, 'fieldPath'), `${q(base)} cannot be read with a subscript`, 'only metadata.labels[\'<key>\'] and metadata.annotations[\'<key>\'] take one');
    }
    return;
  }
  if (!CONVERTIBLE_FIELD_PATHS.has(fieldPath) || !vocabulary.includes(fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath)) {
    report.add(at(path, 'fieldPath'), `${q(fieldPath)} cannot be read here`, `use one of ${vocabulary.join(', ')}, or metadata.labels['<key>'] / metadata.annotations['<key>']`);
  }
}

type DivisorFormat = 'decimal' | 'binary' | 'exponent';

function divisorFormat(raw: unknown): DivisorFormat {
  const text = String(raw);
  return /[KMGTPE]i$/.test(text) ? 'binary' : /[eE][+-]?[0-9]+$/.test(text) ? 'exponent' : 'decimal';
}

/** Whether a divisor's canonical form is one the server accepts for the resource (1m or 1 for cpu; 1 or a unit of bytes otherwise). */
function isAcceptedDivisor(resource: string, raw: unknown): boolean {
  const divisor = parseQuantity(raw);
  if (!divisor) {
    return false;
  }
  if (divisor.numerator === 0n) {
    return true;
  }
  const isValue = (n: bigint, d: bigint = 1n): boolean => divisor.numerator * d === n * divisor.denominator;
  if (isValue(1n)) {
    return true;
  }
  const format = divisorFormat(raw);
  if (resource.endsWith('.cpu')) {
    return format === 'decimal' && isValue(1n, 1000n);
  }
  if (format === 'decimal') {
    return [3, 6, 9, 12, 15, 18].some((p) => isValue(10n ** BigInt(p)));
  }
  return format === 'binary' && [10, 20, 30, 40, 50, 60].some((p) => isValue(2n ** BigInt(p)));
}

/** A downward API resourceFieldRef. */
export function validateResourceFieldRef(report: Report, ref: JsonObject, path: string, inVolume: boolean): void {
  const resource = textAt(ref.resource) ?? '';
  if (inVolume && !textAt(ref.containerName)) {
    report.add(at(path, 'containerName'), 'a downward API volume file must name the container whose resources it exposes', 'set containerName');
  } else if (resource === '') {
    report.add(at(path, 'resource'), 'the resourceFieldRef names no resource', `give one of ${RESOURCE_FIELDS.join(', ')}`);
  } else if (!RESOURCE_FIELDS.includes(resource) && !resource.startsWith('requests.hugepages-') && !resource.startsWith('limits.hugepages-')) {
    report.add(at(path, 'resource'), `${q(resource)} is not a resource the downward API exposes`, `use one of ${RESOURCE_FIELDS.join(', ')} or requests/limits.hugepages-<size>`);
  }
  if (ref.divisor !== undefined && ref.divisor !== null && !isAcceptedDivisor(resource, ref.divisor)) {
    report.add(at(path, 'divisor'), `${q(ref.divisor)} is not a divisor the server accepts for ${q(resource)}`,
      resource.endsWith('.cpu') ? 'use "1m" or "1"' : 'use "1" or a unit such as "1k", "1M", "1Ki", "1Mi", "1Gi"');
  }
}

function validateKeySelector(report: Report, ref: JsonObject, path: string, kind: string): void {
  const name = textAt(ref.name) ?? '';
  if (!isDns1123Subdomain(name)) {
    report.add(at(path, 'name'), name === '' ? `the ${kind} reference has no name` : `${q(name)} is not a valid ${kind} name (${RULES.dns1123Subdomain})`, `name the ${kind} to read`);
  }
  const key = textAt(ref.key) ?? '';
  if (key === '') {
    report.add(at(path, 'key'), `the ${kind} reference has no key`, 'give the key to read');
  } else if (!isConfigMapKey(key)) {
    report.add(at(path, 'key'), `${q(key)} is not a valid ${kind} key (${RULES.configMapKey})`, 'use a key such as "config.yaml"');
  }
}

function validateEnv(report: Report, env: unknown, path: string): void {
  listAt(env).forEach((raw, i) => {
    const variable = objectAt(raw) ?? {};
    const varPath = item(path, i);
    const name = textAt(variable.name) ?? '';
    if (name === '') {
      report.add(at(varPath, 'name'), 'the environment variable has no name', 'name the variable');
    } else if (!isEnvVarName(name)) {
      report.add(at(varPath, 'name'), `${q(name)} is not a valid environment variable name (${RULES.envVarName})`, `use a name such as ${q(name.replace(/[^\x20-\x7e]|=/g, '_'))}`);
    }
    const from = objectAt(variable.valueFrom);
    if (!from) {
      return;
    }
    const fromPath = at(varPath, 'valueFrom');
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((s) => objectAt(from[s]));
    if (sources.length === 0) {
      report.add(fromPath, 'valueFrom names no source', 'give one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef');
    } else if ((textAt(variable.value) ?? '') !== '') {
      report.add(fromPath, 'a variable cannot have both a value and a valueFrom', 'remove value or valueFrom');
    } else if (sources.length > 1) {
      report.add(fromPath, `valueFrom gives ${sources.length} sources (${sources.join(', ')})`, 'keep exactly one source');
    }
    for (const source of sources) {
      const ref = objectAt(from[source]) ?? {};
      const refPath = at(fromPath, source);
      if (source === 'fieldRef') validateFieldRef(report, ref, refPath, ENV_FIELD_PATHS);
      if (source === 'resourceFieldRef') validateResourceFieldRef(report, ref, refPath, false);
      if (source === 'configMapKeyRef') validateKeySelector(report, ref, refPath, 'ConfigMap');
      if (source === 'secretKeyRef') validateKeySelector(report, ref, refPath, 'Secret');
    }
  });
}

function validateEnvFrom(report: Report, envFrom: unknown, path: string): void {
  listAt(envFrom).forEach((raw, i) => {
    const source = objectAt(raw) ?? {};
    const sourcePath = item(path, i);
    const prefix = textAt(source.prefix) ?? '';
    if (prefix !== '' && !isEnvVarName(prefix)) {
      report.add(at(sourcePath, 'prefix'), `${q(prefix)} is not a valid environment variable prefix (${RULES.envVarName})`, 'use a prefix such as "APP_"');
    }
    const refs = ['configMapRef', 'secretRef'].filter((s) => objectAt(source[s]));
    if (refs.length !== 1) {
      report.add(sourcePath, refs.length === 0 ? 'envFrom names no source' : 'envFrom names both a ConfigMap and a Secret', 'give exactly one of configMapRef, secretRef');
    }
    for (const ref of refs) {
      const name = textAt(objectAt(source[ref])?.name) ?? '';
      if (name === '') {
        report.add(at(at(sourcePath, ref), 'name'), `the ${ref} has no name`, 'name the object to read');
      } else if (!isDns1123Subdomain(withoutTrailingDash(name))) {
        report.add(at(at(sourcePath, ref), 'name'), `${q(name)} is not a valid object name (${RULES.dns1123Subdomain})`, `use a name such as ${q(suggestName(name))}`);
      }
    }
  });
}

function validatePorts(report: Report, ports: unknown, path: string, hostNetwork: boolean): void {
  const names = new Set<string>();
  listAt(ports).forEach((raw, i) => {
    const port = objectAt(raw) ?? {};
    const portPath = item(path, i);
    const name = textAt(port.name) ?? '';
    if (name !== '') {
      if (!isIanaSvcName(name)) {
        report.add(at(portPath, 'name'), `${q(name)} is not a valid port name (${RULES.ianaSvcName})`, `use a name such as ${q(suggestName(name, 15))}`);
      } else if (names.has(name)) {
        report.add(at(portPath, 'name'), `the port name ${q(name)} is used twice in this container`, 'give each port its own name');
      } else {
        names.add(name);
      }
    }
    const containerPort = numberAt(port.containerPort) ?? 0;
    if (containerPort === 0) {
      report.add(at(portPath, 'containerPort'), 'the port has no containerPort', 'give the port number the container listens on');
    } else if (!isPortNumber(containerPort)) {
      report.add(at(portPath, 'containerPort'), `${containerPort} is not a port number`, 'use a port from 1 to 65535');
    }
    const hostPort = numberAt(port.hostPort) ?? 0;
    if (hostPort !== 0 && !isPortNumber(hostPort)) {
      report.add(at(portPath, 'hostPort'), `${hostPort} is not a port number`, 'use a port from 1 to 65535, or leave hostPort out');
    }
    if (hostNetwork && hostPort !== 0 && hostPort !== containerPort) {
      report.add(at(portPath, 'hostPort'), `with hostNetwork, hostPort (${hostPort}) must equal containerPort (${containerPort})`, 'set hostPort to containerPort, or leave it out');
    }
    const protocol = textAt(port.protocol) ?? 'TCP';
    if (!oneOf(protocol, PROTOCOLS)) {
      report.add(at(portPath, 'protocol'), `${q(protocol)} is not a supported protocol`, 'use "TCP", "UDP" or "SCTP" (upper case)');
    }
  });
}

/** Host ports that two ports would both bind (same protocol, host IP and port). */
function validateHostPortConflicts(report: Report, containers: { container: JsonObject; path: string }[]): void {
  const bound = new Set<string>();
  for (const { container, path } of containers) {
    listAt(container.ports).forEach((raw, i) => {
      const port = objectAt(raw) ?? {};
      const hostPort = numberAt(port.hostPort) ?? 0;
      if (hostPort === 0) {
        return;
      }
      const protocol = textAt(port.protocol) ?? 'TCP';
      const hostIp = textAt(port.hostIP);
      const key = `${protocol}/${hostIp ?? ''}/${hostPort}`;
      if (bound.has(key)) {
        const where = `${hostPort}/${protocol}${hostIp ? ` on ${hostIp}` : ''}`;
        report.add(at(item(at(path, 'ports'), i), 'hostPort'), `the host port ${where} is already bound by another port of the pod`, 'use another hostPort, or drop one of them');
      }
      bound.add(key);
    });
  }
}

function validateVolumeMounts(report: Report, container: JsonObject, path: string, volumes: ReadonlyMap<string, JsonObject>): void {
  const mountPaths = new Set<string>();
  const devices = listAt(container.volumeDevices).map((d) => objectAt(d) ?? {});
  const deviceNames = new Set(devices.map((d) => textAt(d.name)));
  const devicePaths = new Set(devices.map((d) => textAt(d.devicePath)));
  const privileged = objectAt(container.securityContext)?.privileged === true;
  listAt(container.volumeMounts).forEach((raw, i) => {
    const mount = objectAt(raw) ?? {};
    const mountPath = item(at(path, 'volumeMounts'), i);
    const name = textAt(mount.name) ?? '';
    const target = textAt(mount.mountPath) ?? '';
    if (name === '') {
      report.add(at(mountPath, 'name'), 'the volume mount names no volume', 'give the name of one of the pod\'s volumes');
    } else if (!volumes.has(name)) {
      report.add(at(mountPath, 'name'), `the volume mount names ${q(name)}, which is not one of the pod's volumes`, `add a volume named ${q(name)} to the pod, or fix the name`);
    }
    if (target === '') {
      report.add(at(mountPath, 'mountPath'), 'the volume mount has no mountPath', 'give the path inside the container, such as "/etc/config"');
    } else if (mountPaths.has(target)) {
      report.add(at(mountPath, 'mountPath'), `two volumes are mounted at ${q(target)}`, 'mount each volume at its own path');
    }
    mountPaths.add(target);
    if (deviceNames.has(name)) {
      report.add(at(mountPath, 'name'), `${q(name)} is used both as a volume mount and a volume device`, 'use the volume either as a mount or as a device');
    }
    if (devicePaths.has(target)) {
      report.add(at(mountPath, 'mountPath'), `${q(target)} is also a device path`, 'mount at another path');
    }
    const subPath = textAt(mount.subPath) ?? '';
    const subPathExpr = textAt(mount.subPathExpr) ?? '';
    if (volumes.get(name)?.image !== undefined && (subPath !== '' || subPathExpr !== '')) {
      report.add(at(mountPath, subPath !== '' ? 'subPath' : 'subPathExpr'), 'an image volume cannot be mounted with a subPath', 'remove subPath and subPathExpr');
    }
    validateRelativePath(report, subPath, at(mountPath, 'subPath'));
    if (subPathExpr !== '') {
      if (subPath !== '') {
        report.add(at(mountPath, 'subPathExpr'), 'subPath and subPathExpr cannot both be set', 'keep one of them');
      }
      validateRelativePath(report, subPathExpr, at(mountPath, 'subPathExpr'));
    }
    const propagation = textAt(mount.mountPropagation);
    if (propagation !== undefined) {
      if (!oneOf(propagation, MOUNT_PROPAGATIONS)) {
        report.add(at(mountPath, 'mountPropagation'), `${q(propagation)} is not a mount propagation mode`, 'use "None", "HostToContainer" or "Bidirectional"');
      } else if (propagation === 'Bidirectional' && !privileged) {
        report.add(at(mountPath, 'mountPropagation'), 'Bidirectional mount propagation needs a privileged container', 'use "HostToContainer", or make the container privileged');
      }
    }
    const recursive = textAt(mount.recursiveReadOnly);
    if (recursive !== undefined && recursive !== 'Disabled') {
      if (!oneOf(recursive, RECURSIVE_READ_ONLY)) {
        report.add(at(mountPath, 'recursiveReadOnly'), `${q(recursive)} is not a recursiveReadOnly mode`, 'use "Disabled", "IfPossible" or "Enabled"');
      } else {
        if (mount.readOnly !== true) {
          report.add(at(mountPath, 'recursiveReadOnly'), `recursiveReadOnly ${recursive} needs readOnly: true`, 'set readOnly: true on the mount');
        }
        if (propagation !== undefined && propagation !== 'None') {
          report.add(at(mountPath, 'recursiveReadOnly'), `recursiveReadOnly ${recursive} needs mountPropagation None`, 'remove mountPropagation or set it to "None"');
        }
      }
    }
  });
}

function validateVolumeDevices(report: Report, container: JsonObject, path: string, volumes: ReadonlyMap<string, JsonObject>): void {
  const names = new Set<string>();
  const paths = new Set<string>();
  const mountNames = new Set(listAt(container.volumeMounts).map((m) => textAt(objectAt(m)?.name)));
  const mountPaths = new Set(listAt(container.volumeMounts).map((m) => textAt(objectAt(m)?.mountPath)));
  listAt(container.volumeDevices).forEach((raw, i) => {
    const device = objectAt(raw) ?? {};
    const devicePath = item(at(path, 'volumeDevices'), i);
    const name = textAt(device.name) ?? '';
    const target = textAt(device.devicePath) ?? '';
    const volume = volumes.get(name);
    if (name === '') {
      report.add(at(devicePath, 'name'), 'the volume device names no volume', 'give the name of a persistentVolumeClaim or ephemeral volume');
    } else if (!volume) {
      report.add(at(devicePath, 'name'), `${q(name)} is not one of the pod's volumes`, 'add the volume, or fix the name');
    } else if (volume.persistentVolumeClaim === undefined && volume.ephemeral === undefined) {
      report.add(at(devicePath, 'name'), `${q(name)} is not a persistentVolumeClaim or ephemeral volume, which block devices need`, 'mount it as a volume instead');
    }
    if (names.has(name)) {
      report.add(at(devicePath, 'name'), `the volume ${q(name)} is used as a device twice`, 'use each volume once');
    }
    names.add(name);
    if (target === '') {
      report.add(at(devicePath, 'devicePath'), 'the volume device has no devicePath', 'give the device path, such as "/dev/xvda"');
    } else if (paths.has(target)) {
      report.add(at(devicePath, 'devicePath'), `two devices use the path ${q(target)}`, 'give each device its own path');
    } else if (hasBackstep(target)) {
      report.add(at(devicePath, 'devicePath'), `${q(target)} must not contain ".."`, 'give a path without ".."');
    }
    paths.add(target);
    if (mountNames.has(name)) {
      report.add(at(devicePath, 'name'), `${q(name)} is also mounted as a volume`, 'use the volume either as a mount or as a device');
    }
    if (mountPaths.has(target)) {
      report.add(at(devicePath, 'devicePath'), `${q(target)} is also a mount path`, 'use another device path');
    }
  });
}

function validateResizePolicy(report: Report, policies: unknown, path: string, podRestartPolicy: string): void {
  const seen = new Set<string>();
  listAt(policies).forEach((raw, i) => {
    const policy = objectAt(raw) ?? {};
    const policyPath = item(path, i);
    const resource = textAt(policy.resourceName) ?? '';
    const restart = textAt(policy.restartPolicy) ?? '';
    if (seen.has(resource)) {
      report.add(at(policyPath, 'resourceName'), `the resize policy for ${q(resource)} is given twice`, 'give one policy per resource');
    }
    seen.add(resource);
    if (resource !== 'cpu' && resource !== 'memory') {
      report.add(at(policyPath, 'resourceName'), `${q(resource)} cannot have a resize policy`, 'use "cpu" or "memory"');
    }
    if (restart !== 'NotRequired' && restart !== 'RestartContainer') {
      report.add(at(policyPath, 'restartPolicy'), `${q(restart)} is not a resize restart policy`, 'use "NotRequired" or "RestartContainer"');
    } else if (podRestartPolicy === 'Never' && restart !== 'NotRequired') {
      report.add(at(policyPath, 'restartPolicy'), 'a pod that never restarts can only resize without restarting containers', 'use "NotRequired"');
    }
  });
}

/** What every kind of container must satisfy. */
function validateContainerCommon(report: Report, container: JsonObject, path: string, pod: PodFacts): void {
  const name = textAt(container.name) ?? '';
  if (name === '') {
    report.add(at(path, 'name'), 'the container has no name', 'name the container');
  } else if (!isDns1123Label(name)) {
    report.add(at(path, 'name'), `${q(name)} is not a valid container name (${RULES.dns1123Label})`, `use a name such as ${q(suggestName(name))}`);
  }
  const image = textAt(container.image) ?? '';
  if (image === '') {
    report.add(at(path, 'image'), 'the container has no image', 'give the image to run, such as "registry.example.com/app:v1"');
  } else if (image.trim() !== image) {
    // The template is accepted, but every pod made from it is refused.
    report.add(at(path, 'image'), `the image ${q(image)} has leading or trailing whitespace`, 'remove the whitespace');
  }
  const terminationPolicy = textAt(container.terminationMessagePolicy) ?? 'File';
  if (!oneOf(terminationPolicy, TERMINATION_MESSAGE_POLICIES)) {
    report.add(at(path, 'terminationMessagePolicy'), `${q(terminationPolicy)} is not a termination message policy`, 'use "File" or "FallbackToLogsOnError"');
  }
  const pullPolicy = textAt(container.imagePullPolicy);
  if (pullPolicy !== undefined && !oneOf(pullPolicy, PULL_POLICIES)) {
    report.add(at(path, 'imagePullPolicy'), `${q(pullPolicy)} is not an image pull policy`, 'use "Always", "IfNotPresent" or "Never"');
  }
  validatePorts(report, container.ports, at(path, 'ports'), pod.hostNetwork);
  validateEnv(report, container.env, at(path, 'env'));
  validateEnvFrom(report, container.envFrom, at(path, 'envFrom'));
  validateVolumeMounts(report, container, path, pod.volumes);
  validateVolumeDevices(report, container, path, pod.volumes);
  validateResourceRequirements(report, container.resources, at(path, 'resources'), pod.claimNames);
  validateResizePolicy(report, container.resizePolicy, at(path, 'resizePolicy'), pod.restartPolicy);
  validateContainerSecurityContext(report, container.securityContext, at(path, 'securityContext'), pod.hostUsers);
}

function validateProbesAndLifecycle(report: Report, container: JsonObject, path: string, pod: PodFacts): void {
  validateLifecycle(report, container.lifecycle, at(path, 'lifecycle'), pod.gracePeriodSeconds);
  validateProbe(report, container.livenessProbe, at(path, 'livenessProbe'), 'livenessProbe', pod.gracePeriodSeconds);
  validateProbe(report, container.readinessProbe, at(path, 'readinessProbe'), 'readinessProbe', pod.gracePeriodSeconds);
  validateProbe(report, container.startupProbe, at(path, 'startupProbe'), 'startupProbe', pod.gracePeriodSeconds);
}

/** The regular containers: at least one, unique names, no restartPolicy, host ports bound once. */
export function validateContainers(report: Report, containers: unknown, path: string, pod: PodFacts): void {
  const list = listAt(containers).map((c) => objectAt(c) ?? {});
  if (list.length === 0) {
    report.add(path, 'the pod has no containers', 'add at least one container');
    return;
  }
  const names = new Set<string>();
  list.forEach((container, i) => {
    const containerPath = item(path, i);
    validateContainerCommon(report, container, containerPath, pod);
    const name = textAt(container.name) ?? '';
    if (names.has(name)) {
      report.add(at(containerPath, 'name'), `the container name ${q(name)} is used twice`, 'give each container its own name');
    }
    names.add(name);
    validateProbesAndLifecycle(report, container, containerPath, pod);
    if (container.restartPolicy !== undefined && container.restartPolicy !== null) {
      report.add(at(containerPath, 'restartPolicy'), 'only init containers may set restartPolicy', 'remove restartPolicy, or make this an init container (a native sidecar)');
    }
  });
  validateHostPortConflicts(report, list.map((container, i) => ({ container, path: item(path, i) })));
}

/**
 * The init containers: names unique across all containers; restartPolicy only "Always" (a
 * native sidecar); lifecycle and probes only on sidecars; host ports checked per container, as
 * init containers run one at a time.
 */
export function validateInitContainers(report: Report, initContainers: unknown, containers: unknown, path: string, pod: PodFacts): void {
  const names = new Set(listAt(containers).map((c) => textAt(objectAt(c)?.name) ?? ''));
  listAt(initContainers).forEach((raw, i) => {
    const container = objectAt(raw) ?? {};
    const containerPath = item(path, i);
    validateContainerCommon(report, container, containerPath, pod);
    const restartPolicy = container.restartPolicy;
    const sidecar = restartPolicy === 'Always';
    if (restartPolicy !== undefined && restartPolicy !== null && !sidecar) {
      report.add(at(containerPath, 'restartPolicy'), `${q(restartPolicy)} is not a restart policy for an init container`, 'use "Always" (a native sidecar), or remove restartPolicy');
    }
    const name = textAt(container.name) ?? '';
    if (names.has(name)) {
      report.add(at(containerPath, 'name'), `the container name ${q(name)} is already used by another container or init container`, 'give each container its own name');
    } else if (name !== '') {
      names.add(name);
    }
    validateHostPortConflicts(report, [{ container, path: containerPath }]);
    if (sidecar) {
      validateProbesAndLifecycle(report, container, containerPath, pod);
      return;
    }
    for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (container[field] !== undefined && container[field] !== null) {
        report.add(at(containerPath, field), `an init container without restartPolicy Always cannot have a ${field}`, 'remove it, or set restartPolicy: Always to make the container a native sidecar');
      }
    }
  });
}
