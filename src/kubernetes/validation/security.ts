/**
 * Security contexts of pods and containers: user and group ids, sysctls, seccomp and AppArmor
 * profiles (fields and the legacy annotations), Windows options and HostProcess pods, the
 * fields each OS forbids, host namespaces with user namespaces, procMount.
 *
 * Rules from kubernetes/kubernetes pkg/apis/core/validation/validation.go at
 * 000f26050b9be6fb3d79fae95e06b47fc96128cd (validatePodSpecSecurityContext, validateSysctls,
 * ValidateHostSysctl, ValidateSecurityContext, validateSeccompProfileField, ValidateSeccompProfile,
 * ValidateSeccompPodAnnotations, validateSeccompAnnotationsAndFields, ValidateAppArmorProfileField,
 * ValidateAppArmorPodAnnotations, validateAppArmorAnnotationsAndFieldsMatchOnCreate,
 * validateWindowsSecurityContextOptions, validateWindowsHostProcessPod, validateHostUsers,
 * validateOS, validateLinux, validateWindows) and
 * staging/src/k8s.io/component-helpers/node/util/sysctl/sysctl.go (which sysctls belong to which
 * namespace). Restated, not copied.
 */
import { RULES, isDns1123Subdomain, isSysctlName, isUserOrGroupId } from '../grammar';
import { validateRelativePath } from './files';
import { q } from '../../problems';
import { JsonObject, Report, at, item, listAt, objectAt, stringMapAt, textAt } from './report';

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const APPARMOR_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

function validateId(report: Report, value: unknown, path: string, what: string): void {
  if (value !== undefined && value !== null && !isUserOrGroupId(value)) {
    report.add(path, `${q(value)} is not a valid ${what} (0 to 2147483647)`, `give a ${what} from 0 to 2147483647`);
  }
}

/** A seccompProfile field: a known type; a local profile path exactly when the type is Localhost. */
function validateSeccompProfile(report: Report, profile: unknown, path: string): void {
  const object = objectAt(profile);
  if (!object) {
    return;
  }
  const type = textAt(object.type) ?? '';
  const localhost = textAt(object.localhostProfile);
  if (type === '') {
    report.add(at(path, 'type'), 'the seccomp profile has no type', 'set type to "RuntimeDefault", "Localhost" or "Unconfined"');
  } else if (!SECCOMP_TYPES.includes(type)) {
    report.add(at(path, 'type'), `${q(type)} is not a seccomp profile type`, 'use "RuntimeDefault", "Localhost" or "Unconfined"');
  }
  if (type === 'Localhost') {
    if (localhost === undefined) {
      report.add(at(path, 'localhostProfile'), 'a Localhost seccomp profile needs localhostProfile', 'give the profile\'s path relative to the kubelet\'s seccomp directory');
    } else {
      validateRelativePath(report, localhost, at(path, 'localhostProfile'));
    }
  } else if (localhost !== undefined) {
    report.add(at(path, 'localhostProfile'), 'localhostProfile is only for type Localhost', 'remove localhostProfile, or set type to "Localhost"');
  }
}

/** An appArmorProfile field. */
function validateAppArmorProfile(report: Report, profile: unknown, path: string): void {
  const object = objectAt(profile);
  if (!object) {
    return;
  }
  const type = textAt(object.type) ?? '';
  const localhost = textAt(object.localhostProfile);
  if (type === '') {
    report.add(at(path, 'type'), 'the AppArmor profile has no type', 'set type to "RuntimeDefault", "Localhost" or "Unconfined"');
  } else if (!APPARMOR_TYPES.includes(type)) {
    report.add(at(path, 'type'), `${q(type)} is not an AppArmor profile type`, 'use "RuntimeDefault", "Localhost" or "Unconfined"');
  } else if (type === 'Localhost') {
    if (localhost === undefined || localhost.trim() === '') {
      report.add(at(path, 'localhostProfile'), 'a Localhost AppArmor profile needs localhostProfile', 'give the name of a profile loaded on the node');
    } else if (localhost.trim() !== localhost) {
      report.add(at(path, 'localhostProfile'), `${q(localhost)} has leading or trailing whitespace`, 'remove the whitespace');
    } else if (localhost.length > 4095) {
      report.add(at(path, 'localhostProfile'), 'localhostProfile is longer than 4095 characters', 'shorten the profile name');
    }
  } else if (localhost !== undefined) {
    report.add(at(path, 'localhostProfile'), 'localhostProfile is only for type Localhost', 'remove localhostProfile, or set type to "Localhost"');
  }
}

/** Windows options: GMSA spec name and content, and runAsUserName as DOMAIN\USER. */
function validateWindowsOptions(report: Report, options: unknown, path: string): void {
  const object = objectAt(options);
  if (!object) {
    return;
  }
  const specName = textAt(object.gmsaCredentialSpecName);
  if (specName !== undefined && !isDns1123Subdomain(specName)) {
    report.add(at(path, 'gmsaCredentialSpecName'), `${q(specName)} is not a valid GMSA credential spec name (${RULES.dns1123Subdomain})`, 'give the name of a GMSACredentialSpec resource');
  }
  const spec = textAt(object.gmsaCredentialSpec);
  if (spec !== undefined && (spec.length === 0 || Buffer.byteLength(spec) > 64 * 1024)) {
    report.add(at(path, 'gmsaCredentialSpec'), spec.length === 0 ? 'gmsaCredentialSpec is empty' : 'gmsaCredentialSpec is larger than 64 KiB', 'give the credential spec JSON, or remove the field');
  }
  const userName = textAt(object.runAsUserName);
  if (userName !== undefined) {
    const problem = windowsUserNameProblem(userName);
    if (problem) {
      report.add(at(path, 'runAsUserName'), `${q(userName)} is not a Windows user name: ${problem}`, 'give a user name such as "ContainerUser" or "DOMAIN\\user"');
    }
  }
}

/** Why a Windows runAsUserName is refused, or undefined. */
function windowsUserNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (/[\x00-\x1f\x7f]/.test(name)) return 'it contains control characters';
  const parts = name.split('\\');
  if (parts.length > 2) return 'it contains more than one backslash';
  const [domain, user] = parts.length === 2 ? parts : ['', parts[0]];
  if (domain.length >= 256) return 'the domain is 256 characters or longer';
  const netBios = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
  const dns = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
  if (parts.length === 2 && !netBios.test(domain) && !dns.test(domain)) return 'the domain is neither a NetBIOS nor a DNS name';
  if (user.length === 0) return 'the user is empty';
  if (user.length > 104) return 'the user is longer than 104 characters';
  if (/^[. ]+$/.test(user)) return 'the user is only dots or spaces';
  if (/["/\\:;|=,+*?<>@[\]]/.test(user)) return 'the user contains one of "/\\:;|=,+*?<>@[]';
  return undefined;
}

/** The namespace a sysctl belongs to, for the host-namespace rule. */
function sysctlNamespace(name: string): 'net' | 'ipc' | undefined {
  const first = name.search(/[./]/);
  // "net/ipv4/conf/eth0.100/rp_filter" is written with "/" first: swap the separators.
  const normal = first >= 0 && name[first] === '/' ? name.replace(/[./]/g, (c) => (c === '/' ? '.' : '/')) : name;
  if (normal.startsWith('net.')) return 'net';
  if (normal === 'kernel.sem' || normal.startsWith('kernel.shm') || normal.startsWith('kernel.msg') || normal.startsWith('fs.mqueue.')) return 'ipc';
  return undefined;
}

function validateSysctls(report: Report, sysctls: unknown, path: string, spec: JsonObject): void {
  const names = new Set<string>();
  listAt(sysctls).forEach((raw, i) => {
    const name = textAt(objectAt(raw)?.name) ?? '';
    const namePath = at(item(path, i), 'name');
    if (name === '') {
      report.add(namePath, 'the sysctl has no name', 'name the sysctl, such as "net.ipv4.ip_local_port_range"');
    } else if (!isSysctlName(name)) {
      report.add(namePath, `${q(name)} is not a sysctl name (${RULES.sysctlName})`, 'use a name such as "net.ipv4.ip_local_port_range"');
    } else if (names.has(name)) {
      report.add(namePath, `the sysctl ${q(name)} is set twice`, 'set each sysctl once');
    }
    names.add(name);
    const namespace = sysctlNamespace(name);
    if (namespace === 'net' && spec.hostNetwork === true) {
      report.add(namePath, `the network sysctl ${q(name)} cannot be set in a pod on the host network`, 'remove the sysctl, or hostNetwork');
    } else if (namespace === 'ipc' && spec.hostIPC === true) {
      report.add(namePath, `the IPC sysctl ${q(name)} cannot be set in a pod sharing the host's IPC namespace`, 'remove the sysctl, or hostIPC');
    }
  });
}

/** The pod's security context and host-namespace settings. */
export function validatePodSecurityContext(report: Report, spec: JsonObject, specPath: string): void {
  const context = objectAt(spec.securityContext);
  const path = at(specPath, 'securityContext');
  if (context) {
    validateId(report, context.fsGroup, at(path, 'fsGroup'), 'group id');
    validateId(report, context.runAsUser, at(path, 'runAsUser'), 'user id');
    validateId(report, context.runAsGroup, at(path, 'runAsGroup'), 'group id');
    listAt(context.supplementalGroups).forEach((gid, i) => validateId(report, gid, item(at(path, 'supplementalGroups'), i), 'group id'));
    validateSysctls(report, context.sysctls, at(path, 'sysctls'), spec);
    const fsGroupPolicy = textAt(context.fsGroupChangePolicy);
    if (fsGroupPolicy !== undefined && fsGroupPolicy !== 'OnRootMismatch' && fsGroupPolicy !== 'Always') {
      report.add(at(path, 'fsGroupChangePolicy'), `${q(fsGroupPolicy)} is not an fsGroup change policy`, 'use "OnRootMismatch" or "Always"');
    }
    validateSeccompProfile(report, context.seccompProfile, at(path, 'seccompProfile'));
    validateWindowsOptions(report, context.windowsOptions, at(path, 'windowsOptions'));
    validateAppArmorProfile(report, context.appArmorProfile, at(path, 'appArmorProfile'));
    const groupsPolicy = textAt(context.supplementalGroupsPolicy);
    if (groupsPolicy !== undefined && groupsPolicy !== 'Merge' && groupsPolicy !== 'Strict') {
      report.add(at(path, 'supplementalGroupsPolicy'), `${q(groupsPolicy)} is not a supplemental groups policy`, 'use "Merge" or "Strict"');
    }
    const seLinuxPolicy = textAt(context.seLinuxChangePolicy);
    if (seLinuxPolicy !== undefined && seLinuxPolicy !== 'Recursive' && seLinuxPolicy !== 'MountOption') {
      report.add(at(path, 'seLinuxChangePolicy'), `${q(seLinuxPolicy)} is not an SELinux change policy`, 'use "Recursive" or "MountOption"');
    }
  }
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    report.add(at(specPath, 'shareProcessNamespace'), 'shareProcessNamespace and hostPID cannot both be true', 'turn one of them off');
  }
  if (spec.hostUsers === false) {
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
      if (spec[field] === true) {
        report.add(at(specPath, field), `${field} cannot be used with a user namespace (hostUsers: false)`, `turn ${field} off, or remove hostUsers: false`);
      }
    }
  }
}

/** A container's security context. */
export function validateContainerSecurityContext(report: Report, securityContext: unknown, path: string, hostUsers: boolean): void {
  const context = objectAt(securityContext);
  if (!context) {
    return;
  }
  validateId(report, context.runAsUser, at(path, 'runAsUser'), 'user id');
  validateId(report, context.runAsGroup, at(path, 'runAsGroup'), 'group id');
  const procMount = textAt(context.procMount);
  if (procMount !== undefined) {
    if (procMount !== 'Default' && procMount !== 'Unmasked') {
      report.add(at(path, 'procMount'), `${q(procMount)} is not a procMount type`, 'use "Default" or "Unmasked"');
    } else if (procMount === 'Unmasked' && hostUsers) {
      report.add(at(path, 'procMount'), 'an Unmasked /proc needs a user namespace (hostUsers: false on the pod)', 'set hostUsers: false on the pod, or use procMount "Default"');
    }
  }
  validateSeccompProfile(report, context.seccompProfile, at(path, 'seccompProfile'));
  if (context.allowPrivilegeEscalation === false) {
    if (context.privileged === true) {
      report.add(path, 'a privileged container cannot have allowPrivilegeEscalation: false', 'remove privileged, or allowPrivilegeEscalation: false');
    }
    if (listAt(objectAt(context.capabilities)?.add).includes('CAP_SYS_ADMIN')) {
      report.add(path, 'a container adding CAP_SYS_ADMIN cannot have allowPrivilegeEscalation: false', 'drop CAP_SYS_ADMIN, or allowPrivilegeEscalation: false');
    }
  }
  validateWindowsOptions(report, context.windowsOptions, at(path, 'windowsOptions'));
  validateAppArmorProfile(report, context.appArmorProfile, at(path, 'appArmorProfile'));
}

/** Every container of a pod spec (regular and init) with its path. */
export function allContainers(spec: JsonObject, specPath: string): { container: JsonObject; path: string }[] {
  const list: { container: JsonObject; path: string }[] = [];
  for (const field of ['initContainers', 'containers']) {
    listAt(spec[field]).forEach((c, i) => list.push({ container: objectAt(c) ?? {}, path: item(at(specPath, field), i) }));
  }
  return list;
}

const WINDOWS_FORBIDDEN_POD_FIELDS = ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'fsGroup', 'fsGroupChangePolicy', 'sysctls',
  'runAsUser', 'runAsGroup', 'supplementalGroups', 'supplementalGroupsPolicy', 'seLinuxChangePolicy'];
const WINDOWS_FORBIDDEN_CONTAINER_FIELDS = ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem',
  'privileged', 'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup'];

/** spec.os: a known OS, and the fields that OS cannot use. */
export function validateOs(report: Report, spec: JsonObject, specPath: string): void {
  const os = objectAt(spec.os);
  if (!os) {
    return;
  }
  const name = textAt(os.name) ?? '';
  if (name === '') {
    report.add(at(at(specPath, 'os'), 'name'), 'spec.os has no name', 'set os.name to "linux" or "windows"');
    return;
  }
  if (name !== 'linux' && name !== 'windows') {
    report.add(at(at(specPath, 'os'), 'name'), `${q(name)} is not an OS Kubernetes knows`, 'use "linux" or "windows"');
    return;
  }
  const podContext = objectAt(spec.securityContext) ?? {};
  if (name === 'linux') {
    if (podContext.windowsOptions !== undefined) {
      report.add(at(at(specPath, 'securityContext'), 'windowsOptions'), 'windowsOptions cannot be set for a linux pod', 'remove windowsOptions, or set os.name to "windows"');
    }
    for (const { container, path } of allContainers(spec, specPath)) {
      if (objectAt(container.securityContext)?.windowsOptions !== undefined) {
        report.add(at(at(path, 'securityContext'), 'windowsOptions'), 'windowsOptions cannot be set for a linux pod', 'remove windowsOptions');
      }
    }
    return;
  }
  for (const field of WINDOWS_FORBIDDEN_POD_FIELDS) {
    if (podContext[field] !== undefined && !(field === 'sysctls' && listAt(podContext[field]).length === 0)) {
      report.add(at(at(specPath, 'securityContext'), field), `${field} cannot be set for a windows pod`, `remove ${field}, or set os.name to "linux"`);
    }
  }
  for (const field of ['hostUsers', 'shareProcessNamespace']) {
    if (spec[field] !== undefined) {
      report.add(at(specPath, field), `${field} cannot be set for a windows pod`, `remove ${field}`);
    }
  }
  for (const field of ['hostPID', 'hostIPC']) {
    if (spec[field] === true) {
      report.add(at(specPath, field), `${field} cannot be used by a windows pod`, `remove ${field}`);
    }
  }
  for (const { container, path } of allContainers(spec, specPath)) {
    const context = objectAt(container.securityContext) ?? {};
    for (const field of WINDOWS_FORBIDDEN_CONTAINER_FIELDS) {
      if (context[field] !== undefined) {
        report.add(at(at(path, 'securityContext'), field), `${field} cannot be set for a windows pod`, `remove ${field}`);
      }
    }
  }
}

/** HostProcess containers: all or none of the pod's containers, with the host network. */
export function validateHostProcess(report: Report, spec: JsonObject, specPath: string): void {
  const podSetting = objectAt(objectAt(spec.securityContext)?.windowsOptions)?.hostProcess;
  const containers = allContainers(spec, specPath);
  let hostProcessCount = 0;
  for (const { container, path } of containers) {
    const setting = objectAt(objectAt(container.securityContext)?.windowsOptions)?.hostProcess;
    if (typeof podSetting === 'boolean' && typeof setting === 'boolean' && setting !== podSetting) {
      report.add(at(at(at(path, 'securityContext'), 'windowsOptions'), 'hostProcess'), `hostProcess is ${setting} here but ${podSetting} for the pod`, 'use the same value, or set it only on the pod');
    }
    if (setting === true || (setting === undefined && podSetting === true)) {
      hostProcessCount++;
    }
  }
  if (hostProcessCount === 0) {
    return;
  }
  if (hostProcessCount !== containers.length) {
    report.add(specPath, 'some but not all containers are HostProcess containers', 'make all containers HostProcess containers, or none');
  }
  if (spec.hostNetwork !== true) {
    report.add(at(specPath, 'hostNetwork'), 'a pod with HostProcess containers must use the host network', 'set hostNetwork: true');
  }
}

/** Whether a legacy seccomp annotation value names a profile. */
function isSeccompAnnotationValue(value: string): boolean {
  if (['runtime/default', 'docker/default', 'unconfined'].includes(value)) {
    return true;
  }
  if (!value.startsWith('localhost/')) {
    return false;
  }
  const local = value.slice('localhost/'.length);
  return !local.startsWith('/') && !local.replace(/\\/g, '/').split('/').includes('..');
}

/** The seccomp field a legacy annotation value stands for. */
function seccompAnnotationMatches(value: string, profile: JsonObject): boolean {
  switch (profile.type) {
    case 'Unconfined': return value === 'unconfined';
    case 'RuntimeDefault': return value === 'runtime/default' || value === 'docker/default';
    case 'Localhost': return value === `localhost/${textAt(profile.localhostProfile) ?? ''}`;
    default: return true;
  }
}

function appArmorAnnotationMatches(value: string, profile: JsonObject): boolean {
  switch (profile.type) {
    case 'Unconfined': return value === 'unconfined';
    case 'RuntimeDefault': return value === 'runtime/default';
    case 'Localhost': return value === `localhost/${textAt(profile.localhostProfile) ?? ''}`;
    default: return true;
  }
}

/**
 * The legacy seccomp and AppArmor annotations of a pod template: valid values, containers that
 * exist, and agreement with the fields when both are set.
 */
export function validateSecurityAnnotations(report: Report, annotations: unknown, annotationsPath: string, spec: JsonObject, specPath: string): void {
  const map = new Map(stringMapAt(annotations));
  const containers = allContainers(spec, specPath);
  const byName = new Map(containers.map((c) => [textAt(c.container.name) ?? '', c]));
  const podContext = objectAt(spec.securityContext) ?? {};
  for (const [key, value] of map) {
    if ((key === SECCOMP_POD_ANNOTATION || key.startsWith(SECCOMP_CONTAINER_ANNOTATION)) && !isSeccompAnnotationValue(value)) {
      report.add(at(annotationsPath, key), `${q(value)} is not a seccomp profile`, 'use "runtime/default", "unconfined" or "localhost/<profile>", or better the seccompProfile field');
    }
    if (key.startsWith(APPARMOR_CONTAINER_ANNOTATION)) {
      const container = key.slice(APPARMOR_CONTAINER_ANNOTATION.length);
      if (!byName.has(container)) {
        report.add(at(annotationsPath, key), `the AppArmor annotation names the container ${q(container)}, which the pod does not have`, 'fix the container name, or remove the annotation');
      }
      if (value !== '' && value !== 'runtime/default' && value !== 'unconfined' && !value.startsWith('localhost/')) {
        report.add(at(annotationsPath, key), `${q(value)} is not an AppArmor profile`, 'use "runtime/default", "unconfined" or "localhost/<profile>", or better the appArmorProfile field');
      }
    }
  }
  const podSeccomp = objectAt(podContext.seccompProfile);
  const podSeccompAnnotation = map.get(SECCOMP_POD_ANNOTATION);
  if (podSeccomp && podSeccompAnnotation !== undefined && !seccompAnnotationMatches(podSeccompAnnotation, podSeccomp)) {
    report.add(at(at(specPath, 'securityContext'), 'seccompProfile'), 'the seccomp profile differs from the pod\'s seccomp annotation', 'remove the annotation, or make both agree');
  }
  for (const { container, path } of containers) {
    const name = textAt(container.name) ?? '';
    const context = objectAt(container.securityContext) ?? {};
    const seccomp = objectAt(context.seccompProfile);
    const seccompAnnotation = map.get(SECCOMP_CONTAINER_ANNOTATION + name);
    if (seccomp && seccompAnnotation !== undefined && !seccompAnnotationMatches(seccompAnnotation, seccomp)) {
      report.add(at(at(path, 'securityContext'), 'seccompProfile'), 'the seccomp profile differs from the container\'s seccomp annotation', 'remove the annotation, or make both agree');
    }
    if (objectAt(spec.os)?.name === 'windows') {
      continue;
    }
    const appArmor = objectAt(context.appArmorProfile) ?? objectAt(podContext.appArmorProfile);
    const appArmorAnnotation = map.get(APPARMOR_CONTAINER_ANNOTATION + name);
    if (appArmor && appArmorAnnotation !== undefined && !appArmorAnnotationMatches(appArmorAnnotation, appArmor)) {
      report.add(at(at(path, 'securityContext'), 'appArmorProfile'), 'the AppArmor profile differs from the container\'s AppArmor annotation', 'remove the annotation, or make both agree');
    }
  }
}
