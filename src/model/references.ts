/**
 * The objects the API server pod refers to by name: the Secrets, ConfigMaps and claims of its
 * volumes, those its sidecars read variables from, the etcd Service and the PriorityClass. Each
 * must exist on the cluster (made by this app or already there) before the pod can start.
 */
import type { k8s } from 'cdk8s-plus-28';
import { CERT_VOLUME, CONFIG_VOLUME, ETCD_CERT_VOLUME } from './layout';
import type { ApiServerModel } from './types';

/** An object the pod refers to by name, and the prop the name comes from. */
export interface Reference {
  readonly kind: 'Secret' | 'ConfigMap' | 'PersistentVolumeClaim' | 'Service' | 'PriorityClass' | 'ServiceAccount';
  readonly name: string;
  /** The prop or field that names it (`extraVolumes[0].secret.secretName`, say). */
  readonly field: string;
  /** The object is optional (an `optional: true` reference): the pod starts without it. */
  readonly optional: boolean;
  /** The name is the construct's default, derived from the instance name (not given by the user). */
  readonly derived?: boolean;
}

/** The references of one volume, at `field`. */
function volumeReferences(volume: k8s.Volume, field: string): Reference[] {
  const found: Reference[] = [];
  if (volume.secret?.secretName !== undefined) {
    found.push({ kind: 'Secret', name: volume.secret.secretName, field: `${field}.secret.secretName`, optional: volume.secret.optional === true });
  }
  if (volume.configMap?.name !== undefined) {
    found.push({ kind: 'ConfigMap', name: volume.configMap.name, field: `${field}.configMap.name`, optional: volume.configMap.optional === true });
  }
  if (volume.persistentVolumeClaim !== undefined) {
    found.push({ kind: 'PersistentVolumeClaim', name: volume.persistentVolumeClaim.claimName, field: `${field}.persistentVolumeClaim.claimName`, optional: false });
  }
  (volume.projected?.sources ?? []).forEach((source, i) => {
    if (source.secret?.name !== undefined) {
      found.push({ kind: 'Secret', name: source.secret.name, field: `${field}.projected.sources[${i}].secret.name`, optional: source.secret.optional === true });
    }
    if (source.configMap?.name !== undefined) {
      found.push({ kind: 'ConfigMap', name: source.configMap.name, field: `${field}.projected.sources[${i}].configMap.name`, optional: source.configMap.optional === true });
    }
  });
  return found;
}

/** The references of one container's variables, at `field`. */
function containerReferences(container: k8s.Container, field: string): Reference[] {
  const found: Reference[] = [];
  (container.env ?? []).forEach((env, i) => {
    const from = env.valueFrom;
    if (from?.secretKeyRef?.name !== undefined) {
      found.push({ kind: 'Secret', name: from.secretKeyRef.name, field: `${field}.env[${i}].valueFrom.secretKeyRef.name`, optional: from.secretKeyRef.optional === true });
    }
    if (from?.configMapKeyRef?.name !== undefined) {
      found.push({ kind: 'ConfigMap', name: from.configMapKeyRef.name, field: `${field}.env[${i}].valueFrom.configMapKeyRef.name`, optional: from.configMapKeyRef.optional === true });
    }
  });
  (container.envFrom ?? []).forEach((source, i) => {
    if (source.secretRef?.name !== undefined) {
      found.push({ kind: 'Secret', name: source.secretRef.name, field: `${field}.envFrom[${i}].secretRef.name`, optional: source.secretRef.optional === true });
    }
    if (source.configMapRef?.name !== undefined) {
      found.push({ kind: 'ConfigMap', name: source.configMapRef.name, field: `${field}.envFrom[${i}].configMapRef.name`, optional: source.configMapRef.optional === true });
    }
  });
  return found;
}

/** The prop that names one of the construct's own volumes. */
function ownVolumeField(name: string): string {
  switch (name) {
    case CERT_VOLUME: return 'certificateSecretName';
    case ETCD_CERT_VOLUME: return 'etcd.clientCertSecretName';
    case CONFIG_VOLUME: return 'instanceName';
    default: return 'encryption.secretName';
  }
}

/** Every object the API server pod refers to, in the order the pod names them. */
export function referencesOf(model: ApiServerModel): Reference[] {
  const { input } = model;
  const volumes = model.podSpec.volumes ?? [];
  const ours = volumes.length - input.extraVolumes.length;
  const defaults = new Set(Object.values(model.names));
  const found = volumes.flatMap((volume, i) => {
    const refs = volumeReferences(volume, i >= ours ? `extraVolumes[${i - ours}]` : '');
    // The construct's own volumes are named after the prop that chose the name.
    return i >= ours ? refs : refs.map((ref) => ({ ...ref, field: ownVolumeField(volume.name), derived: defaults.has(ref.name) }));
  });
  for (const sidecar of model.sidecars) {
    found.push(...containerReferences(sidecar.container, sidecar.field));
  }
  found.push(...model.etcd.services.map((name) => ({ kind: 'Service' as const, name, field: 'etcd.serviceName', optional: false, derived: defaults.has(name) })));
  input.imagePullSecrets.forEach((name, i) => found.push({ kind: 'Secret', name, field: `imagePullSecrets[${i}]`, optional: false }));
  const account = model.podSpec.serviceAccountName;
  if (account !== undefined) {
    found.push({ kind: 'ServiceAccount', name: account, field: 'serviceAccount', optional: false });
  }
  found.push({ kind: 'PriorityClass', name: input.priorityClassName, field: 'priorityClassName', optional: false });
  return found;
}
