/**
 * High availability of the API server pods: a PodDisruptionBudget, spreading across nodes, and an
 * update strategy that works with both; plus the nodeSelector and topologySpreadConstraints props.
 */
import { k8s } from 'cdk8s-plus-28';
import { selectorLabels } from './naming';
import type { ModelDraft } from './types';

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

