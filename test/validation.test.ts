import { ServiceType, k8s } from 'cdk8s-plus-28';
import { EtcdConfig, KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { parseImage } from '../src/checks/images';
import { validateManifests } from './schema';
import { BAD_INPUTS } from './validation-cases';
import { manifestOf, synthApiServer, synthErrors } from './helpers';

function errorsOf(props: Partial<KarmadaApiServerProps>): string[] {
  return synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', ...props }));
}

test(`at least 30 distinct bad inputs are covered (${BAD_INPUTS.length})`, () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  expect(new Set(BAD_INPUTS.map((c) => c.name)).size).toBe(BAD_INPUTS.length);
});

describe('each bad input is rejected at synth, naming the construct path, the field and the fix', () => {
  it.each(BAD_INPUTS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const errors = errorsOf(c.props);
    if (c.exact) {
      expect(errors).toEqual(c.exact);
      return;
    }
    // One line per problem, in order: `[path] field: message. Fix: fix`.
    expect(errors.map((line) => {
      const match = /^\[test\/ApiServer\] (.+?): (.+)\. Fix: (.+)$/.exec(line);
      return match && [match[1], match[2]];
    })).toEqual(c.expected!.map(([field, phrase]) => [field, expect.stringContaining(phrase)]));
  });
});

test('all problems of one construct are reported together, by one synth', () => {
  const errors = errorsOf({
    instanceName: 'Tenant1',
    replicas: -2,
    serviceSubnet: '10.96.0.0/33',
    labels: { 'app.kubernetes.io/instance': 'other' },
    sidecarContainers: [{ name: 'kms-plugin', image: 'custom-kms-plugin:latest', ports: [{ containerPort: 5443, protocol: 'TCP' }] }],
    extraArgs: { '--v': '4' },
  });
  expect(errors.map((e) => e.split(': ')[0])).toEqual([
    '[test/ApiServer] sidecarContainers[0].ports[0].containerPort',
    '[test/ApiServer] instanceName',
    '[test/ApiServer] labels.app.kubernetes.io/instance',
    '[test/ApiServer] sidecarContainers[0].image',
    '[test/ApiServer] serviceSubnet',
    '[test/ApiServer] replicas',
    '[test/ApiServer] extraArgs.--v',
  ]);
  expect(errors[0]).toContain('port 5443 is already used by the API server\'s secure port');
});

test('several mistakes of one sidecar are all reported', () => {
  const errors = errorsOf({
    sidecarContainers: [{
      name: 'KMS',
      image: 'Custom/KMS',
      ports: [{ name: 'm', containerPort: 0 }, { name: 'm', containerPort: 8080, protocol: 'tcp' }],
      env: [{ name: 'A=B' }],
    }],
  });
  // The schema check of the container reads the props first; the model's checks follow, then
  // Kubernetes' own rules on the rendered Deployment.
  expect(errors.map((e) => e.split(':')[0])).toEqual([
    '[test/ApiServer] sidecarContainers[0].ports[1].protocol',
    '[test/ApiServer] sidecarContainers[0].image',
    '[test/ApiServer] sidecarContainers[0].name',
    '[test/ApiServer] sidecarContainers[0].ports[0].containerPort',
    '[test/ApiServer] sidecarContainers[0].ports[1].name',
    '[test/ApiServer] sidecarContainers[0].env[0].name',
  ]);
});

describe('a mutable image can be accepted knowingly', () => {
  test('the proposal\'s custom-kms-plugin:latest sidecar, with allowMutableImageTag in sidecarOptions', () => {
    const manifests = synthApiServer({
      instanceName: 'tenant1',
      sidecarContainers: [{ name: 'kms-plugin', image: 'custom-kms-plugin:latest' }],
      sidecarOptions: { 'kms-plugin': { allowMutableImageTag: true } },
    });
    const spec = manifestOf(manifests, 'Deployment').spec.template.spec;
    expect(spec.containers[1]).toMatchObject({ name: 'kms-plugin', image: 'custom-kms-plugin:latest' });
  });

  test('a sidecar added with addSidecarContainer, with the option in its options', () => {
    expect(synthErrors((chart) => {
      const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
      api.addSidecarContainer({ name: 'kms', image: 'kms' }, { allowMutableImageTag: true });
    })).toEqual([]);
    expect(synthErrors((chart) => {
      const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
      api.addSidecarContainer({ name: 'kms', image: 'kms' });
    })).toEqual([
      '[test/ApiServer] addSidecarContainer(kms).image: "kms" has no tag and no digest, so it means ":latest", which is mutable: pods could run different builds. Fix: pin a version tag or a digest, or accept it knowingly with addSidecarContainer(container, { allowMutableImageTag: true })',
    ]);
  });

  test('the API server image with imageTag latest and allowMutableImageTag', () => {
    const manifests = synthApiServer({ instanceName: 'tenant1', imageTag: 'latest', allowMutableImageTag: true, kubernetesVersion: '1.36' });
    expect(manifestOf(manifests, 'Deployment').spec.template.spec.containers[0].image).toBe('registry.k8s.io/kube-apiserver:latest');
  });
});

test('valid unusual input passes every check and the Kubernetes schemas', () => {
  const manifests = synthApiServer({
    instanceName: 'karmada-' + 'a'.repeat(45),
    clusterDomain: 'corp.example.com',
    replicas: 0,
    serviceType: ServiceType.LOAD_BALANCER,
    loadBalancerClass: 'service.k8s.aws/nlb',
    serviceSubnet: '10.96.0.0/12,fd00:10:96::/112',
    labels: { 'example.com/team': 'platform', 'empty': '' },
    annotations: { 'example.com/note': 'any text: even\nlines' },
    podDisruptionBudgetConfig: { maxUnavailable: k8s.IntOrString.fromString('50%') },
    tolerations: [{ operator: 'Exists' }, { key: 'dedicated', value: 'karmada', effect: 'NoExecute', tolerationSeconds: 60 }],
    featureGates: { APIResponseCompression: false },
    extraArgs: { 'v': '4', 'audit-log-maxage': '30' },
    resources: { requests: { cpu: k8s.Quantity.fromString('500m'), memory: k8s.Quantity.fromNumber(1e9) }, limits: { memory: k8s.Quantity.fromString('1Gi') } },
    extraVolumes: [{ name: 'kms-socket', emptyDir: {} }],
    extraVolumeMounts: [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin/' }],
    sidecarContainers: [{
      name: 'kms-plugin',
      image: 'localhost:5000/team/kms_plugin@sha256:' + 'a'.repeat(64),
      ports: [{ name: 'grpc', containerPort: 8443, hostPort: 8443 }],
      livenessProbe: { tcpSocket: { port: k8s.IntOrString.fromString('grpc') } },
      env: [{ name: 'my.var-1', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      volumeMounts: [{ name: 'kms-socket', mountPath: '/var/run/kmsplugin', subPath: 'a/b' }],
      resources: { limits: { 'example.com/hsm': k8s.Quantity.fromString('1') } },
    }],
    sidecarOptions: { 'kms-plugin': { allowPodSecurityViolations: true } }, // its hostPort
    etcd: EtcdConfig.external({ endpoints: ['https://etcd-0.example.com:2379', 'https://[fd00::1]:2379'], clientCertSecretName: 'etcd-client' }),
  });
  expect(() => validateManifests(manifests)).not.toThrow();
});

test('a JavaScript caller without instanceName gets an error, not a crash', () => {
  expect(errorsOf({ instanceName: undefined as unknown as string })).toEqual([
    '[test/ApiServer] instanceName: the instance name is empty. Fix: name the Karmada instance, for example "tenant1"',
  ]);
});

test('a JavaScript caller with a hole in sidecarContainers gets errors, not a crash', () => {
  expect(errorsOf({ sidecarContainers: [undefined as unknown as k8s.Container] })).toEqual([
    '[test/ApiServer] sidecarContainers[0].name: Container requires name, and it is not set. Fix: set name',
    '[test/ApiServer] sidecarContainers[0].image: the container has no image. Fix: give the image to run, such as "registry.example.com/app:v1"',
  ]);
});

test('user text with line breaks stays on one error line', () => {
  expect(errorsOf({ labels: { team: 'a\nb' } })).toEqual([
    '[test/ApiServer] labels.team: "a\\nb" is not a valid label value (empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit). Fix: use a value such as "a-b"',
  ]);
});

describe('image references', () => {
  test.each([
    ['registry.k8s.io/kube-apiserver:v1.36.2', 'registry.k8s.io/kube-apiserver', 'v1.36.2'],
    ['localhost:5000/a/b', 'localhost:5000/a/b', undefined],
    ['nginx', 'nginx', undefined],
    ['a__b/c-d.e:1_0', 'a__b/c-d.e', '1_0'],
    ['My.Registry:443/team/app:v1', 'My.Registry:443/team/app', 'v1'],
  ])('image %s', (image, repository, tag) => {
    const ref = parseImage(image);
    expect(ref.error).toBeUndefined();
    expect([ref.repository, ref.tag]).toEqual([repository, tag]);
  });

  test.each(['a:', ':v1', 'a/:v1', 'a//b', 'a:-x', 'a@sha256:1', '-a', 'a-', 'a:b:c'])('"%s" is not an image', (image) => {
    expect(parseImage(image).error).toBeDefined();
  });

});
