/**
 * The operator target's mapping: the finished model of the API server (the one `KarmadaApiServer`
 * renders) → the operator's `spec.components.karmadaAPIServer` and `spec.components.etcd`.
 *
 * The operator renders its own template, then lays these settings over it (its patcher). So every
 * setting here is chosen for what the operator will render from it:
 * - flags: the operator sorts the whole command by flag name once any extraArg is set, with the
 *   extraArgs winning; so `extraArgs` holds every flag of the model whose value differs from the
 *   operator's own, and the operator's command is then the model's, flag for flag;
 * - volumes and mounts: the operator's two (the certificate and the etcd client Secrets) come first,
 *   as in the model; the rest of the model's follow as `extraVolumes` and `extraVolumeMounts`;
 * - sidecars: regular containers after the API server (the CR has no init containers), with the
 *   pod's security settings carried in each one's own security context (the CR has no pod security
 *   context);
 * - nodeSelector: a required node affinity term (the CR has no nodeSelector);
 * - the budget: `podDisruptionBudgetConfig`;
 * - the cluster domain: the flags in extraArgs, and the serving certificates' SANs (the operator
 *   writes `cluster.local` into both);
 * - a fractional quantity (`k8s.Quantity.fromNumber(1.5)`): a string, as the CRD takes no other.
 * What the CR cannot carry is reported by ./checks.ts or listed in docs/operator-parity.md.
 *
 * Everything here is a pure function of the model; values are JSON, as the CRD names the fields.
 */
import type { k8s } from 'cdk8s-plus-28';
import { EtcdConfig } from '../etcd/config';
import { renderWithNewerFields } from '../kubernetes/shape';
import { operatorFlags } from '../model/flags';
import { APISERVER_CONTAINER_NAME, CERT_VOLUME, ETCD_CERT_VOLUME } from '../model/layout';
import type { ApiServerModel } from '../model/types';
import { COMPONENT_SCHEMAS, fitIntOrString } from './crd-schema';

/** The cluster domain the operator writes into its flags and certificates, whatever the cluster's. */
export const OPERATOR_CLUSTER_DOMAIN = 'cluster.local';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** The etcd flags the operator renders for the etcd the model uses. */
function operatorEtcdFlags(model: ApiServerModel): Record<string, string> {
  const { input, names } = model;
  if (input.etcd._kind === 'external') {
    // The operator's external wiring is ours, without the key prefix it has no setting for.
    return Object.fromEntries(Object.entries(model.etcd.flags).filter(([name]) => name !== 'etcd-prefix'));
  }
  return EtcdConfig.local()._wire({
    namespace: input.namespace,
    clusterDomain: OPERATOR_CLUSTER_DOMAIN,
    defaultCertSecretName: names.etcdCertSecret,
    defaultServiceName: names.etcdClientService,
  }).flags;
}

/** The flags the operator renders itself for the emitted object: its template's and its etcd wiring's. */
export function operatorOwnFlags(model: ApiServerModel): ReadonlyMap<string, string> {
  return new Map(Object.entries({
    ...operatorFlags({ serviceSubnet: model.input.serviceSubnet, clusterDomain: OPERATOR_CLUSTER_DOMAIN }),
    ...operatorEtcdFlags(model),
  }));
}

/** Every flag of the model whose value the operator does not render itself, sorted by name. */
export function operatorExtraArgs(model: ApiServerModel): Record<string, string> {
  const own = operatorOwnFlags(model);
  const extraArgs: Record<string, string> = {};
  for (const name of [...model.flags.keys()].sort()) {
    const value = model.flags.get(name)!;
    if (own.get(name) !== value) {
      extraArgs[name] = value;
    }
  }
  return extraArgs;
}

/** Fields of the pod security context that a container's security context has too. */
const CONTAINER_LEVEL_POD_SECURITY_FIELDS: readonly (keyof k8s.PodSecurityContext & keyof k8s.SecurityContext)[] = [
  'runAsNonRoot', 'runAsUser', 'runAsGroup', 'seccompProfile', 'seLinuxOptions', 'windowsOptions',
];

/**
 * A sidecar's security context with the pod's settings filled in where it leaves them unset: what
 * the container would inherit from the pod, which the CR cannot carry.
 */
export function withPodSecurity(container: k8s.SecurityContext | undefined, pod: k8s.PodSecurityContext | undefined): k8s.SecurityContext {
  const filled: Record<string, unknown> = { ...container };
  for (const field of CONTAINER_LEVEL_POD_SECURITY_FIELDS) {
    if (filled[field] === undefined && pod?.[field] !== undefined) {
      filled[field] = pod[field];
    }
  }
  return filled as k8s.SecurityContext;
}

/** The sidecars, in the model's order, as regular containers that carry the pod's security settings. */
export function operatorSidecars(model: ApiServerModel): k8s.Container[] {
  return model.sidecars.map((sidecar) => ({
    ...sidecar.container,
    securityContext: withPodSecurity(sidecar.container.securityContext, model.podSpec.securityContext),
  }));
}

/**
 * The affinity with a nodeSelector folded in: each label of the nodeSelector becomes an `In`
 * expression of every required node selector term (terms are alternatives, and the nodeSelector
 * applies to each), or of one new term when there is none. A pod then fits the same nodes.
 */
export function withNodeSelector(affinity: k8s.Affinity | undefined, nodeSelector: { [key: string]: string } | undefined): k8s.Affinity | undefined {
  // Sorted by label, as cdk8s writes the nodeSelector map: the order the props give it in never shows.
  const expressions = Object.entries(nodeSelector ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]): k8s.NodeSelectorRequirement => ({ key, operator: 'In', values: [value] }));
  if (expressions.length === 0) {
    return affinity;
  }
  const required = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const terms = required === undefined
    ? [{ matchExpressions: expressions }]
    : required.nodeSelectorTerms.map((term) => ({ ...term, matchExpressions: [...(term.matchExpressions ?? []), ...expressions] }));
  return {
    ...affinity,
    nodeAffinity: { ...affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { ...required, nodeSelectorTerms: terms } },
  };
}

/** A list without the first item of each given name (the operator adds those itself). */
function withoutFirst<T extends { readonly name: string }>(items: readonly T[], names: readonly string[]): T[] {
  const left = [...names];
  return items.filter((item) => {
    const i = left.indexOf(item.name);
    if (i === -1) {
      return true;
    }
    left.splice(i, 1);
    return false;
  });
}

/** The SANs the serving certificate needs beyond the operator's, which are for `cluster.local` only. */
export function extraCertSans(model: ApiServerModel): string[] {
  const { namespace, clusterDomain } = model.input;
  return clusterDomain === OPERATOR_CLUSTER_DOMAIN ? [] : [`*.${namespace}.svc.${clusterDomain}`];
}

function hasResources(resources: k8s.ResourceRequirements | undefined): resources is k8s.ResourceRequirements {
  const size = (map: object | undefined) => Object.keys(map ?? {}).length;
  return resources !== undefined && size(resources.limits) + size(resources.requests) + (resources.claims ?? []).length > 0;
}

function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value !== undefined && Object.keys(value).length > 0 ? value : undefined;
}

/** `spec.components.karmadaAPIServer`: the model as the operator's settings. */
export function karmadaApiServerSettings(model: ApiServerModel): Json {
  const { input, podSpec } = model;
  const apiServer = podSpec.containers.find((c) => c.name === APISERVER_CONTAINER_NAME)!;
  const operatorVolumes = [CERT_VOLUME, ETCD_CERT_VOLUME];
  const pdb = model.podDisruptionBudget;
  const affinity = withNodeSelector(podSpec.affinity, podSpec.nodeSelector);
  const extraVolumes = withoutFirst(podSpec.volumes ?? [], operatorVolumes);
  const extraVolumeMounts = withoutFirst(apiServer.volumeMounts ?? [], operatorVolumes);
  const certSans = extraCertSans(model);
  const sidecars = operatorSidecars(model);
  const settings: Json = {
    imageRepository: input.imageRepository,
    imageTag: input.imageTag,
    imagePullPolicy: input.imagePullPolicy,
    replicas: input.replicas,
    labels: nonEmpty(input.labels),
    // The pod annotations (the user's and the configuration checksums): the operator puts them on
    // the Deployment too.
    annotations: nonEmpty(model.podAnnotations),
    // Empty resources are no setting (the operator skips them too).
    resources: hasResources(input.resources) ? renderWithNewerFields(input.resources, 'ResourceRequirements') : undefined,
    priorityClassName: input.priorityClassName,
    // The operator takes minAvailable when both are given; the checks refuse both.
    podDisruptionBudgetConfig: pdb && (pdb.minAvailable !== undefined ? { minAvailable: pdb.minAvailable.value } : { maxUnavailable: pdb.maxUnavailable?.value }),
    tolerations: podSpec.tolerations?.map((t) => renderWithNewerFields(t, 'Toleration')),
    affinity: affinity && renderWithNewerFields(affinity, 'Affinity'),
    serviceSubnet: input.serviceSubnet,
    serviceType: input.serviceType,
    loadBalancerClass: model.serviceSpec.loadBalancerClass,
    serviceAnnotations: nonEmpty(input.serviceAnnotations),
    extraArgs: nonEmpty(operatorExtraArgs(model)),
    extraVolumes: extraVolumes.length > 0 ? extraVolumes.map((v) => renderWithNewerFields(v, 'Volume')) : undefined,
    extraVolumeMounts: extraVolumeMounts.length > 0 ? extraVolumeMounts.map((m) => renderWithNewerFields(m, 'VolumeMount')) : undefined,
    certSANs: certSans.length > 0 ? certSans : undefined,
    sidecarContainers: sidecars.length > 0 ? sidecars.map((c) => renderWithNewerFields(c, 'Container')) : undefined,
  };
  return fitIntOrString(definedOnly(settings), COMPONENT_SCHEMAS.karmadaAPIServer) as Json;
}

/**
 * `spec.components.etcd`: the operator's local etcd (with the user's settings, and the client
 * Service's name in the cluster's domain among the server certificate's SANs), or the external one.
 */
export function etcdSettings(model: ApiServerModel, localEtcd: Json | undefined): Json {
  const { input, names } = model;
  if (input.etcd._kind === 'external') {
    return {
      external: {
        endpoints: [...model.etcd.endpoints],
        secretRef: { name: model.etcd.volume.secret?.secretName, namespace: input.namespace },
      },
    };
  }
  const local: Json = { ...localEtcd };
  if (input.clusterDomain !== OPERATOR_CLUSTER_DOMAIN) {
    const given = Array.isArray(local.serverCertSANs) ? local.serverCertSANs as string[] : [];
    local.serverCertSANs = [...given, `${names.etcdClientService}.${input.namespace}.svc.${input.clusterDomain}`];
  }
  return { local };
}

function definedOnly(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
