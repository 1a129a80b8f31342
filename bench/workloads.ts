/**
 * The three ways the benchmark builds the same tenant API servers:
 *
 * - `ours`: `KarmadaApiServer` with KMS encryption at rest in the one-prop `encryption` form (the
 *   plugin runs as a native sidecar);
 * - `raw`: cdk8s `ApiObject`s written by hand that render exactly the same objects;
 * - `plus`: cdk8s-plus-28 L2 classes (Deployment, Service, ConfigMap) written by hand, as close to
 *   the same objects as cdk8s-plus-28 allows (it adds its own defaults; only the kinds and names are
 *   compared).
 *
 * Every builder takes a scope and a construct id prefix, so that one function serves both layouts:
 * one Chart per tenant (scope = the tenant's chart, prefix '') and all tenants in one Chart
 * (scope = the shared chart, prefix = the tenant's name).
 */
import { createHash } from 'crypto';
import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { EncryptionAtRest, EncryptionProvider, KarmadaApiServer } from '../src';
import { DEFAULT_AUDIT_POLICY } from '../src/model/audit';

/** What differs from one tenant to the next. */
export interface Tenant {
  /** The instance name, also the namespace. */
  readonly name: string;
}

export function tenant(i: number): Tenant {
  return { name: `tenant${i}` };
}

// ---- data shared by all three builders -------------------------------------------------------

const KMS_IMAGE = 'registry.example.com/kms-plugin:v1.0.0';
const KMS_SOCKET_DIR = '/var/run/kmsplugin';
const KMS_SOCKET = `${KMS_SOCKET_DIR}/socket.sock`;
const KMS_ENDPOINT = `unix://${KMS_SOCKET}`;
const CONFIG_DIR = '/etc/karmada/config';
const ENCRYPTION_FILE = 'encryption-config.yaml';

/** The KMS v2 EncryptionConfiguration that every tenant's API server reads, as the construct renders it. */
const ENCRYPTION_CONFIG = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - kms:
          apiVersion: v2
          name: kms-plugin
          endpoint: ${KMS_ENDPOINT}
`;

function names(t: Tenant) {
  const apiServer = `${t.name}-karmada-apiserver`;
  return {
    apiServer,
    configMap: `${apiServer}-config`,
    certSecret: `${t.name}-karmada-cert`,
    etcdCertSecret: `${t.name}-karmada-etcd-cert`,
    etcdService: `${t.name}-karmada-etcd-client`,
  };
}

function selectorLabels(t: Tenant): Record<string, string> {
  return { 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': t.name };
}

function objectLabels(t: Tenant): Record<string, string> {
  return { ...selectorLabels(t), 'app.kubernetes.io/managed-by': 'cdk8s-karmada' };
}

// ---- ours ------------------------------------------------------------------------------------

/**
 * Ours: the construct, with a KMS plugin as a native sidecar, in the one-prop `encryption` form: the
 * construct adds the socket volume and mounts, the configuration file in its ConfigMap and the flag.
 */
export function buildOurs(scope: Construct, prefix: string, t: Tenant): void {
  new KarmadaApiServer(scope, `${prefix}ApiServer`, {
    instanceName: t.name,
    namespace: t.name,
    encryption: EncryptionAtRest.kms({
      providers: [EncryptionProvider.kms({
        name: 'kms-plugin',
        plugin: {
          container: {
            name: 'kms-plugin',
            image: KMS_IMAGE,
            args: [`--listen=${KMS_ENDPOINT}`],
            resources: {
              requests: { cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('64Mi') },
              limits: { memory: k8s.Quantity.fromString('128Mi') },
            },
          },
          socketPath: KMS_SOCKET,
        },
      })],
    }),
  });
}

// ---- raw ApiObjects --------------------------------------------------------------------------

/** The API server's flags, sorted, as a hand-written Deployment would list them. */
function apiServerCommand(t: Tenant): string[] {
  const pki = '/etc/karmada/pki';
  const etcd = `${pki}/etcd-client`;
  return [
    'kube-apiserver',
    '--allow-privileged=true',
    '--audit-log-maxage=30',
    '--audit-log-maxbackup=10',
    '--audit-log-maxsize=100',
    '--audit-log-path=-',
    `--audit-policy-file=${CONFIG_DIR}/audit-policy.yaml`,
    '--authorization-mode=Node,RBAC',
    '--bind-address=0.0.0.0',
    `--client-ca-file=${pki}/ca.crt`,
    '--disable-admission-plugins=StorageObjectInUseProtection,ServiceAccount',
    '--enable-admission-plugins=NodeRestriction',
    '--enable-bootstrap-token-auth=true',
    `--encryption-provider-config=${CONFIG_DIR}/${ENCRYPTION_FILE}`,
    `--etcd-cafile=${etcd}/etcd-ca.crt`,
    `--etcd-certfile=${etcd}/etcd-client.crt`,
    `--etcd-keyfile=${etcd}/etcd-client.key`,
    `--etcd-servers=https://${names(t).etcdService}.${t.name}.svc.cluster.local:2379`,
    `--kubelet-certificate-authority=${pki}/ca.crt`,
    `--kubelet-client-certificate=${pki}/apiserver.crt`,
    `--kubelet-client-key=${pki}/apiserver.key`,
    '--max-mutating-requests-inflight=500',
    '--max-requests-inflight=1500',
    '--profiling=false',
    `--proxy-client-cert-file=${pki}/front-proxy-client.crt`,
    `--proxy-client-key-file=${pki}/front-proxy-client.key`,
    '--requestheader-allowed-names=front-proxy-client',
    `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
    '--requestheader-extra-headers-prefix=X-Remote-Extra-',
    '--requestheader-group-headers=X-Remote-Group',
    '--requestheader-username-headers=X-Remote-User',
    '--secure-port=5443',
    '--service-account-extend-token-expiration=false',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${pki}/karmada.key`,
    '--service-account-lookup=true',
    `--service-account-signing-key-file=${pki}/karmada.key`,
    '--service-cluster-ip-range=10.96.0.0/12',
    `--tls-cert-file=${pki}/apiserver.crt`,
    '--tls-min-version=VersionTLS13',
    `--tls-private-key-file=${pki}/apiserver.key`,
    '--v=2',
  ];
}

/** The files of the API server's ConfigMap. */
const CONFIG_FILES: Record<string, string> = {
  'audit-policy.yaml': DEFAULT_AUDIT_POLICY,
  [ENCRYPTION_FILE]: ENCRYPTION_CONFIG,
};

/** The checksum annotation: sha256 over the config files sorted by name (name, NUL, content, NUL). */
const CONFIG_CHECKSUM = (() => {
  const hash = createHash('sha256');
  for (const name of Object.keys(CONFIG_FILES).sort()) {
    hash.update(name).update('\0').update(CONFIG_FILES[name]).update('\0');
  }
  return hash.digest('hex');
})();

function httpsProbe(path: string, failureThreshold: number) {
  return {
    httpGet: { path, port: 5443, scheme: 'HTTPS' },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    timeoutSeconds: 15,
    successThreshold: 1,
    failureThreshold,
  };
}

/** Raw: the same objects as `ours`, as plain JSON in cdk8s `ApiObject`s. */
export function buildRaw(scope: Construct, prefix: string, t: Tenant): void {
  const n = names(t);
  const labels = objectLabels(t);
  const selector = selectorLabels(t);
  const metadata = (name: string) => ({ name, namespace: t.name, labels });

  new ApiObject(scope, `${prefix}Deployment`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(n.apiServer),
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels, annotations: { 'karmada.io/apiserver-config-checksum': CONFIG_CHECKSUM } },
        spec: {
          automountServiceAccountToken: false,
          priorityClassName: 'system-node-critical',
          securityContext: {
            fsGroup: 65532,
            runAsGroup: 65532,
            runAsNonRoot: true,
            runAsUser: 65532,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          initContainers: [{
            name: 'kms-plugin',
            image: KMS_IMAGE,
            args: [`--listen=${KMS_ENDPOINT}`],
            restartPolicy: 'Always',
            resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              readOnlyRootFilesystem: true,
            },
            volumeMounts: [{ name: 'kms-socket', mountPath: KMS_SOCKET_DIR }],
          }],
          containers: [{
            name: 'kube-apiserver',
            image: 'registry.k8s.io/kube-apiserver:v1.36.2',
            imagePullPolicy: 'IfNotPresent',
            command: apiServerCommand(t),
            ports: [{ name: 'http', containerPort: 5443, protocol: 'TCP' }],
            startupProbe: {
              httpGet: { path: '/livez', port: 5443, scheme: 'HTTPS' },
              periodSeconds: 10,
              timeoutSeconds: 15,
              successThreshold: 1,
              failureThreshold: 24,
            },
            livenessProbe: httpsProbe('/livez', 8),
            readinessProbe: httpsProbe('/readyz', 3),
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              privileged: false,
              readOnlyRootFilesystem: true,
              runAsNonRoot: true,
            },
            volumeMounts: [
              { name: 'apiserver-cert', mountPath: '/etc/karmada/pki', readOnly: true },
              { name: 'etcd-client-cert', mountPath: '/etc/karmada/pki/etcd-client', readOnly: true },
              { name: 'kms-socket', mountPath: KMS_SOCKET_DIR },
              { name: 'apiserver-config', mountPath: CONFIG_DIR, readOnly: true },
            ],
          }],
          volumes: [
            { name: 'apiserver-cert', secret: { secretName: n.certSecret } },
            { name: 'etcd-client-cert', secret: { secretName: n.etcdCertSecret } },
            { name: 'kms-socket', emptyDir: {} },
            { name: 'apiserver-config', configMap: { name: n.configMap } },
          ],
        },
      },
    },
  });
  new ApiObject(scope, `${prefix}Service`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(n.apiServer),
    spec: {
      type: 'ClusterIP',
      selector,
      ports: [{ name: 'client', port: 5443, targetPort: 5443, protocol: 'TCP' }],
    },
  });
  new ApiObject(scope, `${prefix}ConfigMap`, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(n.configMap),
    data: CONFIG_FILES,
  });
}

// ---- cdk8s-plus-28 by hand -------------------------------------------------------------------

function plusProbe(path: string, failureThreshold: number, initialDelaySeconds?: number): kplus.Probe {
  return kplus.Probe.fromHttpGet(path, {
    port: 5443,
    scheme: kplus.ConnectionScheme.HTTPS,
    initialDelaySeconds: initialDelaySeconds === undefined ? undefined : Duration.seconds(initialDelaySeconds),
    periodSeconds: Duration.seconds(10),
    timeoutSeconds: Duration.seconds(15),
    successThreshold: 1,
    failureThreshold,
  });
}

/** The container security context of the Pod Security Standard "restricted" (less what cdk8s-plus-28 adds). */
const PLUS_CONTAINER_SECURITY: kplus.ContainerSecurityContextProps = {
  ensureNonRoot: true,
  privileged: false,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: [kplus.Capability.ALL] },
};

/** cdk8s-plus-28: the same objects with the L2 classes, as a user would write them. */
export function buildPlus(scope: Construct, prefix: string, t: Tenant): void {
  const n = names(t);
  const labels = objectLabels(t);
  const selector = selectorLabels(t);
  const metadata = (name: string) => ({ name, namespace: t.name, labels });

  const certVolume = kplus.Volume.fromSecret(scope, `${prefix}CertVolume`,
    kplus.Secret.fromSecretName(scope, `${prefix}CertSecret`, n.certSecret), { name: 'apiserver-cert' });
  const etcdVolume = kplus.Volume.fromSecret(scope, `${prefix}EtcdVolume`,
    kplus.Secret.fromSecretName(scope, `${prefix}EtcdSecret`, n.etcdCertSecret), { name: 'etcd-client-cert' });
  const socketVolume = kplus.Volume.fromEmptyDir(scope, `${prefix}SocketVolume`, 'kms-socket');
  const config = new kplus.ConfigMap(scope, `${prefix}ConfigMap`, {
    metadata: metadata(n.configMap),
    data: CONFIG_FILES,
  });
  const configVolume = kplus.Volume.fromConfigMap(scope, `${prefix}ConfigVolume`, config, { name: 'apiserver-config' });

  const deployment = new kplus.Deployment(scope, `${prefix}Deployment`, {
    metadata: metadata(n.apiServer),
    replicas: 1,
    select: false,
    automountServiceAccountToken: false,
    securityContext: { ensureNonRoot: true, user: 65532, group: 65532, fsGroup: 65532 },
    initContainers: [{
      name: 'kms-plugin',
      image: KMS_IMAGE,
      args: [`--listen=${KMS_ENDPOINT}`],
      restartPolicy: kplus.ContainerRestartPolicy.ALWAYS,
      resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) } },
      securityContext: { ...PLUS_CONTAINER_SECURITY, ensureNonRoot: false, privileged: undefined },
      volumeMounts: [{ volume: socketVolume, path: KMS_SOCKET_DIR }],
    }],
    containers: [{
      name: 'kube-apiserver',
      image: 'registry.k8s.io/kube-apiserver:v1.36.2',
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      command: apiServerCommand(t),
      ports: [{ name: 'http', number: 5443, protocol: kplus.Protocol.TCP }],
      startup: plusProbe('/livez', 24),
      liveness: plusProbe('/livez', 8, 10),
      readiness: plusProbe('/readyz', 3, 10),
      securityContext: PLUS_CONTAINER_SECURITY,
      volumeMounts: [
        { volume: certVolume, path: '/etc/karmada/pki', readOnly: true },
        { volume: etcdVolume, path: '/etc/karmada/pki/etcd-client', readOnly: true },
        { volume: socketVolume, path: KMS_SOCKET_DIR },
        { volume: configVolume, path: CONFIG_DIR, readOnly: true },
      ],
    }],
  });
  deployment.select(kplus.LabelSelector.of({ labels: selector }));
  for (const [key, value] of Object.entries(labels)) {
    deployment.podMetadata.addLabel(key, value);
  }
  deployment.podMetadata.addAnnotation('karmada.io/apiserver-config-checksum', CONFIG_CHECKSUM);
  // cdk8s-plus-28 has neither priorityClassName nor a pod-level seccompProfile: a JSON patch is the
  // documented way.
  ApiObject.of(deployment).addJsonPatch(
    JsonPatch.add('/spec/template/spec/priorityClassName', 'system-node-critical'),
    JsonPatch.add('/spec/template/spec/securityContext/seccompProfile', { type: 'RuntimeDefault' }));

  const service = new kplus.Service(scope, `${prefix}Service`, {
    metadata: metadata(n.apiServer),
    type: kplus.ServiceType.CLUSTER_IP,
    ports: [{ name: 'client', port: 5443, targetPort: 5443, protocol: kplus.Protocol.TCP }],
  });
  for (const [key, value] of Object.entries(selector)) {
    service.selectLabel(key, value);
  }
}

/** The builders by variant name. */
export const BUILDERS = { ours: buildOurs, raw: buildRaw, plus: buildPlus } as const;
export type Variant = keyof typeof BUILDERS;
