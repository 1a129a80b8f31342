/**
 * A small, independent checker of the Pod Security Standard "restricted" (Kubernetes 1.33 policy,
 * as pod-security-admission applies it) plus the linters' read-only root filesystem, over a pod
 * spec as synthesized. It shares no code with the library on purpose: it tests the output.
 */

const ALLOWED_VOLUME_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SECCOMP_OK = ['RuntimeDefault', 'Localhost'];

/** Every breach of "restricted" in a pod spec (JSON as rendered), one line each; [] when it complies. */
export function pssRestrictedViolations(pod: any, annotations: Record<string, string> = {}): string[] {
  const out: string[] = [];
  const psc = pod.securityContext ?? {};
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[key] === true) out.push(`spec.${key} is true`);
  }
  for (const volume of pod.volumes ?? []) {
    const type = Object.keys(volume).find((k) => k !== 'name');
    if (!type || !ALLOWED_VOLUME_TYPES.includes(type)) out.push(`volume ${volume.name} has type ${type}`);
  }
  if (psc.runAsUser === 0) out.push('pod runAsUser is 0');
  for (const s of psc.sysctls ?? []) {
    if (!SAFE_SYSCTLS.includes(s.name)) out.push(`pod sysctl ${s.name}`);
  }
  if (psc.seccompProfile && !SECCOMP_OK.includes(psc.seccompProfile.type)) out.push('pod seccomp not allowed');
  if (psc.windowsOptions?.hostProcess) out.push('pod hostProcess');

  const containers = [...(pod.initContainers ?? []), ...(pod.containers ?? []), ...(pod.ephemeralContainers ?? [])];
  for (const c of containers) {
    const sc = c.securityContext ?? {};
    const name = `container ${c.name}`;
    if (sc.privileged === true) out.push(`${name} is privileged`);
    if (sc.allowPrivilegeEscalation !== false) out.push(`${name} allowPrivilegeEscalation is not false`);
    const drop: string[] = sc.capabilities?.drop ?? [];
    if (!drop.includes('ALL')) out.push(`${name} does not drop ALL capabilities`);
    for (const cap of sc.capabilities?.add ?? []) {
      if (cap !== 'NET_BIND_SERVICE') out.push(`${name} adds capability ${cap}`);
    }
    const nonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
    if (nonRoot !== true) out.push(`${name} runAsNonRoot is not true`);
    if (sc.runAsUser === 0) out.push(`${name} runAsUser is 0`);
    const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
    if (!SECCOMP_OK.includes(seccomp)) out.push(`${name} seccomp is ${seccomp}`);
    for (const port of c.ports ?? []) {
      if (port.hostPort) out.push(`${name} uses hostPort ${port.hostPort}`);
    }
    if (sc.procMount !== undefined && sc.procMount !== 'Default') out.push(`${name} procMount ${sc.procMount}`);
    if (sc.seLinuxOptions?.user || sc.seLinuxOptions?.role) out.push(`${name} custom SELinux user/role`);
    if (sc.windowsOptions?.hostProcess) out.push(`${name} hostProcess`);
    const apparmor = annotations[`container.apparmor.security.beta.kubernetes.io/${c.name}`];
    if (apparmor !== undefined && apparmor !== 'runtime/default' && !apparmor.startsWith('localhost/')) {
      out.push(`${name} AppArmor ${apparmor}`);
    }
  }
  return out;
}

/** Containers whose root filesystem is writable (kube-linter, kube-score and Polaris flag them). */
export function writableRootFilesystems(pod: any): string[] {
  return [...(pod.initContainers ?? []), ...(pod.containers ?? [])]
    .filter((c) => c.securityContext?.readOnlyRootFilesystem !== true)
    .map((c) => c.name);
}
