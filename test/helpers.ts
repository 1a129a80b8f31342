/**
 * Test helpers: a chart, synthesis that validates every object against the Kubernetes schemas (so
 * each test that looks at a field also proves the whole object valid), and readers of what the
 * objects hold.
 */
import { App, Chart, Testing } from 'cdk8s';
import { KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { validateManifests } from './schema';

/** A manifest as cdk8s renders it. */
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; [k: string]: any }; [k: string]: any };

/**
 * A chart in a fresh app, with stable names. The app is a plain `App` (never written to disk by
 * these tests), not `Testing.app()`, which makes a temporary directory per call: thousands of them
 * in the fuzz tests.
 */
export function newChart(namespace = 'tenant1'): Chart {
  return new Chart(new App(), 'test', { namespace, disableResourceNameHashes: true });
}

/** Synthesizes a chart, validates every object against the Kubernetes schemas, and returns the objects. */
export function synthChecked(chart: Chart): Manifest[] {
  const manifests = Testing.synth(chart) as Manifest[];
  validateManifests(manifests);
  return manifests;
}

/** One API server in a fresh chart (namespace `tenant1` unless given): its objects, validated. */
export function synthApiServer(props: KarmadaApiServerProps, namespace = 'tenant1'): Manifest[] {
  const chart = newChart(namespace);
  new KarmadaApiServer(chart, 'ApiServer', props);
  return synthChecked(chart);
}

/** The one manifest of a kind. */
export function manifestOf(manifests: Manifest[], kind: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}, found ${found.length}`);
  }
  return found[0];
}

/** The Deployment, Service and ConfigMap of one API server, validated. */
export function objectsOf(props: KarmadaApiServerProps): { deployment: Manifest; service: Manifest; configMap: Manifest; all: Manifest[] } {
  const all = synthApiServer(props);
  return { deployment: manifestOf(all, 'Deployment'), service: manifestOf(all, 'Service'), configMap: manifestOf(all, 'ConfigMap'), all };
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

/** The validation errors a synth throws, one per line without the header. */
export function synthErrors(build: (chart: Chart) => void): string[] {
  const chart = newChart();
  build(chart);
  try {
    Testing.synth(chart);
  } catch (e) {
    return String((e as Error).message).split('\n').slice(1).map((l) => l.trim());
  }
  return [];
}
