/**
 * The identity step: the pods' ServiceAccount and pull Secrets, and a projected service-account
 * token for each sidecar that asks for one, mounted in that sidecar only.
 */
import { posix } from 'path';
import { DEFAULT_TOKEN_PATH, DEFAULT_TOKEN_SECONDS } from '../apiserver/identity';
import type { SidecarSpec } from './sidecars';
import type { ModelDraft } from './types';

/** The volume of a sidecar's token (a volume name is a DNS label, at most 63 characters). */
export function tokenVolumeName(containerName: string): string {
  return `${containerName.slice(0, 57)}-token`;
}

/** Sets the ServiceAccount and pull Secrets, and gives each sidecar that asks its own token. */
export function identityStep(draft: ModelDraft): void {
  const { input, names } = draft;
  const account = input.serviceAccount;
  if (account?.kind === 'existing') {
    draft.podFields.serviceAccountName = account.name;
  } else if (account?.kind === 'create') {
    const name = account.options.name ?? names.apiServer;
    draft.podFields.serviceAccountName = name;
    draft.serviceAccount = { name, annotations: account.options.annotations ?? {} };
  }
  if (input.imagePullSecrets.length > 0) {
    draft.podFields.imagePullSecrets = input.imagePullSecrets.map((name) => ({ name }));
  }

  // The user's sidecars and those the steps before this one added (the KMS plugins).
  for (const sidecar of [...input.sidecars, ...draft.sidecars]) {
    const token = sidecar.options.serviceAccountToken;
    if (token !== undefined) {
      const path = token.path ?? DEFAULT_TOKEN_PATH;
      draft.volumes.push({
        name: tokenVolumeName(sidecar.container.name),
        projected: {
          sources: [{
            serviceAccountToken: { audience: token.audience, expirationSeconds: token.expirationSeconds ?? DEFAULT_TOKEN_SECONDS, path: posix.basename(path) },
          }],
        },
      });
    }
  }
  draft.sidecarTransforms.push(mountToken);
}

/** Mounts a sidecar's token volume, read-only, at the directory of its token file. */
function mountToken(sidecar: SidecarSpec): SidecarSpec {
  const token = sidecar.options.serviceAccountToken;
  if (token === undefined) {
    return sidecar;
  }
  const mount = { name: tokenVolumeName(sidecar.container.name), mountPath: posix.dirname(token.path ?? DEFAULT_TOKEN_PATH), readOnly: true };
  return { ...sidecar, container: { ...sidecar.container, volumeMounts: [...(sidecar.container.volumeMounts ?? []), mount] } };
}
