/**
 * The two targets side by side: one set of props rendered by `KarmadaApiServer` (standalone) and by
 * `KarmadaOperatorInstance` (the Karmada object), and the API server the operator would render from
 * that object (the port in ./render.ts).
 *
 * The parity test compares them through NORMALIZATIONS: each turns the standalone rendering into
 * what the operator renders, for one difference documented in docs/operator-parity.md (section "The
 * operator target", table "Differences", by the same name). A difference with no normalization
 * fails the comparison.
 */
import { App, Chart, Testing } from 'cdk8s';
import { KarmadaApiServer, KarmadaApiServerProps, KarmadaOperatorComponents, KarmadaOperatorInstance } from '../../src';
import * as crdSchemaFile from '../../src/imports/operator.karmada.io.schema.json';
import { fitIntOrString } from '../../src/operator/crd-schema';
import type { Manifest } from '../helpers';
import { KarmadaObject, RenderedAPIServer, renderKarmadaAPIServer } from './render';

/** What the standalone construct renders for the API server, as the operator would name them. */
export interface ApiServerObjects {
  deployment: Manifest;
  service: Manifest;
  podDisruptionBudget?: Manifest;
}

/** Both targets for one set of props. */
export interface BothTargets {
  /** Every object of the standalone construct. */
  readonly standalone: Manifest[];
  /** Every object of the operator target: the Karmada object, the ConfigMap, maybe a NetworkPolicy. */
  readonly operator: Manifest[];
  /** The Karmada object. */
  readonly karmada: KarmadaObject;
  /** What the operator renders from it. */
  readonly rendered: RenderedAPIServer;
}

function chart(namespace: string): Chart {
  return new Chart(new App(), 'test', { namespace, disableResourceNameHashes: true });
}

/** The objects of the operator target (synth errors thrown as usual). */
export function synthOperator(apiServer: KarmadaApiServerProps, components?: KarmadaOperatorComponents, namespace = 'tenant1'): Manifest[] {
  const c = chart(namespace);
  new KarmadaOperatorInstance(c, 'Karmada', { apiServer, components });
  return Testing.synth(c) as Manifest[];
}

/** The objects of the standalone construct. */
export function synthStandalone(apiServer: KarmadaApiServerProps, namespace = 'tenant1'): Manifest[] {
  const c = chart(namespace);
  new KarmadaApiServer(c, 'ApiServer', apiServer);
  return Testing.synth(c) as Manifest[];
}

/** Renders one set of props both ways, and what the operator makes of the Karmada object. */
export function renderBoth(apiServer: KarmadaApiServerProps, components?: KarmadaOperatorComponents, namespace = 'tenant1'): BothTargets {
  const standalone = synthStandalone(apiServer, namespace);
  const operator = synthOperator(apiServer, components, namespace);
  const karmada = operator.find((m) => m.kind === 'Karmada') as unknown as KarmadaObject;
  return { standalone, operator, karmada, rendered: renderKarmadaAPIServer(karmada) };
}

/** The standalone API server objects, as JSON (no undefined values). */
export function standaloneApiServer(standalone: Manifest[]): ApiServerObjects {
  const one = (kind: string) => standalone.find((m) => m.kind === kind);
  return JSON.parse(JSON.stringify({ deployment: one('Deployment'), service: one('Service'), podDisruptionBudget: one('PodDisruptionBudget') }));
}

/** The operator's API server objects, as JSON. */
export function operatorApiServer(rendered: RenderedAPIServer): ApiServerObjects {
  return JSON.parse(JSON.stringify({ deployment: rendered.deployment, service: rendered.service, podDisruptionBudget: rendered.podDisruptionBudget }));
}

const MANAGED_BY = 'app.kubernetes.io/managed-by';
const SELECTOR_KEYS = ['app.kubernetes.io/name', 'app.kubernetes.io/instance'];
const CONTAINER_LEVEL_POD_SECURITY = ['runAsNonRoot', 'runAsUser', 'runAsGroup', 'seccompProfile', 'seLinuxOptions', 'windowsOptions'];

const pod = (o: ApiServerObjects) => o.deployment.spec.template.spec;
const apiServerContainer = (o: ApiServerObjects) => pod(o).containers.find((c: { name: string }) => c.name === 'kube-apiserver');

/** `karmadaAPIServer` in the operator's CRD. */
const API_SERVER_SCHEMA = (crdSchemaFile as any).versions.v1alpha1.properties.spec.properties.components.properties.karmadaAPIServer;

/**
 * The structural defaults of a CRD schema laid into `value` (as the API server does when it stores
 * the Karmada object), without its pruning: a field the CRD would drop must show as a difference.
 */
export function withSchemaDefaults(schema: any, value: any): any {
  if (schema === undefined || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => withSchemaDefaults(schema.items, item));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const sub = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    out[key] = withSchemaDefaults(sub, item);
  }
  for (const [key, sub] of Object.entries<any>(schema.properties ?? {})) {
    if (out[key] === undefined && sub.default !== undefined) out[key] = withSchemaDefaults(sub, structuredClone(sub.default));
  }
  return out;
}

/** One documented difference: turns the standalone objects into the operator's, in place. */
export type Normalization = (objects: ApiServerObjects) => void;

/**
 * The documented differences, by the names docs/operator-parity.md gives them, in the order they
 * apply (later ones read the labels the first one leaves).
 */
export const NORMALIZATIONS: { readonly [name: string]: Normalization } = {
  /** The operator labels its objects managed-by karmada-operator, the pods without it, the Service without user labels. */
  operatorLabels: (o) => {
    o.deployment.metadata.labels[MANAGED_BY] = 'karmada-operator';
    delete o.deployment.spec.template.metadata.labels[MANAGED_BY];
    const service = o.service.metadata.labels;
    o.service.metadata.labels = Object.fromEntries([...SELECTOR_KEYS, MANAGED_BY].map((k) => [k, service[k]]));
    o.service.metadata.labels[MANAGED_BY] = 'karmada-operator';
  },
  /** The pod annotations (the configuration checksums included) are on the Deployment too. */
  podAnnotationsOnDeployment: (o) => {
    const annotations = o.deployment.spec.template.metadata.annotations;
    if (annotations === undefined) {
      delete o.deployment.metadata.annotations;
    } else {
      o.deployment.metadata.annotations = { ...annotations };
    }
  },
  /** Resources without a limit, request or claim are left out (the operator applies resources only when one is set). */
  noEmptyResources: (o) => {
    const resources = apiServerContainer(o).resources;
    const size = (m: object | undefined) => Object.keys(m ?? {}).length;
    if (resources !== undefined && size(resources.limits) + size(resources.requests) + (resources.claims ?? []).length === 0) {
      delete apiServerContainer(o).resources;
    }
  },
  /** No startup probe on the API server. */
  noStartupProbe: (o) => {
    delete apiServerContainer(o).startupProbe;
  },
  /** No pod security context and none on the API server container; sidecars carry the pod's settings. */
  noPodSecurityContext: (o) => {
    const podContext = pod(o).securityContext ?? {};
    delete pod(o).securityContext;
    delete apiServerContainer(o).securityContext;
    for (const container of [...pod(o).containers, ...(pod(o).initContainers ?? [])]) {
      if (container.name === 'kube-apiserver') continue;
      for (const field of CONTAINER_LEVEL_POD_SECURITY) {
        if (podContext[field] !== undefined && container.securityContext?.[field] === undefined) {
          container.securityContext = { ...container.securityContext, [field]: podContext[field] };
        }
      }
    }
  },
  /** The Deployment's default update strategy (RollingUpdate 25%/25%), not maxSurge 0. */
  defaultUpdateStrategy: (o) => {
    delete o.deployment.spec.strategy;
  },
  /** Native sidecars (KMS plugins by default) become regular containers after the others. */
  sidecarsAsContainers: (o) => {
    const natives = pod(o).initContainers ?? [];
    delete pod(o).initContainers;
    pod(o).containers.push(...natives.map((native: Record<string, unknown>) => {
      const container = { ...native };
      delete container.restartPolicy;
      return container;
    }));
  },
  /**
   * What passes through the Karmada object gets the CRD's defaults, which are Kubernetes' own for
   * these fields (a port's protocol TCP, a gRPC probe's service ""): the sidecars, the volumes and
   * mounts after the operator's two, tolerations, affinity and resources.
   */
  crdDefaults: (o) => {
    const props = API_SERVER_SCHEMA.properties;
    const spec = pod(o);
    spec.containers = spec.containers.map((c: { name: string }) => (c.name === 'kube-apiserver' ? c : withSchemaDefaults(props.sidecarContainers.items, c)));
    spec.volumes = [...spec.volumes.slice(0, 2), ...withSchemaDefaults(props.extraVolumes, spec.volumes.slice(2))];
    const main = apiServerContainer(o);
    main.volumeMounts = [...main.volumeMounts.slice(0, 2), ...withSchemaDefaults(props.extraVolumeMounts, main.volumeMounts.slice(2))];
    if (main.resources !== undefined) main.resources = withSchemaDefaults(props.resources, main.resources);
    if (spec.tolerations !== undefined) spec.tolerations = withSchemaDefaults(props.tolerations, spec.tolerations);
    if (spec.affinity !== undefined) spec.affinity = withSchemaDefaults(props.affinity, spec.affinity);
  },
  /**
   * A fractional quantity (`cpu: 1.5`, from k8s.Quantity.fromNumber) that passes through the Karmada
   * object is a string there (`"1.5"`): the CRD's int-or-string fields take whole numbers only. The
   * API server reads both as the same quantity.
   */
  fractionalQuantitiesAsStrings: (o) => {
    const props = API_SERVER_SCHEMA.properties;
    const spec = pod(o);
    const asStrings = (schema: any, value: any): any => fitIntOrString(value, schema);
    spec.containers = spec.containers.map((c: { name: string }) => (c.name === 'kube-apiserver' ? c : asStrings(props.sidecarContainers.items, c)));
    spec.volumes = [...spec.volumes.slice(0, 2), ...asStrings(props.extraVolumes, spec.volumes.slice(2))];
    const main = apiServerContainer(o);
    if (main.resources !== undefined) main.resources = asStrings(props.resources, main.resources);
  },
  /** A nodeSelector becomes a required node affinity term (every term gets its labels). */
  nodeSelectorAsNodeAffinity: (o) => {
    const selector: Record<string, string> | undefined = pod(o).nodeSelector;
    if (selector === undefined) return;
    delete pod(o).nodeSelector;
    const expressions = Object.entries(selector).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
    const affinity = pod(o).affinity ?? {};
    const required = affinity.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    const terms = required === undefined ? [{ matchExpressions: expressions }]
      : required.nodeSelectorTerms.map((t: any) => ({ ...t, matchExpressions: [...(t.matchExpressions ?? []), ...expressions] }));
    pod(o).affinity = { ...affinity, nodeAffinity: { ...affinity.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { ...required, nodeSelectorTerms: terms } } };
  },
  /** The operator's budget: the pod labels as labels and selector, owned by the Deployment, no unhealthyPodEvictionPolicy. */
  operatorPodDisruptionBudget: (o) => {
    const pdb = o.podDisruptionBudget;
    if (pdb === undefined) return;
    const podLabels = { ...o.deployment.spec.template.metadata.labels };
    pdb.metadata.labels = podLabels;
    pdb.metadata.ownerReferences = [{
      apiVersion: 'apps/v1', kind: 'Deployment', name: o.deployment.metadata.name,
      uid: '00000000-0000-0000-0000-000000000000', controller: true, blockOwnerDeletion: true,
    }];
    pdb.spec = {
      selector: { matchLabels: { ...podLabels } },
      ...(pdb.spec.minAvailable !== undefined ? { minAvailable: pdb.spec.minAvailable } : { maxUnavailable: pdb.spec.maxUnavailable }),
    };
  },
};

/** The standalone objects with every documented difference applied. */
export function normalized(standalone: Manifest[]): ApiServerObjects {
  const objects = standaloneApiServer(standalone);
  for (const normalize of Object.values(NORMALIZATIONS)) {
    normalize(objects);
  }
  if (objects.podDisruptionBudget === undefined) {
    delete objects.podDisruptionBudget;
  }
  return objects;
}
