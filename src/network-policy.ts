/**
 * An optional NetworkPolicy that admits clients to the API server pods on the secure port only.
 */
import { k8s } from 'cdk8s-plus-28';
import { SECURE_PORT } from './flags';
import type { ApiServerModel, ModelDraft } from './model';
import { selectorLabels } from './naming';
import { Problems } from './problems';

/** Options of the API server's NetworkPolicy. */
export interface ApiServerNetworkPolicyOptions {
  /**
   * Who may reach the API server on its secure port: pods, namespaces or IP blocks. Every other
   * port of the pods (a sidecar's metrics port, say) admits no one.
   *
   * An empty list is refused: Kubernetes reads `from: []` as "from everywhere".
   *
   * @default - every source, on the secure port only
   */
  readonly allowFrom?: k8s.NetworkPolicyPeer[];
}

/** The NetworkPolicy options, as the model takes them. @internal */
export interface NetworkPolicyInput {
  readonly allowFrom?: k8s.NetworkPolicyPeer[];
}

/** The NetworkPolicy: ingress to the API server pods only on TCP 5443, from the given peers. */
export function networkPolicySpec(instanceName: string, options: NetworkPolicyInput): k8s.NetworkPolicySpec {
  return {
    podSelector: { matchLabels: selectorLabels(instanceName) },
    policyTypes: ['Ingress'],
    ingress: [{
      from: options.allowFrom,
      ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(SECURE_PORT) }],
    }],
  };
}

/** Adds the NetworkPolicy when asked for. */
export function networkPolicyStep(draft: ModelDraft): void {
  const options = draft.input.networkPolicy;
  if (options) {
    draft.networkPolicy = networkPolicySpec(draft.input.instanceName, options);
  }
}

/** An empty `allowFrom` would admit everyone, the opposite of what it says. */
export function checkNetworkPolicy(model: ApiServerModel, problems: Problems): void {
  const from = model.input.networkPolicy?.allowFrom;
  if (from !== undefined && from.length === 0) {
    problems.add('networkPolicy.allowFrom',
      'the list is empty, and Kubernetes reads an empty "from" as "from everywhere"',
      'list the pods, namespaces or IP blocks that may connect, or remove allowFrom to admit every source on the secure port');
  }
}
