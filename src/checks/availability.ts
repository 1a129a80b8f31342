/**
 * Availability checks: a PodDisruptionBudget must let a pod go, and a topology spread constraint
 * must select the API server pods.
 */
import type { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';

/** The pods a budget lets be evicted at once, or undefined when it cannot be told. */
function allowedDisruptions(spec: k8s.PodDisruptionBudgetSpec, replicas: number): number | undefined {
  // Kubernetes rounds percentages up, for minAvailable and maxUnavailable alike.
  const scaled = (v: k8s.IntOrString): number | undefined => {
    const value: unknown = v.value;
    if (typeof value === 'number') {
      return value;
    }
    const match = /^(\d+)%$/.exec(String(value));
    // Over 100% is invalid, and reported by checkWorkload.
    return match && Number(match[1]) <= 100 ? Math.ceil((Number(match[1]) * replicas) / 100) : undefined;
  };
  if (spec.minAvailable !== undefined) {
    const min = scaled(spec.minAvailable);
    return min === undefined ? undefined : replicas - min;
  }
  return spec.maxUnavailable === undefined ? undefined : scaled(spec.maxUnavailable);
}

/** Does a label selector select pods that carry these labels? */
function selects(selector: k8s.LabelSelector, labels: Record<string, string>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every((e) => {
    const has = e.key in labels;
    switch (e.operator) {
      case 'In': return has && (e.values ?? []).includes(labels[e.key]);
      case 'NotIn': return !has || !(e.values ?? []).includes(labels[e.key]);
      case 'Exists': return has;
      case 'DoesNotExist': return !has;
      default: return false;
    }
  });
  return byLabels && byExpressions;
}

/**
 * A budget must let at least one pod go (else no node holding one can ever be drained). A
 * topology spread constraint must select the API
 * server pods, or it spreads nothing.
 */
export function checkAvailability(model: ApiServerModel, problems: Problems): void {
  const { input } = model;
  const config = input.podDisruptionBudget;
  const pdb = model.podDisruptionBudget;
  // Both set at once is reported by checkWorkload (src/checks/workload.ts).
  // With no replica there is no pod to evict, so no drain to block.
  if (config && pdb && input.replicas > 0 && (config.minAvailable === undefined || config.maxUnavailable === undefined)) {
    const allowed = allowedDisruptions(pdb, input.replicas);
    if (allowed !== undefined && allowed <= 0) {
      const which = config.minAvailable !== undefined ? 'minAvailable' : 'maxUnavailable';
      const value = (config.minAvailable ?? config.maxUnavailable)!.value;
      problems.add(`podDisruptionBudgetConfig.${which}`,
        `${which} ${JSON.stringify(value)} with ${input.replicas} replica(s) lets no pod be evicted, so a node that holds one can never be drained`,
        input.replicas < 2
          ? 'raise replicas to 2 or more, or remove podDisruptionBudgetConfig'
          : `set maxUnavailable to 1 (or minAvailable to ${input.replicas - 1} or less), or remove podDisruptionBudgetConfig to get maxUnavailable 1`);
    }
  }

  const labels = model.objectLabels;
  input.topologySpreadConstraints.forEach((constraint, i) => {
    const field = `topologySpreadConstraints[${i}].labelSelector`;
    if (constraint.labelSelector === undefined) {
      problems.add(field, 'the constraint has no labelSelector, so it counts no pods and spreads nothing',
        `set labelSelector to { matchLabels: ${JSON.stringify(model.selectorLabels)} }`);
    } else if (!selects(constraint.labelSelector, labels)) {
      problems.add(field, 'the labelSelector does not select the API server pods, so it does not spread them',
        `select the pod labels, for example { matchLabels: ${JSON.stringify(model.selectorLabels)} }`);
    }
  });
}
