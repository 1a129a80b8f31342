/** Names, after operator/pkg/util/naming.go and its test (naming_test.go) at f8fdd02. */
import {
  adminConfigSecretName, apiServerName, certSecretName, etcdCertSecretName, etcdClientName, etcdName, resourceName, webhookCertSecretName,
} from './naming';

describe('resourceName', () => {
  test.each([
    // [instance, suffix, name]
    ['karmada-demo', 'search', 'karmada-demo-search'], // from the operator's test
    ['test-demo', 'search', 'test-demo-karmada-search'], // from the operator's test
    ['mykarmada2', 'apiserver', 'mykarmada2-apiserver'], // "karmada" anywhere in the name counts
    ['Karmada', 'apiserver', 'Karmada-karmada-apiserver'], // case-sensitive
    ['tenant1', 'apiserver', 'tenant1-karmada-apiserver'],
  ])('%s + %s = %s', (instance, suffix, name) => {
    expect(resourceName(instance, suffix)).toBe(name);
  });
});

test('the names of the API server and what it mounts, for karmada-demo and tenant1', () => {
  const names = (i: string) => [apiServerName(i), certSecretName(i), etcdCertSecretName(i), etcdName(i), etcdClientName(i), adminConfigSecretName(i), webhookCertSecretName(i)];
  expect(names('karmada-demo')).toEqual([
    'karmada-demo-apiserver', 'karmada-demo-cert', 'karmada-demo-etcd-cert', 'karmada-demo-etcd', 'karmada-demo-etcd-client', 'karmada-demo-admin-config', 'karmada-demo-webhook-cert',
  ]);
  expect(names('tenant1')).toEqual([
    'tenant1-karmada-apiserver', 'tenant1-karmada-cert', 'tenant1-karmada-etcd-cert', 'tenant1-karmada-etcd', 'tenant1-karmada-etcd-client', 'tenant1-karmada-admin-config', 'tenant1-karmada-webhook-cert',
  ]);
});
