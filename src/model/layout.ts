/**
 * Where things live in the API server pod: ports, directories, volume and port names. The flags,
 * the volumes and the checks all read them from here, so a path is written once.
 */

/** The API server's secure port (the operator's). */
export const SECURE_PORT = 5443;

/** The name of the API server's container port, as the operator names it. */
export const PORT_NAME = 'http';

/** The name of the Service port, as the operator names it. */
export const SERVICE_PORT_NAME = 'client';

/** The binary the API server container runs. */
export const APISERVER_BINARY = 'kube-apiserver';

/** The name of the API server container, as the operator names it. */
export const APISERVER_CONTAINER_NAME = 'kube-apiserver';

/** Where the API server's certificate Secret is mounted. */
export const CERT_DIR = '/etc/karmada/pki';

/** The volume of the API server's certificate Secret. */
export const CERT_VOLUME = 'apiserver-cert';

/** Where the etcd client certificate is mounted in the API server container. */
export const ETCD_CERT_DIR = '/etc/karmada/pki/etcd-client';

/** The volume of the etcd client certificate. */
export const ETCD_CERT_VOLUME = 'etcd-client-cert';

/** Where the ConfigMap of configuration files is mounted (a directory, never a subPath). */
export const CONFIG_DIR = '/etc/karmada/config';

/** The volume of the configuration ConfigMap. */
export const CONFIG_VOLUME = 'apiserver-config';

/** The pod template annotation that carries a checksum of the configuration files. */
export const CONFIG_CHECKSUM_ANNOTATION = 'karmada.io/apiserver-config-checksum';
