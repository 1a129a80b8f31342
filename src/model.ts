/**
 * The plain model of what the construct renders, built from the props in one direction:
 * props → input (defaults applied) → draft (one step a concern) → model → checks → objects.
 *
 * Every function here is pure: no cdk8s constructs, so the model is testable on its own, and the
 * construct builds it once per change, however many times cdk8s asks for validation.
 */
import { createHash } from 'crypto';
import { k8s } from 'cdk8s-plus-28';
import { AUDIT_POLICY_FILE, DEFAULT_AUDIT_POLICY, auditFlags } from './audit';
import { EncryptionSpec } from './encryption/config';
import { wireEncryption } from './encryption/kms';
import { AppObjects } from './encryption/source';
import { EtcdConfig, EtcdWiring } from './etcd';
import { CERT_DIR, Flags, SECURE_PORT, addFlags, featureGatesFlag, operatorFlags, renderCommand } from './flags';
import { APISERVER_CONTAINER_NAME, ComponentNames, componentNames, objectLabels, selectorLabels } from './naming';
import { SidecarSpec, placeSidecars } from './sidecars';
import { availabilityStep } from './availability';
import { NetworkPolicyInput, networkPolicyStep } from './network-policy';
import { RecentResults } from './recent';
import { cisStep } from './security/cis';
import { podSecurityStep } from './security/pod-security';

/** Where the ConfigMap of configuration files is mounted (a directory, never a subPath). */
export const CONFIG_DIR = '/etc/karmada/config';
/** The volume of the configuration ConfigMap. */
export const CONFIG_VOLUME = 'apiserver-config';
/** The volume of the API server's certificate Secret. */
export const CERT_VOLUME = 'apiserver-cert';
/** The pod template annotation that carries a checksum of the configuration files. */
export const CONFIG_CHECKSUM_ANNOTATION = 'karmada.io/apiserver-config-checksum';
/** The name of the API server's port, as the operator names it. */
export const PORT_NAME = 'http';
/** The name of the Service port, as the operator names it. */
export const SERVICE_PORT_NAME = 'client';

/** The settings a PodDisruptionBudget is made from. @internal */
export interface PdbInput {
  readonly minAvailable?: k8s.IntOrString;
  readonly maxUnavailable?: k8s.IntOrString;
}

/** The props with their defaults applied: everything the model is built from. @internal */
export interface ApiServerInput {
  readonly instanceName: string;
  readonly namespace: string;
  readonly clusterDomain: string;
  readonly image: string;
  /** The parts of `image`, as given, for the checks. */
  readonly imageRepository: string;
  readonly imageTag: string;
  /** Accept a `:latest` API server image tag knowingly. */
  readonly allowMutableImageTag: boolean;
  readonly imagePullPolicy: string;
  readonly replicas: number;
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly resources?: k8s.ResourceRequirements;
  readonly priorityClassName: string;
  readonly podDisruptionBudget?: PdbInput;
  readonly tolerations: k8s.Toleration[];
  readonly affinity?: k8s.Affinity;
  readonly nodeSelector: Record<string, string>;
  readonly topologySpreadConstraints: k8s.TopologySpreadConstraint[];
  /** The user's pod security context, laid field by field over ours. */
  readonly podSecurityContext?: k8s.PodSecurityContext;
  /** A NetworkPolicy, when asked for. */
  readonly networkPolicy?: NetworkPolicyInput;
  readonly serviceSubnet: string;
  readonly serviceType: string;
  readonly loadBalancerClass?: string;
  readonly serviceAnnotations: Record<string, string>;
  readonly extraArgs: Record<string, string>;
  readonly extraVolumes: k8s.Volume[];
  readonly extraVolumeMounts: k8s.VolumeMount[];
  readonly featureGates: Record<string, boolean>;
  readonly sidecars: readonly SidecarSpec[];
  /** The keys of `sidecarOptions`, for the checks. */
  readonly sidecarOptionKeys: readonly string[];
  readonly certificateSecretName?: string;
  readonly etcd: EtcdConfig;
  /** Encryption at rest, if any: what the `encryption` prop asks for, read once. */
  readonly encryption?: EncryptionSpec;
  /** The ConfigMaps and Secrets of the app, for checks of hand-made configuration (scanned lazily). */
  readonly appObjects?: AppObjects;
}

/**
 * The model under construction. Each step of `buildModel` adds its concern; `finishModel` turns it
 * into the pod. @internal
 */
export interface ModelDraft {
  readonly input: ApiServerInput;
  readonly names: ComponentNames;
  /** The etcd wiring, made once: its flags, volume and mount, and the endpoints for the checks. */
  readonly etcd: EtcdWiring;
  /** Our flags, before the user's extraArgs are laid over them. */
  flags: Flags;
  /** Our volumes, before the user's extraVolumes. */
  volumes: k8s.Volume[];
  /** The API server's mounts, before the user's extraVolumeMounts. */
  apiServerMounts: k8s.VolumeMount[];
  /** Files of the configuration ConfigMap, by file name. */
  configFiles: Record<string, string>;
  /** Sidecars that steps add (a KMS plugin, say), after the user's. */
  sidecars: SidecarSpec[];
  /** Pod fields that steps set (security context, spreading), laid over the pod's own. */
  podFields: Settable<k8s.PodSpec>;
  /** API server container fields that steps set (security context), laid over the container's own. */
  apiServerFields: Settable<k8s.Container>;
  /**
   * Functions applied in order to every sidecar, the user's and those steps add, before they are
   * placed (security defaults, say). Whatever order the steps run in, every sidecar passes them.
   */
  sidecarTransforms: SidecarTransform[];
  /** The Deployment's update strategy, when a step sets one. */
  deploymentStrategy?: k8s.DeploymentStrategy;
  /** The PodDisruptionBudget, when there is one. */
  podDisruptionBudget?: k8s.PodDisruptionBudgetSpec;
  /** The NetworkPolicy, when there is one. */
  networkPolicy?: k8s.NetworkPolicySpec;
  /** Pod template annotations that steps add (checksums of configuration kept elsewhere). */
  podAnnotations: Record<string, string>;
}

/** Some fields of a Kubernetes struct, each settable once a step knows it. @internal */
export type Settable<T> = { -readonly [K in keyof T]?: T[K] };

/** Turns one sidecar into another (fills in defaults, say). @internal */
export type SidecarTransform = (sidecar: SidecarSpec) => SidecarSpec;

/** What the construct renders, with every default applied. @internal */
export interface ApiServerModel {
  readonly input: ApiServerInput;
  readonly names: ComponentNames;
  readonly etcd: EtcdWiring;
  /** The final flags, extraArgs included. */
  readonly flags: ReadonlyMap<string, string>;
  readonly selectorLabels: Record<string, string>;
  readonly objectLabels: Record<string, string>;
  readonly podAnnotations: Record<string, string>;
  readonly configFiles: Record<string, string>;
  readonly podSpec: k8s.PodSpec;
  /** All sidecars, the user's and those that steps added, in order. */
  readonly sidecars: readonly SidecarSpec[];
  readonly serviceSpec: k8s.ServiceSpec;
  readonly deploymentStrategy?: k8s.DeploymentStrategy;
  readonly podDisruptionBudget?: k8s.PodDisruptionBudgetSpec;
  readonly networkPolicy?: k8s.NetworkPolicySpec;
  /** The in-cluster URL of the API server. */
  readonly url: string;
}

/** A step adds one concern to the draft. @internal */
export type ModelStep = (draft: ModelDraft) => void;

/** The operator's wiring: its flags, the certificate volume, and etcd. */
export function baseStep(draft: ModelDraft): void {
  const { input, names, etcd } = draft;
  addFlags(
    draft.flags,
    operatorFlags({ serviceSubnet: input.serviceSubnet, clusterDomain: input.clusterDomain }),
    etcd.flags,
    featureGatesFlag(input.featureGates),
  );
  draft.volumes.push(
    { name: CERT_VOLUME, secret: { secretName: input.certificateSecretName ?? names.certSecret } },
    etcd.volume,
  );
  draft.apiServerMounts.push({ name: CERT_VOLUME, mountPath: CERT_DIR, readOnly: true }, etcd.volumeMount);
}

/** Audit logging to stdout with the default policy from the ConfigMap. */
export function auditStep(draft: ModelDraft): void {
  draft.configFiles[AUDIT_POLICY_FILE] = DEFAULT_AUDIT_POLICY;
  addFlags(draft.flags, auditFlags(CONFIG_DIR));
}

/** Encryption at rest: the configuration file, its flags, and the KMS plugins with their sockets. */
export function encryptionStep(draft: ModelDraft): void {
  wireEncryption(draft, CONFIG_DIR);
}

/** The steps, in order. A concern that adds to the pod adds one step here. */
export const MODEL_STEPS: readonly ModelStep[] = [
  baseStep,
  auditStep,
  encryptionStep,
  cisStep,
  podSecurityStep,
  availabilityStep,
  networkPolicyStep,
];

/** Builds the model from the input: runs every step, then finishes the pod. */
export function buildModel(input: ApiServerInput, steps: readonly ModelStep[] = MODEL_STEPS): ApiServerModel {
  const names = componentNames(input.instanceName);
  const draft: ModelDraft = {
    input,
    names,
    etcd: input.etcd._wire({
      namespace: input.namespace,
      clusterDomain: input.clusterDomain,
      defaultCertSecretName: names.etcdCertSecret,
      defaultServiceName: names.etcdClientService,
    }),
    flags: new Map(),
    volumes: [],
    apiServerMounts: [],
    configFiles: {},
    sidecars: [],
    podFields: {},
    apiServerFields: {},
    sidecarTransforms: [],
    podAnnotations: {},
  };
  for (const step of steps) {
    step(draft);
  }
  return finishModel(draft);
}

/** Checksums of the last 32 configuration file sets: API servers of one app mostly share their files. */
const CHECKSUMS = new RecentResults<string>(32);

/** A stable checksum of the configuration files, so that a change of any file rolls the pods. */
export function configChecksum(files: Record<string, string>): string {
  let text = '';
  for (const name of Object.keys(files).sort()) {
    text += `${name}\0${files[name]}\0`;
  }
  return CHECKSUMS.get(text, () => createHash('sha256').update(text).digest('hex'));
}

function probe(path: string, failureThreshold: number, initialDelaySeconds?: number): k8s.Probe {
  return Object.freeze({
    httpGet: Object.freeze({ path, port: k8s.IntOrString.fromNumber(SECURE_PORT), scheme: 'HTTPS' }),
    initialDelaySeconds,
    periodSeconds: 10,
    timeoutSeconds: 15,
    successThreshold: 1,
    failureThreshold,
  });
}

// The parts of the API server container that are the same in every API server: made once, frozen,
// and shared by every model (nothing changes a model once it is built).
const STARTUP_PROBE = probe('/livez', 24);
const LIVENESS_PROBE = probe('/livez', 8, 10);
const READINESS_PROBE = probe('/readyz', 3, 10);
const PORTS: k8s.ContainerPort[] = Object.freeze([
  Object.freeze({ name: PORT_NAME, containerPort: SECURE_PORT, protocol: 'TCP' }),
]) as unknown as k8s.ContainerPort[];

/** Turns the draft into the pod, the Service and the budget. */
export function finishModel(draft: ModelDraft): ApiServerModel {
  const { input, names } = draft;
  // The draft ends here: its flags become the model's, with the extraArgs laid over them.
  const flags = draft.flags;
  addFlags(flags, input.extraArgs);
  const configFiles = { ...draft.configFiles };
  const hasConfig = Object.keys(configFiles).length > 0;

  const volumes = [...draft.volumes];
  const mounts = [...draft.apiServerMounts];
  if (hasConfig) {
    volumes.push({ name: CONFIG_VOLUME, configMap: { name: names.configMap } });
    mounts.push({ name: CONFIG_VOLUME, mountPath: CONFIG_DIR, readOnly: true });
  }
  volumes.push(...input.extraVolumes);
  mounts.push(...input.extraVolumeMounts);

  const apiServer: k8s.Container = {
    name: APISERVER_CONTAINER_NAME,
    image: input.image,
    imagePullPolicy: input.imagePullPolicy,
    command: renderCommand(flags),
    ports: PORTS,
    startupProbe: STARTUP_PROBE,
    livenessProbe: LIVENESS_PROBE,
    readinessProbe: READINESS_PROBE,
    resources: input.resources,
    volumeMounts: mounts,
    ...draft.apiServerFields,
  };

  const sidecars = [...input.sidecars, ...draft.sidecars]
    .map((sidecar) => draft.sidecarTransforms.reduce((s, transform) => transform(s), sidecar));
  const placed = placeSidecars(sidecars);
  const podSpec: k8s.PodSpec = {
    automountServiceAccountToken: false,
    priorityClassName: input.priorityClassName,
    initContainers: placed.initContainers.length > 0 ? placed.initContainers : undefined,
    containers: [apiServer, ...placed.containers],
    volumes,
    tolerations: input.tolerations.length > 0 ? input.tolerations : undefined,
    affinity: input.affinity,
    ...draft.podFields,
  };

  const selector = selectorLabels(input.instanceName);
  const serviceSpec: k8s.ServiceSpec = {
    type: input.serviceType,
    selector,
    ports: [{
      name: SERVICE_PORT_NAME,
      port: SECURE_PORT,
      targetPort: k8s.IntOrString.fromNumber(SECURE_PORT),
      protocol: 'TCP',
    }],
    loadBalancerClass: input.serviceType === 'LoadBalancer' ? input.loadBalancerClass : undefined,
  };

  return {
    input,
    names,
    etcd: draft.etcd,
    flags,
    selectorLabels: selector,
    objectLabels: objectLabels(input.instanceName, input.labels),
    podAnnotations: {
      ...input.annotations,
      ...draft.podAnnotations,
      ...(hasConfig ? { [CONFIG_CHECKSUM_ANNOTATION]: configChecksum(configFiles) } : {}),
    },
    configFiles,
    podSpec,
    sidecars,
    serviceSpec,
    deploymentStrategy: draft.deploymentStrategy,
    podDisruptionBudget: draft.podDisruptionBudget,
    networkPolicy: draft.networkPolicy,
    url: `https://${names.apiServer}.${input.namespace}.svc.${input.clusterDomain}:${SECURE_PORT}`,
  };
}
