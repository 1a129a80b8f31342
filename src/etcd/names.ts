/**
 * The names and labels of the in-cluster etcd, as the operator derives them for its local etcd
 * (operator/pkg/util/naming.go): StatefulSet and headless peer Service `<instance>-etcd`, client
 * Service `<instance>-etcd-client` (with `-karmada-` inserted when the instance name lacks
 * "karmada"), members `<statefulset>-<ordinal>`.
 */
import { LABEL_INSTANCE, LABEL_MANAGED_BY, LABEL_NAME, MANAGED_BY, componentName } from '../model/naming';

/** The value of `app.kubernetes.io/name` on the etcd objects and pods, as the operator sets it. */
export const ETCD_APP_NAME = 'etcd';

/** The names of the etcd objects of an instance. */
export interface EtcdNames {
  /** The StatefulSet, its headless peer Service and its PodDisruptionBudget. */
  readonly statefulSet: string;
  /** The headless Service that gives each member its own DNS name (the StatefulSet's serviceName). */
  readonly peerService: string;
  /** The Service clients (the API server) connect to. */
  readonly clientService: string;
}

export function etcdNames(instanceName: string): EtcdNames {
  const statefulSet = componentName(instanceName, 'etcd');
  return { statefulSet, peerService: statefulSet, clientService: componentName(instanceName, 'etcd-client') };
}

/** The member names: the pod names of the StatefulSet, `<statefulset>-0` onwards. */
export function memberNames(statefulSet: string, replicas: number): string[] {
  return Array.from({ length: replicas }, (_, ordinal) => `${statefulSet}-${ordinal}`);
}

/** The labels that select the etcd pods: stable, never user-controlled. */
export function etcdSelectorLabels(instanceName: string): Record<string, string> {
  return { [LABEL_NAME]: ETCD_APP_NAME, [LABEL_INSTANCE]: instanceName };
}

/** The labels on every etcd object and pod: the user's, then ours (which the user's may not override). */
export function etcdObjectLabels(instanceName: string, userLabels: Record<string, string> = {}): Record<string, string> {
  return { ...userLabels, ...etcdSelectorLabels(instanceName), [LABEL_MANAGED_BY]: MANAGED_BY };
}
