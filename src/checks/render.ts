import { k8s } from 'cdk8s-plus-28';
import type { ApiServerModel } from '../model/types';
import { Problems } from '../problems';
import { keyField, q } from './grammar';

/**
 * Data cdk8s cannot render, in what the user passed into the pod: a map key named "constructor"
 * (cdk8s' serializer takes it for the object's class and fails), a key named "__proto__" (dropped
 * silently), numbers that are not finite (they would render as null), and values that are not plain
 * data. Labels and annotations are checked in
 * metadata.ts, resources in quantities.ts.
 */
export function checkRenderable(model: ApiServerModel, problems: Problems): void {
  const input = model.input;
  for (const sidecar of model.sidecars) {
    // Resources are checked in quantities.ts.
    walk({ ...k8s.toJson_Container(sidecar.container), resources: undefined }, sidecar.field, problems);
  }
  input.extraVolumes.forEach((v, i) => walk(k8s.toJson_Volume(v), `extraVolumes[${i}]`, problems));
  input.extraVolumeMounts.forEach((m, i) => walk(k8s.toJson_VolumeMount(m), `extraVolumeMounts[${i}]`, problems));
  input.tolerations.forEach((t, i) => walk(k8s.toJson_Toleration(t), `tolerations[${i}]`, problems));
  walk(k8s.toJson_Affinity(input.affinity), 'affinity', problems);
}

/**
 * A path to a field, built only when a problem is found: the walk visits every value the user gave,
 * and most have no problem.
 */
type Path = readonly [parent: Path | undefined, segment: string | number];

function fieldOf(path: Path): string {
  const [parent, segment] = path;
  if (parent === undefined) {
    return String(segment);
  }
  return typeof segment === 'number' ? `${fieldOf(parent)}[${segment}]` : keyField(fieldOf(parent), segment);
}

function walk(value: unknown, base: string, problems: Problems): void {
  visit(value, [undefined, base], problems);
}

function visit(value: unknown, path: Path, problems: Problems): void {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'boolean') {
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      problems.add(fieldOf(path), `${q(value)} is not a finite number, and would render as null`, 'give a finite number');
    }
    return;
  }
  if (typeof value !== 'object') {
    problems.add(fieldOf(path), `a ${typeof value} cannot be rendered into YAML`, 'give plain data: strings, numbers, booleans, arrays and objects');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => visit(item, [path, i], problems));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    problems.add(fieldOf(path), `a ${proto?.constructor?.name ?? 'class'} object cannot be rendered into YAML`,
      'give plain data (use k8s.Quantity and k8s.IntOrString where the type asks for them)');
    return;
  }
  for (const key of Object.keys(value)) {
    if (key === 'constructor' || key === '__proto__') {
      problems.add(keyField(fieldOf(path), key), `cdk8s cannot render a key named ${q(key)}`, 'rename the key');
      continue;
    }
    visit((value as Record<string, unknown>)[key], [path, key], problems);
  }
}
