import { ApiObject, App, Chart, Lazy } from 'cdk8s';
import { ImagePullPolicy, ServiceType, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkModel } from './checks';
import { EncryptionAtRest } from './encryption/config';
import { AppObjectIndex } from './encryption/source';
import { EtcdConfig } from './etcd';
import { ApiServerInput, ApiServerModel, buildModel } from './model';
import { ApiServerNetworkPolicyOptions } from './network-policy';
import { componentNames } from './naming';
import { Problem, formatProblem } from './problems';
import { renderPodSpec, renderServiceSpec } from './render';
import { SidecarOptions, SidecarSpec } from './sidecars';
import { ConstructValidation } from './validation';

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

/**
 * The Karmada API server: its Deployment, Service and configuration ConfigMap, with sidecar
 * containers, rendered as the Karmada operator renders them and checked at synth time.
 *
 * The construct is itself the Deployment's `ApiObject`, and the other objects are its children:
 * an API server adds no construct beyond its objects, which keeps synth of hundreds of charts fast
 * (cdk8s walks every construct of the app once per chart).
 */
export class KarmadaApiServer extends ApiObject {
  /**
   * The API server Deployment: this construct itself. JSON patches on it keep every field (it is
   * not re-serialized).
   */
  public readonly deployment: ApiObject;
  /** The API server Service. */
  public readonly service: ApiObject;
  /** The ConfigMap of the API server's configuration files, mounted at `/etc/karmada/config`. */
  public readonly configMap: ApiObject;
  /** The PodDisruptionBudget, when there is one (by default with 2 replicas or more). */
  public readonly podDisruptionBudget?: ApiObject;
  /** The NetworkPolicy, when `networkPolicy` is given. */
  public readonly networkPolicy?: ApiObject;
  /** The namespace of every object. */
  public readonly namespace: string;
  /** The in-cluster URL of the API server: `https://<service>.<namespace>.svc.<domain>:5443`. */
  public readonly url: string;

  private readonly apiServerProps: KarmadaApiServerProps;
  private readonly sidecarSpecs: SidecarSpec[] = [];
  /** Another API server of the app that renders objects of the same names in the same namespace. */
  private readonly nameTakenBy?: KarmadaApiServer;
  private cache?: { readonly model: ApiServerModel };
  private readonly validation = new ConstructValidation(this, () => this.findErrors());

  constructor(scope: Construct, id: string, props: KarmadaApiServerProps) {
    const namespace = props.namespace ?? Chart.of(scope).namespace ?? 'default';
    // The spec is rendered from the model, which needs `this`: the Lazy reaches it through `self`.
    const self: { apiServer?: KarmadaApiServer } = {};
    super(scope, id, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: componentNames(instanceNameOf(props)).apiServer, namespace },
      spec: Lazy.any({ produce: () => self.apiServer!.renderDeploymentSpec() }),
    });
    self.apiServer = this;
    this.deployment = this;
    this.apiServerProps = props;
    this.namespace = namespace;
    this.nameTakenBy = claimName(this, namespace);

    (props.sidecarContainers ?? []).forEach((given, i) => {
      // A JavaScript caller may pass a hole: the checks then report its missing name and image.
      const container = given ?? ({} as k8s.Container);
      this.sidecarSpecs.push({
        container,
        options: sidecarOptionsOf(props.sidecarOptions, container.name),
        field: `sidecarContainers[${i}]`,
      });
    });

    const model = this.model;
    this.url = model.url;
    const metadata = (name: string, annotations?: Record<string, string>) => ({
      name,
      namespace: this.namespace,
      labels: model.objectLabels,
      annotations,
    });

    for (const [key, value] of Object.entries(model.objectLabels)) {
      this.metadata.addLabel(key, value);
    }
    for (const [key, value] of Object.entries(props.annotations ?? {})) {
      this.metadata.addAnnotation(key, value);
    }
    this.service = new ApiObject(this, 'Service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(this.name, props.serviceAnnotations),
      spec: Lazy.any({ produce: () => renderServiceSpec(this.model.serviceSpec) }),
    });
    this.configMap = new ApiObject(this, 'ConfigMap', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(model.names.configMap),
      data: Lazy.any({ produce: () => this.model.configFiles }),
    });
    if (model.podDisruptionBudget) {
      this.podDisruptionBudget = new ApiObject(this, 'PodDisruptionBudget', {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: metadata(this.name),
        spec: Lazy.any({ produce: () => k8s.toJson_PodDisruptionBudgetSpec(this.model.podDisruptionBudget) }),
      });
    }
    if (model.networkPolicy) {
      this.networkPolicy = new ApiObject(this, 'NetworkPolicy', {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: metadata(model.names.networkPolicy),
        spec: Lazy.any({ produce: () => k8s.toJson_NetworkPolicySpec(this.model.networkPolicy) }),
      });
    }
  }

  /**
   * Attaches a sidecar container to the API server pod, after those already there.
   *
   * @param container the container, kept exactly as given
   * @param options how it runs (native or regular)
   */
  public addSidecarContainer(container: k8s.Container, options: SidecarOptions = {}): void {
    this.sidecarSpecs.push({ container, options, field: `addSidecarContainer(${container.name})` });
    this.cache = undefined;
    this.validation.changed();
  }

  /** The model, built once per change and shared by validation and rendering. */
  private get model(): ApiServerModel {
    if (!this.cache) {
      this.cache = { model: buildModel(this.input()) };
    }
    return this.cache.model;
  }

  /** The problems of the app and of the model, as the lines cdk8s reports. */
  private findErrors(): string[] {
    return [...this.appProblems(), ...checkModel(this.model)].map(formatProblem);
  }

  /** Problems between this API server and others of the app. */
  private appProblems(): Problem[] {
    if (!this.nameTakenBy) {
      return [];
    }
    return [{
      field: 'instanceName',
      message: `${JSON.stringify(instanceNameOf(this.apiServerProps))} renders ${this.name} in namespace ${this.namespace}, `
        + `which the API server at ${this.nameTakenBy.node.path} renders too (instance names with and without "karmada" can map to one name)`,
      fix: 'give one of the two another instance name or another namespace',
    }];
  }

  private input(): ApiServerInput {
    const p = this.apiServerProps;
    const pdb = p.podDisruptionBudgetConfig;
    const imageRepository = p.imageRepository ?? DEFAULT_IMAGE_REPOSITORY;
    const imageTag = p.imageTag ?? DEFAULT_IMAGE_TAG;
    return {
      instanceName: instanceNameOf(p),
      namespace: this.namespace,
      clusterDomain: p.clusterDomain ?? 'cluster.local',
      image: `${imageRepository}:${imageTag}`,
      imageRepository,
      imageTag,
      allowMutableImageTag: p.allowMutableImageTag ?? false,
      imagePullPolicy: p.imagePullPolicy ?? ImagePullPolicy.IF_NOT_PRESENT,
      replicas: p.replicas ?? 1,
      labels: p.labels ?? {},
      annotations: p.annotations ?? {},
      resources: p.resources,
      priorityClassName: p.priorityClassName ?? 'system-node-critical',
      podDisruptionBudget: pdb && { minAvailable: pdb.minAvailable, maxUnavailable: pdb.maxUnavailable },
      tolerations: p.tolerations ?? [],
      affinity: p.affinity,
      nodeSelector: p.nodeSelector ?? {},
      topologySpreadConstraints: p.topologySpreadConstraints ?? [],
      podSecurityContext: p.podSecurityContext,
      networkPolicy: p.networkPolicy && { allowFrom: p.networkPolicy.allowFrom },
      serviceSubnet: p.serviceSubnet ?? '10.96.0.0/12',
      serviceType: p.serviceType ?? ServiceType.CLUSTER_IP,
      loadBalancerClass: p.loadBalancerClass,
      serviceAnnotations: p.serviceAnnotations ?? {},
      extraArgs: p.extraArgs ?? {},
      extraVolumes: p.extraVolumes ?? [],
      extraVolumeMounts: p.extraVolumeMounts ?? [],
      featureGates: p.featureGates ?? {},
      sidecars: [...this.sidecarSpecs],
      sidecarOptionKeys: Object.keys(p.sidecarOptions ?? {}),
      certificateSecretName: p.certificateSecretName,
      etcd: p.etcd ?? EtcdConfig.local(),
      encryption: p.encryption?._spec(),
      appObjects: new AppObjectIndex(this),
    };
  }

  private renderDeploymentSpec(): unknown {
    const model = this.model;
    return {
      replicas: model.input.replicas,
      strategy: k8s.toJson_DeploymentStrategy(model.deploymentStrategy),
      selector: { matchLabels: model.selectorLabels },
      template: {
        metadata: {
          labels: model.objectLabels,
          annotations: Object.keys(model.podAnnotations).length > 0 ? model.podAnnotations : undefined,
        },
        spec: renderPodSpec(model.podSpec),
      },
    };
  }
}

/** The options of the sidecar of one name; only an own entry counts (not `constructor`, say). */
function sidecarOptionsOf(options: { [name: string]: SidecarOptions } | undefined, name: string): SidecarOptions {
  return options !== undefined && Object.prototype.hasOwnProperty.call(options, name) ? options[name] ?? {} : {};
}

/** The instance name as a string, even from a JavaScript caller that gave none (the checks report it). */
function instanceNameOf(props: KarmadaApiServerProps): string {
  return typeof props.instanceName === 'string' ? props.instanceName : String(props.instanceName ?? '');
}

/** The API servers of each app, by `<namespace>/<name>`: the first to claim a name keeps it. */
const NAMES_IN_APP = new WeakMap<object, Map<string, KarmadaApiServer>>();

/** Claims the API server's names in its app; returns the API server that has them already, if any. */
function claimName(apiServer: KarmadaApiServer, namespace: string): KarmadaApiServer | undefined {
  const root = App.of(apiServer);
  let names = NAMES_IN_APP.get(root);
  if (!names) {
    names = new Map();
    NAMES_IN_APP.set(root, names);
  }
  const key = `${namespace}/${apiServer.name}`;
  const first = names.get(key);
  if (first === undefined) {
    names.set(key, apiServer);
  }
  return first;
}
