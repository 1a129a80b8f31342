/**
 * Names and labels, as the Karmada operator derives them from the instance name.
 *
 * The operator's rule: an instance whose name already contains "karmada" gets
 * `<instance>-<suffix>`, any other gets `<instance>-karmada-<suffix>`.
 */
import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SECURE_PORT } from './layout';

/** The label keys the operator puts on every API server object. */
export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_INSTANCE = 'app.kubernetes.io/instance';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';

/** The value of `app.kubernetes.io/name` for the API server. */
export const APISERVER_APP_NAME = 'karmada-apiserver';

/** Who we say manages the objects (the operator says `karmada-operator`). */
export const MANAGED_BY = 'cdk8s-karmada';

/** The cluster DNS domain when none is given. */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/**
 * The namespace of an object or construct: the one given, else its chart's, else `default` (as
 * cdk8s leaves it to kubectl).
 */
export function namespaceOf(scope: IConstruct, given: string | undefined): string {
  return given ?? Chart.of(scope).namespace ?? 'default';
}

/** The in-cluster URL of an instance's API server: `https://<service>.<namespace>.svc.<domain>:5443`. */
export function apiServerUrl(instanceName: string, namespace: string, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string {
  return `https://${componentNames(instanceName).apiServer}.${namespace}.svc.${clusterDomain}:${SECURE_PORT}`;
}

/** Applies the operator's naming rule. */
export function componentName(instanceName: string, suffix: string): string {
  return instanceName.includes('karmada')
    ? `${instanceName}-${suffix}`
    : `${instanceName}-karmada-${suffix}`;
}

/** Every name the construct derives from the instance name. */
export interface ComponentNames {
  /** Deployment, Service and PodDisruptionBudget. */
  readonly apiServer: string;
  /** The ConfigMap of configuration files. */
  readonly configMap: string;
  /** The NetworkPolicy. */
  readonly networkPolicy: string;
  /** The Secret with the API server's certificates. */
  readonly certSecret: string;
  /** The Secret with the etcd client certificate (local etcd). */
  readonly etcdCertSecret: string;
  /** The Service of the operator-style local etcd. */
  readonly etcdClientService: string;
}

export function componentNames(instanceName: string): ComponentNames {
  const apiServer = componentName(instanceName, 'apiserver');
  return {
    apiServer,
    configMap: `${apiServer}-config`,
    networkPolicy: apiServer,
    certSecret: componentName(instanceName, 'cert'),
    etcdCertSecret: componentName(instanceName, 'etcd-cert'),
    etcdClientService: componentName(instanceName, 'etcd-client'),
  };
}

/** The labels that select the API server pods: stable, never user-controlled. */
export function selectorLabels(instanceName: string): Record<string, string> {
  return { [LABEL_NAME]: APISERVER_APP_NAME, [LABEL_INSTANCE]: instanceName };
}

/** The labels on every object: the selector labels, `managed-by`, then the user's (which may not override ours). */
export function objectLabels(instanceName: string, userLabels: Record<string, string> = {}): Record<string, string> {
  return { ...userLabels, ...selectorLabels(instanceName), [LABEL_MANAGED_BY]: MANAGED_BY };
}
