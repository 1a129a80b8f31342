import { Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { buildApp } from '../app/main';
import { KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { inputOf, readProps } from '../src/apiserver/input';
import { MODEL_STEPS, buildModel } from '../src/model/build';
import { Problems } from '../src/problems';
import type { ModelDraft } from '../src/model/types';
import { failedCisChecks } from './cis';
import { pssRestrictedViolations, writableRootFilesystems } from './pss';
import { validateManifests } from './schema';
import { Manifest, manifestOf, newChart, synthApiServer, synthErrors } from './helpers';

const podOf = (manifests: Manifest[]) => manifestOf(manifests, 'Deployment').spec.template;
const errorsOf = (props: KarmadaApiServerProps) =>
  synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', props));
const HINT = (name: string) => `, or accept it knowingly with sidecarOptions: { "${name}": { allowPodSecurityViolations: true } }`;

const sidecar = (securityContext?: k8s.SecurityContext, extra: Partial<k8s.Container> = {}): KarmadaApiServerProps => ({
  instanceName: 'tenant1',
  sidecarContainers: [{ name: 'side', image: 'x:1', securityContext, ...extra }],
});

describe('the pod and the API server container', () => {
  const pod = podOf(synthApiServer({ instanceName: 'tenant1' }));

  test('the pod runs as non-root user and group 65532 with RuntimeDefault seccomp', () => {
    expect(pod.spec.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      fsGroup: 65532,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('the API server container drops every privilege and has a read-only root filesystem', () => {
    expect(pod.spec.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
    });
  });

  test('startup and liveness probes on /livez, readiness on /readyz, HTTPS on the secure port', () => {
    const c = pod.spec.containers[0];
    const get = (path: string) => ({ path, port: 5443, scheme: 'HTTPS' });
    expect(c.startupProbe).toEqual({ httpGet: get('/livez'), periodSeconds: 10, timeoutSeconds: 15, successThreshold: 1, failureThreshold: 24 });
    expect(c.livenessProbe).toEqual({ httpGet: get('/livez'), initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, successThreshold: 1, failureThreshold: 8 });
    expect(c.readinessProbe).toEqual({ httpGet: get('/readyz'), initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15, successThreshold: 1, failureThreshold: 3 });
  });

  test('the default pod meets "restricted" and has read-only root filesystems', () => {
    expect(pssRestrictedViolations(pod.spec, pod.metadata.annotations)).toEqual([]);
    expect(writableRootFilesystems(pod.spec)).toEqual([]);
  });

  test('podSecurityContext is laid field by field over ours', () => {
    const spec = podOf(synthApiServer({
      instanceName: 'tenant1',
      podSecurityContext: { runAsUser: 1000, supplementalGroups: [2000] },
    })).spec;
    expect(spec.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 65532,
      fsGroup: 65532,
      seccompProfile: { type: 'RuntimeDefault' },
      supplementalGroups: [2000],
    });
  });
});

describe('the bundled app', () => {
  const app = buildApp(Testing.app().outdir);
  const manifests = app.charts.flatMap((chart) => Testing.synth(chart)) as Manifest[];
  const apiServerPods = manifests.filter((m) => m.kind === 'Deployment').map((d) => d.spec.template);
  const pods = manifests.filter((m) => m.kind === 'Deployment' || m.kind === 'StatefulSet').map((d) => d.spec.template);

  test('every pod, sidecars and etcd included, meets "restricted" with read-only root filesystems', () => {
    expect(pods.length).toBe(4);
    for (const pod of pods) {
      expect(pssRestrictedViolations(pod.spec, pod.metadata.annotations)).toEqual([]);
      expect(writableRootFilesystems(pod.spec)).toEqual([]);
    }
  });

  test('every API server passes the automated CIS 1.2 checks but 1.2.12 (ServiceAccount admission, off for Karmada)', () => {
    expect(apiServerPods.length).toBe(3);
    for (const pod of apiServerPods) {
      expect(failedCisChecks(pod.spec.containers[0].command)).toEqual(['1.2.12']);
    }
  });

  test('every object validates against the Kubernetes schemas', () => {
    // The Karmada object and its ConfigMap are tenant1-operator's (test/operator/app.test.ts checks what
    // the operator renders); the Issuers, Certificates, ServiceAccount and etcd are tenant2's.
    const count = (kind: string) => manifests.filter((m) => m.kind === kind).length;
    expect(['Deployment', 'StatefulSet', 'Karmada', 'Issuer', 'Certificate', 'ServiceAccount'].map(count)).toEqual([3, 1, 1, 4, 9, 1]);
    expect(() => validateManifests(manifests)).not.toThrow();
  });
});

describe('the checkers in test/ can fail', () => {
  test('the PSS checker reports a privileged, root, hostPath pod', () => {
    expect(pssRestrictedViolations({
      hostNetwork: true,
      volumes: [{ name: 'h', hostPath: { path: '/' } }],
      containers: [{ name: 'c', securityContext: { privileged: true, runAsUser: 0, capabilities: { add: ['SYS_ADMIN'] } }, ports: [{ containerPort: 1, hostPort: 1 }] }],
    })).toEqual([
      'spec.hostNetwork is true',
      'volume h has type hostPath',
      'container c is privileged',
      'container c allowPrivilegeEscalation is not false',
      'container c does not drop ALL capabilities',
      'container c adds capability SYS_ADMIN',
      'container c runAsNonRoot is not true',
      'container c runAsUser is 0',
      'container c seccomp is undefined',
      'container c uses hostPort 1',
    ]);
    expect(writableRootFilesystems({ containers: [{ name: 'c' }] })).toEqual(['c']);
  });

  test('the CIS checker reports the operator\'s bare flags', () => {
    expect(failedCisChecks(['kube-apiserver', '--authorization-mode=Node,RBAC', '--disable-admission-plugins=ServiceAccount', '--enable-admission-plugins=NodeRestriction']))
      .toEqual(['1.2.4', '1.2.5', '1.2.12', '1.2.15', '1.2.16', '1.2.17', '1.2.18', '1.2.19', '1.2.22', '1.2.23', '1.2.24', '1.2.25', '1.2.26', '1.2.30']);
  });
});

describe('sidecar security defaults', () => {
  test('unset fields are filled in, every other field of the container is kept', () => {
    const container: k8s.Container = {
      name: 'side',
      image: 'x:1',
      args: ['--a'],
      env: [{ name: 'A', value: '1' }],
      resources: { limits: { memory: k8s.Quantity.fromString('64Mi') } },
    };
    const spec = podOf(synthApiServer({ instanceName: 'tenant1', sidecarContainers: [container] })).spec;
    expect(spec.containers[1]).toEqual({
      name: 'side',
      image: 'x:1',
      args: ['--a'],
      env: [{ name: 'A', value: '1' }],
      resources: { limits: { memory: '64Mi' } },
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
    });
  });

  test('what the user set is kept exactly, field by field (capabilities too)', () => {
    const spec = podOf(synthApiServer(sidecar({
      capabilities: { add: ['NET_BIND_SERVICE'] },
      readOnlyRootFilesystem: false,
      runAsUser: 1001,
    }))).spec;
    expect(spec.containers[1].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
      readOnlyRootFilesystem: false,
      runAsUser: 1001,
    });
    const kept = podOf(synthApiServer(sidecar({ capabilities: { drop: ['NET_RAW', 'ALL'] }, allowPrivilegeEscalation: false }))).spec;
    expect(kept.containers[1].securityContext.capabilities).toEqual({ drop: ['NET_RAW', 'ALL'] });
  });

  test('a native sidecar gets the defaults too, and the pod meets "restricted"', () => {
    const pod = podOf(synthApiServer({
      instanceName: 'tenant1',
      sidecarContainers: [{ name: 'kms', image: 'x:1' }],
      sidecarOptions: { kms: { nativeSidecar: true } },
    }));
    expect(pod.spec.initContainers[0]).toEqual({
      name: 'kms',
      image: 'x:1',
      restartPolicy: 'Always',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
    });
    expect(pssRestrictedViolations(pod.spec)).toEqual([]);
  });

  test('a sidecar that a later step adds gets the defaults too, whatever the order of the steps', () => {
    const input = inputOf(readProps({ instanceName: 'tenant1' }, new Problems()), {
      namespace: 'default', chartLabels: {}, chartPath: 'test', sidecars: [], appObjects: { find: () => undefined },
    });
    const addKms = (draft: ModelDraft) => {
      draft.sidecars.push({ container: { name: 'kms', image: 'x:1' }, options: {}, field: 'kms' });
    };
    const model = buildModel(input, [...MODEL_STEPS, addKms]);
    expect(model.podSpec.containers[1].securityContext).toEqual({
      allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true,
    });
  });

  test('a sidecar added with addSidecarContainer gets the defaults', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    api.addSidecarContainer({ name: 'late', image: 'x:1' });
    const pod = podOf(Testing.synth(chart) as Manifest[]);
    expect(pssRestrictedViolations(pod.spec)).toEqual([]);
  });
});

describe('sidecars that break "restricted"', () => {
  const R = 'which the Pod Security Standard "restricted" forbids';
  const P = '[test/ApiServer] sidecarContainers[0]';

  test.each<[string, KarmadaApiServerProps, string]>([
    ['privileged', sidecar({ privileged: true }),
      `${P}.securityContext.privileged: sidecar "side": the container runs privileged, with full access to the node, ${R}. Fix: set privileged to false or remove it${HINT('side')}`],
    ['allowPrivilegeEscalation', sidecar({ allowPrivilegeEscalation: true }),
      `${P}.securityContext.allowPrivilegeEscalation: sidecar "side": allowPrivilegeEscalation is true, so a process may gain more privileges than its parent, ${R}. Fix: set allowPrivilegeEscalation to false or remove it (false is filled in)${HINT('side')}`],
    ['runAsUser 0', sidecar({ runAsUser: 0 }),
      `${P}.securityContext.runAsUser: sidecar "side": runAsUser is 0, so the container runs as root, ${R}. Fix: set a non-zero user ID, or remove runAsUser to run as user 65532${HINT('side')}`],
    ['runAsNonRoot false', sidecar({ runAsNonRoot: false }),
      `${P}.securityContext.runAsNonRoot: sidecar "side": runAsNonRoot is false, so the container may run as root, ${R}. Fix: set runAsNonRoot to true or remove it (the pod sets it)${HINT('side')}`],
    ['an added capability', sidecar({ capabilities: { add: ['NET_BIND_SERVICE', 'SYS_ADMIN'] } }),
      `${P}.securityContext.capabilities.add[1]: sidecar "side": capability "SYS_ADMIN" is added; only NET_BIND_SERVICE may be, ${R}. Fix: remove "SYS_ADMIN" from capabilities.add${HINT('side')}`],
    ['a prefixed capability name', sidecar({ capabilities: { add: ['CAP_NET_BIND_SERVICE'] } }),
      `${P}.securityContext.capabilities.add[0]: sidecar "side": capability "CAP_NET_BIND_SERVICE" is added; only NET_BIND_SERVICE may be, ${R}. Fix: write it as "NET_BIND_SERVICE"${HINT('side')}`],
    ['a lower-case drop list', sidecar({ capabilities: { drop: ['all'] } }),
      `${P}.securityContext.capabilities.drop: sidecar "side": capabilities.drop is [all], without ALL, ${R}. Fix: add "ALL" to capabilities.drop, or remove drop (["ALL"] is filled in)${HINT('side')}`],
    ['drop without ALL', sidecar({ capabilities: { drop: ['NET_RAW'] } }),
      `${P}.securityContext.capabilities.drop: sidecar "side": capabilities.drop is [NET_RAW], without ALL, ${R}. Fix: add "ALL" to capabilities.drop, or remove drop (["ALL"] is filled in)${HINT('side')}`],
    ['seccomp Unconfined', sidecar({ seccompProfile: { type: 'Unconfined' } }),
      `${P}.securityContext.seccompProfile.type: sidecar "side": seccomp profile "Unconfined" turns the syscall filter off, ${R}. Fix: set seccompProfile.type to RuntimeDefault or Localhost, or remove seccompProfile (the pod sets it)${HINT('side')}`],
    ['procMount Unmasked', sidecar({ procMount: 'Unmasked' }),
      `${P}.securityContext.procMount: sidecar "side": procMount "Unmasked" unmasks /proc, ${R}. Fix: set procMount to Default or remove it${HINT('side')}`],
    ['SELinux user', sidecar({ seLinuxOptions: { user: 'root' } }),
      `${P}.securityContext.seLinuxOptions.user: sidecar "side": a custom SELinux user is set, ${R}. Fix: remove seLinuxOptions.user${HINT('side')}`],
    ['hostPort', sidecar(undefined, { ports: [{ containerPort: 9090, hostPort: 9090 }] }),
      `${P}.ports[0].hostPort: sidecar "side": hostPort 9090 binds a port of the node, ${R}. Fix: remove hostPort; reach the container through a Service or the pod IP${HINT('side')}`],
  ])('%s is an error naming the field and the fix', (_, props, error) => {
    expect(errorsOf(props)).toEqual([error]);
  });

  test('addSidecarContainer gets the hint in its own words', () => {
    const errors = synthErrors((chart) => {
      new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' })
        .addSidecarContainer({ name: 'late', image: 'x:1', securityContext: { privileged: true } });
    });
    expect(errors).toEqual([
      `[test/ApiServer] addSidecarContainer(late).securityContext.privileged: sidecar "late": the container runs privileged, with full access to the node, ${R}. Fix: set privileged to false or remove it, or accept it knowingly with addSidecarContainer(container, { allowPodSecurityViolations: true })`,
    ]);
  });

  test('allowPodSecurityViolations renders the user\'s settings as given and fills in the rest', () => {
    const props: KarmadaApiServerProps = {
      ...sidecar({ privileged: true, runAsUser: 0 }),
      sidecarOptions: { side: { allowPodSecurityViolations: true } },
    };
    expect(errorsOf(props)).toEqual([]);
    const spec = podOf(synthApiServer(props)).spec;
    // allowPrivilegeEscalation: false is not filled in next to privileged: Kubernetes rejects the pair.
    expect(spec.containers[1].securityContext).toEqual({
      privileged: true,
      runAsUser: 0,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
    });
    expect(pssRestrictedViolations(spec)).toEqual([
      'container side is privileged',
      'container side allowPrivilegeEscalation is not false',
      'container side runAsUser is 0',
    ]);
  });

  test('a hostPath volume is an error, unless only accepted sidecars mount it', () => {
    const base: KarmadaApiServerProps = {
      instanceName: 'tenant1',
      sidecarContainers: [{ name: 'kms', image: 'x:1', volumeMounts: [{ name: 'host', mountPath: '/host' }] }],
      extraVolumes: [{ name: 'host', hostPath: { path: '/var/run/kms' } }],
    };
    const volumeError = `[test/ApiServer] extraVolumes[0].hostPath: volume "host" is of type hostPath, ${R}. Fix: use one of configMap, csi, downwardApi, emptyDir, ephemeral, persistentVolumeClaim, projected, secret; a hostPath volume is accepted only when every container that mounts it is a sidecar with allowPodSecurityViolations: true`;
    expect(errorsOf(base)).toEqual([volumeError]);
    const accepted = { ...base, sidecarOptions: { kms: { allowPodSecurityViolations: true } } };
    expect(errorsOf(accepted)).toEqual([]);
    expect(errorsOf({ ...accepted, extraVolumeMounts: [{ name: 'host', mountPath: '/host' }] })).toEqual([volumeError]);
  });

  test('a podSecurityContext that breaks "restricted" is an error', () => {
    expect(errorsOf({
      instanceName: 'tenant1',
      podSecurityContext: { runAsUser: 0, runAsNonRoot: false, seccompProfile: { type: 'Unconfined' }, sysctls: [{ name: 'kernel.msgmax', value: '1' }] },
    })).toEqual([
      `[test/ApiServer] podSecurityContext.runAsNonRoot: runAsNonRoot is false, so the container may run as root, ${R}. Fix: set runAsNonRoot to true or remove it`,
      `[test/ApiServer] podSecurityContext.runAsUser: runAsUser is 0, so the container runs as root, ${R}. Fix: set a non-zero user ID, or remove runAsUser to run as user 65532`,
      `[test/ApiServer] podSecurityContext.seccompProfile.type: seccomp profile "Unconfined" turns the syscall filter off, ${R}. Fix: set seccompProfile.type to RuntimeDefault or Localhost, or remove seccompProfile`,
      `[test/ApiServer] podSecurityContext.sysctls[0].name: sysctl "kernel.msgmax" is not in the safe set, ${R}. Fix: remove it, or use only kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes`,
    ]);
  });

  test('an unconfined AppArmor annotation is an error', () => {
    expect(errorsOf({
      instanceName: 'tenant1',
      annotations: { 'container.apparmor.security.beta.kubernetes.io/kube-apiserver': 'unconfined' },
    })).toEqual([
      `[test/ApiServer] annotations.container.apparmor.security.beta.kubernetes.io/kube-apiserver: AppArmor profile "unconfined" leaves container "kube-apiserver" unconfined, ${R}. Fix: set it to runtime/default or localhost/<profile>, or remove the annotation`,
    ]);
  });
});

describe('CIS 1.2 flags', () => {
  const command = (props: Partial<KarmadaApiServerProps> = {}): string[] =>
    podOf(synthApiServer({ instanceName: 'tenant1', ...props })).spec.containers[0].command;

  test('the defaults add profiling off, no token expiry extension, service account lookup and kubelet TLS', () => {
    expect(command()).toEqual(expect.arrayContaining([
      '--profiling=false',
      '--service-account-extend-token-expiration=false',
      '--service-account-lookup=true',
      '--kubelet-client-certificate=/etc/karmada/pki/apiserver.crt',
      '--kubelet-client-key=/etc/karmada/pki/apiserver.key',
      '--kubelet-certificate-authority=/etc/karmada/pki/ca.crt',
      '--authorization-mode=Node,RBAC',
      '--tls-min-version=VersionTLS13',
      '--audit-log-path=-',
    ]));
    expect(command().some((arg) => arg.startsWith('--anonymous-auth'))).toBe(false);
    expect(failedCisChecks(command())).toEqual(['1.2.12']);
  });

  test('extraArgs that keep the checks are accepted', () => {
    const extraArgs = {
      'authorization-mode': 'Node,RBAC,Webhook',
      'authorization-webhook-config-file': '/etc/karmada/authz/webhook.kubeconfig',
      'tls-min-version': 'VersionTLS12',
      'audit-log-maxage': '90',
      'enable-admission-plugins': 'NodeRestriction,EventRateLimit',
      'disable-admission-plugins': 'ServiceAccount',
      'profiling': 'false',
    };
    const webhookConfig = {
      extraVolumes: [{ name: 'authz', secret: { secretName: 'authz-webhook' } }],
      extraVolumeMounts: [{ name: 'authz', mountPath: '/etc/karmada/authz', readOnly: true }],
    };
    expect(errorsOf({ instanceName: 'tenant1', extraArgs, ...webhookConfig })).toEqual([]);
    expect(failedCisChecks(command({ extraArgs, ...webhookConfig }))).toEqual(['1.2.12']);
  });

  const E = '[test/ApiServer] extraArgs.';
  test.each<[string, string, string]>([
    ['authorization-mode', 'AlwaysAllow', `${E}authorization-mode: AlwaysAllow lets every request through (CIS 1.2.6). Fix: remove AlwaysAllow; keep Node,RBAC (the default)`],
    ['authorization-mode', 'RBAC', `${E}authorization-mode: "RBAC" lacks Node, which CIS 1.2.7 and 1.2.8 require. Fix: include Node and RBAC, or remove it (Node,RBAC is the default)`],
    ['anonymous-auth', 'false', `${E}anonymous-auth: anonymous-auth=false makes the kubelet's probes (which send no credentials) fail with 401, so the pods never become ready and are restarted forever. Fix: remove it: anonymous requests keep only the rights RBAC gives system:unauthenticated (health and version paths); on Kubernetes 1.32 or later, limit anonymous access to /livez and /readyz with an --authentication-config file instead`],
    ['token-auth-file', '/etc/tokens.csv', `${E}token-auth-file: static token files hold long-lived plain-text credentials (CIS 1.2.2). Fix: remove it; use client certificates, bootstrap tokens or OIDC`],
    ['enable-admission-plugins', 'NodeRestriction,AlwaysAdmit', `${E}enable-admission-plugins: AlwaysAdmit admits every request unchecked (CIS 1.2.10). Fix: remove AlwaysAdmit`],
    ['enable-admission-plugins', 'EventRateLimit', `${E}enable-admission-plugins: "EventRateLimit" lacks NodeRestriction, which CIS 1.2.14 requires. Fix: include NodeRestriction in the list`],
    ['disable-admission-plugins', 'ServiceAccount,NamespaceLifecycle', `${E}disable-admission-plugins: disabling NamespaceLifecycle lets objects be created in missing or terminating namespaces (CIS 1.2.13). Fix: remove NamespaceLifecycle from the list`],
    ['profiling', 'true', `${E}profiling: "true" exposes the profiling endpoints (CIS 1.2.15). Fix: remove it (false is the default here)`],
    ['service-account-lookup', 'false', `${E}service-account-lookup: "false" accepts tokens of deleted service accounts (CIS 1.2.21). Fix: remove it (true is the default here)`],
    ['service-account-extend-token-expiration', 'true', `${E}service-account-extend-token-expiration: "true" lets projected tokens live a year instead of their requested lifetime (CIS 1.2.30). Fix: remove it (false is the default here)`],
    ['audit-log-maxage', '7', `${E}audit-log-maxage: "7" is not 30 or more, which CIS 1.2.17 requires. Fix: set it to 30 or more, or remove it (30 is the default here)`],
    ['audit-log-maxbackup', '1', `${E}audit-log-maxbackup: "1" is not 10 or more, which CIS 1.2.18 requires. Fix: set it to 10 or more, or remove it (10 is the default here)`],
    ['audit-log-maxsize', '50', `${E}audit-log-maxsize: "50" is not 100 or more, which CIS 1.2.19 requires. Fix: set it to 100 or more, or remove it (100 is the default here)`],
    ['tls-min-version', 'VersionTLS11', `${E}tls-min-version: VersionTLS11 allows broken TLS versions. Fix: remove it (VersionTLS13 is the default here), or set VersionTLS12`],
    ['audit-log-path', '', `${E}audit-log-path: it is empty, which turns the setting off; CIS 1.2 requires it. Fix: remove extraArgs.audit-log-path to keep the default, or name a file`],
    ['audit-policy-file', '', `${E}audit-policy-file: it is empty, and without a policy the API server writes no audit events (CIS 1.2.16 to 1.2.19 then audit nothing). Fix: remove extraArgs.audit-policy-file to keep the default policy, or name a policy file`],
    ['kubelet-certificate-authority', ' ', `${E}kubelet-certificate-authority: it is empty, which turns the setting off; CIS 1.2 requires it. Fix: remove extraArgs.kubelet-certificate-authority to keep the default, or name a file`],
  ])('extraArgs %s=%j is refused', (flag, value, error) => {
    expect(errorsOf({ instanceName: 'tenant1', extraArgs: { [flag]: value } })).toEqual([error]);
  });

  test.each(['insecure-port', 'insecure-bind-address', 'basic-auth-file', 'kubelet-https', 'address', 'port'])('the removed flag %s is an unknown flag', (flag) => {
    expect(errorsOf({ instanceName: 'tenant1', extraArgs: { [flag]: '1' } })).toEqual([
      expect.stringMatching(new RegExp(`^\\[test/ApiServer\\] extraArgs\\.${flag}: kube-apiserver 1\\.36 has no flag --${flag}, and exits at start when given one\\. Fix: `)),
    ]);
  });

  test('every problem of one synth is reported together', () => {
    expect(errorsOf({ instanceName: 'tenant1', extraArgs: { 'insecure-port': '0', 'profiling': 'true' } }).map((e) => e.split(':')[0]))
      .toEqual(['[test/ApiServer] extraArgs.insecure-port', '[test/ApiServer] extraArgs.profiling']);
  });
});
