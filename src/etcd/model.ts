/**
 * What the in-cluster etcd renders, as pure functions of its input: the command line, the pod, the
 * StatefulSet, the two Services and the budget. The construct (construct.ts) only hands them to
 * cdk8s objects.
 */
import { k8s } from 'cdk8s-plus-28';
import { EtcdSecretLayout, EtcdServerSecrets, etcdServerCertificateVolume } from '../certificates/layout';
import { ETCD_PEER_COMMON_NAME, memberDomain } from '../certificates/leaves';
import { defaultPodSecurityContext } from '../model/pod-security';
import {
  CLIENT_PORT, CLIENT_PORT_NAME, ETCD_BINARY, ETCD_CA_FILE, ETCD_CONTAINER_NAME, ETCD_DATA_DIR, ETCD_DATA_VOLUME, ETCD_PEER_CERT_FILE,
  ETCD_PEER_KEY_FILE, ETCD_SERVER_CERT_DIR, ETCD_SERVER_CERT_FILE, ETCD_SERVER_CERT_VOLUME, ETCD_SERVER_KEY_FILE, MEMBER_NAME_ENV,
  METRICS_PORT, METRICS_PORT_NAME, PEER_PORT, PEER_PORT_NAME,
} from './layout';
import { EtcdNames, etcdObjectLabels, etcdSelectorLabels, memberNames } from './names';

/** The storage of the data directory, resolved. */
export type EtcdStorageInput =
  | { readonly kind: 'claim'; readonly size: string; readonly storageClassName?: string }
  | { readonly kind: 'emptyDir'; readonly sizeLimit?: string };

/** Everything the etcd objects are made from, with the defaults applied. */
export interface EtcdInput {
  readonly instanceName: string;
  readonly namespace: string;
  readonly clusterDomain: string;
  readonly names: EtcdNames;
  readonly replicas: number;
  /** Where the certificates are, and in which layout. */
  readonly secrets: EtcdServerSecrets;
  readonly storage: EtcdStorageInput;
  readonly image: string;
  readonly imagePullPolicy: string;
  readonly resources: k8s.ResourceRequirements;
  readonly priorityClassName: string;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly tolerations: k8s.Toleration[];
  readonly affinity?: k8s.Affinity;
  readonly nodeSelector: Record<string, string>;
  readonly topologySpreadConstraints: k8s.TopologySpreadConstraint[];
}

/** From 3 members on, the pods spread one per node and get a budget (with 1, there is nothing to keep). */
export const HIGH_AVAILABILITY_MEMBERS = 3;

/** The default compute resources: kubeadm requests 100m CPU for etcd; the memory limit matches etcd's 2 GiB default space quota. */
export function defaultEtcdResources(): k8s.ResourceRequirements {
  return {
    requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('256Mi') },
    limits: { memory: k8s.Quantity.fromString('2Gi') },
  };
}

/** A member's own URL on a port: `https://<member>.<peer service>.<namespace>.svc.<domain>:<port>`. */
function memberUrl(member: string, input: EtcdInput, port: number): string {
  return `https://${member}.${memberDomain({ peerServiceName: input.names.peerService, namespace: input.namespace, clusterDomain: input.clusterDomain })}:${port}`;
}

const file = (name: string) => `${ETCD_SERVER_CERT_DIR}/${name}`;

/**
 * etcd's flags, by name without `--`.
 *
 * Against the operator's: peers talk TLS and must show a peer certificate (`https` peer URLs,
 * `--peer-*` files, `--peer-client-cert-auth`, and with cert-manager `--peer-cert-allowed-cn`, so
 * that the API server's client certificate, signed by the same CA, cannot join as a peer); each
 * member advertises its own stable name to peers (`--initial-advertise-peer-urls`, which the
 * operator leaves out: etcd then advertises the pod IP, which changes when the pod is recreated,
 * and refuses to start unless that IP is what the `--initial-cluster` name resolves to) and to
 * clients; TLS 1.3 only (as the API server's `--tls-min-version`), which makes a cipher list moot;
 * `info` logs, not `debug`; a cluster token of our own.
 */
export function etcdFlags(input: EtcdInput): Record<string, string> {
  const self = `$(${MEMBER_NAME_ENV})`;
  const members = memberNames(input.names.statefulSet, input.replicas);
  const flags: Record<string, string> = {
    'name': self,
    'data-dir': ETCD_DATA_DIR,
    'listen-client-urls': `https://0.0.0.0:${CLIENT_PORT}`,
    'advertise-client-urls': memberUrl(self, input, CLIENT_PORT),
    'listen-peer-urls': `https://0.0.0.0:${PEER_PORT}`,
    'initial-advertise-peer-urls': memberUrl(self, input, PEER_PORT),
    'initial-cluster': members.map((member) => `${member}=${memberUrl(member, input, PEER_PORT)}`).join(','),
    'initial-cluster-state': 'new',
    'initial-cluster-token': `${input.names.statefulSet}.${input.namespace}`,
    // Plain HTTP: /livez, /readyz, /health and /metrics without a client certificate, for the probes.
    'listen-metrics-urls': `http://0.0.0.0:${METRICS_PORT}`,
    'client-cert-auth': 'true',
    'trusted-ca-file': file(ETCD_CA_FILE),
    'cert-file': file(ETCD_SERVER_CERT_FILE),
    'key-file': file(ETCD_SERVER_KEY_FILE),
    'peer-client-cert-auth': 'true',
    'peer-trusted-ca-file': file(ETCD_CA_FILE),
    'peer-cert-file': file(ETCD_PEER_CERT_FILE),
    'peer-key-file': file(ETCD_PEER_KEY_FILE),
    'snapshot-count': '10000',
    'log-level': 'info',
    'tls-min-version': 'TLS1.3',
  };
  if (input.secrets.layout === EtcdSecretLayout.CERT_MANAGER) {
    // Only with our own peer certificate do we know its name.
    flags['peer-cert-allowed-cn'] = ETCD_PEER_COMMON_NAME;
  }
  return flags;
}

/** The container command: the binary, then every flag as `--name=value`, sorted by name (small GitOps diffs). */
export function etcdCommand(flags: Record<string, string>): string[] {
  return [ETCD_BINARY, ...Object.keys(flags).sort().map((name) => `--${name}=${flags[name]}`)];
}

/** A plain-HTTP probe on the metrics listener, which needs no client certificate. */
function probe(path: string, periodSeconds: number, timeoutSeconds: number, failureThreshold: number): k8s.Probe {
  return {
    httpGet: { path, port: k8s.IntOrString.fromString(METRICS_PORT_NAME), scheme: 'HTTP' },
    periodSeconds,
    timeoutSeconds,
    successThreshold: 1,
    failureThreshold,
  };
}

/** The etcd container. */
export function etcdContainer(input: EtcdInput): k8s.Container {
  return {
    name: ETCD_CONTAINER_NAME,
    image: input.image,
    imagePullPolicy: input.imagePullPolicy,
    command: etcdCommand(etcdFlags(input)),
    env: [{ name: MEMBER_NAME_ENV, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
    ports: [
      { name: CLIENT_PORT_NAME, containerPort: CLIENT_PORT, protocol: 'TCP' },
      { name: PEER_PORT_NAME, containerPort: PEER_PORT, protocol: 'TCP' },
      { name: METRICS_PORT_NAME, containerPort: METRICS_PORT, protocol: 'TCP' },
    ],
    // /livez answers once the member serves local reads, quorum or not: the startup probe gives a
    // member 5 minutes to replay its log, then liveness takes over with kubeadm's timings (80
    // seconds of grace). /readyz needs a leader: a member without quorum leaves the client Service
    // (the operator's readiness timings), and is not restarted for it.
    startupProbe: probe('/livez', 10, 15, 30),
    livenessProbe: probe('/livez', 10, 15, 8),
    readinessProbe: probe('/readyz', 5, 5, 3),
    resources: input.resources,
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
    },
    volumeMounts: [
      // The data directory is the volume itself (the operator's layout, so its claims can be reused).
      { name: ETCD_DATA_VOLUME, mountPath: ETCD_DATA_DIR },
      { name: ETCD_SERVER_CERT_VOLUME, mountPath: ETCD_SERVER_CERT_DIR, readOnly: true },
    ],
  };
}

/**
 * The affinity: the user's, plus, from 3 members on, a required anti-affinity on the node unless
 * the user spreads the pods their own way.
 */
export function etcdAffinity(input: EtcdInput): k8s.Affinity | undefined {
  const userSpreads = input.affinity?.podAntiAffinity !== undefined || input.topologySpreadConstraints.length > 0;
  if (input.replicas < HIGH_AVAILABILITY_MEMBERS || userSpreads) {
    return input.affinity;
  }
  return {
    ...input.affinity,
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{
        labelSelector: { matchLabels: etcdSelectorLabels(input.instanceName) },
        topologyKey: 'kubernetes.io/hostname',
      }],
    },
  };
}

/**
 * The pod: Pod Security "restricted" (the etcd image declares no user, so it would run as root:
 * we run it as 65532, and fsGroup 65532 lets that user write the data volume and read the
 * certificates), no service-account token (etcd never calls the Kubernetes API), and no Service
 * environment variables: etcd reads every `ETCD_*` variable as a flag, and a Service named
 * `etcd...` in the namespace would inject some.
 */
export function etcdPodSpec(input: EtcdInput): k8s.PodSpec {
  const volumes: k8s.Volume[] = [etcdServerCertificateVolume(input.secrets)];
  if (input.storage.kind === 'emptyDir') {
    const sizeLimit = input.storage.sizeLimit;
    volumes.push({ name: ETCD_DATA_VOLUME, emptyDir: sizeLimit === undefined ? {} : { sizeLimit: k8s.Quantity.fromString(sizeLimit) } });
  }
  return {
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    priorityClassName: input.priorityClassName,
    securityContext: defaultPodSecurityContext(),
    containers: [etcdContainer(input)],
    volumes,
    tolerations: input.tolerations.length > 0 ? input.tolerations : undefined,
    affinity: etcdAffinity(input),
    nodeSelector: Object.keys(input.nodeSelector).length > 0 ? input.nodeSelector : undefined,
    topologySpreadConstraints: input.topologySpreadConstraints.length > 0 ? input.topologySpreadConstraints : undefined,
  };
}

/** The pod template. */
export function etcdPodTemplate(input: EtcdInput): k8s.PodTemplateSpec {
  return {
    metadata: {
      labels: etcdObjectLabels(input.instanceName, input.labels),
      annotations: Object.keys(input.annotations).length > 0 ? input.annotations : undefined,
    },
    spec: etcdPodSpec(input),
  };
}

/** The claim template of the data volume, when the data lives on claims. */
export function etcdClaimTemplates(input: EtcdInput): k8s.KubePersistentVolumeClaimProps[] {
  if (input.storage.kind !== 'claim') {
    return [];
  }
  return [{
    metadata: { name: ETCD_DATA_VOLUME, labels: etcdSelectorLabels(input.instanceName) },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: input.storage.storageClassName,
      resources: { requests: { storage: k8s.Quantity.fromString(input.storage.size) } },
    },
  }];
}

/**
 * The StatefulSet, as the operator's: its members start together (Parallel: with one at a time,
 * the first would wait to be ready, and it is ready only once it has peers to elect a leader
 * with), and update one at a time (a rolling update waits for each member to be ready again, so
 * quorum is kept).
 */
export function etcdStatefulSetSpec(input: EtcdInput): k8s.StatefulSetSpec {
  const claims = etcdClaimTemplates(input);
  return {
    replicas: input.replicas,
    serviceName: input.names.peerService,
    podManagementPolicy: 'Parallel',
    selector: { matchLabels: etcdSelectorLabels(input.instanceName) },
    template: etcdPodTemplate(input),
    volumeClaimTemplates: claims.length > 0 ? claims : undefined,
  };
}

/**
 * The headless peer Service, which gives each member its DNS name. It publishes members before
 * they are ready: a member is ready only once it has a leader, and it needs its peers' names for
 * that (the operator's Service does not, so its members of a cluster of several can wait for
 * each other forever).
 */
export function etcdPeerServiceSpec(input: EtcdInput): k8s.ServiceSpec {
  return {
    clusterIp: 'None',
    publishNotReadyAddresses: true,
    selector: etcdSelectorLabels(input.instanceName),
    ports: [
      { name: CLIENT_PORT_NAME, port: CLIENT_PORT, targetPort: k8s.IntOrString.fromNumber(CLIENT_PORT), protocol: 'TCP' },
      { name: PEER_PORT_NAME, port: PEER_PORT, targetPort: k8s.IntOrString.fromNumber(PEER_PORT), protocol: 'TCP' },
    ],
  };
}

/** The client Service: ready members only. */
export function etcdClientServiceSpec(input: EtcdInput): k8s.ServiceSpec {
  return {
    type: 'ClusterIP',
    selector: etcdSelectorLabels(input.instanceName),
    ports: [{ name: CLIENT_PORT_NAME, port: CLIENT_PORT, targetPort: k8s.IntOrString.fromNumber(CLIENT_PORT), protocol: 'TCP' }],
  };
}

/** The budget, from 3 members on: one member down at a time, so the others keep quorum. */
export function etcdDisruptionBudgetSpec(input: EtcdInput): k8s.PodDisruptionBudgetSpec | undefined {
  if (input.replicas < HIGH_AVAILABILITY_MEMBERS) {
    return undefined;
  }
  return {
    maxUnavailable: k8s.IntOrString.fromNumber(1),
    selector: { matchLabels: etcdSelectorLabels(input.instanceName) },
    // A member that is not ready adds nothing to quorum: evicting it must not wait for it.
    unhealthyPodEvictionPolicy: 'AlwaysAllow',
  };
}
