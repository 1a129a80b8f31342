/**
 * JavaScript callers (and TypeScript callers that cast) can give props of any runtime type. Each
 * wrong type is a problem with its field and fix, reported by validation like every other problem:
 * never a TypeError.
 */
import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { EncryptionAtRest, EncryptionProvider, EtcdConfig, KarmadaApiServer } from '../src';
import { newChart } from './helpers';

/** The problems of an API server made with props of any type (as a JavaScript caller can). */
function problemsOf(props: unknown, build?: (api: KarmadaApiServer) => void): string[] {
  const api = new (KarmadaApiServer as unknown as new (scope: Construct, id: string, props: unknown) => KarmadaApiServer)(
    newChart(), 'ApiServer', props);
  build?.(api);
  return api.node.validate();
}

const plugin = { container: { name: 'kms', image: 'registry.example.com/kms:v1' }, socketPath: '/var/run/kms/socket.sock' };

/** Props of the wrong type: [what, props (instanceName added), field, key phrase of the message]. */
const WRONG_TYPES: Array<[string, Record<string, unknown>, string, string]> = [
  ['a single toleration', { tolerations: { key: 'dedicated', operator: 'Exists' } }, 'tolerations', 'expected a list of tolerations, got an object'],
  ['a single sidecar', { sidecarContainers: { name: 'kms', image: 'x:v1' } }, 'sidecarContainers', 'expected a list of containers, got an object'],
  ['sidecars as a string', { sidecarContainers: 'kms' }, 'sidecarContainers', 'expected a list of containers, got a string ("kms")'],
  ['a sidecar that is a string', { sidecarContainers: ['kms'] }, 'sidecarContainers[0]', 'expected a Container object, got the string "kms"'],
  ['replicas as a string', { replicas: '3' }, 'replicas', 'expected a number, got a string ("3")'],
  ['labels as a string', { labels: 'team=platform' }, 'labels', 'expected an object, got a string'],
  ['a label value that is a number', { labels: { tier: 1 } }, 'labels.tier', 'expected a string, got a number (1)'],
  ['an extraArg value that is a number', { extraArgs: { 'max-requests-inflight': 3000 } }, 'extraArgs.max-requests-inflight', 'expected a string, got a number (3000)'],
  ['a feature gate given as a string', { featureGates: { SomeGate: 'true' } }, 'featureGates.SomeGate', 'expected true or false, got a string ("true")'],
  ['etcd as a plain object', { etcd: { endpoints: ['https://etcd:2379'] } }, 'etcd', 'expected an EtcdConfig, got an object'],
  ['encryption as a plain object', { encryption: { providers: [] } }, 'encryption', 'expected an EncryptionAtRest, got an object'],
  ['maxUnavailable as a number', { podDisruptionBudgetConfig: { maxUnavailable: 1 } }, 'podDisruptionBudgetConfig.maxUnavailable', 'expected a k8s.IntOrString, got a number (1)'],
  ['networkPolicy.allowFrom as one peer', { networkPolicy: { allowFrom: { ipBlock: { cidr: '10.0.0.0/8' } } } }, 'networkPolicy.allowFrom', 'expected a list of peers, got an object'],
  ['a misspelt prop', { sidecarContainer: [] }, 'sidecarContainer', 'is not a prop of KarmadaApiServer'],
  ['sidecar options that are not an object', { sidecarOptions: { kms: true } }, 'sidecarOptions["kms"]', 'expected an object, got a boolean (true)'],
  ['etcd endpoints as a string', { etcd: EtcdConfig.external({ endpoints: 'https://etcd:2379' as unknown as string[], clientCertSecretName: 'etcd' }) }, 'etcd.endpoints', 'expected a list of URLs, got a string'],
  ['one provider instead of a list', { encryption: EncryptionAtRest.kms({ providers: EncryptionProvider.kms({ name: 'k', plugin }) as unknown as EncryptionProvider[] }) }, 'encryption.providers', 'expected a list of providers, got an instance of EncryptionProvider'],
  ['a provider with null options', { encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms(null as never)] }) }, 'encryption.providers[0].kms', 'expected an object, got null'],
  ['a timeout in seconds instead of a Duration', { encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'k', plugin, timeout: 3 as unknown as Duration })] }) }, 'encryption.providers[0].kms.timeout', 'expected a Duration, got a number (3)'],
  ['a plugin without a socket path', { encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'k', plugin: { container: plugin.container } as never })] }) }, 'encryption.providers[0].kms.plugin.socketPath', 'the plugin has no socket path'],
];

describe('a prop of the wrong runtime type is a problem with its field, not a TypeError', () => {
  it.each(WRONG_TYPES)('%s', (_what, props, field, phrase) => {
    const problems = problemsOf({ instanceName: 'tenant1', ...props });
    const line = problems.find((p) => p.startsWith(`${field}: `));
    expect(line).toBeDefined();
    expect(line).toContain(phrase);
    expect(line).toMatch(/\. Fix: .+/);
  });
});

test('props that are not an object', () => {
  expect(problemsOf(null)).toEqual(expect.arrayContaining([expect.stringMatching(/^props: expected the props object, got null\. Fix: /)]));
  expect(problemsOf('tenant1')).toEqual(expect.arrayContaining([expect.stringMatching(/^props: expected the props object, got a string/)]));
});

test('a misspelt prop names the closest prop', () => {
  expect(problemsOf({ instanceName: 'tenant1', sidecarContainer: [] })).toEqual([
    'sidecarContainer: "sidecarContainer" is not a prop of KarmadaApiServer, so it would be ignored. Fix: did you mean sidecarContainers?',
  ]);
});

test('addSidecarContainer(null) and options of the wrong type', () => {
  const problems = problemsOf({ instanceName: 'tenant1' }, (api) => {
    api.addSidecarContainer(null as never);
    api.addSidecarContainer({ name: 'b', image: 'registry.example.com/b:v1' }, { nativeSidecar: 'yes' as never });
  });
  expect(problems).toEqual(expect.arrayContaining([
    expect.stringMatching(/^addSidecarContainer\(null\): expected a container, got null\. Fix: /),
    expect.stringMatching(/^addSidecarContainer\(b\)\.options\.nativeSidecar: expected true or false, got a string/),
  ]));
});

test('classes made with new from JavaScript, where their constructors are not private', () => {
  const Etcd = EtcdConfig as unknown as new () => EtcdConfig;
  const Encryption = EncryptionAtRest as unknown as new () => EncryptionAtRest;
  const Provider = EncryptionProvider as unknown as new () => EncryptionProvider;
  expect(problemsOf({ instanceName: 'tenant1', etcd: new Etcd() })).toEqual(expect.arrayContaining([expect.stringMatching(/^etcd: this EtcdConfig was made with new/)]));
  expect(problemsOf({ instanceName: 'tenant1', encryption: new Encryption() })).toEqual(expect.arrayContaining([expect.stringMatching(/^encryption: this EncryptionAtRest was made with new/)]));
  expect(problemsOf({ instanceName: 'tenant1', encryption: EncryptionAtRest.kms({ providers: [new Provider()] }) }))
    .toEqual(expect.arrayContaining([expect.stringMatching(/^encryption\.providers\[0\]: this EncryptionProvider was made with new/)]));
});
