/**
 * The encryption step of the model: the configuration file, its flags, and the KMS plugins with
 * their socket volumes.
 */
import { createHash } from 'crypto';
import { posix } from 'path';
import { k8s } from 'cdk8s-plus-28';
import { CONFIG_DIR } from '../model/layout';
import type { ModelDraft } from '../model/types';
import { ENCRYPTION_CONFIG_FILE, EncryptionSpec, renderConfig } from './config';

/** Where a configuration from a Secret is mounted (a directory, never a subPath). */
export const ENCRYPTION_SECRET_DIR = '/etc/karmada/encryption';
/** The volume of a configuration from a Secret. */
export const ENCRYPTION_SECRET_VOLUME = 'encryption-config';
/** The pod annotation that changes when the referenced Secret (name or key) changes. */
export const ENCRYPTION_SECRET_CHECKSUM_ANNOTATION = 'karmada.io/encryption-config-secret-checksum';
/** The flags. */
export const CONFIG_FLAG = 'encryption-provider-config';
export const RELOAD_FLAG = 'encryption-provider-config-automatic-reload';

/** The name of the socket volume for the n-th socket directory (from 0). */
export function socketVolumeName(index: number): string {
  return index === 0 ? 'kms-socket' : `kms-socket-${index + 1}`;
}

/**
 * Adds the encryption configuration, its flags and the KMS plugins to the draft. A rendered
 * configuration goes into the API server's ConfigMap.
 */
export function encryptionStep(draft: ModelDraft): void {
  const spec = draft.input.encryption;
  if (!spec) {
    return;
  }
  let file: string;
  if (spec.secret) {
    const { secretName, key } = spec.secret;
    draft.volumes.push({ name: ENCRYPTION_SECRET_VOLUME, secret: { secretName } });
    draft.apiServerMounts.push({ name: ENCRYPTION_SECRET_VOLUME, mountPath: ENCRYPTION_SECRET_DIR, readOnly: true });
    draft.podAnnotations[ENCRYPTION_SECRET_CHECKSUM_ANNOTATION] =
      createHash('sha256').update(secretName).update('\0').update(key).digest('hex');
    file = `${ENCRYPTION_SECRET_DIR}/${key}`;
  } else {
    draft.configFiles[ENCRYPTION_CONFIG_FILE] = renderConfig(spec.config!);
    file = `${CONFIG_DIR}/${ENCRYPTION_CONFIG_FILE}`;
  }
  draft.flags.set(CONFIG_FLAG, file);
  if (spec.automaticReload) {
    draft.flags.set(RELOAD_FLAG, 'true');
  }
  wirePlugins(draft, spec);
}

/**
 * Runs each plugin beside the API server: one `emptyDir` per socket directory, mounted at that
 * directory in the API server and in the plugin. A plugin given twice (same container name and
 * socket) runs once.
 */
function wirePlugins(draft: ModelDraft, spec: EncryptionSpec): void {
  const volumeOfDir = new Map<string, string>();
  const seen = new Set<string>();
  for (const { plugin, field } of spec.plugins) {
    const id = `${plugin.container.name}\0${plugin.socketPath}`;
    // A relative socket path is reported by the rules; wiring it would only add errors about its mounts.
    if (seen.has(id) || !posix.isAbsolute(plugin.socketPath)) {
      continue;
    }
    seen.add(id);
    const dir = posix.dirname(plugin.socketPath);
    let volume = volumeOfDir.get(dir);
    if (volume === undefined) {
      volume = socketVolumeName(volumeOfDir.size);
      volumeOfDir.set(dir, volume);
      draft.volumes.push({ name: volume, emptyDir: {} });
      draft.apiServerMounts.push({ name: volume, mountPath: dir });
    }
    const mounts = plugin.container.volumeMounts ?? [];
    const container: k8s.Container = mounts.some((m) => m.mountPath === dir)
      ? plugin.container
      : { ...plugin.container, volumeMounts: [...mounts, { name: volume, mountPath: dir }] };
    draft.sidecars.push({
      container,
      options: {
        nativeSidecar: plugin.nativeSidecar ?? true,
        allowMutableImageTag: plugin.allowMutableImageTag,
        allowPodSecurityViolations: plugin.allowPodSecurityViolations,
        serviceAccountToken: plugin.serviceAccountToken,
      },
      field: `${field}.container`,
    });
  }
}
