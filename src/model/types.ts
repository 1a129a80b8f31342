/**
 * The types of the pipeline props → input → draft → model → checks → objects. Every step and check
 * imports them from here; this file imports types only.
 */
import type { k8s } from 'cdk8s-plus-28';
import type { ServiceAccountChoice } from '../apiserver/identity';
import type { ApiServerCertificateSecrets } from '../certificates/layout';
import type { EncryptionSpec } from '../encryption/config';
import type { AppObjects } from '../encryption/source';
import type { EtcdConfig, EtcdWiring } from '../etcd/config';
import type { ComponentNames } from './naming';
import type { SidecarSpec } from './sidecars';

/** The settings a PodDisruptionBudget is made from. */
export interface PdbInput {
  readonly minAvailable?: k8s.IntOrString;
  readonly maxUnavailable?: k8s.IntOrString;
}

/** The NetworkPolicy options, as the model takes them. */
export interface NetworkPolicyInput {
  readonly allowFrom?: k8s.NetworkPolicyPeer[];
}

/** The props with their defaults applied: everything the model is built from. */
export interface ApiServerInput {
  readonly instanceName: string;
  readonly namespace: string;
  readonly clusterDomain: string;
  readonly image: string;
  /** The parts of `image`, as given, for the checks. */
  readonly imageRepository: string;
  readonly imageTag: string;
  /** The Kubernetes version of the image, when the tag does not say it. */
  readonly kubernetesVersion?: string;
  /** Accept a `:latest` API server image tag knowingly. */
  readonly allowMutableImageTag: boolean;
  readonly imagePullPolicy: string;
  readonly replicas: number;
  readonly labels: Record<string, string>;
  /** The labels the chart puts on every object, and the chart's path. */
  readonly chartLabels: Readonly<Record<string, string>>;
  readonly chartPath: string;
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
  /** Whether the user gave serviceSubnet (an extraArg must not silently replace it). */
  readonly serviceSubnetGiven: boolean;
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
  /** The Secrets of cert-manager's certificates, when they replace the certificate Secret. */
  readonly certificates?: ApiServerCertificateSecrets;
  /** The pods' ServiceAccount, when one is given. */
  readonly serviceAccount?: ServiceAccountChoice;
  /** The Secrets the kubelet pulls images with. */
  readonly imagePullSecrets: readonly string[];
  readonly etcd: EtcdConfig;
  /** Whether the user gave etcd (an extraArg must not silently replace its flags). */
  readonly etcdGiven: boolean;
  /** Encryption at rest, if any: what the `encryption` prop asks for, read once. */
  readonly encryption?: EncryptionSpec;
  /** The ConfigMaps and Secrets of the app, for checks of hand-made configuration (scanned lazily). */
  readonly appObjects?: AppObjects;
}

/** Some fields of a Kubernetes struct, each settable once a step knows it. */
export type Settable<T> = { -readonly [K in keyof T]?: T[K] };

/** Turns one sidecar into another (fills in defaults, say). */
export type SidecarTransform = (sidecar: SidecarSpec) => SidecarSpec;

/** The flags of an API server as they are gathered: flag name without `--` → value. */
export type Flags = Map<string, string>;

/**
 * The model under construction. Each step of `buildModel` adds its concern; `finishModel` turns it
 * into the pod.
 */
export interface ModelDraft {
  readonly input: ApiServerInput;
  readonly names: ComponentNames;
  /** The etcd wiring, made once: its flags, volume and mount, and the endpoints for the checks. */
  readonly etcd: EtcdWiring;
  /** Our flags, before the user's extraArgs are laid over them. */
  readonly flags: Flags;
  /** Our volumes, before the user's extraVolumes. */
  readonly volumes: k8s.Volume[];
  /** The API server's mounts, before the user's extraVolumeMounts. */
  readonly apiServerMounts: k8s.VolumeMount[];
  /** Files of the configuration ConfigMap, by file name. */
  readonly configFiles: Record<string, string>;
  /** Sidecars that steps add (a KMS plugin, say), after the user's. */
  readonly sidecars: SidecarSpec[];
  /** Pod fields that steps set (security context, spreading), laid over the pod's own. */
  readonly podFields: Settable<k8s.PodSpec>;
  /** API server container fields that steps set (security context), laid over the container's own. */
  readonly apiServerFields: Settable<k8s.Container>;
  /**
   * Functions applied in order to every sidecar, the user's and those steps add, before they are
   * placed (security defaults, say). Whatever order the steps run in, every sidecar passes them.
   */
  readonly sidecarTransforms: SidecarTransform[];
  /** Pod template annotations that steps add (checksums of configuration kept elsewhere). */
  readonly podAnnotations: Record<string, string>;
  /** The Deployment's update strategy, when a step sets one. */
  deploymentStrategy?: k8s.DeploymentStrategy;
  /** The PodDisruptionBudget, when there is one. */
  podDisruptionBudget?: k8s.PodDisruptionBudgetSpec;
  /** The NetworkPolicy, when there is one. */
  networkPolicy?: k8s.NetworkPolicySpec;
  /** The ServiceAccount the construct makes, when it makes one. */
  serviceAccount?: { readonly name: string; readonly annotations: Record<string, string> };
}

/** A step adds one concern to the draft. */
export type ModelStep = (draft: ModelDraft) => void;

/** What the construct renders, with every default applied. */
export interface ApiServerModel {
  readonly input: ApiServerInput;
  readonly names: ComponentNames;
  readonly etcd: EtcdWiring;
  /** The final flags, extraArgs included (by the names kube-apiserver reads them by). */
  readonly flags: ReadonlyMap<string, string>;
  /** The construct's own flags, before the extraArgs are laid over them. */
  readonly ownFlags: ReadonlyMap<string, string>;
  /** The key of extraArgs that gives each flag the user set, by the flag's name (`authorization_mode` for `authorization-mode`). */
  readonly userFlagKeys: ReadonlyMap<string, string>;
  readonly selectorLabels: Record<string, string>;
  readonly objectLabels: Record<string, string>;
  readonly podAnnotations: Record<string, string>;
  readonly configFiles: Record<string, string>;
  readonly podSpec: k8s.PodSpec;
  /** All sidecars, the user's and those that steps added, in order. */
  readonly sidecars: readonly SidecarSpec[];
  readonly serviceSpec: k8s.ServiceSpec;
  readonly deploymentSpec: k8s.DeploymentSpec;
  readonly podDisruptionBudget?: k8s.PodDisruptionBudgetSpec;
  readonly networkPolicy?: k8s.NetworkPolicySpec;
  /** The ServiceAccount the construct makes, when it makes one. */
  readonly serviceAccount?: { readonly name: string; readonly annotations: Record<string, string> };
  /** The in-cluster URL of the API server. */
  readonly url: string;
}
