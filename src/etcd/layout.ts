/**
 * Where things live in the etcd pod: ports, directories, file and volume names. The flags, the
 * volumes and the certificates all read them from here, so a path is written once.
 */

/** The client port (TLS, client certificates required). */
export const CLIENT_PORT = 2379;
/** The peer port (TLS between members). The operator names this port `server`. */
export const PEER_PORT = 2380;
/** The metrics and health port: plain HTTP, no client certificate, for the probes. */
export const METRICS_PORT = 2381;

export const CLIENT_PORT_NAME = 'client';
export const PEER_PORT_NAME = 'server';
export const METRICS_PORT_NAME = 'metrics';

/** The etcd container, as the operator names it, and the binary of the registry.k8s.io/etcd image. */
export const ETCD_CONTAINER_NAME = 'etcd';
export const ETCD_BINARY = '/usr/local/bin/etcd';

/** The operator's default image. */
export const DEFAULT_ETCD_IMAGE_REPOSITORY = 'registry.k8s.io/etcd';
export const DEFAULT_ETCD_IMAGE_TAG = '3.6.8-0';

/** Where the etcd certificates are mounted, and the volume's name, as the operator has them. */
export const ETCD_SERVER_CERT_DIR = '/etc/karmada/pki/etcd';
export const ETCD_SERVER_CERT_VOLUME = 'etcd-cert';

/** The files in ETCD_SERVER_CERT_DIR that the etcd flags name. */
export const ETCD_CA_FILE = 'etcd-ca.crt';
export const ETCD_SERVER_CERT_FILE = 'etcd-server.crt';
export const ETCD_SERVER_KEY_FILE = 'etcd-server.key';
export const ETCD_PEER_CERT_FILE = 'etcd-peer.crt';
export const ETCD_PEER_KEY_FILE = 'etcd-peer.key';

/** The files in the API server's etcd client directory that its `--etcd-*file` flags name. */
export const ETCD_CLIENT_CERT_FILE = 'etcd-client.crt';
export const ETCD_CLIENT_KEY_FILE = 'etcd-client.key';

/** The data volume (an emptyDir, or the claim template) and where it is mounted: etcd's data dir. */
export const ETCD_DATA_VOLUME = 'etcd-data';
export const ETCD_DATA_DIR = '/var/lib/etcd';

/** The environment variable that holds the pod's name, which is the member's name (as the operator names it). */
export const MEMBER_NAME_ENV = 'KARMADA_ETCD_NAME';
