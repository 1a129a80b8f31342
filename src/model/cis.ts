/**
 * CIS Kubernetes Benchmark, section 1.2 (API server), automated checks.
 *
 * The operator's flags already meet most of them (RBAC and Node authorization, TLS, etcd TLS,
 * NodeRestriction) and audit logging comes from `audit.ts`. This step adds the rest; the check
 * (src/checks/cis.ts) refuses extraArgs that would break a check.
 */
import { FlagMap, addFlags } from './flags';
import { CERT_DIR } from './layout';
import type { ModelDraft } from './types';

/**
 * The flags CIS 1.2 asks for that the operator does not set.
 *
 * Karmada has no nodes, so its API server never calls a kubelet; the kubelet client flags point at
 * the API server's own certificate and the Karmada CA only so that any kubelet connection would be
 * authenticated and verified (CIS 1.2.4, 1.2.5).
 */
export function cisFlags(): FlagMap {
  return {
    'profiling': 'false',
    'service-account-extend-token-expiration': 'false',
    'service-account-lookup': 'true',
    'kubelet-client-certificate': `${CERT_DIR}/apiserver.crt`,
    'kubelet-client-key': `${CERT_DIR}/apiserver.key`,
    'kubelet-certificate-authority': `${CERT_DIR}/ca.crt`,
  };
}

/** Adds the CIS flags (extraArgs are laid over them later, and checked). */
export function cisStep(draft: ModelDraft): void {
  addFlags(draft.flags, cisFlags());
}

