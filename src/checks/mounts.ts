import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { APISERVER_CONTAINER_NAME } from '../model/layout';
import { Problems } from '../problems';
import { q } from './grammar';

/**
 * Volume mounts of every container: absolute paths, at most one mount per path, and sub-paths that
 * stay inside the volume.
 */
export function checkMounts(model: ApiServerModel, problems: Problems): void {
  const apiServer = (model.podSpec.containers ?? []).find((c) => c.name === APISERVER_CONTAINER_NAME);
  const all = apiServer?.volumeMounts ?? [];
  const ours = all.length - model.input.extraVolumeMounts.length;
  checkContainerMounts(all, (i) => (i >= ours ? `extraVolumeMounts[${i - ours}]` : undefined), problems);
  for (const sidecar of model.sidecars) {
    checkContainerMounts(sidecar.container.volumeMounts ?? [], (i) => `${sidecar.field}.volumeMounts[${i}]`, problems);
  }
}

function checkContainerMounts(mounts: readonly k8s.VolumeMount[], fieldOf: (i: number) => string | undefined,
  problems: Problems): void {
  const seen = new Map<string, number>();
  mounts.forEach((mount, i) => {
    const field = fieldOf(i);
    if (field === undefined) {
      seen.set(normalize(mount.mountPath), i);
      return; // the construct's own mounts
    }
    if (typeof mount.mountPath !== 'string' || mount.mountPath === '') {
      problems.add(`${field}.mountPath`, 'the mount has no mountPath', 'give the absolute path to mount the volume at, such as "/var/run/kmsplugin"');
      return;
    }
    if (!mount.mountPath.startsWith('/')) {
      problems.add(`${field}.mountPath`, `${q(mount.mountPath)} is a relative path`, `give an absolute path: ${q(`/${mount.mountPath}`)}`);
    }
    const path = normalize(mount.mountPath);
    const first = seen.get(path);
    if (first !== undefined) {
      const other = fieldOf(first);
      problems.add(`${field}.mountPath`,
        `${q(mount.mountPath)} is already a mount path of this container${other === undefined ? ' (the construct mounts a volume there)' : ` (${other})`}, and a path takes one mount`,
        'mount the volume at another path, or mount one volume with sub-paths');
    } else {
      seen.set(path, i);
    }
    if (mount.subPath !== undefined && (mount.subPath.startsWith('/') || mount.subPath.split('/').includes('..'))) {
      problems.add(`${field}.subPath`, `${q(mount.subPath)} leaves the volume: a sub-path is relative and has no ".."`,
        'give a path inside the volume, such as "config/file.yaml"');
    }
  });
}

function normalize(path: string): string {
  return String(path).replace(/\/+$/, '') || '/';
}
