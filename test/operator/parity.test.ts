/**
 * Parity of the two targets: the API server the Karmada operator renders from our Karmada object
 * (the port, ./render.ts) equals what KarmadaApiServer renders standalone from the same props, but
 * for the differences docs/operator-parity.md documents, each applied by a named normalization
 * (./targets.ts). An undocumented difference fails.
 */
import { Duration } from 'cdk8s';
import { ImagePullPolicy, ServiceType, k8s } from 'cdk8s-plus-28';
import { EncryptionAtRest, EncryptionProvider, EtcdConfig, KarmadaApiServerProps } from '../../src';
import { NORMALIZATIONS, normalized, operatorApiServer, renderBoth } from './targets';

const plugin = (name = 'kms-plugin', socketPath = '/var/run/kmsplugin/socket.sock') => ({
  container: {
    name,
    image: 'registry.example.com/kms-plugin:v1.0.0',
    startupProbe: { grpc: { port: 8080 }, periodSeconds: 2, failureThreshold: 30 },
  },
  socketPath,
});

/** Prop sets that exercise every normalization and every mapping. */
const CASES: [string, KarmadaApiServerProps][] = [
  ['the smallest props', { instanceName: 'karmada-demo' }],
  ['the proposal\'s user story: a KMS plugin, in one prop', {
    instanceName: 'tenant1',
    encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'tenant1-kms', plugin: plugin() }), EncryptionProvider.identity()], automaticReload: true }),
  }],
  ['highly available, with labels, annotations, a nodeSelector and node affinity, a fractional CPU limit', {
    instanceName: 'karmada-demo',
    replicas: 3,
    labels: { 'example.com/team': 'platform' },
    annotations: { 'example.com/owner': 'platform' },
    nodeSelector: { 'kubernetes.io/os': 'linux', 'node-role.example.com/control': '' },
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a', 'b'] }] },
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] },
          ],
        },
      },
    },
    tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    resources: { requests: { cpu: k8s.Quantity.fromString('250m'), memory: k8s.Quantity.fromString('512Mi') }, limits: { cpu: k8s.Quantity.fromNumber(1.5), memory: k8s.Quantity.fromString('1Gi') } },
    priorityClassName: 'system-cluster-critical',
  }],
  ['a budget of the user\'s, a LoadBalancer without a class, service annotations, empty resources', {
    instanceName: 'tenant2',
    resources: { requests: {} },
    replicas: 2,
    podDisruptionBudgetConfig: { minAvailable: k8s.IntOrString.fromNumber(1) },
    serviceType: ServiceType.LOAD_BALANCER,
    serviceAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' },
  }],
  ['another cluster domain, feature gates, extraArgs, image settings', {
    instanceName: 'tenant3',
    clusterDomain: 'corp.example.com',
    featureGates: { APIServerTracing: true },
    extraArgs: { 'max-requests-inflight': '3000', 'v': '4' },
    imageRepository: 'registry.example.com/kube-apiserver',
    imageTag: 'v1.35.2',
    imagePullPolicy: ImagePullPolicy.ALWAYS,
    serviceSubnet: '10.100.0.0/16',
    serviceType: ServiceType.NODE_PORT,
  }],
  ['an external etcd with a key prefix, a hand-wired sidecar and extra volumes', {
    instanceName: 'tenant4',
    etcd: EtcdConfig.external({ endpoints: ['https://etcd-0.example.com:2379', 'https://etcd-1.example.com:2379'], clientCertSecretName: 'tenant4-karmada-etcd-cert', keyPrefix: '/tenant4' }),
    extraVolumes: [{ name: 'extra', configMap: { name: 'extra' } }],
    extraVolumeMounts: [{ name: 'extra', mountPath: '/etc/extra', readOnly: true }],
    sidecarContainers: [{
      name: 'log-shipper',
      image: 'registry.example.com/shipper:v2.1.0',
      securityContext: { runAsUser: 1000 },
      volumeMounts: [{ name: 'extra', mountPath: '/etc/extra' }],
    }],
  }],
  ['two KMS plugins and a sidecar of the user\'s, with a timeout, a NetworkPolicy', {
    instanceName: 'tenant5',
    networkPolicy: { allowFrom: [{ ipBlock: { cidr: '10.0.0.0/8' } }] },
    sidecarContainers: [{ name: 'metrics', image: 'registry.example.com/metrics:v1.0.0', ports: [{ name: 'metrics', containerPort: 9100 }] }],
    encryption: EncryptionAtRest.kms({
      resources: [
        { resources: ['secrets'], providers: [EncryptionProvider.kms({ name: 'a', plugin: plugin('kms-a', '/var/run/kms-a/socket.sock'), timeout: Duration.seconds(5) })] },
        { resources: ['configmaps'], providers: [EncryptionProvider.kms({ name: 'b', plugin: plugin('kms-b', '/var/run/kms-b/socket.sock') })] },
      ],
    }),
  }],
  ['a configuration with key providers from a Secret', {
    instanceName: 'tenant6',
    encryption: EncryptionAtRest.fromSecret({ secretName: 'tenant6-encryption', automaticReload: true }),
  }],
];

describe('the operator renders from our Karmada object what KarmadaApiServer renders, but for the documented differences', () => {
  test.each(CASES)('%s', (_name, props) => {
    const both = renderBoth(props);
    expect(operatorApiServer(both.rendered)).toStrictEqual(normalized(both.standalone));
    // The objects the operator does not make come from us, the same in both targets.
    for (const kind of ['ConfigMap', 'NetworkPolicy']) {
      expect(both.operator.filter((m) => m.kind === kind)).toStrictEqual(both.standalone.filter((m) => m.kind === kind));
    }
  });

  test('every normalization is needed by some case (none is left over from an old difference)', () => {
    const needed = new Set<string>();
    for (const [, props] of CASES) {
      const both = renderBoth(props);
      const expected = normalized(both.standalone);
      for (const name of Object.keys(NORMALIZATIONS)) {
        const without = normalizedWithout(both.standalone, name);
        if (JSON.stringify(without) !== JSON.stringify(expected)) needed.add(name);
      }
    }
    expect([...needed].sort()).toEqual(Object.keys(NORMALIZATIONS).sort());
  });
});

/** The standalone objects with every normalization but one. */
function normalizedWithout(standalone: Parameters<typeof normalized>[0], skipped: string) {
  const saved = NORMALIZATIONS[skipped];
  (NORMALIZATIONS as Record<string, unknown>)[skipped] = () => undefined;
  try {
    return normalized(standalone);
  } finally {
    (NORMALIZATIONS as Record<string, unknown>)[skipped] = saved;
  }
}
