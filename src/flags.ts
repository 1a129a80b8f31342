/**
 * The API server's command line: the operator's flags, merged with ours and the user's, rendered in a
 * stable order.
 *
 * Flags are kept as a map from flag name (without the leading `--`) to value, so that a later layer
 * overrides an earlier one and a flag never appears twice. The command is rendered sorted by flag
 * name, always (the operator sorts only once extraArgs are set): adding one extra argument never
 * reorders the rest, which keeps GitOps diffs small.
 */

/** Where the API server's certificate Secret is mounted. */
export const CERT_DIR = '/etc/karmada/pki';

/** The API server's secure port (the operator's). */
export const SECURE_PORT = 5443;

/** The binary the container runs. */
export const APISERVER_BINARY = 'kube-apiserver';

/** A set of flags: flag name without `--` → value. */
export type FlagMap = Record<string, string>;

/**
 * The flags of an API server, as they are gathered: a Map, since some 45 flags are added one by
 * one (an object that many keys are added to goes into V8's slow dictionary mode).
 */
export type Flags = Map<string, string>;

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

/**
 * Lays flag maps over the flags, in place: a step adds its concern without copying the flags the
 * earlier steps set.
 */
export function addFlags(flags: Flags, ...layers: FlagMap[]): void {
  for (const layer of layers) {
    for (const name of Object.keys(layer)) {
      flags.set(name, layer[name]);
    }
  }
}

/**
 * The text of recent flags, by name then value: API servers of one app mostly pass the same flags,
 * so their commands share these strings instead of each holding copies. A name keeps at most
 * `FLAG_TEXTS_PER_NAME` values (flags whose value differs per API server, such as the etcd
 * servers, are then made afresh).
 */
const FLAG_TEXTS = new Map<string, Map<string, string>>();
const FLAG_TEXTS_PER_NAME = 8;

/** `--name=value`. */
function flagText(name: string, value: string): string {
  let texts = FLAG_TEXTS.get(name);
  if (texts === undefined) {
    texts = new Map();
    FLAG_TEXTS.set(name, texts);
  }
  let text = texts.get(value);
  if (text === undefined) {
    text = `--${name}=${value}`;
    if (texts.size < FLAG_TEXTS_PER_NAME) {
      texts.set(value, text);
    }
  }
  return text;
}

/** The container command: the binary, then every flag as `--name=value`, sorted by name. */
export function renderCommand(flags: ReadonlyMap<string, string>): string[] {
  const command = [APISERVER_BINARY];
  for (const name of Array.from(flags.keys()).sort()) {
    command.push(flagText(name, flags.get(name)!));
  }
  return command;
}
