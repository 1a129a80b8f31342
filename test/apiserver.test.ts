import { KarmadaApiServer } from '../src';
import { manifestOf, newChart, synthApiServer, synthErrors } from './util';

describe('KarmadaApiServer without sidecars', () => {
  const manifests = synthApiServer({ instanceName: 'tenant1' });
  const deployment = manifestOf(manifests, 'Deployment');

  test('renders the Deployment, Service and ConfigMap with the operator names', () => {
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Deployment/tenant1-karmada-apiserver',
      'Service/tenant1-karmada-apiserver',
      'ConfigMap/tenant1-karmada-apiserver-config',
    ]);
  });

  test('the pod holds the API server container alone', () => {
    const spec = deployment.spec.template.spec;
    expect(spec.containers.map((c: any) => c.name)).toEqual(['kube-apiserver']);
    expect(spec.initContainers).toBeUndefined();
  });
});

describe('sidecars', () => {
  test('a name clash with the API server container is reported with the field and the fix', () => {
    const errors = synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1',
      sidecarContainers: [{ name: 'kube-apiserver', image: 'x:1' }],
    }));
    expect(errors).toEqual([
      '[test/ApiServer] sidecarContainers[0].name: container name "kube-apiserver" is already taken by the API server container. Fix: give every sidecar a name of its own, other than "kube-apiserver"',
    ]);
  });

  test('addSidecarContainer appends after construction', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    api.addSidecarContainer({ name: 'late', image: 'x:1' });
    const spec = (chart.toJson().find((m: any) => m.kind === 'Deployment') as any).spec.template.spec;
    expect(spec.containers.map((c: any) => c.name)).toEqual(['kube-apiserver', 'late']);
  });
});
