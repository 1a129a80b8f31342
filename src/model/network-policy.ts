/**
 * The network policy step: an optional NetworkPolicy that admits clients to the API server pods on
 * the secure port only.
 */
import { k8s } from 'cdk8s-plus-28';
import { SECURE_PORT } from './layout';
import { selectorLabels } from './naming';
import type { ModelDraft } from './types';

/** The NetworkPolicy: ingress to the API server pods only on TCP 5443, from the given peers. */
export function networkPolicySpec(instanceName: string, allowFrom: k8s.NetworkPolicyPeer[] | undefined): k8s.NetworkPolicySpec {
  return {
    podSelector: { matchLabels: selectorLabels(instanceName) },
    policyTypes: ['Ingress'],
    ingress: [{
      from: allowFrom,
      ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(SECURE_PORT) }],
    }],
  };
}

/** Adds the NetworkPolicy when asked for. */
export function networkPolicyStep(draft: ModelDraft): void {
  const options = draft.input.networkPolicy;
  if (options) {
    draft.networkPolicy = networkPolicySpec(draft.input.instanceName, options.allowFrom);
  }
}
