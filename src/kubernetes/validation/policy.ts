/**
 * policy/v1 PodDisruptionBudgets.
 *
 * Rules from kubernetes/kubernetes pkg/apis/policy/validation/validation.go (the version that
 * defines supportedUnhealthyPodEvictionPolicies; ValidatePodDisruptionBudgetSpec), the int-or-
 * percent rules of pkg/apis/apps/validation/validation.go at
 * 2dd1588c490775be7cd90d0afc59c6dcef07032a, and the generic name rule of
 * staging/src/k8s.io/apiserver/pkg/registry/rest/create.go (a PodDisruptionBudget's name need only
 * be a valid path segment). Restated, not copied.
 */
import { isPercent } from '../grammar';
import { validateLabelSelector, validateObjectMeta } from './meta';
import { q } from '../../problems';
import { JsonObject, Report, objectAt, textAt } from './report';

const UNHEALTHY_POD_EVICTION_POLICIES = ['IfHealthyBudget', 'AlwaysAllow'];

function validateBudget(report: Report, value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) {
      report.add(path, `${value} is not a whole number of zero or more`, 'give a whole number of pods, or a percentage such as "50%"');
    }
  } else if (typeof value === 'string') {
    if (!isPercent(value)) {
      report.add(path, `${q(value)} is not a percentage`, /^[0-9]+$/.test(value) ? `write ${value} as a number, or as "${value}%"` : 'give a percentage such as "50%", or a whole number of pods');
    } else if (Number(value.slice(0, -1)) > 100) {
      report.add(path, `${value} is more than 100%`, 'give at most "100%"');
    }
  } else {
    report.add(path, `${q(value)} is neither a number nor a percentage`, 'give a whole number of pods, or a percentage such as "50%"');
  }
}

/** A policy/v1 PodDisruptionBudget. */
export function validatePodDisruptionBudget(report: Report, budget: JsonObject): void {
  validateObjectMeta(report, objectAt(budget.metadata), 'metadata', 'pathSegment');
  const spec = objectAt(budget.spec) ?? {};
  const hasMin = spec.minAvailable !== undefined && spec.minAvailable !== null;
  const hasMax = spec.maxUnavailable !== undefined && spec.maxUnavailable !== null;
  if (hasMin && hasMax) {
    report.add('spec', 'minAvailable and maxUnavailable cannot both be set', 'keep one of them');
  }
  if (hasMin) validateBudget(report, spec.minAvailable, 'spec.minAvailable');
  if (hasMax) validateBudget(report, spec.maxUnavailable, 'spec.maxUnavailable');
  validateLabelSelector(report, spec.selector, 'spec.selector');
  const policy = textAt(spec.unhealthyPodEvictionPolicy);
  if (policy !== undefined && !UNHEALTHY_POD_EVICTION_POLICIES.includes(policy)) {
    report.add('spec.unhealthyPodEvictionPolicy', `${q(policy)} is not an unhealthy pod eviction policy`, 'use "IfHealthyBudget" or "AlwaysAllow"');
  }
}
