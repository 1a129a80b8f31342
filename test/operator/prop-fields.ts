/**
 * Where a field of an object the operator renders came from: a path reported by Kubernetes'
 * server-side validation (src/kubernetes/validation) on the port's Deployment, Service or
 * PodDisruptionBudget, mapped back to the prop of KarmadaOperatorInstance that set it, where that
 * can be told. Used to report the problems of the operator's rendering in the user's words.
 */
import type { KarmadaApiServerProps } from '../../src';

/** The list index and the rest of a path that starts with `<prefix>[<i>]`. */
function indexed(path: string, prefix: string): { index: number; rest: string } | undefined {
  const match = new RegExp(`^${prefix.replace(/[.[\]]/g, '\\$&')}\\[(\\d+)\\](.*)$`).exec(path);
  return match ? { index: Number(match[1]), rest: match[2] } : undefined;
}

/** Where a named item of a rendered list came from: the user's list at an index, or the construct. */
function byName(name: string | undefined, userList: readonly { name?: string }[] | undefined, prop: string, rest: string): string {
  const i = (userList ?? []).findIndex((item) => item.name === name);
  return i >= 0 ? `apiServer.${prop}[${i}]${rest}` : `apiServer (the construct's own ${JSON.stringify(name)})${rest}`;
}

/**
 * The prop behind `path` of a rendered object of `kind`, given the props and the rendered
 * Deployment (to name containers, volumes and mounts by their index).
 */
export function propFieldOf(kind: string, path: string, props: KarmadaApiServerProps, deployment: any): string {
  const spec = deployment?.spec?.template?.spec ?? {};
  if (kind === 'Service') {
    if (path.startsWith('metadata.annotations')) return path.replace('metadata.annotations', 'apiServer.serviceAnnotations');
    if (path === 'spec.type') return 'apiServer.serviceType';
    if (path === 'spec.loadBalancerClass') return 'apiServer.loadBalancerClass';
    return `apiServer.instanceName (Service ${path})`;
  }
  if (kind === 'PodDisruptionBudget') {
    if (path.startsWith('spec.minAvailable') || path.startsWith('spec.maxUnavailable')) return path.replace('spec', 'apiServer.podDisruptionBudgetConfig');
    if (path.includes('labels') || path.includes('matchLabels')) return 'apiServer.labels';
    return `apiServer.podDisruptionBudgetConfig (PodDisruptionBudget ${path})`;
  }
  const pod = 'spec.template.spec';
  if (path.startsWith('metadata.labels') || path.startsWith('spec.template.metadata.labels')) return 'apiServer.labels';
  if (path.startsWith('metadata.annotations') || path.startsWith('spec.template.metadata.annotations')) return 'apiServer.annotations';
  if (path === 'spec.replicas') return 'apiServer.replicas';
  if (path.startsWith(`${pod}.tolerations`)) return path.replace(`${pod}.tolerations`, 'apiServer.tolerations');
  if (path.startsWith(`${pod}.affinity.nodeAffinity`)) return `apiServer.affinity or apiServer.nodeSelector (${path.slice(pod.length + 1)})`;
  if (path.startsWith(`${pod}.affinity`)) return path.replace(`${pod}.affinity`, 'apiServer.affinity');
  if (path.startsWith(`${pod}.priorityClassName`)) return 'apiServer.priorityClassName';
  const volume = indexed(path, `${pod}.volumes`);
  if (volume) return byName(spec.volumes?.[volume.index]?.name, props.extraVolumes, 'extraVolumes', volume.rest);
  const container = indexed(path, `${pod}.containers`);
  if (container) {
    const rendered = spec.containers?.[container.index];
    if (container.index === 0) {
      const mount = indexed(container.rest, '.volumeMounts');
      if (mount) return byName(rendered?.volumeMounts?.[mount.index]?.name, props.extraVolumeMounts, 'extraVolumeMounts', mount.rest);
      if (container.rest.startsWith('.resources')) return `apiServer${container.rest}`;
      if (container.rest.startsWith('.image')) return 'apiServer.imageRepository or apiServer.imageTag';
      return `apiServer (the API server container${container.rest})`;
    }
    const i = (props.sidecarContainers ?? []).findIndex((c) => c?.name === rendered?.name);
    return i >= 0 ? `apiServer.sidecarContainers[${i}]${container.rest}` : `apiServer.encryption (the KMS plugin ${JSON.stringify(rendered?.name)})${container.rest}`;
  }
  return `apiServer (Deployment ${path})`;
}
