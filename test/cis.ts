/**
 * The automated checks of CIS Kubernetes Benchmark 1.12, section 1.2 (API server), as kube-bench
 * runs them on the API server's command line. Independent of the library on purpose.
 */

function flagsOf(command: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const arg of command) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) flags.set(m[1], m[2] ?? 'true');
  }
  return flags;
}

const has = (value: string | undefined, item: string) => (value ?? '').split(',').includes(item);

/** The ids of the automated CIS 1.2 checks that a kube-apiserver command line fails. */
export function failedCisChecks(command: string[]): string[] {
  const f = flagsOf(command);
  const set = (name: string) => f.has(name);
  const checks: Array<[string, boolean]> = [
    ['1.2.2', !set('token-auth-file')],
    ['1.2.4', set('kubelet-client-certificate') && set('kubelet-client-key')],
    ['1.2.5', set('kubelet-certificate-authority')],
    ['1.2.6', set('authorization-mode') && !has(f.get('authorization-mode'), 'AlwaysAllow')],
    ['1.2.7', has(f.get('authorization-mode'), 'Node')],
    ['1.2.8', has(f.get('authorization-mode'), 'RBAC')],
    ['1.2.10', !has(f.get('enable-admission-plugins'), 'AlwaysAdmit')],
    ['1.2.12', !has(f.get('disable-admission-plugins'), 'ServiceAccount')],
    ['1.2.13', !has(f.get('disable-admission-plugins'), 'NamespaceLifecycle')],
    ['1.2.14', has(f.get('enable-admission-plugins'), 'NodeRestriction')],
    ['1.2.15', f.get('profiling') === 'false'],
    ['1.2.16', set('audit-log-path')],
    ['1.2.17', Number(f.get('audit-log-maxage')) >= 30],
    ['1.2.18', Number(f.get('audit-log-maxbackup')) >= 10],
    ['1.2.19', Number(f.get('audit-log-maxsize')) >= 100],
    ['1.2.21', !set('service-account-lookup') || f.get('service-account-lookup') === 'true'],
    ['1.2.22', set('service-account-key-file')],
    ['1.2.23', set('etcd-certfile') && set('etcd-keyfile')],
    ['1.2.24', set('tls-cert-file') && set('tls-private-key-file')],
    ['1.2.25', set('client-ca-file')],
    ['1.2.26', set('etcd-cafile')],
    ['1.2.30', f.get('service-account-extend-token-expiration') === 'false'],
  ];
  return checks.filter(([, ok]) => !ok).map(([id]) => id);
}
