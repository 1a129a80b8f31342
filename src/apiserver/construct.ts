import { ApiObject, App, Chart, Lazy } from 'cdk8s';
import { IPodSelector, INetworkPolicyPeer, LabelSelector, NetworkPolicyPeerConfig, PodSelectorConfig, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkModel } from '../checks';
import { newKubernetesProblems, renderedObjectsOf } from '../checks/kubernetes';
import { appObjectsOf } from '../encryption/source';
import type { KarmadaEtcd } from '../etcd/construct';
import { buildModel } from '../model/build';
import { RenderedObjects, renderObjects } from '../model/objects';
import { DEFAULT_CLUSTER_DOMAIN, apiServerUrl, componentNames, namespaceOf, objectLabels, selectorLabels } from '../model/naming';
import type { SidecarSpec } from '../model/sidecars';
import type { ApiServerModel } from '../model/types';
import { Problem, Problems, formatProblem } from '../problems';
import { describeValue, isPlainObject, readStruct } from '../runtime';
import { inputOf, readProps, readSidecarOptions, sidecarOptionsOf } from './input';
import { ClusterPrerequisite, prerequisitesOf } from './prerequisites';
import { KarmadaApiServerProps, SidecarOptions } from './props';

/**
 * The Karmada API server: its Deployment, Service and configuration ConfigMap (and, when asked for,
 * a PodDisruptionBudget and a NetworkPolicy), with sidecar containers, rendered as the Karmada
 * operator renders them and checked at synth time.
 *
 * The Deployment is the default child (`node.defaultChild`, `ApiObject.of(apiServer)`). Problems are
 * reported through `node.addValidation`, so `apiServer.node.validate()` lists them before any synth,
 * and `cdk8s synth` fails with every problem, its construct path, field and fix.
 */
export class KarmadaApiServer extends Construct implements IPodSelector, INetworkPolicyPeer {
  /** The API server Deployment (the default child). */
  public readonly deployment: ApiObject;
  /** The API server Service. */
  public readonly service: ApiObject;
  /** The ConfigMap of the API server's configuration files, mounted at `/etc/karmada/config`. */
  public readonly configMap: ApiObject;
  /** The PodDisruptionBudget, when there is one (by default with 2 replicas or more). */
  public readonly podDisruptionBudget?: ApiObject;
  /** The NetworkPolicy, when `networkPolicy` is given. */
  public readonly networkPolicy?: ApiObject;
  /** The ServiceAccount, when `serviceAccount` is `ApiServerServiceAccount.create()`. */
  public readonly serviceAccount?: ApiObject;
  /** The etcd the API server made as its child, with `etcd: EtcdConfig.inCluster()`. */
  public readonly etcd?: KarmadaEtcd;
  /** The name of the Karmada instance. */
  public readonly instanceName: string;
  /** The namespace of every object. */
  public readonly namespace: string;
  /** The in-cluster URL of the API server: `https://<service>.<namespace>.svc.<domain>:5443`. */
  public readonly url: string;
  /** The labels that select the API server pods (the Deployment's, Service's and budget's selector). */
  public readonly selectorLabels: { [key: string]: string };

  private readonly props: KarmadaApiServerProps;
  /** Props of the wrong runtime type, found once at construction. */
  private readonly propProblems: readonly Problem[];
  private readonly sidecarSpecs: SidecarSpec[] = [];
  /** Problems of sidecars added with `addSidecarContainer` (a wrong runtime type). */
  private readonly addedProblems: Problem[] = [];
  /**
   * The model and the specs rendered from it, built on first use after a change, and the problems
   * found in them: a cdk8s synth validates every construct once per chart, and renders once.
   */
  private built?: { readonly model: ApiServerModel; readonly objects: RenderedObjects };
  private errors?: string[];

  constructor(scope: Construct, id: string, props: KarmadaApiServerProps) {
    super(scope, id);
    const problems = new Problems();
    this.props = readProps(props, problems);
    this.instanceName = this.props.instanceName;
    this.namespace = namespaceOf(this, this.props.namespace);
    (this.props.sidecarContainers ?? []).forEach((container: k8s.Container | undefined, i) => {
      if (container !== undefined) {
        this.sidecarSpecs.push({ container, options: sidecarOptionsOf(this.props.sidecarOptions, container.name), field: `sidecarContainers[${i}]` });
      }
    });
    this.propProblems = problems.list;

    const names = componentNames(this.instanceName);
    this.selectorLabels = selectorLabels(this.instanceName);
    this.url = apiServerUrl(this.instanceName, this.namespace, this.props.clusterDomain);
    const labels = objectLabels(this.instanceName, this.props.labels);
    const metadata = (name: string, annotations?: { [key: string]: string }) => ({ name, namespace: this.namespace, labels, annotations });

    this.deployment = new ApiObject(this, 'Resource', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: metadata(names.apiServer, this.props.annotations),
      spec: Lazy.any({ produce: () => this.build().objects.deployment.spec }),
    });
    this.service = new ApiObject(this, 'Service', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(names.apiServer, this.props.serviceAnnotations),
      spec: Lazy.any({ produce: () => this.build().objects.service.spec }),
    });
    this.configMap = new ApiObject(this, 'ConfigMap', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(names.configMap),
      data: Lazy.any({ produce: () => this.build().model.configFiles }),
    });
    if ((this.props.replicas ?? 1) >= 2 || this.props.podDisruptionBudgetConfig !== undefined) {
      this.podDisruptionBudget = new ApiObject(this, 'PodDisruptionBudget', {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: metadata(names.apiServer),
        spec: Lazy.any({ produce: () => this.build().objects.podDisruptionBudget?.spec }),
      });
    }
    const account = this.props.serviceAccount?._choice;
    if (account?.kind === 'create') {
      this.serviceAccount = new ApiObject(this, 'ServiceAccount', {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: metadata(account.options.name ?? names.apiServer, account.options.annotations),
        // Its tokens reach only the sidecars that ask for one: none is mounted by default.
        automountServiceAccountToken: false,
      });
    }
    this.etcd = this.props.etcd?._createEtcd(this, {
      instanceName: this.instanceName, namespace: this.namespace, clusterDomain: this.props.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
    });
    if (this.props.networkPolicy !== undefined) {
      this.networkPolicy = new ApiObject(this, 'NetworkPolicy', {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: metadata(names.networkPolicy),
        spec: Lazy.any({ produce: () => this.build().objects.networkPolicy?.spec }),
      });
    }

    claimNames(this, names.apiServer);
    this.node.addValidation({ validate: () => this.findErrors() });
  }

  /**
   * Attaches a sidecar container to the API server pod, after those already there.
   *
   * @param container the container, kept exactly as given
   * @param options how it runs (native or regular)
   */
  public addSidecarContainer(container: k8s.Container, options: SidecarOptions = {}): void {
    const problems = new Problems();
    const given: unknown = container;
    const field = `addSidecarContainer(${isPlainObject(given) ? String(given.name) : describeValue(given)})`;
    const read = readStruct(given, 'Container', field, problems) as k8s.Container | undefined;
    const sidecarOptions = readSidecarOptions(options, `${field}.options`, problems);
    if (read !== undefined) {
      this.sidecarSpecs.push({ container: read, options: sidecarOptions, field });
    } else if (given === undefined || given === null) {
      problems.add(field, `expected a container, got ${describeValue(given)}`, 'pass a container such as { name: "kms-plugin", image: "..." }');
    }
    this.addedProblems.push(...problems.list);
    this.built = undefined;
    this.errors = undefined;
  }

  /**
   * What the cluster must already hold for the pods of this API server (and of its etcd, when it
   * made one): the Secrets, ConfigMaps, ServiceAccounts, claims and PriorityClasses they name that
   * no object of this cdk8s app makes. Ask once the app is complete; cert-manager itself (its CRDs
   * and controller) is not listed.
   */
  public get prerequisites(): ClusterPrerequisite[] {
    const etcdServices = this.build().model.etcd.services.map((name) => ({
      kind: 'Service', name, namespace: this.namespace, neededBy: `Deployment ${this.deployment.name}: --etcd-servers`,
    }));
    return prerequisitesOf(this, [this.deployment, ...(this.etcd ? [this.etcd.statefulSet] : [])], etcdServices);
  }

  /** @see IPodSelector.toPodSelectorConfig() */
  public toPodSelectorConfig(): PodSelectorConfig {
    return {
      labelSelector: LabelSelector.of({ labels: this.selectorLabels }),
      namespaces: { names: [this.namespace] },
    };
  }

  /** @see INetworkPolicyPeer.toNetworkPolicyPeerConfig() */
  public toNetworkPolicyPeerConfig(): NetworkPolicyPeerConfig {
    return { podSelector: this.toPodSelectorConfig() };
  }

  /** @see INetworkPolicyPeer.toPodSelector() */
  public toPodSelector(): IPodSelector | undefined {
    return this;
  }

  /** The model and its rendered objects, built once per change and shared by validation and rendering. */
  private build(): { readonly model: ApiServerModel; readonly objects: RenderedObjects } {
    if (!this.built) {
      const chart = Chart.of(this);
      const model = buildModel(inputOf(this.props, {
        namespace: this.namespace,
        chartLabels: chart.labels,
        chartPath: chart.node.path,
        sidecars: [...this.sidecarSpecs],
        appObjects: appObjectsOf(this),
      }));
      this.built = { model, objects: renderObjects(model) };
    }
    return this.built;
  }

  /**
   * Every problem: of the props, of the model, and of the objects as the Kubernetes API server would
   * see them. A problem of the last kind is left out when an earlier one names the same field (the
   * earlier checks know what the field means here, and say it better).
   */
  private findErrors(): string[] {
    if (!this.errors) {
      const { model, objects } = this.build();
      const problems = [...this.propProblems, ...this.addedProblems, ...nameClashes(this), ...checkModel(model)];
      problems.push(...newKubernetesProblems(renderedObjectsOf(objects), model, problems));
      this.errors = problems.map(formatProblem);
    }
    return this.errors;
  }
}

/** The API servers of each app, by `<namespace>/<name>`, in the order they were made. */
const NAMES_IN_APP = new WeakMap<object, Map<string, KarmadaApiServer[]>>();

/** Records that the API server renders objects of this name in its namespace. */
function claimNames(apiServer: KarmadaApiServer, name: string): void {
  const root = App.of(apiServer);
  const names = NAMES_IN_APP.get(root) ?? new Map<string, KarmadaApiServer[]>();
  NAMES_IN_APP.set(root, names);
  const key = `${apiServer.namespace}/${name}`;
  names.set(key, [...(names.get(key) ?? []), apiServer]);
}

/** Another API server of the app that renders objects of the same names in the same namespace. */
function nameClashes(apiServer: KarmadaApiServer): Problem[] {
  const names = NAMES_IN_APP.get(App.of(apiServer));
  const name = componentNames(apiServer.instanceName).apiServer;
  const first = names?.get(`${apiServer.namespace}/${name}`)?.[0];
  if (first === undefined || first === apiServer) {
    return [];
  }
  return [{
    field: 'instanceName',
    message: `${JSON.stringify(apiServer.instanceName)} renders ${name} in namespace ${apiServer.namespace}, `
      + `which the API server at ${first.node.path} renders too (instance names with and without "karmada" can map to one name)`,
    fix: 'give one of the two another instance name or another namespace',
  }];
}
