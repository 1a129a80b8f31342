/**
 * The operator's checks (operator/pkg/controller/karmada/validating.go at f8fdd02), with the cases
 * of its test (validating_test.go) as a table, plus the quirks.
 */
import { defaultKarmada } from './defaults';
import type { KarmadaSpec } from './types';
import { validateKarmada } from './validate';

const karmada = (spec: KarmadaSpec | undefined, name = 'test') => ({
  apiVersion: 'operator.karmada.io/v1alpha1', kind: 'Karmada', metadata: { name, namespace: 'test' }, spec,
});
const remote = { secretRef: { name: 'test' } };

describe("the operator's test cases (validating_test.go), on the object as given", () => {
  test.each<[string, KarmadaSpec | undefined, boolean]>([
    ['the spec is empty', {}, false],
    ['the CRD tarball URL is not a URL', { crdTarball: { httpSource: { url: 'test' } } }, true],
    ['the CRD tarball URL is valid', { crdTarball: { httpSource: { url: 'http://localhost' } } }, false],
    ['the API server service type is unsupported', { components: { etcd: { local: {} }, karmadaAPIServer: { serviceType: 'ExternalName' } } }, true],
    ['ClusterIP with a remote host cluster', { components: { etcd: { local: {} }, karmadaAPIServer: { serviceType: 'ClusterIP' } }, hostCluster: remote }, true],
    ['NodePort with a remote host cluster', { components: { etcd: { local: {} }, karmadaAPIServer: { serviceType: 'NodePort' } }, hostCluster: remote }, false],
    ['etcd is empty', { components: {} }, true],
    ['external etcd with an unexpected secret name', { components: { etcd: { external: { endpoints: [], secretRef: { name: 'karmada-xx' } } } } }, true],
    ['external etcd with the expected secret name', { components: { etcd: { external: { endpoints: [], secretRef: { name: 'test-karmada-etcd-cert' } } } } }, false],
  ])('%s: rejected = %s', (_, spec, rejected) => {
    expect(validateKarmada(karmada(spec)).length > 0).toBe(rejected);
  });
});

describe('on defaulted objects, as the controller runs it', () => {
  test('an empty spec passes (defaulting fills etcd in)', () => {
    expect(validateKarmada(defaultKarmada(karmada(undefined)))).toEqual([]);
  });

  test('messages name the field', () => {
    expect(validateKarmada(defaultKarmada(karmada({ hostCluster: remote, crdTarball: { httpSource: { url: 'x', proxy: { proxyURL: 'y' } } } })))).toEqual([
      'spec.crdTarball.httpSource.url: Invalid value: "x": invalid CRDs remote URL',
      'spec.crdTarball.httpSource.proxy.proxyURL: Invalid value: "y": invalid CRDs proxy URL',
      'spec.components.karmadaAPIServer.serviceType: Invalid value: "ClusterIP": if karmada is installed in a remote cluster, the service type of karmada-apiserver must be either NodePort or LoadBalancer',
    ]);
  });

  test('quirk: a prefixed loadBalancerClass, as the field documentation suggests, is rejected', () => {
    const lb = (loadBalancerClass: string) => validateKarmada(defaultKarmada(karmada({ components: { etcd: {}, karmadaAPIServer: { serviceType: 'LoadBalancer', loadBalancerClass } } })));
    expect(lb('internal-vip')).toEqual([]);
    expect(lb('example.com/internal-vip')).toEqual([
      'spec.components.karmadaAPIServer.loadBalancerClass: Invalid value: "example.com/internal-vip": must be a DNS-1123 label',
    ]);
  });

  test('quirk: local and external etcd together pass', () => {
    const external = { endpoints: ['https://e:2379'], secretRef: { name: 'karmada-demo-etcd-cert' } };
    expect(validateKarmada(defaultKarmada(karmada({ components: { etcd: { local: {}, external } } }, 'karmada-demo')))).toEqual([]);
  });
});
