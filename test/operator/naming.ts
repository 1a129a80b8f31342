/**
 * Names of what the operator creates for a Karmada instance, after operator/pkg/util/naming.go
 * (karmada-io/karmada@f8fdd02).
 */

/**
 * `<instance>-<suffix>` when the instance name contains "karmada" anywhere (not only as a word:
 * "mykarmada2" counts), else `<instance>-karmada-<suffix>`.
 */
export function resourceName(instance: string, suffix: string): string {
  return instance.includes('karmada') ? `${instance}-${suffix}` : `${instance}-karmada-${suffix}`;
}

/** Deployment, Service and PodDisruptionBudget of the API server. */
export const apiServerName = (instance: string) => resourceName(instance, 'apiserver');
/** The Secret with every certificate and key the operator issues (all CAs' keys included). */
export const certSecretName = (instance: string) => resourceName(instance, 'cert');
/** The Secret of the etcd CA, server and client pairs; external etcd must use this name too. */
export const etcdCertSecretName = (instance: string) => resourceName(instance, 'etcd-cert');
/** The local etcd's StatefulSet and its headless peer Service. */
export const etcdName = (instance: string) => resourceName(instance, 'etcd');
/** The local etcd's client Service. */
export const etcdClientName = (instance: string) => resourceName(instance, 'etcd-client');
/** The Secret with the admin kubeconfig. */
export const adminConfigSecretName = (instance: string) => resourceName(instance, 'admin-config');
/** The webhook's serving pair (a copy of karmada.crt/karmada.key as tls.crt/tls.key). */
export const webhookCertSecretName = (instance: string) => resourceName(instance, 'webhook-cert');
