/**
 * The operator's patcher, which lays a component's settings over its rendered Deployment
 * (operator/pkg/util/patcher/pather.go, ForDeployment, at karmada-io/karmada@f8fdd02). The first
 * container is taken to be the component; settings apply to it only, except sidecars and volumes.
 */
import type { IAffinity, IContainer, IResourceRequirements, IToleration, IVolume, IVolumeMount, RenderedDeployment, StringMap } from './types';

/** What a caller hands the patcher (Patcher.With...). */
export interface Patch {
  labels?: StringMap;
  annotations?: StringMap;
  priorityClassName?: string;
  extraArgs?: StringMap;
  featureGates?: Record<string, boolean>;
  extraVolumes?: IVolume[];
  extraVolumeMounts?: IVolumeMount[];
  sidecarContainers?: IContainer[];
  resources?: IResourceRequirements;
  tolerations?: IToleration[];
  affinity?: IAffinity;
}

/** Go's sort.Strings order (bytewise; the same as UTF-16 order for these ASCII flag names). */
const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * labels.Merge: a new map with b's entries over a's. An empty result is left out, as Go's JSON
 * encoder leaves out an empty map field marked omitempty.
 */
function merge(a: StringMap | undefined, b: StringMap | undefined): StringMap | undefined {
  const out = { ...a, ...b };
  return Object.keys(out).length > 0 ? out : undefined;
}

function setOrDelete<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete obj[key];
  else obj[key] = value;
}

/** `--key=value` arguments as a map; other arguments are skipped (the first is the binary). */
export function parseArgumentListToMap(args: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const arg of args) {
    if (!arg.startsWith('--') || !arg.includes('=')) continue;
    const [key, ...rest] = arg.slice(2).split('=');
    if (key.length === 0) continue;
    out.set(key, rest.join('='));
  }
  return out;
}

/** The merged arguments, overrides winning, sorted by name: one `--key=value` per name. */
export function buildArgumentListFromMap(base: Map<string, string>, overrides: Map<string, string>): string[] {
  const merged = new Map([...base, ...overrides]);
  return [...merged.keys()].sort(byBytes).map(k => `--${k}=${merged.get(k)}`);
}

/** strconv.ParseBool */
function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** `A=true,B=false` as a map; malformed entries are skipped. */
export function parseFeatureGates(arg: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const gate of arg.split(',')) {
    if (!gate.includes('=')) continue;
    const [key, ...rest] = gate.split('=');
    const value = parseGoBool(rest.join('='));
    if (key.length === 0 || value === undefined) continue;
    out.set(key, value);
  }
  return out;
}

/** The merged gates, overrides winning, sorted: `A=true,B=false`. */
export function buildFeatureGates(base: Map<string, boolean>, overrides: Record<string, boolean>): string {
  const merged = new Map([...base, ...Object.entries(overrides)]);
  return [...merged.keys()].sort(byBytes).map(k => `${k}=${merged.get(k)}`).join(',');
}

/** ResourceRequirements.Size() > 0: some limit, request or claim is set. */
function hasResources(r: IResourceRequirements | undefined): r is IResourceRequirements {
  return !!r && (Object.keys(r.limits ?? {}).length > 0 || Object.keys(r.requests ?? {}).length > 0 || (r.claims ?? []).length > 0);
}

/** Patcher.ForDeployment, on a copy. */
export function patchDeployment(deployment: RenderedDeployment, p: Patch): RenderedDeployment {
  const d: RenderedDeployment = structuredClone(deployment);
  const template = d.spec.template;
  const pod = template.spec;
  const main = pod.containers[0];

  // The operator's labels are always there; the Go tests patch objects without them.
  setOrDelete(d.metadata, 'labels', merge(d.metadata.labels, p.labels)!);
  setOrDelete(template.metadata, 'labels', merge(template.metadata.labels, p.labels)!);
  setOrDelete(d.metadata, 'annotations', merge(d.metadata.annotations, p.annotations));
  setOrDelete(template.metadata, 'annotations', merge(template.metadata.annotations, p.annotations));
  // Always assigned: an empty name leaves the field out.
  setOrDelete(pod, 'priorityClassName', p.priorityClassName || undefined);

  if (p.affinity !== undefined) pod.affinity = p.affinity;
  if ((p.tolerations ?? []).length > 0) pod.tolerations = p.tolerations;
  if (hasResources(p.resources)) main.resources = p.resources;

  const extraArgs = p.extraArgs ?? {};
  const featureGates = p.featureGates ?? {};
  if (Object.keys(extraArgs).length > 0 || Object.keys(featureGates).length > 0) {
    const base = main.command ?? [];
    const args = parseArgumentListToMap(base);
    const overrides = new Map<string, string>();
    if (Object.keys(featureGates).length > 0) {
      overrides.set('feature-gates', buildFeatureGates(parseFeatureGates(args.get('feature-gates') ?? ''), featureGates));
    }
    for (const [k, v] of Object.entries(extraArgs)) overrides.set(k, v);
    // The binary stays first; every flag after it is rebuilt, sorted, each name once.
    main.command = [base[0], ...buildArgumentListFromMap(args, overrides)];
  }

  // Appended (Go's append: nothing to add leaves the field as it was).
  pod.containers.push(...(p.sidecarContainers ?? []));
  if ((p.extraVolumes ?? []).length > 0) pod.volumes = [...(pod.volumes ?? []), ...p.extraVolumes!];
  if ((p.extraVolumeMounts ?? []).length > 0) main.volumeMounts = [...(main.volumeMounts ?? []), ...p.extraVolumeMounts!];
  return d;
}
