/**
 * Kubernetes' own validation of the objects the construct renders, with each problem put back on
 * the prop it came from: a rule broken at `spec.template.spec.initContainers[0].env[1].name` of the
 * Deployment is reported at `encryption.providers[0].kms.plugin.container.env[1].name` when that
 * init container is the KMS plugin of the `encryption` prop.
 */
import { validateObject } from '../kubernetes/validation';
import { CERT_VOLUME, ETCD_CERT_VOLUME } from '../model/layout';
import { LABEL_INSTANCE } from '../model/naming';
import type { JsonObject, RenderedObjects } from '../model/objects';
import type { ApiServerModel } from '../model/types';
import { Problem } from '../problems';

/** A rendered object, as cdk8s synthesizes it. */
export interface RenderedObject {
  readonly kind: string;
  readonly json: Record<string, unknown>;
}

/** The objects of an API server, each with its kind, for the checks. */
export function renderedObjectsOf(objects: RenderedObjects): RenderedObject[] {
  return Object.values(objects).filter((json): json is JsonObject => json !== undefined).map((json) => ({ kind: String(json.kind), json }));
}

/**
 * Kubernetes' problems with the objects rendered from the model, each reported once, at the prop
 * it came from, when no problem at that field is known already.
 */
export function newKubernetesProblems(objects: readonly RenderedObject[], model: ApiServerModel, known: readonly Problem[]): Problem[] {
  const reported = new Set(known.map((p) => p.field));
  const found: Problem[] = [];
  for (const problem of kubernetesProblems(objects, model)) {
    // One rule, broken in several objects that share a prop (labels), is reported once.
    if (!reported.has(problem.field)) {
      reported.add(problem.field);
      found.push(problem);
    }
  }
  return found;
}

/** JSON path prefixes of an object, each with the prop it comes from, longest first. */
type Origins = ReadonlyArray<readonly [jsonPath: string, field: string]>;

/** Where the parts of each rendered object come from, in the props. */
function originsOf(kind: string, model: ApiServerModel): Origins {
  const { input } = model;
  // The instance label and every selector derive from the instance name.
  const instanceLabel = `labels.${LABEL_INSTANCE}`;
  const metadata: Array<[string, string]> = [
    ['metadata.name', 'instanceName'],
    ['metadata.namespace', 'namespace'],
    ['metadata.labels', 'labels'],
    [`metadata.${instanceLabel}`, 'instanceName'],
  ];
  switch (kind) {
    case 'Deployment': {
      const pod = 'spec.template.spec';
      const volumes = model.podSpec.volumes ?? [];
      const ourVolumes = volumes.length - input.extraVolumes.length;
      const mounts = model.podSpec.containers[0].volumeMounts ?? [];
      const ourMounts = mounts.length - input.extraVolumeMounts.length;
      const regular = model.sidecars.filter((s) => !s.options.nativeSidecar);
      const native = model.sidecars.filter((s) => s.options.nativeSidecar);
      const origins: Array<[string, string]> = [
        ...metadata,
        ['metadata.annotations', 'annotations'],
        ['spec.replicas', 'replicas'],
        ['spec.template.metadata.labels', 'labels'],
        [`spec.template.metadata.${instanceLabel}`, 'instanceName'],
        ['spec.selector', 'instanceName'],
        ['spec.template.metadata.annotations', 'annotations'],
        [`${pod}.containers[0].image`, 'imageTag'],
        [`${pod}.containers[0].imagePullPolicy`, 'imagePullPolicy'],
        [`${pod}.containers[0].resources`, 'resources'],
        [`${pod}.containers[0].command`, 'extraArgs'],
        [`${pod}.tolerations`, 'tolerations'],
        [`${pod}.affinity`, 'affinity'],
        [`${pod}.nodeSelector`, 'nodeSelector'],
        [`${pod}.topologySpreadConstraints`, 'topologySpreadConstraints'],
        [`${pod}.securityContext`, 'podSecurityContext'],
        [`${pod}.priorityClassName`, 'priorityClassName'],
        ...regular.map((s, i): [string, string] => [`${pod}.containers[${i + 1}]`, s.field]),
        ...native.map((s, i): [string, string] => [`${pod}.initContainers[${i}]`, s.field]),
        ...input.extraVolumes.map((_, i): [string, string] => [`${pod}.volumes[${ourVolumes + i}]`, `extraVolumes[${i}]`]),
        ...input.extraVolumeMounts.map((_, i): [string, string] => [`${pod}.containers[0].volumeMounts[${ourMounts + i}]`, `extraVolumeMounts[${i}]`]),
      ];
      volumes.slice(0, ourVolumes).forEach((volume, i) => {
        const field = volume.name === CERT_VOLUME ? 'certificateSecretName'
          : volume.name === ETCD_CERT_VOLUME ? 'etcd.clientCertSecretName'
            : input.encryption !== undefined && volume.name !== 'apiserver-config' ? 'encryption' : undefined;
        if (field !== undefined) {
          origins.push([`${pod}.volumes[${i}]`, field]);
        }
      });
      return origins;
    }
    case 'Service':
      return [...metadata, ['metadata.annotations', 'serviceAnnotations'], ['spec.type', 'serviceType'], ['spec.externalName', 'serviceType'],
        ['spec.loadBalancerClass', 'loadBalancerClass'], ['spec.selector', 'instanceName']];
    case 'PodDisruptionBudget':
      return [...metadata, ['spec', 'podDisruptionBudgetConfig'], ['spec.selector', 'instanceName']];
    case 'ServiceAccount':
      return [['metadata.name', 'serviceAccount.name'], ['metadata.namespace', 'namespace'], ['metadata.labels', 'labels'], ['metadata.annotations', 'serviceAccount.annotations']];
    case 'NetworkPolicy':
      return [...metadata, ['spec.ingress[0].from', 'networkPolicy.allowFrom'], ['spec.podSelector', 'instanceName']];
    default:
      return metadata;
  }
}

/** The prop a JSON path comes from, with the rest of the path; or the path in the object. */
function fieldOf(kind: string, path: string, origins: Origins): string {
  let best: readonly [string, string] | undefined;
  for (const origin of origins) {
    const [prefix] = origin;
    const under = path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
    if (under && (best === undefined || prefix.length > best[0].length)) {
      best = origin;
    }
  }
  return best === undefined ? `${kind}.${path}` : `${best[1]}${path.slice(best[0].length)}`;
}

/**
 * The rules of Kubernetes' API server that the rendered objects break (beyond the OpenAPI schema),
 * each at the prop it comes from; a part the construct itself rendered is named by its place in
 * the object (`Deployment.spec.template.spec...`).
 */
export function kubernetesProblems(objects: readonly RenderedObject[], model: ApiServerModel): Problem[] {
  return objects.flatMap(({ kind, json }) => {
    const origins = originsOf(kind, model);
    return validateObject(json).map((issue) => ({ field: fieldOf(kind, issue.path, origins), message: issue.message, fix: issue.fix }));
  });
}
