/**
 * The pods' identity: their ServiceAccount, pull Secrets, and service-account tokens that reach
 * only the sidecars that ask for one.
 */
import { EncryptionAtRest, EncryptionProvider, KarmadaApiServer, ApiServerServiceAccount, KarmadaOperatorInstance } from '../src';
import { Manifest, manifestOf, newChart, synthApiServer, synthChecked } from './helpers';

const KMS_PLUGIN = {
  container: {
    name: 'aws-kms',
    image: 'registry.example.com/aws-encryption-provider:v1.36.0',
    env: [
      { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::111122223333:role/tenant1-kms' },
      { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/aws/token' },
    ],
  },
  socketPath: '/var/run/kmsplugin/socket.sock',
  serviceAccountToken: { audience: 'sts.amazonaws.com', path: '/var/run/secrets/aws/token', expirationSeconds: 86400 },
};

function pod(manifests: Manifest[]): any {
  return manifestOf(manifests, 'Deployment').spec.template.spec;
}

test('a ServiceAccount the construct makes: annotated, named after the API server, with no token mounted by default', () => {
  const chart = newChart();
  const api = new KarmadaApiServer(chart, 'ApiServer', {
    instanceName: 'tenant1',
    serviceAccount: ApiServerServiceAccount.create({ annotations: { 'iam.gke.io/gcp-service-account': 'kms@project.iam.gserviceaccount.com' } }),
  });
  const manifests = synthChecked(chart);
  expect(manifestOf(manifests, 'ServiceAccount')).toEqual({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: 'tenant1-karmada-apiserver',
      namespace: 'tenant1',
      labels: expect.objectContaining({ 'app.kubernetes.io/instance': 'tenant1' }),
      annotations: { 'iam.gke.io/gcp-service-account': 'kms@project.iam.gserviceaccount.com' },
    },
    automountServiceAccountToken: false,
  });
  expect(api.serviceAccount?.name).toBe('tenant1-karmada-apiserver');
  expect(pod(manifests).serviceAccountName).toBe('tenant1-karmada-apiserver');
  expect(pod(manifests).automountServiceAccountToken).toBe(false);
});

test('an existing ServiceAccount, by name, and pull Secrets', () => {
  const manifests = synthApiServer({
    instanceName: 'tenant1',
    serviceAccount: ApiServerServiceAccount.fromName('karmada-apiserver'),
    imagePullSecrets: ['registry-credentials'],
  });
  expect(manifests.map((m) => m.kind)).not.toContain('ServiceAccount');
  expect(pod(manifests).serviceAccountName).toBe('karmada-apiserver');
  expect(pod(manifests).imagePullSecrets).toEqual([{ name: 'registry-credentials' }]);
});

test('a KMS plugin\'s token is projected into the plugin only, never into the API server container', () => {
  const manifests = synthApiServer({
    instanceName: 'tenant1',
    serviceAccount: ApiServerServiceAccount.create(),
    encryption: EncryptionAtRest.kms({ providers: [EncryptionProvider.kms({ name: 'aws', plugin: KMS_PLUGIN })] }),
  });
  const spec = pod(manifests);
  expect(spec.volumes).toContainEqual({
    name: 'aws-kms-token',
    projected: { sources: [{ serviceAccountToken: { audience: 'sts.amazonaws.com', expirationSeconds: 86400, path: 'token' } }] },
  });
  const plugin = spec.initContainers.find((c: any) => c.name === 'aws-kms');
  expect(plugin.volumeMounts).toContainEqual({ name: 'aws-kms-token', mountPath: '/var/run/secrets/aws', readOnly: true });
  const mountsOf = (c: any) => (c.volumeMounts ?? []).map((m: any) => m.name);
  expect(mountsOf(spec.containers[0])).not.toContain('aws-kms-token');
  expect(spec.automountServiceAccountToken).toBe(false);
});

test('a regular sidecar can ask for a token too, with the default path and lifetime', () => {
  const spec = pod(synthApiServer({
    instanceName: 'tenant1',
    sidecarContainers: [{ name: 'vault-kms', image: 'registry.example.com/vault-kms:v1.4.0' }],
    sidecarOptions: { 'vault-kms': { serviceAccountToken: { audience: 'vault' } } },
  }));
  expect(spec.volumes).toContainEqual({
    name: 'vault-kms-token',
    projected: { sources: [{ serviceAccountToken: { audience: 'vault', expirationSeconds: 3600, path: 'token' } }] },
  });
  expect(spec.containers[1].volumeMounts).toEqual([{ name: 'vault-kms-token', mountPath: '/var/run/secrets/tokens', readOnly: true }]);
});

describe('mistakes', () => {
  const problemsOf = (props: object) => new KarmadaApiServer(newChart(), 'ApiServer', { instanceName: 'tenant1', ...props }).node.validate();

  test.each<[string, object, RegExp]>([
    ['a token without an audience', { sidecarContainers: [{ name: 'a', image: 'registry.example.com/a:v1' }], sidecarOptions: { a: { serviceAccountToken: {} } } },
      /^sidecarOptions\["a"\]\.serviceAccountToken\.audience: the token has no audience\. Fix: /],
    ['a token that lives under 10 minutes', { sidecarContainers: [{ name: 'a', image: 'registry.example.com/a:v1' }], sidecarOptions: { a: { serviceAccountToken: { audience: 'x', expirationSeconds: 60 } } } },
      /^sidecarOptions\["a"\]\.serviceAccountToken\.expirationSeconds: 60 is not a token lifetime/],
    ['a ServiceAccount name that cannot exist', { serviceAccount: ApiServerServiceAccount.fromName('KMS Account') },
      /^serviceAccount: "KMS Account" cannot be the name of a ServiceAccount/],
    ['a pull Secret that is not a string', { imagePullSecrets: [{ name: 'x' }] }, /^imagePullSecrets\[0\]: expected a string, got an object/],
    ['a serviceAccount that is a plain object', { serviceAccount: { name: 'x' } }, /^serviceAccount: expected an ApiServerServiceAccount, got an object/],
  ])('%s', (_what, props, problem) => {
    expect(problemsOf(props)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  test('the operator target has no service account or pull Secret setting', () => {
    const instance = new KarmadaOperatorInstance(newChart(), 'Karmada', {
      apiServer: { instanceName: 'tenant1', serviceAccount: ApiServerServiceAccount.create(), imagePullSecrets: ['registry'] },
    });
    expect(instance.node.validate()).toEqual(expect.arrayContaining([
      expect.stringMatching(/^apiServer\.serviceAccount: the operator's karmadaAPIServer .* has no service account setting/),
      expect.stringMatching(/^apiServer\.imagePullSecrets: /),
    ]));
  });
});
