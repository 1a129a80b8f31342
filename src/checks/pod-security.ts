/**
 * Checks against the Pod Security Standard "restricted": a user setting that breaks the profile is
 * reported, naming the field and the fix, unless the sidecar's options accept it knowingly
 * (`allowPodSecurityViolations`).
 */
import type { k8s } from 'cdk8s-plus-28';
import { APISERVER_CONTAINER_NAME } from '../model/layout';
import { DEFAULT_POD_USER, normalizeCapability } from '../model/pod-security';
import { SidecarSpec, acceptKnowingly } from '../model/sidecars';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';

/** The only capability the restricted profile lets a container add. */
export const ALLOWED_ADDED_CAPABILITY = 'NET_BIND_SERVICE';

/** Volume types the restricted profile allows, by their field name in `k8s.Volume`. */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = [
  'configMap', 'csi', 'downwardApi', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
];

/** SELinux types the baseline (and so the restricted) profile allows. */
const ALLOWED_SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

/** Sysctls the baseline profile considers safe (Kubernetes 1.29). */
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** One way a setting breaks the restricted profile: the field (relative), what is wrong, the fix. */
export interface Violation {
  readonly path: string;
  readonly message: string;
  readonly fix: string;
}

/** Violations of the settings a pod and a container share (user, seccomp, SELinux, Windows). */
function sharedViolations(sc: k8s.SecurityContext | k8s.PodSecurityContext, base: string, unsetFix: string): Violation[] {
  const found: Violation[] = [];
  if (sc.runAsNonRoot === false) {
    found.push({ path: `${base}.runAsNonRoot`, message: 'runAsNonRoot is false, so the container may run as root', fix: `set runAsNonRoot to true or remove it${unsetFix}` });
  }
  if (sc.runAsUser === 0) {
    found.push({ path: `${base}.runAsUser`, message: 'runAsUser is 0, so the container runs as root', fix: `set a non-zero user ID, or remove runAsUser to run as user ${DEFAULT_POD_USER}` });
  }
  const seccomp = sc.seccompProfile?.type;
  if (seccomp !== undefined && seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
    found.push({ path: `${base}.seccompProfile.type`, message: `seccomp profile "${seccomp}" turns the syscall filter off`, fix: `set seccompProfile.type to RuntimeDefault or Localhost, or remove seccompProfile${unsetFix}` });
  }
  const selinux = sc.seLinuxOptions;
  if (selinux?.type !== undefined && !ALLOWED_SELINUX_TYPES.includes(selinux.type)) {
    found.push({ path: `${base}.seLinuxOptions.type`, message: `SELinux type "${selinux.type}" is not a container type`, fix: 'use container_t, container_init_t, container_kvm_t or container_engine_t, or remove it' });
  }
  for (const key of ['user', 'role'] as const) {
    if (selinux?.[key]) {
      found.push({ path: `${base}.seLinuxOptions.${key}`, message: `a custom SELinux ${key} is set`, fix: `remove seLinuxOptions.${key}` });
    }
  }
  if (sc.windowsOptions?.hostProcess === true) {
    found.push({ path: `${base}.windowsOptions.hostProcess`, message: 'a Windows host process has full access to the node', fix: 'remove windowsOptions.hostProcess' });
  }
  return found;
}

/**
 * Every way a container breaks the restricted profile, with paths relative to the container.
 * Reads the container as rendered (defaults filled in), so an unset field never counts.
 */
export function containerViolations(container: k8s.Container): Violation[] {
  const sc = container.securityContext ?? {};
  const base = 'securityContext';
  const found = sharedViolations(sc, base, ' (the pod sets it)');
  if (sc.privileged === true) {
    found.push({ path: `${base}.privileged`, message: 'the container runs privileged, with full access to the node', fix: 'set privileged to false or remove it' });
  }
  if (sc.allowPrivilegeEscalation === true) {
    found.push({ path: `${base}.allowPrivilegeEscalation`, message: 'allowPrivilegeEscalation is true, so a process may gain more privileges than its parent', fix: 'set allowPrivilegeEscalation to false or remove it (false is filled in)' });
  }
  // Pod Security admission compares capability names literally: "CAP_NET_BIND_SERVICE" or "all" do not count.
  (sc.capabilities?.add ?? []).forEach((cap, i) => {
    if (cap !== ALLOWED_ADDED_CAPABILITY) {
      found.push({
        path: `${base}.capabilities.add[${i}]`,
        message: `capability "${cap}" is added; only ${ALLOWED_ADDED_CAPABILITY} may be`,
        fix: normalizeCapability(cap) === ALLOWED_ADDED_CAPABILITY ? `write it as "${ALLOWED_ADDED_CAPABILITY}"` : `remove "${cap}" from capabilities.add`,
      });
    }
  });
  const drop = sc.capabilities?.drop;
  if (drop !== undefined && !drop.includes('ALL')) {
    found.push({ path: `${base}.capabilities.drop`, message: `capabilities.drop is [${drop.join(', ')}], without ALL`, fix: 'add "ALL" to capabilities.drop, or remove drop (["ALL"] is filled in)' });
  }
  if (sc.procMount !== undefined && sc.procMount !== 'Default') {
    found.push({ path: `${base}.procMount`, message: `procMount "${sc.procMount}" unmasks /proc`, fix: 'set procMount to Default or remove it' });
  }
  (container.ports ?? []).forEach((port, i) => {
    if (port.hostPort !== undefined && port.hostPort !== 0) {
      found.push({ path: `ports[${i}].hostPort`, message: `hostPort ${port.hostPort} binds a port of the node`, fix: 'remove hostPort; reach the container through a Service or the pod IP' });
    }
  });
  return found;
}

/** Every way the user's pod security context breaks the restricted profile. */
export function podSecurityContextViolations(sc: k8s.PodSecurityContext): Violation[] {
  const found = sharedViolations(sc, 'podSecurityContext', '');
  (sc.sysctls ?? []).forEach((sysctl, i) => {
    if (!SAFE_SYSCTLS.includes(sysctl.name)) {
      found.push({ path: `podSecurityContext.sysctls[${i}].name`, message: `sysctl "${sysctl.name}" is not in the safe set`, fix: `remove it, or use only ${SAFE_SYSCTLS.join(', ')}` });
    }
  });
  return found;
}

/** The volume type of a volume: the name of its one source field. */
export function volumeType(volume: k8s.Volume): string {
  return Object.entries(volume).find(([key, value]) => key !== 'name' && value !== undefined)?.[0] ?? 'unknown';
}

/** How to accept a sidecar's violations knowingly, in the words of the API the sidecar came from. */
function acceptHint(sidecar: SidecarSpec): string {
  return `, or ${acceptKnowingly(sidecar, 'allowPodSecurityViolations')}`;
}

const RESTRICTED = 'which the Pod Security Standard "restricted" forbids';

/**
 * Checks the whole pod against the restricted profile: the user's pod security context, every
 * sidecar (regular and native), the volumes and AppArmor annotations. A sidecar with
 * `allowPodSecurityViolations` is let through, and so are volumes that only such sidecars mount.
 */
export function checkPodSecurity(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  for (const v of podSecurityContextViolations(input.podSecurityContext ?? {})) {
    problems.add(v.path, `${v.message}, ${RESTRICTED}`, v.fix);
  }

  const accepted = new Set<string>();
  for (const sidecar of model.sidecars) {
    if (sidecar.options.allowPodSecurityViolations) {
      accepted.add(sidecar.container.name);
      continue;
    }
    for (const v of containerViolations(sidecar.container)) {
      problems.add(`${sidecar.field}.${v.path}`, `sidecar "${sidecar.container.name}": ${v.message}, ${RESTRICTED}`, v.fix + acceptHint(sidecar));
    }
  }

  const mountedBy = new Map<string, string[]>();
  const containers = [...(model.podSpec.initContainers ?? []), ...model.podSpec.containers];
  for (const container of containers) {
    for (const mount of container.volumeMounts ?? []) {
      mountedBy.set(mount.name, [...(mountedBy.get(mount.name) ?? []), container.name]);
    }
  }
  const volumes = model.podSpec.volumes ?? [];
  const ours = volumes.length - input.extraVolumes.length;
  volumes.forEach((volume, i) => {
    const type = volumeType(volume);
    if (RESTRICTED_VOLUME_TYPES.includes(type)) {
      return;
    }
    const users = mountedBy.get(volume.name) ?? [];
    if (users.length > 0 && users.every((name) => accepted.has(name))) {
      return;
    }
    const field = i >= ours ? `extraVolumes[${i - ours}].${type}` : `volumes[${i}].${type}`;
    problems.add(field, `volume "${volume.name}" is of type ${type}, ${RESTRICTED}`,
      `use one of ${RESTRICTED_VOLUME_TYPES.join(', ')}; a ${type} volume is accepted only when every container that mounts it is a sidecar with allowPodSecurityViolations: true`);
  });

  for (const [key, value] of Object.entries(input.annotations)) {
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) {
      continue;
    }
    const container = key.slice(APPARMOR_ANNOTATION_PREFIX.length);
    if (value !== 'runtime/default' && !value.startsWith('localhost/') && !(container !== APISERVER_CONTAINER_NAME && accepted.has(container))) {
      problems.add(`annotations.${key}`, `AppArmor profile "${value}" leaves container "${container}" unconfined, ${RESTRICTED}`,
        'set it to runtime/default or localhost/<profile>, or remove the annotation');
    }
  }
}
