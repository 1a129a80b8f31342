/**
 * The API server's command line: the operator's flags, merged with ours and the user's, rendered in a
 * stable order.
 *
 * Flags are kept as a map from flag name (without the leading `--`) to value, so that a later layer
 * overrides an earlier one and a flag never appears twice. The command is rendered sorted by flag
 * name, always (the operator sorts only once extraArgs are set): adding one extra argument never
 * reorders the rest, which keeps GitOps diffs small.
 */
import { APISERVER_BINARY, CERT_DIR, SECURE_PORT } from './layout';
import type { Flags } from './types';

/** A set of flags: flag name without `--` → value. */
export type FlagMap = Record<string, string>;

/** What the operator's flags depend on. */
export interface OperatorFlagInput {
  readonly serviceSubnet: string;
  readonly clusterDomain: string;
}

/** The flags the Karmada operator passes, in substance (etcd flags come from the etcd wiring). */
export function operatorFlags(input: OperatorFlagInput): FlagMap {
  return {
    'allow-privileged': 'true',
    'authorization-mode': 'Node,RBAC',
    'client-ca-file': `${CERT_DIR}/ca.crt`,
    'disable-admission-plugins': 'StorageObjectInUseProtection,ServiceAccount',
    'enable-admission-plugins': 'NodeRestriction',
    'enable-bootstrap-token-auth': 'true',
    'bind-address': '0.0.0.0',
    'secure-port': String(SECURE_PORT),
    'service-account-issuer': `https://kubernetes.default.svc.${input.clusterDomain}`,
    'service-account-key-file': `${CERT_DIR}/karmada.key`,
    'service-account-signing-key-file': `${CERT_DIR}/karmada.key`,
    'service-cluster-ip-range': input.serviceSubnet,
    'proxy-client-cert-file': `${CERT_DIR}/front-proxy-client.crt`,
    'proxy-client-key-file': `${CERT_DIR}/front-proxy-client.key`,
    'requestheader-allowed-names': 'front-proxy-client',
    'requestheader-client-ca-file': `${CERT_DIR}/front-proxy-ca.crt`,
    'requestheader-extra-headers-prefix': 'X-Remote-Extra-',
    'requestheader-group-headers': 'X-Remote-Group',
    'requestheader-username-headers': 'X-Remote-User',
    'tls-cert-file': `${CERT_DIR}/apiserver.crt`,
    'tls-private-key-file': `${CERT_DIR}/apiserver.key`,
    'tls-min-version': 'VersionTLS13',
    'max-requests-inflight': '1500',
    'max-mutating-requests-inflight': '500',
    'v': '2',
  };
}

/** Renders `--feature-gates` from a map of gate → enabled, sorted by gate name. */
export function featureGatesFlag(gates: Record<string, boolean>): FlagMap {
  const names = Object.keys(gates).sort();
  if (names.length === 0) {
    return {};
  }
  return { 'feature-gates': names.map((n) => `${n}=${gates[n]}`).join(',') };
}

/** Lays flag maps over the flags, in place: a later layer overrides an earlier one. */
export function addFlags(flags: Flags, ...layers: FlagMap[]): void {
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer)) {
      flags.set(name, value);
    }
  }
}

/** The container command: the binary, then every flag as `--name=value`, sorted by name. */
export function renderCommand(flags: ReadonlyMap<string, string>): string[] {
  const names = [...flags.keys()].sort();
  return [APISERVER_BINARY, ...names.map((name) => `--${name}=${flags.get(name)}`)];
}
