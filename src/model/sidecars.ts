import { k8s } from 'cdk8s-plus-28';
import type { SidecarOptions } from '../apiserver/props';

/** A sidecar as the user gave it, with its options. */
export interface SidecarSpec {
  readonly container: k8s.Container;
  readonly options: SidecarOptions;
  /** Where it came from, for error messages: `sidecarContainers[2]` or `addSidecarContainer(kms)`. */
  readonly field: string;
}

/** Where the sidecars go in the pod. */
export interface SidecarPlacement {
  /** Regular sidecars, in order, to append after the API server container. */
  readonly containers: k8s.Container[];
  /** Native sidecars, in order, as init containers. */
  readonly initContainers: k8s.Container[];
}

/**
 * Places sidecars: regular ones after the API server, native ones as init containers with
 * `restartPolicy: Always`. Every field the user set is kept as given.
 */
export function placeSidecars(sidecars: readonly SidecarSpec[]): SidecarPlacement {
  const containers: k8s.Container[] = [];
  const initContainers: k8s.Container[] = [];
  for (const sidecar of sidecars) {
    if (sidecar.options.nativeSidecar) {
      initContainers.push({ ...sidecar.container, restartPolicy: sidecar.container.restartPolicy ?? 'Always' });
    } else {
      containers.push(sidecar.container);
    }
  }
  return { containers, initContainers };
}

/** The options a sidecar can accept knowingly. */
export type AcceptOption = 'allowMutableImageTag' | 'allowPodSecurityViolations';

/**
 * How to accept something knowingly for one sidecar, in the words of the API it came from:
 * `sidecarOptions`, the options of `addSidecarContainer`, or the options of a KMS plugin.
 */
export function acceptKnowingly(sidecar: SidecarSpec, option: AcceptOption): string {
  if (sidecar.field.startsWith('sidecarContainers[')) {
    return `accept it knowingly with sidecarOptions: { ${JSON.stringify(sidecar.container.name)}: { ${option}: true } }`;
  }
  if (sidecar.field.startsWith('addSidecarContainer(')) {
    return `accept it knowingly with addSidecarContainer(container, { ${option}: true })`;
  }
  // A sidecar a step added (a KMS plugin): its field ends with `.container`.
  return `accept it knowingly with ${option}: true in ${sidecar.field.replace(/\.container$/, '')}`;
}
