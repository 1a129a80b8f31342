import { App, Chart, Testing } from 'cdk8s';
import { KarmadaApiServer } from '../src';
import { synthErrors } from './helpers';

// Problems are found from the finished model, whenever the change that brings them is made:
// these tests make sure that a problem is reported however it arrives (a problem in the props is
// tested in apiserver.test.ts).
describe('problems are reported whenever they arise', () => {
  test('a problem that addSidecarContainer brings after construction is reported', () => {
    const errors = synthErrors((chart) => {
      const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
      api.addSidecarContainer({ name: 'kube-apiserver', image: 'x:1' });
    });
    expect(errors).toEqual([
      '[test/ApiServer] addSidecarContainer(kube-apiserver).name: container name "kube-apiserver" is already taken by the API server container. Fix: give every sidecar a name of its own, other than "kube-apiserver"',
    ]);
  });

  test('two changes after construction: both problems are reported once', () => {
    const errors = synthErrors((chart) => {
      const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
      api.addSidecarContainer({ name: 'kms', image: 'x:1', volumeMounts: [{ name: 'missing', mountPath: '/x' }] });
      api.addSidecarContainer({ name: 'kms', image: 'x:1' });
    });
    expect(errors).toEqual([
      '[test/ApiServer] addSidecarContainer(kms).name: container name "kms" is already taken by addSidecarContainer(kms). Fix: give every sidecar a name of its own, other than "kube-apiserver"',
      '[test/ApiServer] addSidecarContainer(kms).volumeMounts[0].name: the volume mount names "missing", which is not one of the pod\'s volumes. Fix: add a volume named "missing" to the pod, or fix the name',
    ]);
  });

  test('a valid API server synthesizes without errors', () => {
    expect(synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' }))).toEqual([]);
  });

  test('a problem brought after a synth is reported by the next synth', () => {
    const chart = new Chart(new App(), 'test', { namespace: 'tenant1', disableResourceNameHashes: true });
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    expect(() => Testing.synth(chart)).not.toThrow();
    api.addSidecarContainer({ name: 'kube-apiserver', image: 'x:1' });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/ApiServer\] addSidecarContainer\(kube-apiserver\)\.name: container name "kube-apiserver" is already taken/);
  });
});

test('a sidecar added after a synth is in the next synth (the rendered specs follow every change)', () => {
  const chart = new Chart(new App(), 'test', { namespace: 'tenant1', disableResourceNameHashes: true });
  const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
  const containers = () => (Testing.synth(chart).find((m) => m.kind === 'Deployment').spec.template.spec.containers as Array<{ name: string }>)
    .map((c) => c.name);
  expect(containers()).toEqual(['kube-apiserver']);
  api.addSidecarContainer({ name: 'audit-shipper', image: 'registry.example.com/shipper:1.0.0' });
  expect(containers()).toEqual(['kube-apiserver', 'audit-shipper']);
});

// cdk8s validates the whole app once per chart: with many charts, each API server's problems must
// still be reported once, under its own path, whichever chart is synthesized.
describe('problems across the charts of an app', () => {
  function tenants(app: App, bad: number[]): Chart[] {
    const charts: Chart[] = [];
    for (let i = 0; i < 5; i++) {
      const chart = new Chart(app, `tenant${i}`, { namespace: `tenant${i}`, disableResourceNameHashes: true });
      const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: `tenant${i}` });
      if (bad.includes(i)) {
        api.addSidecarContainer({ name: 'kube-apiserver', image: 'x:1' });
      }
      charts.push(chart);
    }
    return charts;
  }

  function errorsOf(synth: () => unknown): string[] {
    try {
      synth();
    } catch (e) {
      return String((e as Error).message).split('\n').slice(1).map((l) => l.trim().replace(/\.name: .*/, ''));
    }
    return [];
  }

  test('every API server with a problem is reported once, in tree order', () => {
    const app = new App({ outdir: '/nonexistent' });
    tenants(app, [1, 3]);
    expect(errorsOf(() => app.synthYaml())).toEqual([
      '[tenant1/ApiServer] addSidecarContainer(kube-apiserver)',
      '[tenant3/ApiServer] addSidecarContainer(kube-apiserver)',
    ]);
  });

  test('synthesizing one chart reports the problems of the others too, as cdk8s validates the whole app', () => {
    const app = new App({ outdir: '/nonexistent' });
    const charts = tenants(app, [4]);
    expect(errorsOf(() => Testing.synth(charts[0]))).toEqual(['[tenant4/ApiServer] addSidecarContainer(kube-apiserver)']);
  });

  test('a valid app synthesizes every chart, again and again', () => {
    const app = new App({ outdir: '/nonexistent' });
    const charts = tenants(app, []);
    for (const chart of [...charts, ...charts]) {
      expect(Testing.synth(chart)).toHaveLength(3);
    }
  });
});
