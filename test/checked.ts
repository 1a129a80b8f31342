/**
 * Synthesis helpers that also validate every object against the Kubernetes schemas, so that each
 * test that looks at a field also proves that the whole object is valid Kubernetes.
 */
import { Chart, Testing } from 'cdk8s';
import { KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { validateManifests } from './schema';
import { Manifest, newChart } from './util';

/** Synthesizes a chart, validates every object, and returns the objects. */
export function synthChecked(chart: Chart): Manifest[] {
  const manifests = Testing.synth(chart) as Manifest[];
  validateManifests(manifests);
  return manifests;
}

/** One API server in a fresh chart (namespace `tenant1`): its objects, validated. */
export function synthValid(props: KarmadaApiServerProps, namespace = 'tenant1'): Manifest[] {
  const chart = newChart(namespace);
  new KarmadaApiServer(chart, 'ApiServer', props);
  return synthChecked(chart);
}

/** The Deployment, Service and ConfigMap of one API server, validated. */
export function objectsOf(props: KarmadaApiServerProps): { deployment: Manifest; service: Manifest; configMap: Manifest; all: Manifest[] } {
  const all = synthValid(props);
  const one = (kind: string) => {
    const found = all.filter((m) => m.kind === kind);
    if (found.length !== 1) {
      throw new Error(`expected one ${kind}, found ${found.length}`);
    }
    return found[0];
  };
  return { deployment: one('Deployment'), service: one('Service'), configMap: one('ConfigMap'), all };
}

/** The API server container of a Deployment. */
export function apiServerContainer(deployment: Manifest): any {
  return deployment.spec.template.spec.containers.find((c: any) => c.name === 'kube-apiserver');
}

/** Reads flags back from a rendered command (`--name=value` or a bare `--name`), as a map. */
export function parseCommand(command: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const arg of command) {
    if (!arg.startsWith('--')) {
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq === -1) {
      flags[arg.slice(2)] = 'true';
    } else {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    }
  }
  return flags;
}

/** The flags of the API server container, as a map (flag name without `--` → value). */
export function flagsOf(deployment: Manifest): Record<string, string> {
  return parseCommand(apiServerContainer(deployment).command);
}
