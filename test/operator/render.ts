/**
 * What the Karmada operator at karmada-io/karmada@f8fdd02 (v1.19.0-rc.0; the API server's rendering
 * is the same in v1.18.x but for the default image tag) creates for
 * `spec.components.karmadaAPIServer` of a Karmada object: the Deployment, the Service and, when
 * `podDisruptionBudgetConfig` is set, the PodDisruptionBudget. A port of the operator's Go code into
 * plain functions, for checking that the Karmada object our construct emits makes the operator
 * render the API server our standalone construct renders.
 *
 * The pipeline, one file per step:
 *   defaults.ts   CRD pruning and defaults, the Go defaulter, the CRD defaults again
 *   validate.ts   the operator's checks (it renders nothing when one fails)
 *   apiserver.ts  the template (template.ts: what html/template and YAML 1.1 do to the values),
 *                 the etcd wiring (etcd.ts), the patcher (patcher.ts), the Service and the PDB
 *   naming.ts     the names
 *
 * What the port does not do:
 * - Values the user gives (sidecars, volumes, mounts, tolerations, affinity, resources) pass
 *   through as JSON. The operator round-trips them through Go types, which drops zero values of
 *   non-pointer fields (`readOnly: false`, `stdin: false`, `""`) and writes quantities in canonical
 *   form (`1000m` → `1`). Compare modulo those.
 * - The API server's own defaults on the created objects (strategy, terminationMessagePath, ...).
 * - What the operator does for the other components, the certificates and the kubeconfigs.
 */
import { apiServerDeployment, apiServerPodDisruptionBudget, apiServerService } from './apiserver';
import { defaultKarmada, DEFAULT_KARMADA_VERSION } from './defaults';
import type { KarmadaObject, RenderedDeployment, RenderedPodDisruptionBudget, RenderedService } from './types';
import { validateKarmada } from './validate';

export { apiServerDeployment, apiServerPodDisruptionBudget, apiServerService, deploymentTemplate, templateFlags, UNKNOWN_UID } from './apiserver';
export { applyCrdDefaults, applyStructuralSchema, CONSTANTS, defaultKarmada, DEFAULT_KARMADA_VERSION, setOperatorDefaults } from './defaults';
export { configureClientCredentials, etcdClientWiring } from './etcd';
export * from './naming';
export { buildArgumentListFromMap, parseArgumentListToMap, patchDeployment } from './patcher';
export type { Patch } from './patcher';
export { htmlEscape, OperatorError, resolvePlainScalar, templatedString, TemplateNotMirrored } from './template';
export * from './types';
export { validateKarmada } from './validate';

/** The operator's checks failed: it sets Ready=False with these messages and renders nothing. */
export class OperatorValidationError extends Error {
  public override readonly name = 'OperatorValidationError';
  constructor(public readonly errors: string[]) {
    super(`the operator rejects this Karmada object:\n  ${errors.join('\n  ')}`);
  }
}

export interface RenderOptions {
  /**
   * The namespace, when the object carries none (the operator installs into the Karmada object's
   * namespace; cdk8s leaves it out unless the chart sets one).
   * @default the object's metadata.namespace
   */
  readonly namespace?: string;
  /**
   * uid of the created Deployment, for the PodDisruptionBudget's owner reference.
   * @default UNKNOWN_UID
   */
  readonly deploymentUid?: string;
  /**
   * The operator's release version (the default tag of the Karmada images; not used by the API
   * server).
   * @default DEFAULT_KARMADA_VERSION
   */
  readonly karmadaVersion?: string;
}

export interface RenderedAPIServer {
  /** The Karmada object as the operator read it: pruned and defaulted. */
  readonly karmada: KarmadaObject;
  readonly deployment: RenderedDeployment;
  readonly service: RenderedService;
  /** Only when podDisruptionBudgetConfig is set (otherwise the operator deletes any it made). */
  readonly podDisruptionBudget?: RenderedPodDisruptionBudget;
}

/**
 * The API server objects the operator creates for a Karmada object (plain JSON, as cdk8s
 * synthesizes it). Pure: the input is not changed.
 *
 * @throws OperatorValidationError when the operator's checks reject the object
 * @throws OperatorError when the operator fails to decode its own template for these values
 * @throws TemplateNotMirrored for values the port does not model (they would break the YAML)
 */
export function renderKarmadaAPIServer(karmada: KarmadaObject, options: RenderOptions = {}): RenderedAPIServer {
  const namespace = karmada.metadata.namespace ?? options.namespace;
  if (!namespace) throw new Error('the Karmada object has no namespace: set metadata.namespace or options.namespace');

  const defaulted = defaultKarmada(karmada, options.karmadaVersion ?? DEFAULT_KARMADA_VERSION);
  const errors = validateKarmada(defaulted);
  if (errors.length > 0) throw new OperatorValidationError(errors);

  const instance = defaulted.metadata.name;
  const components = defaulted.spec!.components!;
  const cfg = components.karmadaAPIServer!;
  const deployment = apiServerDeployment(cfg, components.etcd!, instance, namespace);
  const service = apiServerService(cfg, instance, namespace);
  const pdbConfig = cfg.podDisruptionBudgetConfig;
  const podDisruptionBudget = pdbConfig
    ? apiServerPodDisruptionBudget(instance, namespace, pdbConfig, deployment.spec.template.metadata.labels, options.deploymentUid)
    : undefined;
  return { karmada: defaulted, deployment, service, ...(podDisruptionBudget ? { podDisruptionBudget } : {}) };
}
