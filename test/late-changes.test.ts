import { KarmadaApiServer } from '../src';
import { synthErrors } from './util';

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
      '[test/ApiServer] addSidecarContainer(kms).volumeMounts[0].name: sidecar "kms" mounts volume "missing", which no volume of the pod declares. Fix: declare it in extraVolumes (declared: apiserver-cert, etcd-client-cert, apiserver-config), or fix the mount\'s name',
    ]);
  });

  test('a valid API server synthesizes without errors', () => {
    expect(synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' }))).toEqual([]);
  });
});
