/**
 * The audit step: audit logging to the container's standard output with a default policy kept in
 * the ConfigMap.
 */
import { addFlags } from './flags';
import { CONFIG_DIR } from './layout';
import type { ModelDraft } from './types';

/**
 * The default audit policy: metadata of every request, nothing of health checks. Request and response
 * bodies are never logged, so Secrets and tokens never reach the audit log.
 */
export const DEFAULT_AUDIT_POLICY = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages:
  - RequestReceived
rules:
  - level: None
    nonResourceURLs:
      - /livez*
      - /readyz*
      - /healthz*
      - /version
  - level: None
    resources:
      - group: ""
        resources:
          - events
  - level: Metadata
`;

/** The file name of the audit policy in the configuration directory. */
export const AUDIT_POLICY_FILE = 'audit-policy.yaml';

/**
 * Audit logging to the container's standard output, as CIS 1.2 asks: the log path, the policy, and
 * the rotation settings the benchmark checks for (they do nothing for stdout, but are set so that a
 * switch to a file path keeps compliant rotation).
 */
export function auditFlags(): Record<string, string> {
  return {
    'audit-log-path': '-',
    'audit-policy-file': `${CONFIG_DIR}/${AUDIT_POLICY_FILE}`,
    'audit-log-maxage': '30',
    'audit-log-maxbackup': '10',
    'audit-log-maxsize': '100',
  };
}

/** Audit logging to stdout with the default policy from the ConfigMap. */
export function auditStep(draft: ModelDraft): void {
  draft.configFiles[AUDIT_POLICY_FILE] = DEFAULT_AUDIT_POLICY;
  addFlags(draft.flags, auditFlags());
}
