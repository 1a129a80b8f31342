/**
 * How the operator points the API server at etcd (operator/pkg/controlplane/etcd/util.go,
 * ConfigureClientCredentials, at karmada-io/karmada@f8fdd02): four flags after the template's,
 * a read-only mount and a Secret volume.
 */
import { etcdCertSecretName, etcdClientName } from './naming';
import type { Etcd, RenderedDeployment } from './types';

/** Where the etcd client Secret is mounted (constants.EtcdClientCredentialsMountPath). */
export const ETCD_CLIENT_MOUNT_PATH = '/etc/karmada/pki/etcd-client';
/** The volume's name (constants.EtcdClientCredentialsVolumeName). */
export const ETCD_CLIENT_VOLUME = 'etcd-client-cert';
/** The local etcd's client port (constants.EtcdListenClientPort). */
export const ETCD_CLIENT_PORT = 2379;

/** The etcd flags and the client Secret's name, for a local or an external etcd. */
export function etcdClientWiring(etcd: Etcd, instance: string, namespace: string): { args: string[]; secretName: string } {
  const dir = ETCD_CLIENT_MOUNT_PATH;
  if (etcd.external === undefined) {
    // The key names of the operator's own etcd Secret. `cluster.local` is fixed here: the
    // hostCluster.networking.dnsDomain setting is never read.
    return {
      args: [
        `--etcd-cafile=${dir}/etcd-ca.crt`,
        `--etcd-certfile=${dir}/etcd-client.crt`,
        `--etcd-keyfile=${dir}/etcd-client.key`,
        `--etcd-servers=https://${etcdClientName(instance)}.${namespace}.svc.cluster.local:${ETCD_CLIENT_PORT}`,
      ],
      secretName: etcdCertSecretName(instance),
    };
  }
  // An external etcd's Secret holds the usual ca.crt, tls.crt and tls.key.
  return {
    args: [
      `--etcd-cafile=${dir}/ca.crt`,
      `--etcd-certfile=${dir}/tls.crt`,
      `--etcd-keyfile=${dir}/tls.key`,
      `--etcd-servers=${etcd.external.endpoints.join(',')}`,
    ],
    secretName: etcd.external.secretRef?.name ?? '',
  };
}

/** ConfigureClientCredentials, on a copy: the flags, mount and volume go after the template's. */
export function configureClientCredentials(deployment: RenderedDeployment, etcd: Etcd, instance: string, namespace: string): RenderedDeployment {
  const d: RenderedDeployment = structuredClone(deployment);
  const { args, secretName } = etcdClientWiring(etcd, instance, namespace);
  const main = d.spec.template.spec.containers[0];
  main.command = [...(main.command ?? []), ...args];
  main.volumeMounts = [...(main.volumeMounts ?? []), { name: ETCD_CLIENT_VOLUME, mountPath: ETCD_CLIENT_MOUNT_PATH, readOnly: true }];
  d.spec.template.spec.volumes.push({ name: ETCD_CLIENT_VOLUME, secret: { secretName } });
  return d;
}
