/**
 * High availability of the API server pods: a PodDisruptionBudget, spreading across nodes, and an
 * update strategy that works with both; plus the nodeSelector and topologySpreadConstraints props.
 */
import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel, ModelDraft } from './model';
import { selectorLabels } from './naming';
import { Problems } from './problems';

/** The node label that spreading works on. */
export const HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';

/** How many pods may be down at once by default, with two replicas or more. */
const DEFAULT_MAX_UNAVAILABLE = 1;

/**
 * The PodDisruptionBudget: the user's settings, else `maxUnavailable: 1` when there are two replicas
 * or more. `unhealthyPodEvictionPolicy: AlwaysAllow` lets a node drain evict pods that are not ready
 * anyway, so a crash-looping pod never blocks maintenance.
 */
export function podDisruptionBudgetSpec(draft: ModelDraft): k8s.PodDisruptionBudgetSpec | undefined {
  const { input } = draft;
  const config = input.podDisruptionBudget;
  if (!config && input.replicas < 2) {
    return undefined;
  }
  const neither = config?.minAvailable === undefined && config?.maxUnavailable === undefined;
  return {
    minAvailable: config?.minAvailable,
    maxUnavailable: neither ? k8s.IntOrString.fromNumber(DEFAULT_MAX_UNAVAILABLE) : config?.maxUnavailable,
    selector: { matchLabels: selectorLabels(input.instanceName) },
    unhealthyPodEvictionPolicy: 'AlwaysAllow',
  };
}

/**
 * Our pod anti-affinity: no two API server pods on one node (the operator's intent, which its
 * template drops). Added with two replicas or more, unless the user spreads the pods their own way
 * (a podAntiAffinity in `affinity`, or `topologySpreadConstraints`). The user's nodeAffinity and
 * podAffinity are kept.
 */
export function spreadAffinity(draft: ModelDraft): k8s.Affinity | undefined {
  const { input } = draft;
  const user = input.affinity;
  if (input.replicas < 2 || user?.podAntiAffinity !== undefined || input.topologySpreadConstraints.length > 0) {
    return user;
  }
  return {
    ...user,
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{
        labelSelector: { matchLabels: selectorLabels(input.instanceName) },
        topologyKey: HOSTNAME_TOPOLOGY_KEY,
      }],
    },
  };
}

/**
 * With two replicas or more, roll one pod at a time without a surge pod: with a required
 * anti-affinity and as many nodes as replicas, a surge pod would find no node and stall the rollout.
 */
export function deploymentStrategy(draft: ModelDraft): k8s.DeploymentStrategy | undefined {
  if (draft.input.replicas < 2) {
    return undefined;
  }
  return {
    type: 'RollingUpdate',
    rollingUpdate: { maxSurge: k8s.IntOrString.fromNumber(0), maxUnavailable: k8s.IntOrString.fromNumber(DEFAULT_MAX_UNAVAILABLE) },
  };
}

/** The availability step: budget, spreading, strategy, nodeSelector and topologySpreadConstraints. */
export function availabilityStep(draft: ModelDraft): void {
  const { input } = draft;
  draft.podDisruptionBudget = podDisruptionBudgetSpec(draft);
  draft.deploymentStrategy = deploymentStrategy(draft);
  draft.podFields.affinity = spreadAffinity(draft);
  draft.podFields.nodeSelector = Object.keys(input.nodeSelector).length > 0 ? input.nodeSelector : undefined;
  draft.podFields.topologySpreadConstraints = input.topologySpreadConstraints.length > 0 ? input.topologySpreadConstraints : undefined;
}

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
