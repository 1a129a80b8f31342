/**
 * Kubernetes' server-side validation of the objects this library renders, on their JSON.
 *
 * The OpenAPI schema (checked elsewhere with kubernetes-models) says which fields exist and their
 * types; the API server's validation code says much more: name and label grammars, references
 * between fields, enumerations, ranges. These functions restate that code for the kinds we render,
 * so that an object the API server would refuse is found at synth time.
 *
 * Rules follow Kubernetes 1.33 (the oldest supported) with its default feature gates, which
 * Kubernetes 1.36 also accepts; see docs/kubernetes-validation.md for sources and omissions.
 */
import { validateDeployment, validateStatefulSet } from './apps';
import { validateConfigMap, validateSecret, validateServiceAccount } from './config';
import { validateNetworkPolicy } from './networking';
import { validatePodDisruptionBudget } from './policy';
import { JsonObject, Report, ValidationIssue, textAt } from './report';
import { validateService } from './service';
import { validatePersistentVolumeClaim } from './storage';

export { ValidationIssue } from './report';

/** The validator of each covered kind, by `apiVersion/kind`. */
const VALIDATORS: Record<string, (report: Report, object: JsonObject) => void> = {
  'apps/v1/Deployment': validateDeployment,
  'apps/v1/StatefulSet': validateStatefulSet,
  'v1/Service': validateService,
  'v1/ConfigMap': validateConfigMap,
  'v1/Secret': validateSecret,
  'v1/ServiceAccount': validateServiceAccount,
  'v1/PersistentVolumeClaim': validatePersistentVolumeClaim,
  'policy/v1/PodDisruptionBudget': validatePodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': validateNetworkPolicy,
};

/** The kinds validateObject knows, as `apiVersion/kind`. */
export const VALIDATED_KINDS: readonly string[] = Object.keys(VALIDATORS);

/** Whether validateObject checks objects of this apiVersion and kind. */
export function isValidatedKind(json: Record<string, unknown>): boolean {
  return `${textAt(json.apiVersion)}/${textAt(json.kind)}` in VALIDATORS;
}

/**
 * The reasons the Kubernetes API server would refuse this object, as rendered JSON (JSON field
 * names; IntOrString as number or string; quantities as strings or numbers). Kinds not in
 * VALIDATED_KINDS yield no issues.
 */
export function validateObject(json: Record<string, unknown>): ValidationIssue[] {
  const validator = VALIDATORS[`${textAt(json.apiVersion)}/${textAt(json.kind)}`];
  if (!validator) {
    return [];
  }
  const report = new Report();
  validator(report, json);
  return report.issues;
}
