/**
 * KarmadaOperatorInstance: the Karmada object it emits (valid against the operator's CRD), how each
 * prop maps into it, and the objects beside it.
 */
import { App, Chart, JsonPatch, Testing } from 'cdk8s';
import { NetworkPolicy, NetworkPolicyTrafficDefault, k8s } from 'cdk8s-plus-28';
import {
  EncryptionAtRest, EncryptionProvider, EtcdConfig, KarmadaApiServerProps, KarmadaOperatorComponents, KarmadaOperatorInstance, operator,
} from '../../src';
import * as schemaFile from '../../src/imports/operator.karmada.io.schema.json';
import type { Manifest } from '../helpers';
import { validateManifests } from '../schema';
import { CrdSchemaFile, CrdValidator } from '../imports/crd-schema';
import { synthOperator } from './targets';

const crd = new CrdValidator(schemaFile as unknown as CrdSchemaFile, 'v1alpha1');

/** The objects of one instance; the Karmada object checked against the CRD, the others against Kubernetes' schemas. */
function objects(apiServer: KarmadaApiServerProps, components?: KarmadaOperatorComponents): { karmada: Manifest; others: Manifest[] } {
  const all = synthOperator(apiServer, components);
  const karmada = all.filter((m) => m.kind === 'Karmada');
  expect(karmada).toHaveLength(1);
  expect(crd.problems(karmada[0])).toEqual([]);
  const others = all.filter((m) => m.kind !== 'Karmada');
  validateManifests(others);
  return { karmada: karmada[0], others };
}

const apiServerOf = (apiServer: KarmadaApiServerProps, components?: KarmadaOperatorComponents) =>
  objects(apiServer, components).karmada.spec.components.karmadaAPIServer;

/** The flags every API server gets from this library beyond the operator's, as extraArgs. */
const LIBRARY_FLAGS = {
  'audit-log-maxage': '30',
  'audit-log-maxbackup': '10',
  'audit-log-maxsize': '100',
  'audit-log-path': '-',
  'audit-policy-file': '/etc/karmada/config/audit-policy.yaml',
  'kubelet-certificate-authority': '/etc/karmada/pki/ca.crt',
  'kubelet-client-certificate': '/etc/karmada/pki/apiserver.crt',
  'kubelet-client-key': '/etc/karmada/pki/apiserver.key',
  'profiling': 'false',
  'service-account-extend-token-expiration': 'false',
  'service-account-lookup': 'true',
};

const CONFIG_VOLUME = { name: 'apiserver-config', configMap: { name: 'karmada-demo-apiserver-config' } };
const CONFIG_MOUNT = { name: 'apiserver-config', mountPath: '/etc/karmada/config', readOnly: true };
const RESTRICTED_SIDECAR = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsGroup: 65532,
  runAsNonRoot: true,
  runAsUser: 65532,
  seccompProfile: { type: 'RuntimeDefault' },
};

describe('the smallest props', () => {
  const { karmada, others } = objects({ instanceName: 'karmada-demo' });

  test('a Karmada object: the local etcd, and the API server with the library\'s defaults', () => {
    expect(karmada).toStrictEqual({
      apiVersion: 'operator.karmada.io/v1alpha1',
      kind: 'Karmada',
      metadata: { name: 'karmada-demo', namespace: 'tenant1' },
      spec: {
        components: {
          etcd: { local: {} },
          karmadaAPIServer: {
            imageRepository: 'registry.k8s.io/kube-apiserver',
            imageTag: 'v1.36.2',
            imagePullPolicy: 'IfNotPresent',
            replicas: 1,
            annotations: { 'karmada.io/apiserver-config-checksum': expect.stringMatching(/^[0-9a-f]{64}$/) },
            priorityClassName: 'system-node-critical',
            serviceSubnet: '10.96.0.0/12',
            serviceType: 'ClusterIP',
            extraArgs: LIBRARY_FLAGS,
            extraVolumes: [CONFIG_VOLUME],
            extraVolumeMounts: [CONFIG_MOUNT],
          },
        },
      },
    });
  });

  test('the ConfigMap with the audit policy beside it, as KarmadaApiServer renders it', () => {
    expect(others.map((m) => `${m.kind} ${m.metadata.name}`)).toEqual(['ConfigMap karmada-demo-apiserver-config']);
    expect(Object.keys(others[0].data)).toEqual(['audit-policy.yaml']);
  });
});

test('the proposal\'s user story: the one-prop KMS form becomes the operator\'s hand-wired form', () => {
  const { karmada, others } = objects({
    instanceName: 'karmada-demo',
    encryption: EncryptionAtRest.kms({
      providers: [EncryptionProvider.kms({
        name: 'tenant1-kms',
        plugin: { container: { name: 'kms-plugin', image: 'registry.example.com/kms-plugin:v1.0.0' }, socketPath: '/var/run/kmsplugin/socket.sock' },
      }), EncryptionProvider.identity()],
      automaticReload: true,
    }),
  });
  const apiServer = karmada.spec.components.karmadaAPIServer;
  expect(apiServer.extraArgs).toStrictEqual({
    ...LIBRARY_FLAGS,
    'encryption-provider-config': '/etc/karmada/config/encryption-config.yaml',
    'encryption-provider-config-automatic-reload': 'true',
  });
  // The socket's emptyDir, then the configuration's ConfigMap (a directory, never a subPath).
  expect(apiServer.extraVolumes).toStrictEqual([{ name: 'kms-socket', emptyDir: {} }, CONFIG_VOLUME]);
  expect(apiServer.extraVolumeMounts).toStrictEqual([{ name: 'kms-socket', mountPath: '/var/run/kmsplugin' }, CONFIG_MOUNT]);
  // The plugin: a regular container (the CR has no init containers) with the socket mounted and the
  // restricted settings, the pod's ones included.
  expect(apiServer.sidecarContainers).toStrictEqual([{
    name: 'kms-plugin',
    image: 'registry.example.com/kms-plugin:v1.0.0',
    securityContext: RESTRICTED_SIDECAR,
    volumeMounts: [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin' }],
  }]);
  const configMap = others.find((m) => m.kind === 'ConfigMap')!;
  expect(configMap.data['encryption-config.yaml']).toContain('endpoint: unix:///var/run/kmsplugin/socket.sock');
  expect(configMap.data['encryption-config.yaml']).not.toContain('cachesize');
});

describe('what the CR has no field for, expressed another way', () => {
  test('replicas: the default budget as podDisruptionBudgetConfig, the pod anti-affinity in affinity', () => {
    const apiServer = apiServerOf({ instanceName: 'karmada-demo', replicas: 3 });
    expect(apiServer.podDisruptionBudgetConfig).toStrictEqual({ maxUnavailable: 1 });
    expect(apiServer.affinity).toStrictEqual({
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{
          labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': 'karmada-demo' } },
          topologyKey: 'kubernetes.io/hostname',
        }],
      },
    });
  });

  test('a budget of the user\'s, as given', () => {
    expect(apiServerOf({ instanceName: 'karmada-demo', replicas: 4, podDisruptionBudgetConfig: { minAvailable: k8s.IntOrString.fromString('50%') } })
      .podDisruptionBudgetConfig).toStrictEqual({ minAvailable: '50%' });
  });

  test('nodeSelector: an In expression in every required node selector term', () => {
    const alone = apiServerOf({ instanceName: 'karmada-demo', nodeSelector: { 'kubernetes.io/os': 'linux' } });
    expect(alone.affinity).toStrictEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }] } },
    });
    const withTerms = apiServerOf({
      instanceName: 'karmada-demo',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } }],
        },
      },
    });
    const os = { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] };
    expect(withTerms.affinity.nodeAffinity).toStrictEqual({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, os] },
          { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }], matchExpressions: [os] },
        ],
      },
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } }],
    });
  });

  test('feature gates: as --feature-gates in extraArgs (the operator never applies its featureGates field)', () => {
    const apiServer = apiServerOf({ instanceName: 'karmada-demo', featureGates: { CBORServingAndStorage: true, APIResponseCompression: false } });
    expect(apiServer.extraArgs['feature-gates']).toBe('APIResponseCompression=false,CBORServingAndStorage=true');
    expect(apiServer).not.toHaveProperty('featureGates');
  });

  test('extraArgs: only the flags whose value differs from the operator\'s own', () => {
    const apiServer = apiServerOf({ instanceName: 'karmada-demo', extraArgs: { 'v': '4', 'max-requests-inflight': '1500', 'enable-priority-and-fairness': 'true' } });
    expect(apiServer.extraArgs).toStrictEqual({ ...LIBRARY_FLAGS, 'v': '4', 'enable-priority-and-fairness': 'true' });
  });

  test('another cluster domain: the flags in extraArgs, the SANs of the serving and etcd certificates', () => {
    const { karmada } = objects({ instanceName: 'karmada-demo', clusterDomain: 'corp.example.com' });
    const apiServer = karmada.spec.components.karmadaAPIServer;
    expect(apiServer.extraArgs).toMatchObject({
      'etcd-servers': 'https://karmada-demo-etcd-client.tenant1.svc.corp.example.com:2379',
      'service-account-issuer': 'https://kubernetes.default.svc.corp.example.com',
    });
    expect(apiServer.certSANs).toEqual(['*.tenant1.svc.corp.example.com']);
    expect(karmada.spec.components.etcd).toStrictEqual({ local: { serverCertSANs: ['karmada-demo-etcd-client.tenant1.svc.corp.example.com'] } });
  });

  test('the pod\'s security settings in each sidecar\'s own context, where it leaves them unset', () => {
    const [sidecar] = apiServerOf({
      instanceName: 'karmada-demo',
      sidecarContainers: [{ name: 'shipper', image: 'registry.example.com/shipper:v1', securityContext: { runAsUser: 1000, readOnlyRootFilesystem: false } }],
    }).sidecarContainers;
    expect(sidecar.securityContext).toStrictEqual({ ...RESTRICTED_SIDECAR, runAsUser: 1000, readOnlyRootFilesystem: false });
  });
});

describe('etcd', () => {
  test('external: endpoints and the Secret, which must carry the operator\'s name; the key prefix as a flag', () => {
    const { karmada } = objects({
      instanceName: 'karmada-demo',
      etcd: EtcdConfig.external({ endpoints: ['https://etcd-0.example.com:2379', 'https://etcd-1.example.com:2379'], clientCertSecretName: 'karmada-demo-etcd-cert', keyPrefix: '/karmada-demo' }),
    });
    expect(karmada.spec.components.etcd).toStrictEqual({
      external: {
        endpoints: ['https://etcd-0.example.com:2379', 'https://etcd-1.example.com:2379'],
        secretRef: { name: 'karmada-demo-etcd-cert', namespace: 'tenant1' },
      },
    });
    expect(karmada.spec.components.karmadaAPIServer.extraArgs).toStrictEqual({ ...LIBRARY_FLAGS, 'etcd-prefix': '/karmada-demo' });
  });

  test('local, with the user\'s settings of the operator\'s etcd', () => {
    const { karmada } = objects({ instanceName: 'karmada-demo' }, {
      localEtcd: {
        replicas: 3,
        imageTag: '3.6.8-0',
        volumeData: {
          volumeClaim: {
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: operator.KarmadaSpecComponentsEtcdLocalVolumeDataVolumeClaimSpecResourcesRequests.fromString('8Gi') } },
            },
          },
        },
      },
    });
    expect(karmada.spec.components.etcd).toStrictEqual({
      local: { replicas: 3, imageTag: '3.6.8-0', volumeData: { volumeClaim: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '8Gi' } } } } } },
    });
  });
});

test('the other components: typed with the operator\'s classes, written under their CRD names; add-ons only when given', () => {
  const { karmada } = objects({ instanceName: 'karmada-demo' }, {
    karmadaScheduler: { replicas: 2, extraArgs: { v: '4' } },
    karmadaAggregatedApiServer: { certSaNs: ['aa.example.com'], resources: { requests: { cpu: operator.KarmadaSpecComponentsKarmadaAggregatedApiServerResourcesRequests.fromString('100m') } } },
    karmadaSearch: {},
  });
  const { etcd, karmadaAPIServer, ...others } = karmada.spec.components;
  expect(etcd).toStrictEqual({ local: {} });
  expect(karmadaAPIServer).toBeDefined();
  expect(others).toStrictEqual({
    karmadaScheduler: { replicas: 2, extraArgs: { v: '4' } },
    karmadaAggregatedAPIServer: { certSANs: ['aa.example.com'], resources: { requests: { cpu: '100m' } } },
    karmadaSearch: {},
  });
});

describe('the handle', () => {
  test('karmada is the default child; a JSON patch on it keeps every field', () => {
    const chart = new Chart(new App(), 'test', { namespace: 'tenant1' });
    const instance = new KarmadaOperatorInstance(chart, 'Karmada', { apiServer: { instanceName: 'karmada-demo' } });
    expect(instance.node.defaultChild).toBe(instance.karmada);
    instance.karmada.addJsonPatch(JsonPatch.add('/spec/customCertificate', { leafCertValidityDays: 90 }));
    instance.karmada.addJsonPatch(JsonPatch.add('/spec/components/karmadaAPIServer/certSANs', ['karmada.example.com']));
    const [karmada] = Testing.synth(chart);
    expect(karmada.spec.customCertificate).toEqual({ leafCertValidityDays: 90 });
    expect(karmada.spec.components.karmadaAPIServer.certSANs).toEqual(['karmada.example.com']);
    expect(crd.problems(karmada)).toEqual([]);
  });

  test('why not the generated operator.Karmada class: it re-serializes after JSON patches, and drops what they add', () => {
    const chart = new Chart(new App(), 'test');
    const l1 = new operator.Karmada(chart, 'L1', { metadata: { name: 'k' }, spec: { components: { etcd: {} } } });
    l1.addJsonPatch(JsonPatch.add('/spec/components/karmadaAPIServer', { certSANs: ['karmada.example.com'] }));
    // The patch wrote karmadaAPIServer (the CRD's name); the class reads karmadaApiServer, so the whole component is gone.
    expect(Testing.synth(chart)[0].spec.components).toEqual({ etcd: {} });
  });

  test('instanceName, namespace, url, selectorLabels; a NetworkPolicy of cdk8s-plus selects the operator\'s API server pods', () => {
    const chart = new Chart(new App(), 'test', { namespace: 'tenant1', disableResourceNameHashes: true });
    const instance = new KarmadaOperatorInstance(chart, 'Karmada', { apiServer: { instanceName: 'tenant1', clusterDomain: 'corp.example.com' } });
    expect([instance.instanceName, instance.namespace, instance.url]).toEqual(['tenant1', 'tenant1', 'https://tenant1-karmada-apiserver.tenant1.svc.corp.example.com:5443']);
    expect(instance.selectorLabels).toEqual({ 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': 'tenant1' });
    new NetworkPolicy(chart, 'DenyAll', { selector: instance, ingress: { default: NetworkPolicyTrafficDefault.DENY } });
    const policy = Testing.synth(chart).find((m) => m.kind === 'NetworkPolicy');
    expect(policy.spec.podSelector).toEqual({ matchLabels: instance.selectorLabels });
  });

  test('networkPolicy: rendered beside the Karmada object, as KarmadaApiServer renders it', () => {
    const { others } = objects({ instanceName: 'karmada-demo', networkPolicy: {} });
    expect(others.map((m) => m.kind).sort()).toEqual(['ConfigMap', 'NetworkPolicy']);
  });
});
