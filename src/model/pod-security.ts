/**
 * The pod security step: the Pod Security Standard "restricted" for the whole API server pod.
 *
 * - The pod and the API server container get the restricted settings (and a read-only root
 *   filesystem) from us.
 * - A sidecar gets the same settings filled in where it leaves them unset; what the user set is kept
 *   exactly as given. The checks (src/checks/pod-security.ts) report what the user set that breaks
 *   the profile.
 */
import type { k8s } from 'cdk8s-plus-28';
import type { SidecarSpec } from './sidecars';
import type { ModelDraft } from './types';

/**
 * The user and group the pod runs as. The kube-apiserver image declares no user (so it would run as
 * root); 65532 is the conventional "nonroot" user of distroless images.
 */
export const DEFAULT_POD_USER = 65532;

/** Our pod security context: non-root with an explicit user and group, RuntimeDefault seccomp. */
export function defaultPodSecurityContext(): k8s.PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: DEFAULT_POD_USER,
    runAsGroup: DEFAULT_POD_USER,
    fsGroup: DEFAULT_POD_USER,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** The pod security context: ours, with every field the user set laid over it. */
export function podSecurityContext(user: k8s.PodSecurityContext | undefined): k8s.PodSecurityContext {
  return { ...defaultPodSecurityContext(), ...definedFields(user ?? {}) };
}

/** The API server container's security context. */
export function apiServerSecurityContext(): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
  };
}

/**
 * A sidecar's security context: the user's, with the restricted settings filled in where the user
 * left a field unset (capabilities field by field). The pod-level settings (user, group, seccomp)
 * reach the sidecar through the pod security context, so they are not repeated here.
 *
 * `allowPrivilegeEscalation: false` is not filled in next to `privileged: true` or an added
 * SYS_ADMIN capability: Kubernetes rejects that combination.
 */
export function sidecarSecurityContext(user: k8s.SecurityContext | undefined): k8s.SecurityContext {
  const given = definedFields(user ?? {});
  const added = (given.capabilities?.add ?? []).map(normalizeCapability);
  const mustEscalate = given.privileged === true || added.includes('SYS_ADMIN');
  return {
    ...given,
    allowPrivilegeEscalation: given.allowPrivilegeEscalation ?? (mustEscalate ? undefined : false),
    capabilities: { ...given.capabilities, drop: given.capabilities?.drop ?? ['ALL'] },
    readOnlyRootFilesystem: given.readOnlyRootFilesystem ?? true,
  };
}

/** Fills in a sidecar's security defaults; every other field is kept as given. */
export function hardenSidecar(sidecar: SidecarSpec): SidecarSpec {
  return {
    ...sidecar,
    container: { ...sidecar.container, securityContext: sidecarSecurityContext(sidecar.container.securityContext) },
  };
}

/** The pod security step: our settings for the pod and the API server container, and sidecar defaults. */
export function podSecurityStep(draft: ModelDraft): void {
  draft.podFields.securityContext = podSecurityContext(draft.input.podSecurityContext);
  draft.apiServerFields.securityContext = apiServerSecurityContext();
  draft.sidecarTransforms.push(hardenSidecar);
}


/** A capability's name as written without the `CAP_` prefix, in upper case. */
export function normalizeCapability(cap: string): string {
  return cap.toUpperCase().replace(/^CAP_/, '');
}

/** The fields of an object that are set, in their order (an own `__proto__` key stays an own key). */
function definedFields<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, value]) => value !== undefined)) as T;
}
