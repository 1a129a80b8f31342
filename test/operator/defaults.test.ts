/**
 * Defaulting: the CRD's (applied by the API server) and the operator's Go defaulter
 * (operator/pkg/apis/operator/v1alpha1/defaults.go at f8fdd02), in the order the controller
 * applies them.
 */
import { applyCrdDefaults, applyStructuralSchema, CONSTANTS, defaultKarmada, setOperatorDefaults } from './defaults';
import type { KarmadaObject } from './types';

const karmada = (spec: KarmadaObject['spec']): KarmadaObject => ({
  apiVersion: 'operator.karmada.io/v1alpha1', kind: 'Karmada', metadata: { name: 'karmada-demo', namespace: 'tenant1' }, spec,
});

describe('applyStructuralSchema', () => {
  const schema = {
    type: 'object',
    properties: {
      a: { type: 'object', properties: { b: { type: 'string', default: 'B' }, c: { type: 'object', default: {}, properties: { d: { type: 'integer', default: 1 } } } } },
      m: { type: 'object', additionalProperties: { type: 'object', properties: { e: { type: 'string', default: 'E' } } } },
      l: { type: 'array', items: { type: 'object', properties: { f: { type: 'boolean', default: false } } } },
      free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    },
  };

  test('defaults absent fields of present objects, recursively into the defaults themselves', () => {
    expect(applyStructuralSchema(schema, { a: {}, m: { x: {} }, l: [{}, { f: true }] })).toEqual({
      a: { b: 'B', c: { d: 1 } }, m: { x: { e: 'E' } }, l: [{ f: false }, { f: true }],
    });
  });

  test('creates no absent object, prunes unknown fields and nulls (then defaults them)', () => {
    expect(applyStructuralSchema(schema, { zz: 1, a: { b: null, extra: 'x' }, free: { any: { thing: 1 } } })).toEqual({
      a: { b: 'B', c: { d: 1 } }, free: { any: { thing: 1 } },
    });
  });

  test('leaves metadata alone at the root, and does not change its input', () => {
    const input = { metadata: { name: 'x', whatever: 1 }, a: {} };
    expect(applyStructuralSchema({ ...schema, properties: { ...schema.properties, metadata: { type: 'object' } } }, input))
      .toEqual({ metadata: { name: 'x', whatever: 1 }, a: { b: 'B', c: { d: 1 } } });
    expect(input).toEqual({ metadata: { name: 'x', whatever: 1 }, a: {} });
  });
});

describe('the CRD defaults', () => {
  test('apply only inside objects that are present', () => {
    expect(applyCrdDefaults(karmada({ components: { etcd: {} } })).spec).toEqual({ components: { etcd: {} } });
    expect(applyCrdDefaults(karmada({ components: { etcd: { local: {} }, karmadaAPIServer: {} } })).spec).toEqual({
      components: {
        etcd: { local: { priorityClassName: 'system-node-critical' } },
        karmadaAPIServer: { priorityClassName: 'system-node-critical', serviceType: 'ClusterIP' },
      },
    });
    expect(applyCrdDefaults(karmada({ crdTarball: {} })).spec).toEqual({ crdTarball: { crdDownloadPolicy: 'IfNotPresent' } });
  });

  test('reach into sidecars: a port without protocol gets TCP', () => {
    const k = applyCrdDefaults(karmada({ components: { etcd: {}, karmadaAPIServer: { sidecarContainers: [{ name: 'kms', ports: [{ containerPort: 8080 }] }] } } }));
    expect(k.spec!.components!.karmadaAPIServer!.sidecarContainers).toEqual([{ name: 'kms', ports: [{ containerPort: 8080, protocol: 'TCP' }] }]);
  });
});

describe('the operator defaulter', () => {
  test('an empty spec: local etcd on emptyDir, every core component, no add-ons', () => {
    const spec = setOperatorDefaults(karmada(undefined)).spec!;
    expect(spec.hostCluster).toEqual({ networking: { dnsDomain: 'cluster.local' } });
    expect(spec.components!.etcd).toEqual({
      local: { replicas: 1, imageRepository: 'registry.k8s.io/etcd', imageTag: '3.6.8-0', imagePullPolicy: 'IfNotPresent', volumeData: { emptyDir: {} } },
    });
    expect(spec.components!.karmadaAPIServer).toEqual({
      imageRepository: 'registry.k8s.io/kube-apiserver', imageTag: 'v1.36.2', imagePullPolicy: 'IfNotPresent',
      replicas: 1, serviceSubnet: '10.96.0.0/12', serviceType: 'ClusterIP',
    });
    expect(Object.keys(spec.components!).sort()).toEqual([
      'etcd', 'karmadaAPIServer', 'karmadaAggregatedAPIServer', 'karmadaControllerManager', 'karmadaMetricsAdapter',
      'karmadaScheduler', 'karmadaWebhook', 'kubeControllerManager',
    ]);
    expect(spec.components!.karmadaMetricsAdapter!.replicas).toBe(2);
    expect(spec.components!.karmadaScheduler!.imageTag).toBe('v1.19.0-rc.0');
  });

  test('keeps what is set; an empty string counts as unset except for serviceSubnet (a pointer)', () => {
    const api = setOperatorDefaults(karmada({
      components: { etcd: {}, karmadaAPIServer: { imageRepository: '', imageTag: 'v1.35.0', replicas: 0, serviceSubnet: '', serviceType: '' } },
    })).spec!.components!.karmadaAPIServer!;
    expect(api).toMatchObject({ imageRepository: 'registry.k8s.io/kube-apiserver', imageTag: 'v1.35.0', replicas: 0, serviceSubnet: '', serviceType: 'ClusterIP' });
  });

  test('external etcd: no local etcd is defaulted in', () => {
    const external = { endpoints: ['https://e:2379'], secretRef: { name: 'karmada-demo-etcd-cert' } };
    expect(setOperatorDefaults(karmada({ components: { etcd: { external } } })).spec!.components!.etcd).toEqual({ external });
  });

  test('add-ons are defaulted only when present, with the given operator version', () => {
    const c = setOperatorDefaults(karmada({ components: { etcd: {}, karmadaSearch: {} } }), 'v1.18.2').spec!.components!;
    expect(c.karmadaSearch).toEqual({ imageRepository: 'docker.io/karmada/karmada-search', imageTag: 'v1.18.2', imagePullPolicy: 'IfNotPresent', replicas: 1 });
    expect(c.karmadaDescheduler).toBeUndefined();
  });

  test('a volume source the user chose is kept, and no emptyDir is added', () => {
    const local = setOperatorDefaults(karmada({ components: { etcd: { local: { volumeData: { hostPath: { path: '/var/lib/karmada-etcd' } } } } } })).spec!.components!.etcd!.local!;
    expect(local.volumeData).toEqual({ hostPath: { path: '/var/lib/karmada-etcd' } });
  });
});

describe('defaultKarmada', () => {
  test('the CRD defaults reach the objects the operator created (after its write-back)', () => {
    const c = defaultKarmada(karmada({ components: { etcd: {} } })).spec!.components!;
    expect(c.karmadaAPIServer!.priorityClassName).toBe('system-node-critical');
    expect(c.etcd!.local!.priorityClassName).toBe('system-node-critical');
    expect(c.karmadaWebhook!.priorityClassName).toBe('system-node-critical');
  });

  test('is a fixpoint, and the input is not changed', () => {
    const input = karmada({ components: { etcd: {}, karmadaAPIServer: { labels: { a: 'b' } } } });
    const copy = structuredClone(input);
    const once = defaultKarmada(input);
    expect(defaultKarmada(once)).toEqual(once);
    expect(input).toEqual(copy);
  });

  test('a priorityClassName set to the empty string stays empty (the CRD default is for absent fields)', () => {
    const c = defaultKarmada(karmada({ components: { etcd: {}, karmadaAPIServer: { priorityClassName: '' } } })).spec!.components!;
    expect(c.karmadaAPIServer!.priorityClassName).toBe('');
  });

  test('constants', () => {
    expect(CONSTANTS).toMatchObject({ kubeDefaultVersion: 'v1.36.2', etcdDefaultVersion: '3.6.8-0', serviceSubnet: '10.96.0.0/12' });
  });
});
