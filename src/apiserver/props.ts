/**
 * The public props of `KarmadaApiServer`, and the option types they use.
 */
import { ImagePullPolicy, ServiceType, k8s } from 'cdk8s-plus-28';
import type { ApiServerCertificateSecrets } from '../certificates/layout';
import type { EncryptionAtRest } from '../encryption/config';
import type { EtcdConfig } from '../etcd/config';
import type { ApiServerServiceAccount, ServiceAccountTokenOptions } from './identity';

/** The operator's default image repository for the API server. */
export const DEFAULT_IMAGE_REPOSITORY = 'registry.k8s.io/kube-apiserver';
/** The operator's default API server image tag. */
export const DEFAULT_IMAGE_TAG = 'v1.36.2';

/** How many API server pods may be down during voluntary disruptions (node drains, upgrades). */
export interface PodDisruptionBudgetConfig {
  /**
   * The number or percentage of pods that must stay available. Give this or `maxUnavailable`, not both.
   *
   * @default - not set
   */
  readonly minAvailable?: k8s.IntOrString;

  /**
   * The number or percentage of pods that may be unavailable. Give this or `minAvailable`, not both.
   *
   * @default - not set
   */
  readonly maxUnavailable?: k8s.IntOrString;
}

/** How one sidecar container runs beside the API server. */
export interface SidecarOptions {
  /**
   * Run the sidecar as a native sidecar: an init container with `restartPolicy: Always`, which the
   * kubelet starts (and, with a startupProbe, waits for) before the API server and stops after it.
   * Use it for a KMS plugin, so the API server never starts or drains without it. Needs Kubernetes
   * 1.29 or later (on by default there, GA in 1.33).
   *
   * @default false - a regular container after the API server, as the Karmada operator does
   */
  readonly nativeSidecar?: boolean;

  /**
   * Accept this sidecar's breaches of the Pod Security Standard "restricted" knowingly: a setting
   * you gave that breaks it (privileged, root user, added capabilities, Unconfined seccomp,
   * hostPort, a hostPath volume that only accepted sidecars mount...) is rendered as given instead
   * of failing the synth. The pod then no longer meets "restricted": its namespace must allow the
   * "baseline" or "privileged" level. Fields you left unset still get the restricted defaults.
   *
   * @default false - a setting that breaks "restricted" is an error that names the field
   */
  readonly allowPodSecurityViolations?: boolean;

  /**
   * Accept a mutable image for this sidecar knowingly: a `:latest` tag, or neither tag nor digest
   * (the sidecar proposal's own sample uses `custom-kms-plugin:latest`). Without it, such an image
   * is a synth error, since the pods of one Deployment could run different builds. Prefer a version
   * tag or a digest.
   *
   * @default false
   */
  readonly allowMutableImageTag?: boolean;

  /**
   * A token of the pods' ServiceAccount, projected into this sidecar only (the API server
   * container holds none): for a plugin that authenticates with the pod's identity (AWS IRSA,
   * Azure Workload Identity, Vault JWT auth).
   *
   * @default - no token
   */
  readonly serviceAccountToken?: ServiceAccountTokenOptions;
}

/** Options of the API server's NetworkPolicy. */
export interface ApiServerNetworkPolicyOptions {
  /**
   * Who may reach the API server on its secure port: pods, namespaces or IP blocks. Every other
   * port of the pods (a sidecar's metrics port, say) admits no one.
   *
   * An empty list is refused: Kubernetes reads `from: []` as "from everywhere".
   *
   * @default - every source, on the secure port only
   */
  readonly allowFrom?: k8s.NetworkPolicyPeer[];
}

/** Props of `KarmadaApiServer`: the Karmada operator's `karmadaAPIServer` fields, and more. */
export interface KarmadaApiServerProps {
  /**
   * The name of the Karmada instance (the operator's `Karmada` object name). Every object name is
   * derived from it as the operator derives them: `<name>-apiserver` when the name contains
   * "karmada", else `<name>-karmada-apiserver`.
   */
  readonly instanceName: string;

  /**
   * The namespace of every object.
   *
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * The cluster's DNS domain, used in the etcd URL, the service account issuer and `url`. The
   * operator hard-codes `cluster.local`.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;

  /**
   * The API server image repository.
   *
   * @default 'registry.k8s.io/kube-apiserver'
   */
  readonly imageRepository?: string;

  /**
   * The API server image tag.
   *
   * @default 'v1.36.2' (the operator's default)
   */
  readonly imageTag?: string;

  /**
   * The Kubernetes version the API server image runs, as `major.minor` (for example `1.36`), when
   * `imageTag` does not say it (a custom tag). The command line is checked against the flags and
   * feature gates of kube-apiserver of that version (1.33 to 1.36 are known).
   *
   * @default - read from imageTag: `v1.36.2` is 1.36
   */
  readonly kubernetesVersion?: string;

  /**
   * Accept a mutable API server image tag (`latest`) knowingly. Without it, such a tag is a synth
   * error: the pods of one Deployment could run different builds, and a rollback would not restore
   * the old one.
   *
   * @default false
   */
  readonly allowMutableImageTag?: boolean;

  /**
   * When the kubelet pulls the API server image.
   *
   * @default ImagePullPolicy.IF_NOT_PRESENT
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * The number of API server pods. With 2 or more, the pods get a PodDisruptionBudget
   * (`maxUnavailable: 1`), a required pod anti-affinity (one pod per node) and rolling updates of
   * one pod at a time without a surge pod.
   *
   * @default 1
   */
  readonly replicas?: number;

  /**
   * Labels for the Deployment, its pods, the Service and the ConfigMap. They never enter the
   * selector, and may not override the `app.kubernetes.io/name`, `instance` and `managed-by` labels.
   *
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Annotations for the Deployment and its pods.
   *
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Compute resources of the API server container (sidecars bring their own).
   *
   * @default - none
   */
  readonly resources?: k8s.ResourceRequirements;

  /**
   * The priority class of the API server pods.
   *
   * @default 'system-node-critical'
   */
  readonly priorityClassName?: string;

  /**
   * A PodDisruptionBudget for the API server pods (minAvailable or maxUnavailable). Either way it
   * gets `unhealthyPodEvictionPolicy: AlwaysAllow`. A budget that lets no pod be evicted is an error.
   *
   * @default - with 2 replicas or more, `maxUnavailable: 1`; with 1 replica, no PodDisruptionBudget
   */
  readonly podDisruptionBudgetConfig?: PodDisruptionBudgetConfig;

  /**
   * Tolerations of the API server pods.
   *
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];

  /**
   * Affinity of the API server pods. With 2 replicas or more and no `podAntiAffinity` here and no
   * `topologySpreadConstraints`, a required pod anti-affinity on `kubernetes.io/hostname` is added
   * (your nodeAffinity and podAffinity are kept), so that no two API server pods share a node.
   *
   * @default - none; with 2 replicas or more, the pod anti-affinity above
   */
  readonly affinity?: k8s.Affinity;

  /**
   * Node labels the API server pods must run on (`spec.nodeSelector`).
   *
   * @default - none
   */
  readonly nodeSelector?: { [key: string]: string };

  /**
   * How the API server pods spread across zones or nodes. Kept as given; each constraint's
   * labelSelector must select the API server pods (for example
   * `{ matchLabels: { 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': <instanceName> } }`).
   * Giving any replaces the default pod anti-affinity.
   *
   * @default - none
   */
  readonly topologySpreadConstraints?: k8s.TopologySpreadConstraint[];

  /**
   * The pod's security context, laid field by field over ours: `runAsNonRoot: true`,
   * `runAsUser: 65532`, `runAsGroup: 65532`, `fsGroup: 65532`, `seccompProfile: RuntimeDefault`.
   * Use it to run as another user or group, for example. A value that breaks the Pod Security
   * Standard "restricted" (runAsUser 0, runAsNonRoot false, seccomp Unconfined, an unsafe sysctl)
   * is an error.
   *
   * @default - ours, as above
   */
  readonly podSecurityContext?: k8s.PodSecurityContext;

  /**
   * A NetworkPolicy that admits clients to the API server pods on the secure port (5443) only. Give
   * `{}` to admit every source on that port, or `{ allowFrom: [...] }` to admit only some.
   *
   * @default - no NetworkPolicy
   */
  readonly networkPolicy?: ApiServerNetworkPolicyOptions;

  /**
   * The range of Service cluster IPs (`--service-cluster-ip-range`).
   *
   * @default '10.96.0.0/12'
   */
  readonly serviceSubnet?: string;

  /**
   * The type of the API server's Service: ClusterIP, NodePort or LoadBalancer.
   *
   * @default ServiceType.CLUSTER_IP
   */
  readonly serviceType?: ServiceType;

  /**
   * The load balancer implementation, for a Service of type LoadBalancer only.
   *
   * @default - the cluster's default load balancer
   */
  readonly loadBalancerClass?: string;

  /**
   * Annotations for the Service only (load balancer settings, for example).
   *
   * @default - none
   */
  readonly serviceAnnotations?: { [key: string]: string };

  /**
   * Flags of the API server, by name without the leading `--`: each adds a flag or overrides one the
   * construct sets. The command is always sorted by flag name.
   *
   * @default - none
   */
  readonly extraArgs?: { [flag: string]: string };

  /**
   * Volumes added to the pod, after the construct's own.
   *
   * @default - none
   */
  readonly extraVolumes?: k8s.Volume[];

  /**
   * Volume mounts added to the API server container, after the construct's own.
   *
   * @default - none
   */
  readonly extraVolumeMounts?: k8s.VolumeMount[];

  /**
   * Feature gates of the API server, rendered as `--feature-gates` (which the operator declares but
   * never applies). Sorted by gate name.
   *
   * @default - none
   */
  readonly featureGates?: { [gate: string]: boolean };

  /**
   * Containers that run beside the API server in its pod, in this order, after the API server
   * container. Every field is kept as given. Use `sidecarOptions` to make one native.
   *
   * @default - none: the pod holds the API server container alone
   */
  readonly sidecarContainers?: k8s.Container[];

  /**
   * Options of the sidecars in `sidecarContainers`, by container name.
   *
   * @default - every sidecar is a regular container
   */
  readonly sidecarOptions?: { [containerName: string]: SidecarOptions };

  /**
   * The Secret with the API server's certificates and keys (`ca.crt`, `apiserver.crt`,
   * `apiserver.key`, `karmada.key`, `front-proxy-ca.crt`, `front-proxy-client.crt`,
   * `front-proxy-client.key`), mounted at `/etc/karmada/pki`.
   *
   * @default - `<instance>-cert`, as the operator names it
   */
  readonly certificateSecretName?: string;

  /**
   * The API server's certificates from cert-manager: the Secrets of a
   * `KarmadaApiServerCertificates` (its `secrets`), projected into /etc/karmada/pki with the file
   * names the flags name. Give this or `certificateSecretName`, not both.
   *
   * @default - the Secret `certificateSecretName`, in the operator's layout
   */
  readonly certificates?: ApiServerCertificateSecrets;

  /**
   * The ServiceAccount of the API server pods: `ApiServerServiceAccount.fromName()` for an existing
   * one, `ApiServerServiceAccount.create({ annotations })` for one the construct makes (cloud
   * workload identity). Tokens reach only the sidecars given a `serviceAccountToken`.
   *
   * @default - the namespace's `default` ServiceAccount, and no token in any container
   */
  readonly serviceAccount?: ApiServerServiceAccount;

  /**
   * Secrets (of type `kubernetes.io/dockerconfigjson`) the kubelet pulls the images with, for a
   * private registry.
   *
   * @default - none
   */
  readonly imagePullSecrets?: string[];

  /**
   * Where the API server keeps its data.
   *
   * @default EtcdConfig.local()
   */
  readonly etcd?: EtcdConfig;

  /**
   * Encryption at rest: `EncryptionAtRest.kms()` renders a KMS v2 configuration into the ConfigMap
   * and runs the plugins beside the API server; `EncryptionAtRest.fromSecret()` mounts a
   * configuration with key providers from an existing Secret.
   *
   * @default - no encryption at rest, unless wired by hand with extraArgs and extraVolumes
   */
  readonly encryption?: EncryptionAtRest;
}
