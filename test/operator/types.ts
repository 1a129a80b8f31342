/**
 * The shapes the port reads and writes: a Karmada object as JSON (what cdk8s synthesizes and the
 * API server stores), and the objects the operator creates. Only the fields the operator reads for
 * the API server are spelled out; Kubernetes types come from kubernetes-models.
 *
 * Field meanings: operator/pkg/apis/operator/v1alpha1/type.go at karmada-io/karmada@f8fdd02.
 */
import type { IAffinity } from 'kubernetes-models/v1/Affinity';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';

export type { IAffinity, IContainer, IResourceRequirements, IToleration, IVolume, IVolumeMount };

export type StringMap = Record<string, string>;

/** metav1.OwnerReference */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}
export type IntOrString = number | string;

/** CommonSettings (inlined into each component). */
export interface CommonSettings {
  imageRepository?: string;
  imageTag?: string;
  imagePullPolicy?: string;
  replicas?: number;
  labels?: StringMap;
  annotations?: StringMap;
  resources?: IResourceRequirements;
  priorityClassName?: string;
  podDisruptionBudgetConfig?: { minAvailable?: IntOrString; maxUnavailable?: IntOrString };
  tolerations?: IToleration[];
  affinity?: IAffinity;
}

/** spec.components.karmadaAPIServer */
export interface KarmadaAPIServer extends CommonSettings {
  serviceSubnet?: string;
  serviceType?: string;
  loadBalancerClass?: string;
  serviceAnnotations?: StringMap;
  extraArgs?: StringMap;
  extraVolumes?: IVolume[];
  extraVolumeMounts?: IVolumeMount[];
  certSANs?: string[];
  featureGates?: Record<string, boolean>;
  sidecarContainers?: IContainer[];
}

/** spec.components.etcd.local */
export interface LocalEtcd extends CommonSettings {
  volumeData?: { volumeClaim?: Record<string, unknown>; hostPath?: Record<string, unknown>; emptyDir?: Record<string, unknown> };
  serverCertSANs?: string[];
  peerCertSANs?: string[];
}

/** spec.components.etcd.external */
export interface ExternalEtcd {
  endpoints: string[];
  secretRef: { name?: string; namespace?: string };
}

export interface Etcd {
  local?: LocalEtcd;
  external?: ExternalEtcd;
}

/** Any other component: the port only defaults them. */
export type Component = CommonSettings & Record<string, unknown>;

export interface KarmadaComponents {
  etcd?: Etcd;
  karmadaAPIServer?: KarmadaAPIServer;
  karmadaAggregatedAPIServer?: Component;
  kubeControllerManager?: Component;
  karmadaControllerManager?: Component;
  karmadaScheduler?: Component;
  karmadaWebhook?: Component;
  karmadaDescheduler?: Component;
  karmadaSearch?: Component;
  karmadaMetricsAdapter?: Component;
}

export interface KarmadaSpec {
  hostCluster?: { apiEndpoint?: string; secretRef?: { name?: string; namespace?: string }; networking?: { dnsDomain?: string } };
  privateRegistry?: { registry: string };
  components?: KarmadaComponents;
  featureGates?: Record<string, boolean>;
  crdTarball?: { httpSource?: { url: string; proxy?: { proxyURL: string } }; crdDownloadPolicy?: string };
  customCertificate?: { apiServerCACert?: { name?: string; namespace?: string }; leafCertValidityDays?: number };
  suspend?: boolean;
}

/** A Karmada object as JSON. */
export interface KarmadaObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: StringMap; annotations?: StringMap; [field: string]: unknown };
  spec?: KarmadaSpec;
}

/** The Deployment the operator creates for the API server. */
export interface RenderedDeployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: { name: string; namespace: string; labels: StringMap; annotations?: StringMap };
  spec: {
    replicas: number;
    selector: { matchLabels: StringMap };
    template: {
      metadata: { labels: StringMap; annotations?: StringMap };
      spec: {
        automountServiceAccountToken: false;
        containers: IContainer[];
        volumes: IVolume[];
        priorityClassName?: string;
        tolerations?: IToleration[];
        affinity?: IAffinity;
      };
    };
  };
}

/** The Service the operator creates for the API server. */
export interface RenderedService {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: { name: string; namespace: string; labels: StringMap; annotations?: StringMap };
  spec: {
    ports: { name: string; port: number; protocol: string; targetPort: number }[];
    selector: StringMap;
    type?: string;
    loadBalancerClass?: string;
  };
}

/** The PodDisruptionBudget the operator creates when podDisruptionBudgetConfig is set. */
export interface RenderedPodDisruptionBudget {
  apiVersion: 'policy/v1';
  kind: 'PodDisruptionBudget';
  metadata: { name: string; namespace: string; labels: StringMap; ownerReferences: OwnerReference[] };
  spec: { selector: { matchLabels: StringMap }; minAvailable?: IntOrString; maxUnavailable?: IntOrString };
}
