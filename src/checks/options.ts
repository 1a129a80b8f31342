import type { ApiServerModel } from '../model/types';
import { Problems, keyField, q } from '../problems';

/** Every key of sidecarOptions names a container of sidecarContainers (else its options would be ignored). */
export function checkSidecarOptions(model: ApiServerModel, problems: Problems): void {
  const names = model.sidecars.filter((s) => s.field.startsWith('sidecarContainers[')).map((s) => s.container.name);
  for (const key of model.input.sidecarOptionKeys) {
    if (!names.includes(key)) {
      problems.add(keyField('sidecarOptions', key), `${q(key)} names no container of sidecarContainers, so these options would be ignored`,
        names.length > 0
          ? `use the name of one of the sidecars (${names.map((n) => q(n)).join(', ')}), or remove the entry`
          : 'add the container to sidecarContainers, or remove the entry (addSidecarContainer takes its options as an argument)');
    }
  }
}
