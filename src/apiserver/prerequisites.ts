/**
 * What the cluster must already hold for the pods a construct renders: every object a pod names
 * (Secrets, ConfigMaps, ServiceAccounts, claims, PriorityClasses) that no object of the cdk8s app
 * makes. A Secret that a cert-manager Certificate of the app writes counts as made by the app.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { namespaceOf } from '../model/naming';

/** An object the pods need that the app does not make: the cluster must hold it before they start. */
export interface ClusterPrerequisite {
  /** Its kind: `Secret`, `ConfigMap`, `ServiceAccount`, `PersistentVolumeClaim` or `PriorityClass`. */
  readonly kind: string;
  /** Its name. */
  readonly name: string;
  /** Its namespace (none for a PriorityClass). */
  readonly namespace?: string;
  /** Which pod needs it, and for what: `Deployment tenant1-karmada-apiserver: volume apiserver-cert`. */
  readonly neededBy: string;
}

/** PriorityClasses every Kubernetes cluster has. */
const BUILT_IN_PRIORITY_CLASSES = ['system-node-critical', 'system-cluster-critical'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rendered JSON, read field by field with optional chaining
type Json = Record<string, any>;

/** The objects one pod spec names, with what names them. */
function namedBy(podSpec: Json): Array<{ kind: string; name: string; by: string }> {
  const found: Array<{ kind: string; name: string; by: string }> = [];
  for (const volume of podSpec.volumes ?? []) {
    const by = `volume ${volume.name}`;
    if (volume.secret?.secretName && volume.secret.optional !== true) {
      found.push({ kind: 'Secret', name: volume.secret.secretName, by });
    }
    if (volume.configMap?.name && volume.configMap.optional !== true) {
      found.push({ kind: 'ConfigMap', name: volume.configMap.name, by });
    }
    if (volume.persistentVolumeClaim?.claimName) {
      found.push({ kind: 'PersistentVolumeClaim', name: volume.persistentVolumeClaim.claimName, by });
    }
    for (const source of volume.projected?.sources ?? []) {
      if (source.secret?.name && source.secret.optional !== true) {
        found.push({ kind: 'Secret', name: source.secret.name, by });
      }
      if (source.configMap?.name && source.configMap.optional !== true) {
        found.push({ kind: 'ConfigMap', name: source.configMap.name, by });
      }
    }
  }
  for (const container of [...(podSpec.initContainers ?? []), ...(podSpec.containers ?? [])]) {
    const by = `container ${container.name}`;
    for (const env of container.env ?? []) {
      const secret = env.valueFrom?.secretKeyRef;
      const configMap = env.valueFrom?.configMapKeyRef;
      if (secret?.name && secret.optional !== true) {
        found.push({ kind: 'Secret', name: secret.name, by });
      }
      if (configMap?.name && configMap.optional !== true) {
        found.push({ kind: 'ConfigMap', name: configMap.name, by });
      }
    }
    for (const source of container.envFrom ?? []) {
      if (source.secretRef?.name && source.secretRef.optional !== true) {
        found.push({ kind: 'Secret', name: source.secretRef.name, by });
      }
      if (source.configMapRef?.name && source.configMapRef.optional !== true) {
        found.push({ kind: 'ConfigMap', name: source.configMapRef.name, by });
      }
    }
  }
  for (const secret of podSpec.imagePullSecrets ?? []) {
    found.push({ kind: 'Secret', name: secret.name, by: 'imagePullSecrets' });
  }
  if (podSpec.serviceAccountName && podSpec.serviceAccountName !== 'default') {
    found.push({ kind: 'ServiceAccount', name: podSpec.serviceAccountName, by: 'serviceAccountName' });
  }
  if (podSpec.priorityClassName && !BUILT_IN_PRIORITY_CLASSES.includes(podSpec.priorityClassName)) {
    found.push({ kind: 'PriorityClass', name: podSpec.priorityClassName, by: 'priorityClassName' });
  }
  return found;
}

/** `kind/namespace/name` of every object the app makes, and of every Secret its Certificates write. */
function madeByApp(scope: IConstruct): Set<string> {
  const made = new Set<string>();
  for (const construct of scope.node.root.node.findAll()) {
    if (!ApiObject.isApiObject(construct)) {
      continue;
    }
    const namespace = namespaceOf(construct, construct.metadata.namespace);
    made.add(`${construct.kind}/${namespace}/${construct.name}`);
    if (construct.apiVersion === 'cert-manager.io/v1' && construct.kind === 'Certificate') {
      const secretName = (construct.toJson() as Json).spec?.secretName;
      if (typeof secretName === 'string') {
        made.add(`Secret/${namespace}/${secretName}`);
      }
    }
  }
  return made;
}

/**
 * The prerequisites of the pods of these workloads (Deployments and StatefulSets of the app):
 * what their pods name that the app does not make, and the other objects given (the Services a
 * command line dials, say). Claims of a StatefulSet's own claim templates are made by the
 * StatefulSet controller.
 */
export function prerequisitesOf(scope: IConstruct, workloads: readonly ApiObject[], others: readonly ClusterPrerequisite[] = []): ClusterPrerequisite[] {
  const made = madeByApp(scope);
  const found = new Map<string, ClusterPrerequisite>();
  for (const other of others) {
    const key = `${other.kind}/${other.namespace ?? ''}/${other.name}`;
    if (!made.has(key)) {
      found.set(key, other);
    }
  }
  for (const workload of workloads) {
    const json = workload.toJson() as Json;
    const namespace: string = json.metadata?.namespace ?? 'default';
    const claimTemplates = new Set((json.spec?.volumeClaimTemplates ?? []).map((t: Json) => t.metadata?.name));
    for (const ref of namedBy(json.spec?.template?.spec ?? {})) {
      const clusterScoped = ref.kind === 'PriorityClass';
      const key = `${ref.kind}/${clusterScoped ? '' : namespace}/${ref.name}`;
      if (made.has(key) || found.has(key) || (ref.kind === 'PersistentVolumeClaim' && claimTemplates.has(ref.name))) {
        continue;
      }
      found.set(key, { kind: ref.kind, name: ref.name, namespace: clusterScoped ? undefined : namespace, neededBy: `${json.kind} ${json.metadata?.name}: ${ref.by}` });
    }
  }
  return [...found.values()];
}
