/**
 * "If it synthesizes, it starts": inputs that kube-apiserver, the kubelet or the container runtime
 * would refuse at start, each a synth-time problem with its field and a fix; and the inputs that
 * would otherwise be lost without a word.
 */
import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { EncryptionAtRest, EncryptionProvider, KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { apiServerContainer, newChart, synthApiServer } from './helpers';

function problemsOf(props: Partial<KarmadaApiServerProps>, chart: Chart = newChart()): string[] {
  return new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', ...props }).node.validate();
}

const plugin = (socketPath: string, name = 'kms') => ({
  container: { name, image: 'registry.example.com/kms:v1.0.0' },
  socketPath,
});
const kms = (...plugins: Array<ReturnType<typeof plugin>>) => EncryptionAtRest.kms({
  providers: plugins.map((p, i) => EncryptionProvider.kms({ name: `kms-${i}`, plugin: p })),
});

/** [what, props, field, a phrase of the message]. */
const REFUSED: Array<[string, Partial<KarmadaApiServerProps>, string, string]> = [
  // The command line as kube-apiserver reads it.
  ['"_" in a flag name reads as "-"', { extraArgs: { anonymous_auth: 'false' } }, 'extraArgs.anonymous_auth', 'anonymous-auth=false makes the kubelet\'s probes'],
  ['a list flag given again under another spelling', { extraArgs: { authorization_mode: 'AlwaysAllow' } }, 'extraArgs.authorization_mode', 'AlwaysAllow lets every request through'],
  ['a space in a list item', { extraArgs: { 'authorization-mode': 'Node, RBAC' } }, 'extraArgs.authorization-mode', '" RBAC" is not one of'],
  ['a trailing space in an integer', { extraArgs: { 'max-requests-inflight': '3000 ' } }, 'extraArgs.max-requests-inflight', 'is not a 64-bit integer'],
  ['a feature gate without a boolean', { extraArgs: { 'feature-gates': 'KMSv2' } }, 'extraArgs.feature-gates', 'refuses --feature-gates=KMSv2'],
  ['a misspelt flag', { extraArgs: { 'max-request-inflight': '3000' } }, 'extraArgs.max-request-inflight', 'has no flag --max-request-inflight'],
  ['a misspelt feature gate', { featureGates: { KMSV2: true } }, 'featureGates.KMSV2', 'has no feature gate "KMSV2"'],
  ['a locked gate set to its other value', { featureGates: { APIServerTracing: false } }, 'featureGates.APIServerTracing', 'locked to true'],
  ['Webhook authorization without its configuration file', { extraArgs: { 'authorization-mode': 'Node,RBAC,Webhook' } }, 'extraArgs.authorization-mode', 'needs --authorization-webhook-config-file'],
  ['the secure port moved', { extraArgs: { 'secure-port': '6443' } }, 'extraArgs.secure-port', 'cannot be changed'],
  ['the bind address moved', { extraArgs: { 'bind-address': '127.0.0.1' } }, 'extraArgs.bind-address', 'cannot be changed'],
  ['an audit log file on the read-only root filesystem', { extraArgs: { 'audit-log-path': '/var/log/kube-apiserver/audit.log' } }, 'extraArgs.audit-log-path', 'mounts no volume there'],
  ['an audit log file on a read-only volume', {
    extraArgs: { 'audit-log-path': '/var/log/audit/audit.log' },
    extraVolumes: [{ name: 'audit', emptyDir: {} }],
    extraVolumeMounts: [{ name: 'audit', mountPath: '/var/log/audit', readOnly: true }],
  }, 'extraArgs.audit-log-path', 'is read-only'],
  ['anonymous-auth False', { extraArgs: { 'anonymous-auth': 'False' } }, 'extraArgs.anonymous-auth', 'anonymous-auth=false makes'],
  ['a file flag with a relative path', { extraArgs: { 'admission-control-config-file': 'admission.yaml' } }, 'extraArgs.admission-control-config-file', 'a relative path'],
  ['a file that no volume holds', { extraArgs: { 'admission-control-config-file': '/etc/admission/config.yaml' } }, 'extraArgs.admission-control-config-file', 'mounts no volume there'],
  ['one flag under two spellings', { extraArgs: { 'event-ttl': '2h', 'event_ttl': '3h' } }, 'extraArgs.event_ttl', 'are one flag to kube-apiserver'],
  ['an image tag that names no version', { imageTag: 'custom-build' }, 'imageTag', 'does not say which Kubernetes version'],
  ['a version outside the known ones', { kubernetesVersion: '1.40' }, 'kubernetesVersion', 'outside the versions whose kube-apiserver flags'],
  // Lost input.
  ['an extraArg that replaces the encryption prop\'s file', {
    encryption: kms(plugin('/var/run/kmsplugin/socket.sock')),
    extraArgs: { 'encryption-provider-config': '/etc/other/config.yaml' },
  }, 'extraArgs.encryption-provider-config', 'is set by the encryption prop'],
  ['an extraArg that cancels automaticReload', {
    encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'k', plugin: plugin('/var/run/kmsplugin/socket.sock') })], automaticReload: true }),
    extraArgs: { 'encryption-provider-config-automatic-reload': 'false' },
  }, 'extraArgs.encryption-provider-config-automatic-reload', 'is set by the encryption.automaticReload prop'],
  ['an extraArg that replaces serviceSubnet', { serviceSubnet: '10.100.0.0/16', extraArgs: { 'service-cluster-ip-range': '10.96.0.0/12' } }, 'extraArgs.service-cluster-ip-range', 'is set by the serviceSubnet prop'],
  ['a user annotation the construct sets', { annotations: { 'karmada.io/apiserver-config-checksum': 'x' } }, 'annotations.karmada.io/apiserver-config-checksum', 'is set by the construct'],
  ['a misspelt sidecar field', { sidecarContainers: [{ name: 'kms', image: 'registry.example.com/kms:v1', volumeMount: [] } as k8s.Container] }, 'sidecarContainers[0].volumeMount', 'did you mean volumeMounts?'],
  // KMS sockets.
  ['a socket path over 107 bytes', { encryption: kms(plugin(`/var/run/${'k'.repeat(100)}/socket.sock`)) }, 'encryption.providers[0].kms.plugin.socketPath', 'has 121 bytes'],
  ['a socket path ending in "/"', { encryption: kms(plugin('/var/run/kmsplugin/')) }, 'encryption.providers[0].kms.plugin.socketPath', 'ends in "/"'],
  ['a socket in "/"', { encryption: kms(plugin('/kms.sock')) }, 'encryption.providers[0].kms.plugin.socketPath', 'lies in "/"'],
  ['a socket in the configuration directory', { encryption: kms(plugin('/etc/karmada/config/kms.sock')) }, 'encryption.providers[0].kms.plugin.socketPath', 'lies in /etc/karmada/config'],
  ['a socket in the PKI directory', { encryption: kms(plugin('/etc/karmada/pki/kms/kms.sock')) }, 'encryption.providers[0].kms.plugin.socketPath', 'lies in /etc/karmada/pki'],
  ['two plugins on one socket', { encryption: kms(plugin('/var/run/kms/socket.sock', 'kms-a'), plugin('/var/run/kms/socket.sock', 'kms-b')) }, 'encryption.providers[1].kms.plugin.socketPath', 'both serve'],
  ['a Secret key with "/"', { encryption: EncryptionAtRest.fromSecret({ secretName: 'encryption', key: 'dir/config.yaml' }) }, 'encryption.key', 'cannot be a key of a Secret'],
  // Kubernetes' own validation, beyond the OpenAPI schema.
  ['a nodeSelector value that is no label value', { nodeSelector: { 'kubernetes.io/os': 'linux!' } }, 'nodeSelector.kubernetes.io/os', 'is not a valid node selector value'],
  ['a toleration value that is no label value', { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'a b' }] }, 'tolerations[0].value', 'is not a valid'],
  ['an ipBlock exception outside its CIDR', { networkPolicy: { allowFrom: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['192.168.0.0/16'] } }] } }, 'networkPolicy.allowFrom[0].ipBlock.except[0]', 'is not strictly inside'],
  ['a CIDR of 33 bits', { networkPolicy: { allowFrom: [{ ipBlock: { cidr: '10.0.0.0/33' } }] } }, 'networkPolicy.allowFrom[0].ipBlock.cidr', 'is not a'],
  ['a maxSkew of 0', { replicas: 3, topologySpreadConstraints: [{ maxSkew: 0, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': 'tenant1' } } }] }, 'topologySpreadConstraints[0].maxSkew', ''],
  ['a hugepages request without a limit', { resources: { requests: { 'hugepages-2Mi': k8s.Quantity.fromString('64Mi'), 'memory': k8s.Quantity.fromString('1Gi') } } }, 'resources', 'hugepages'],
  ['a fieldRef outside the vocabulary', { sidecarContainers: [{ name: 'kms', image: 'registry.example.com/kms:v1', env: [{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'spec.containers' } } }] }] }, 'sidecarContainers[0].env[0].valueFrom.fieldRef.fieldPath', ''],
  ['a Localhost seccomp profile without its path', { sidecarContainers: [{ name: 'kms', image: 'registry.example.com/kms:v1', securityContext: { seccompProfile: { type: 'Localhost' } } }] }, 'sidecarContainers[0].securityContext.seccompProfile', 'localhostProfile'],
  ['a required node affinity without terms', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } }, 'affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms', ''],
  ['an instance name that makes the etcd Service host too long', { instanceName: 'a'.repeat(45) }, 'instanceName', 'characters'],
];

describe('an input that would keep the API server from starting is a problem at its field', () => {
  it.each(REFUSED)('%s', (_what, props, field, phrase) => {
    const problems = problemsOf(props);
    const line = problems.find((p) => p.startsWith(`${field}`));
    if (line === undefined) {
      throw new Error(`no problem at ${field}; the problems: ${JSON.stringify(problems)}`);
    }
    expect(line).toContain(phrase);
    expect(line).toMatch(/\. Fix: .+/);
  });
});

test('a flag under its "_" spelling overrides ours: the command holds the flag once', () => {
  const deployment = synthApiServer({ instanceName: 'tenant1', extraArgs: { max_requests_inflight: '3000' } }).find((m) => m.kind === 'Deployment')!;
  const command: string[] = apiServerContainer(deployment).command;
  expect(command.filter((arg) => arg.startsWith('--max-requests-inflight') || arg.startsWith('--max_requests_inflight'))).toEqual(['--max-requests-inflight=3000']);
});

test('an audit log file on a writable volume is accepted', () => {
  expect(problemsOf({
    extraArgs: { 'audit-log-path': '/var/log/audit/audit.log' },
    extraVolumes: [{ name: 'audit', emptyDir: {} }],
    extraVolumeMounts: [{ name: 'audit', mountPath: '/var/log/audit' }],
  })).toEqual([]);
});

test('a custom image tag is checked against the kubernetesVersion given', () => {
  expect(problemsOf({ imageTag: 'v1.36.2-custom.1' })).toEqual([]);
  expect(problemsOf({ imageTag: 'custom-build', kubernetesVersion: '1.35' })).toEqual([]);
  // Flags are known per version: --tls-curve-preferences is new in 1.36.
  expect(problemsOf({ imageTag: 'v1.35.4', extraArgs: { 'tls-curve-preferences': '23' } }))
    .toEqual([expect.stringMatching(/^extraArgs\.tls-curve-preferences: kube-apiserver 1\.35 has no flag/)]);
});

test('chart labels that would replace the construct\'s selector labels are a problem', () => {
  const chart = new Chart(new App(), 'tenants', { labels: { 'app.kubernetes.io/instance': 'all-tenants', 'team': 'platform' } });
  expect(problemsOf({}, chart)).toEqual([
    expect.stringMatching(/^chart labels\.app\.kubernetes\.io\/instance: the chart tenants labels every object app\.kubernetes\.io\/instance="all-tenants"/),
  ]);
});
