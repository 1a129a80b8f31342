import { ApiObject, Chart, Lazy } from 'cdk8s';
import { INetworkPolicyPeer, IPodSelector, LabelSelector, NetworkPolicyPeerConfig, PodSelectorConfig, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { KarmadaApiServer } from '../apiserver/construct';
import { inputOf, readProps, sidecarOptionsOf } from '../apiserver/input';
import type { KarmadaApiServerProps } from '../apiserver/props';
import { checkModel } from '../checks';
import { q } from '../problems';
import { appObjectsOf } from '../encryption/source';
import { Karmada } from '../imports/operator.karmada.io';
import { renderWithNewerFields } from '../kubernetes/shape';
import { newKubernetesProblems, renderedObjectsOf } from '../checks/kubernetes';
import { buildModel } from '../model/build';
import { renderObjects } from '../model/objects';
import { apiServerUrl, componentNames, namespaceOf, objectLabels, selectorLabels } from '../model/naming';
import type { SidecarSpec } from '../model/sidecars';
import type { ApiServerModel } from '../model/types';
import { Problem, Problems, formatProblem } from '../problems';
import { describeValue, isPlainObject } from '../runtime';
import { nearName } from '../suggest';
import { checkOperatorTarget } from './checks';
import { ComponentSettings, readComponents } from './components';
import { Json, etcdSettings, karmadaApiServerSettings } from './mapping';
import type { KarmadaOperatorInstanceProps } from './props';

/**
 * A Karmada instance for the Karmada operator: its `Karmada` object (operator.karmada.io/v1alpha1),
 * made from the same `KarmadaApiServerProps` that `KarmadaApiServer` renders standalone, so that one
 * typed source serves both targets.
 *
 * The API server's props become `spec.components.karmadaAPIServer` such that the operator renders
 * the API server this library renders, except for the differences listed in
 * docs/operator-parity.md ("The operator target"). What the operator's object cannot carry is
 * expressed another way where it can be (a nodeSelector as a node affinity term, the default budget
 * as `podDisruptionBudgetConfig`, every flag in `extraArgs`), else it is an error: nothing is
 * dropped in silence. The ConfigMap of the API server's configuration files (and the NetworkPolicy,
 * when asked for) are rendered beside the `Karmada` object, as the operator makes neither.
 *
 * The library's checks run on the same model as for `KarmadaApiServer`, plus the checks of the
 * operator target; problems name the field of these props (`apiServer.replicas`) and the fix.
 */
export class KarmadaOperatorInstance extends Construct implements IPodSelector, INetworkPolicyPeer {
  /**
   * The `Karmada` object (the default child). A plain `ApiObject`, not the generated `operator.Karmada`
   * class: that class re-serializes its JSON after JSON patches and would drop the patched fields.
   */
  public readonly karmada: ApiObject;
  /** The ConfigMap of the API server's configuration files, mounted at `/etc/karmada/config`. */
  public readonly configMap: ApiObject;
  /** The NetworkPolicy, when `apiServer.networkPolicy` is given. */
  public readonly networkPolicy?: ApiObject;
  /** The name of the Karmada instance (the `Karmada` object's name). */
  public readonly instanceName: string;
  /** The namespace of the `Karmada` object and of every object the operator makes for it. */
  public readonly namespace: string;
  /** The in-cluster URL of the API server: `https://<service>.<namespace>.svc.<domain>:5443`. */
  public readonly url: string;
  /** The labels that select the API server pods the operator makes. */
  public readonly selectorLabels: { [key: string]: string };

  private readonly apiServerProps: KarmadaApiServerProps;
  private readonly components: ComponentSettings;
  /** Props of the wrong runtime type, found once at construction. */
  private readonly propProblems: readonly Problem[];
  /** The model and its problems, made once on first use (cdk8s validates many times). */
  private built?: { readonly model: ApiServerModel; readonly errors: string[] };

  constructor(scope: Construct, id: string, props: KarmadaOperatorInstanceProps) {
    super(scope, id);
    const problems = new Problems();
    const given = readTopLevel(props, problems);
    const apiServerProblems = new Problems();
    this.apiServerProps = readProps(given.apiServer, apiServerProblems);
    apiServerProblems.list.forEach((p) => problems.add(underApiServer(p.field), p.message, p.fix));
    this.components = readComponents(given.components, problems);
    this.propProblems = problems.list;

    this.instanceName = this.apiServerProps.instanceName;
    this.namespace = namespaceOf(this, this.apiServerProps.namespace);
    const names = componentNames(this.instanceName);
    this.selectorLabels = selectorLabels(this.instanceName);
    this.url = apiServerUrl(this.instanceName, this.namespace, this.apiServerProps.clusterDomain);
    const metadata = (name: string) => ({ name, namespace: this.namespace, labels: objectLabels(this.instanceName, this.apiServerProps.labels) });

    this.karmada = new ApiObject(this, 'Resource', {
      ...Karmada.GVK,
      metadata: { name: this.instanceName, namespace: this.namespace },
      spec: Lazy.any({ produce: () => this.spec() }),
    });
    this.configMap = new ApiObject(this, 'ConfigMap', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(names.configMap),
      data: Lazy.any({ produce: () => this.build().model.configFiles }),
    });
    if (this.apiServerProps.networkPolicy !== undefined) {
      this.networkPolicy = new ApiObject(this, 'NetworkPolicy', {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: metadata(names.networkPolicy),
        spec: Lazy.any({ produce: () => renderWithNewerFields(this.build().model.networkPolicy, 'NetworkPolicySpec') }),
      });
    }
    this.node.addValidation({ validate: () => this.build().errors });
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

  /** The `Karmada` object's spec. */
  private spec(): Json {
    const { model } = this.build();
    return {
      components: {
        etcd: etcdSettings(model, this.components.localEtcd),
        karmadaAPIServer: karmadaApiServerSettings(model),
        ...this.components.others,
      },
    };
  }

  private build(): { readonly model: ApiServerModel; readonly errors: string[] } {
    if (!this.built) {
      const chart = Chart.of(this);
      const model = buildModel(inputOf(this.apiServerProps, {
        namespace: this.namespace,
        chartLabels: chart.labels,
        chartPath: chart.node.path,
        sidecars: sidecarSpecsOf(this.apiServerProps),
        appObjects: appObjectsOf(this),
      }));
      const problems = new Problems();
      checkOperatorTarget(model, { localEtcdGiven: this.components.localEtcd !== undefined }, problems);
      const modelProblems = checkModel(model);
      // Kubernetes' rules, on the standalone rendering of the same model: what the operator renders
      // from this object is the same but for the documented differences (test/operator/parity).
      const objects = renderedObjectsOf(renderObjects(model));
      const all = [
        ...this.propProblems,
        ...nameClashes(this),
        ...[...modelProblems, ...newKubernetesProblems(objects, model, [...modelProblems, ...this.propProblems.map(apiServerField)])]
          .map((p) => ({ ...p, field: underApiServer(p.field) })),
        ...problems.list,
      ];
      this.built = { model, errors: all.map(formatProblem) };
    }
    return this.built;
  }
}

/** The two props, read whatever the runtime type of the props object. */
function readTopLevel(props: unknown, problems: Problems): { apiServer: unknown; components: unknown } {
  if (!isPlainObject(props)) {
    problems.add('props', `expected the props object, got ${describeValue(props)}`, 'pass the props, such as { apiServer: { instanceName: "tenant1" } }');
    return { apiServer: {}, components: undefined };
  }
  const known = ['apiServer', 'components'];
  for (const key of Object.keys(props)) {
    if (!known.includes(key)) {
      const near = nearName(key, known);
      problems.add(key, `${q(key)} is not a prop of KarmadaOperatorInstance, so it would be ignored`,
        near !== undefined ? `did you mean ${near}?` : 'put the API server\'s props under apiServer, and other components under components');
    }
  }
  if (props.apiServer === undefined) {
    problems.add('apiServer', 'the API server\'s props are missing', 'give apiServer: { instanceName: "tenant1", ... }');
    return { apiServer: {}, components: props.components };
  }
  return { apiServer: props.apiServer, components: props.components };
}

/**
 * A field of the API server's props as a field of these props: `replicas` → `apiServer.replicas`.
 * Fields that name another object (`Secret x[key]`, `ConfigMap ...`) start with a capital and stay.
 */
/** A problem of the API server's props, at its field as KarmadaApiServer names it (without `apiServer.`). */
function apiServerField(problem: Problem): Problem {
  return { ...problem, field: problem.field.replace(/^apiServer\.?/, '') };
}

function underApiServer(field: string): string {
  if (field === 'props') {
    return 'apiServer';
  }
  return /^[A-Z]/.test(field) ? field : `apiServer.${field}`;
}

/** The sidecars of the props, each with its options and the field it came from. */
function sidecarSpecsOf(props: KarmadaApiServerProps): SidecarSpec[] {
  const specs: SidecarSpec[] = [];
  (props.sidecarContainers ?? []).forEach((container: k8s.Container | undefined, i) => {
    if (container !== undefined) {
      specs.push({ container, options: sidecarOptionsOf(props.sidecarOptions, container.name), field: `sidecarContainers[${i}]` });
    }
  });
  return specs;
}

/**
 * Another API server of the app (standalone or for the operator) with objects of the same names in
 * the same namespace: two Deployments, Services and ConfigMaps would be one.
 */
function nameClashes(instance: KarmadaOperatorInstance): Problem[] {
  const name = componentNames(instance.instanceName).apiServer;
  const other = instance.node.root.node.findAll().find((c) => c !== instance
    && (c instanceof KarmadaOperatorInstance || c instanceof KarmadaApiServer)
    && c.namespace === instance.namespace && componentNames(c.instanceName).apiServer === name);
  if (other === undefined) {
    return [];
  }
  return [{
    field: 'apiServer.instanceName',
    message: `${q(instance.instanceName)} makes the operator render ${name} in namespace ${instance.namespace}, `
      + `which the API server at ${other.node.path} renders too (instance names with and without "karmada" can map to one name)`,
    fix: 'give one of the two another instance name or another namespace',
  }];
}
