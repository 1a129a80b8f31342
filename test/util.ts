import { App, Chart, Testing } from 'cdk8s';
import { KarmadaApiServer, KarmadaApiServerProps } from '../src';

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

/** Synthesizes one API server in a fresh chart and returns its manifests. */
export function synthApiServer(props: KarmadaApiServerProps): Manifest[] {
  const chart = newChart();
  new KarmadaApiServer(chart, 'ApiServer', props);
  return Testing.synth(chart) as Manifest[];
}

/** The one manifest of a kind. */
export function manifestOf(manifests: Manifest[], kind: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind}, found ${found.length}`);
  }
  return found[0];
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
