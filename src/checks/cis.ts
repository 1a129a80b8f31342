/**
 * CIS Kubernetes Benchmark, section 1.2 (API server): refuses extraArgs that would break an
 * automated check. Our own flags meet every check. (Flags kube-apiserver no longer knows, such as
 * --insecure-port, are unknown flags to the flag checks.)
 */
import { goParseBool } from '../kube-apiserver/go';
import type { ApiServerModel } from '../model/types';
import { Problems, keyField } from '../problems';

/** Flags CIS 1.2 requires to name a file; an empty value would drop the setting. */
const REQUIRED_FILE_FLAGS: readonly string[] = [
  'client-ca-file', 'etcd-cafile', 'etcd-certfile', 'etcd-keyfile', 'kubelet-certificate-authority',
  'kubelet-client-certificate', 'kubelet-client-key', 'service-account-key-file', 'tls-cert-file',
  'tls-private-key-file', 'audit-log-path',
];

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** A rule on one flag's final value: the problem (message and fix) if the value breaks it. */
interface FlagRule {
  readonly flag: string;
  readonly test: (value: string | undefined) => { message: string; fix: string } | undefined;
}

function atLeast(flag: string, min: number, check: string): FlagRule {
  return {
    flag,
    test: (v) => v !== undefined && !(Number(v) >= min)
      ? { message: `"${v}" is not ${min} or more, which CIS ${check} requires`, fix: `set it to ${min} or more, or remove it (${min} is the default here)` }
      : undefined,
  };
}

const RULES: readonly FlagRule[] = [
  {
    flag: 'authorization-mode',
    test: (v) => {
      const modes = list(v);
      if (modes.includes('AlwaysAllow')) {
        return { message: 'AlwaysAllow lets every request through (CIS 1.2.6)', fix: 'remove AlwaysAllow; keep Node,RBAC (the default)' };
      }
      const missing = ['Node', 'RBAC'].filter((m) => !modes.includes(m));
      return missing.length > 0
        ? { message: `"${v}" lacks ${missing.join(' and ')}, which CIS 1.2.7 and 1.2.8 require`, fix: 'include Node and RBAC, or remove it (Node,RBAC is the default)' }
        : undefined;
    },
  },
  {
    flag: 'anonymous-auth',
    test: (v) => v !== undefined && goParseBool(v) === false ? {
      message: 'anonymous-auth=false makes the kubelet\'s probes (which send no credentials) fail with 401, so the pods never become ready and are restarted forever',
      fix: 'remove it: anonymous requests keep only the rights RBAC gives system:unauthenticated (health and version paths); on Kubernetes 1.32 or later, limit anonymous access to /livez and /readyz with an --authentication-config file instead',
    } : undefined,
  },
  {
    flag: 'token-auth-file',
    test: (v) => v === undefined ? undefined : {
      message: 'static token files hold long-lived plain-text credentials (CIS 1.2.2)',
      fix: 'remove it; use client certificates, bootstrap tokens or OIDC',
    },
  },
  {
    flag: 'enable-admission-plugins',
    test: (v) => {
      const plugins = list(v);
      if (plugins.includes('AlwaysAdmit')) {
        return { message: 'AlwaysAdmit admits every request unchecked (CIS 1.2.10)', fix: 'remove AlwaysAdmit' };
      }
      return v !== undefined && !plugins.includes('NodeRestriction')
        ? { message: `"${v}" lacks NodeRestriction, which CIS 1.2.14 requires`, fix: 'include NodeRestriction in the list' }
        : undefined;
    },
  },
  {
    flag: 'disable-admission-plugins',
    test: (v) => list(v).includes('NamespaceLifecycle')
      ? { message: 'disabling NamespaceLifecycle lets objects be created in missing or terminating namespaces (CIS 1.2.13)', fix: 'remove NamespaceLifecycle from the list' }
      : undefined,
  },
  {
    flag: 'profiling',
    test: (v) => v === undefined || goParseBool(v) !== false
      ? { message: `"${v}" exposes the profiling endpoints (CIS 1.2.15)`, fix: 'remove it (false is the default here)' }
      : undefined,
  },
  {
    flag: 'service-account-lookup',
    test: (v) => v !== undefined && goParseBool(v) !== true
      ? { message: `"${v}" accepts tokens of deleted service accounts (CIS 1.2.21)`, fix: 'remove it (true is the default here)' }
      : undefined,
  },
  {
    flag: 'service-account-extend-token-expiration',
    test: (v) => v === undefined || goParseBool(v) !== false
      ? { message: `"${v}" lets projected tokens live a year instead of their requested lifetime (CIS 1.2.30)`, fix: 'remove it (false is the default here)' }
      : undefined,
  },
  atLeast('audit-log-maxage', 30, '1.2.17'),
  atLeast('audit-log-maxbackup', 10, '1.2.18'),
  atLeast('audit-log-maxsize', 100, '1.2.19'),
  {
    flag: 'tls-min-version',
    test: (v) => v === 'VersionTLS10' || v === 'VersionTLS11'
      ? { message: `${v} allows broken TLS versions`, fix: 'remove it (VersionTLS13 is the default here), or set VersionTLS12' }
      : undefined,
  },
  {
    flag: 'audit-policy-file',
    test: (v) => v !== undefined && v.trim() === ''
      ? { message: 'it is empty, and without a policy the API server writes no audit events (CIS 1.2.16 to 1.2.19 then audit nothing)', fix: 'remove extraArgs.audit-policy-file to keep the default policy, or name a policy file' }
      : undefined,
  },
  ...REQUIRED_FILE_FLAGS.map((flag): FlagRule => ({
    flag,
    test: (v) => v !== undefined && v.trim() === ''
      ? { message: 'it is empty, which turns the setting off; CIS 1.2 requires it', fix: `remove extraArgs.${flag} to keep the default, or name a file` }
      : undefined,
  })),
];

/**
 * Refuses extraArgs that break an automated CIS 1.2 check or that kube-apiserver no longer accepts.
 * Our own flags meet every check; a test makes sure of it.
 */
export function checkCisFlags(model: ApiServerModel, problems: Problems): void {
  for (const rule of RULES) {
    const key = model.userFlagKeys.get(rule.flag);
    // A flag the flag checks refused (an unparsable value, say) needs no CIS verdict.
    if (key === undefined || problems.has(keyField('extraArgs', key))) {
      continue;
    }
    const problem = rule.test(model.flags.get(rule.flag));
    if (problem) {
      problems.add(keyField('extraArgs', key), problem.message, problem.fix);
    }
  }
}
