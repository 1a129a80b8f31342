import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';

/** Volume names are unique in a pod, and every mount names a volume that the pod declares. */
export function checkVolumes(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  const volumes = model.podSpec.volumes ?? [];
  const ours = volumes.length - input.extraVolumes.length;
  // The construct's own volumes, named in the fix: `"a", "b" and "c"`.
  const quoted = volumes.slice(0, ours).map((v) => JSON.stringify(v.name));
  const ourNames = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted.join('');
  const declared = new Set<string>();
  volumes.forEach((volume, i) => {
    if (declared.has(volume.name)) {
      const field = i >= ours ? `extraVolumes[${i - ours}].name` : 'volumes';
      problems.add(field, `volume name "${volume.name}" is declared twice in the pod`,
        `give the volume a name of its own (the construct itself declares ${ourNames})`);
    }
    declared.add(volume.name);
  });

  const checkMounts = (mounts: k8s.VolumeMount[] | undefined, fieldOf: (i: number) => string, who: string) => {
    (mounts ?? []).forEach((mount, i) => {
      if (!declared.has(mount.name)) {
        problems.add(`${fieldOf(i)}.name`,
          `${who} mounts volume "${mount.name}", which no volume of the pod declares`,
          `declare it in extraVolumes (declared: ${[...declared].join(', ')}), or fix the mount's name`);
      }
    });
  };

  checkMounts(input.extraVolumeMounts, (i) => `extraVolumeMounts[${i}]`, 'the API server');
  for (const sidecar of model.sidecars) {
    checkMounts(sidecar.container.volumeMounts, (i) => `${sidecar.field}.volumeMounts[${i}]`, `sidecar "${sidecar.container.name}"`);
  }
}
