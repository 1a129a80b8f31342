/**
 * KarmadaOperatorInstance's problems: what the Karmada object cannot carry, what the operator would
 * refuse or change, the library's own checks (the same as KarmadaApiServer's, under `apiServer.`),
 * and props of the wrong runtime type from JavaScript callers. Each problem names its field and fix.
 */
import { App, Chart } from 'cdk8s';
import { ServiceType, k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  EncryptionAtRest, EncryptionProvider, EtcdConfig, KarmadaApiServer, KarmadaApiServerProps, KarmadaOperatorComponents, KarmadaOperatorInstance, operator,
} from '../../src';

function chart(): Chart {
  return new Chart(new App(), 'test', { namespace: 'tenant1', disableResourceNameHashes: true });
}

/** The problems of an instance made with props of any type, as a JavaScript caller can. */
function problemsOf(props: unknown): string[] {
  const Instance = KarmadaOperatorInstance as unknown as new (scope: Construct, id: string, props: unknown) => KarmadaOperatorInstance;
  return new Instance(chart(), 'Karmada', props).node.validate();
}

const operatorProblems = (apiServer: KarmadaApiServerProps, components?: KarmadaOperatorComponents) => problemsOf({ apiServer, components });

const kmsPlugin = (nativeSidecar?: boolean) => EncryptionAtRest.kms({
  providers: [EncryptionProvider.kms({
    name: 'kms',
    plugin: { container: { name: 'kms-plugin', image: 'registry.example.com/kms:v1.0.0' }, socketPath: '/var/run/kmsplugin/socket.sock', nativeSidecar },
  })],
});

/** [what, API server props (instanceName added), components, field, key phrase of the message, key phrase of the fix]. */
const OPERATOR_ERRORS: [string, Partial<KarmadaApiServerProps>, KarmadaOperatorComponents | undefined, string, string, string][] = [
  ['topology spread constraints', {
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': 'karmada-demo' } } }],
  }, undefined, 'apiServer.topologySpreadConstraints', 'has no topologySpreadConstraints', 'podAntiAffinity'],
  ['a pod security context', { podSecurityContext: { runAsUser: 10001 } }, undefined, 'apiServer.podSecurityContext', 'has no pod security context', 'remove it'],
  ['a native sidecar', {
    sidecarContainers: [{ name: 'agent', image: 'registry.example.com/agent:v1' }], sidecarOptions: { agent: { nativeSidecar: true } },
  }, undefined, 'apiServer.sidecarOptions.agent.nativeSidecar', 'cannot run as a native sidecar', 'remove nativeSidecar'],
  ['a KMS plugin asked to be native', { encryption: kmsPlugin(true) }, undefined,
    'apiServer.encryption.providers[0].kms.plugin.nativeSidecar', 'cannot run as a native sidecar', 'remove nativeSidecar'],
  ['another certificate Secret', { certificateSecretName: 'my-certs' }, undefined, 'apiServer.certificateSecretName', 'mounts the certificates it issues itself', 'spec.customCertificate'],
  ['an external etcd Secret of another name', {
    etcd: EtcdConfig.external({ endpoints: ['https://etcd.example.com:2379'], clientCertSecretName: 'etcd-client' }),
  }, undefined, 'apiServer.etcd.clientCertSecretName', 'requires the external etcd\'s client certificate Secret to be named "karmada-demo-etcd-cert"', 'name the Secret "karmada-demo-etcd-cert"'],
  ['local etcd with another client Secret', { etcd: EtcdConfig.local({ clientCertSecretName: 'mine' }) }, undefined,
    'apiServer.etcd.clientCertSecretName', 'issues the local etcd\'s certificates', 'EtcdConfig.external()'],
  ['local etcd with another Service', { etcd: EtcdConfig.local({ serviceName: 'my-etcd' }) }, undefined,
    'apiServer.etcd.serviceName', 'serves the local etcd through the Service "karmada-demo-etcd-client"', 'EtcdConfig.external()'],
  ['settings of the local etcd with an external one', {
    etcd: EtcdConfig.external({ endpoints: ['https://etcd.example.com:2379'], clientCertSecretName: 'karmada-demo-etcd-cert' }),
  }, { localEtcd: { replicas: 3 } }, 'components.localEtcd', 'would still deploy this local one', 'remove components.localEtcd'],
  ['a load balancer class', { serviceType: ServiceType.LOAD_BALANCER, loadBalancerClass: 'service.k8s.aws/nlb' }, undefined,
    'apiServer.loadBalancerClass', 'accepts only a DNS-1123 label', 'remove loadBalancerClass'],
  ['an instance name that YAML 1.1 reads as a boolean', { instanceName: 'on' }, undefined, 'apiServer.instanceName', '"on" is a boolean, not a string', 'choose a value'],
  ['a namespace that YAML 1.1 reads as a number', { namespace: '2024' }, undefined, 'apiServer.namespace', '"2024" is a number', 'choose a value'],
  ['a feature gate of another component, which the operator never applies', {}, { karmadaScheduler: { featureGates: { Failover: true } } },
    'components.karmadaScheduler.featureGates', 'never applies them', 'extraArgs'],
  ['peer certificate SANs of the local etcd', {}, { localEtcd: { peerCertSaNs: ['etcd.example.com'] } }, 'components.localEtcd.peerCertSaNs', 'never reads peerCertSANs', 'remove peerCertSaNs'],
  ['an emptyDir size for the etcd data, which the operator ignores', {}, {
    localEtcd: { volumeData: { emptyDir: { sizeLimit: operator.KarmadaSpecComponentsEtcdLocalVolumeDataEmptyDirSizeLimit.fromString('1Gi') } } },
  }, 'components.localEtcd.volumeData.emptyDir.sizeLimit', 'always renders the data volume as emptyDir: {}', 'volumeClaim'],
  ['two kinds of etcd data volume', {}, { localEtcd: { volumeData: { emptyDir: {}, hostPath: { path: '/var/lib/etcd' } } } },
    'components.localEtcd.volumeData', 'emptyDir and hostPath are both given', 'keep one'],
  ['a budget of another component with both bounds', {}, {
    karmadaWebhook: {
      podDisruptionBudgetConfig: {
        minAvailable: operator.KarmadaSpecComponentsKarmadaWebhookPodDisruptionBudgetConfigMinAvailable.fromNumber(1),
        maxUnavailable: operator.KarmadaSpecComponentsKarmadaWebhookPodDisruptionBudgetConfigMaxUnavailable.fromNumber(1),
      },
    },
  }, 'components.karmadaWebhook.podDisruptionBudgetConfig', 'mutually exclusive', 'exactly one'],
];

describe('what the operator target cannot carry or would refuse: an error with field and fix', () => {
  test.each(OPERATOR_ERRORS)('%s', (_what, apiServer, components, field, message, fix) => {
    const problems = operatorProblems({ instanceName: 'karmada-demo', ...apiServer }, components);
    const line = problems.find((p) => p.startsWith(`${field}: `));
    expect(line).toBeDefined();
    expect(line!.split('. Fix: ')[0]).toContain(message);
    expect(line!.split('. Fix: ')[1]).toContain(fix);
  });

  test('standalone, the same props synthesize (each error is the operator target\'s, not a bad input)', () => {
    for (const [what, apiServer, components] of OPERATOR_ERRORS) {
      if (components !== undefined || what.includes('YAML')) continue;
      const api = new KarmadaApiServer(chart(), 'ApiServer', { instanceName: 'karmada-demo', ...apiServer });
      expect([what, api.node.validate()]).toEqual([what, []]);
    }
  });

  test('a KMS plugin left native by default becomes a regular container, without an error', () => {
    expect(operatorProblems({ instanceName: 'karmada-demo', encryption: kmsPlugin() })).toEqual([]);
  });

  test('the certificate Secret under the operator\'s own name is no error', () => {
    expect(operatorProblems({ instanceName: 'karmada-demo', certificateSecretName: 'karmada-demo-cert' })).toEqual([]);
  });
});

describe('the library\'s checks run too, on the same model', () => {
  test('the standalone construct\'s problems, each under apiServer.', () => {
    const props: KarmadaApiServerProps = {
      instanceName: 'karmada-demo',
      replicas: 2,
      podDisruptionBudgetConfig: { minAvailable: k8s.IntOrString.fromNumber(2) },
      imageTag: 'latest',
      extraArgs: { 'anonymous-auth': 'false' },
      sidecarContainers: [{ name: 'kube-apiserver', image: 'registry.example.com/x:v1' }],
    };
    const standalone = new KarmadaApiServer(chart(), 'ApiServer', props).node.validate();
    expect(standalone.length).toBeGreaterThanOrEqual(4);
    expect(operatorProblems(props)).toEqual(standalone.map((p) => `apiServer.${p}`));
  });

  test('two instances that would make the same objects in one namespace', () => {
    const c = chart();
    new KarmadaApiServer(c, 'ApiServer', { instanceName: 'tenant1' });
    const instance = new KarmadaOperatorInstance(c, 'Karmada', { apiServer: { instanceName: 'tenant1-karmada' } });
    expect(instance.node.validate()).toEqual([
      'apiServer.instanceName: "tenant1-karmada" makes the operator render tenant1-karmada-apiserver in namespace tenant1, '
      + 'which the API server at test/ApiServer renders too (instance names with and without "karmada" can map to one name). '
      + 'Fix: give one of the two another instance name or another namespace',
    ]);
  });
});

/** Props of the wrong type: [what, props, field, key phrase of the message]. */
const WRONG_TYPES: [string, unknown, string, string][] = [
  ['props that are not an object', 'karmada-demo', 'props', 'expected the props object, got a string'],
  ['no apiServer', {}, 'apiServer', 'the API server\'s props are missing'],
  ['apiServer that is not an object', { apiServer: 'karmada-demo' }, 'apiServer', 'expected the props object, got a string'],
  ['a misspelt prop', { apiServer: { instanceName: 'karmada-demo' }, component: {} }, 'component', 'did you mean components?'],
  ['a misspelt API server prop', { apiServer: { instanceName: 'karmada-demo', replica: 3 } }, 'apiServer.replica', 'did you mean replicas?'],
  ['replicas as a string', { apiServer: { instanceName: 'karmada-demo', replicas: '3' } }, 'apiServer.replicas', 'expected a number, got a string ("3")'],
  ['components that are not an object', { apiServer: { instanceName: 'karmada-demo' }, components: [] }, 'components', 'expected an object, got a list'],
  ['an unknown component', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaSchedulr: {} } }, 'components.karmadaSchedulr', 'did you mean karmadaScheduler?'],
  ['the etcd component', { apiServer: { instanceName: 'karmada-demo' }, components: { etcd: {} } }, 'components.etcd', 'localEtcd'],
  ['the API server as a component', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaAPIServer: {} } }, 'components.karmadaAPIServer', 'apiServer'],
  ['a component that is not an object', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaScheduler: 2 } }, 'components.karmadaScheduler', 'expected an object (operator.KarmadaSpecComponentsKarmadaScheduler), got a number (2)'],
  ['replicas of a component as a string', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaScheduler: { replicas: '2' } } }, 'components.karmadaScheduler.replicas', 'expected a number, got a string ("2")'],
  ['a field under its CRD name, which the class does not read', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaAggregatedApiServer: { certSANs: ['x'] } } },
    'components.karmadaAggregatedApiServer.certSANs', 'has no field "certSANs", so it would be dropped. Fix: did you mean certSaNs?'],
  ['a misspelt field deep inside', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaWebhook: { tolerations: [{ key: 'a', operater: 'Exists' }] } } },
    'components.karmadaWebhook.tolerations[0].operater', 'did you mean operator?'],
  ['a quantity as a plain string', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaWebhook: { resources: { limits: { memory: '1Gi' } } } } },
    'components.karmadaWebhook.resources.limits.memory', 'write operator.KarmadaSpecComponentsKarmadaWebhookResourcesLimits.fromString("1Gi")'],
  ['one toleration instead of a list', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaWebhook: { tolerations: { key: 'a', operator: 'Exists' } } } },
    'components.karmadaWebhook.tolerations', 'expected a list, got an object'],
  ['a missing required field', { apiServer: { instanceName: 'karmada-demo' }, components: { localEtcd: { volumeData: { hostPath: {} } } } },
    'components.localEtcd.volumeData.hostPath.path', 'requires path'],
  ['a fractional replica count', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaMetricsAdapter: { tolerations: [{ key: 'a', operator: 'Exists' }], replicas: 1.5 } } },
    'components.karmadaMetricsAdapter.replicas', '1.5 is not a whole number'],
];

describe('JavaScript callers: a prop of the wrong runtime type is a problem with its field, not a TypeError', () => {
  test.each(WRONG_TYPES)('%s', (_what, props, field, phrase) => {
    const problems = problemsOf(props);
    const line = problems.find((p) => p.startsWith(`${field}: `));
    expect(line).toBeDefined();
    expect(line).toContain(phrase);
    expect(line).toMatch(/\. Fix: .+/);
  });

  test('a component with a value of the wrong type is left out of the object (its problem fails the synth)', () => {
    const c = chart();
    new KarmadaOperatorInstance(c, 'Karmada', { apiServer: { instanceName: 'karmada-demo' }, components: { karmadaWebhook: { tolerations: 'all' as never } } });
    expect(() => c.toJson()).not.toThrow(TypeError);
  });
});

test('the generated classes name their fields as typeScriptName says, for every field of the CRD', async () => {
  const { typeScriptName } = await import('../../src/operator/components');
  const { readFileSync } = await import('fs');
  const { join } = await import('path');
  const source = readFileSync(join(__dirname, '..', '..', 'src', 'imports', 'operator.karmada.io.ts'), 'utf8');
  const pairs = [...source.matchAll(/^ {4}'([A-Za-z0-9]+)': .*?obj\.([A-Za-z0-9]+)\b/gm)].map((m) => [m[1], m[2]]);
  expect(pairs.length).toBeGreaterThan(500);
  expect(pairs.filter(([json, ts]) => typeScriptName(json) !== ts)).toEqual([]);
});
