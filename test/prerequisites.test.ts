/**
 * What the cluster must already hold, for each way of running the API server: the `prerequisites`
 * handle lists what the pods name that the app does not make.
 */
import { App, ApiObject, Chart } from 'cdk8s';
import { buildSelfContainedTenant } from '../app/main';
import { ApiServerServiceAccount, EtcdConfig, KarmadaApiServer } from '../src';
import { newChart } from './helpers';

const names = (api: KarmadaApiServer) => api.prerequisites.map((p) => `${p.kind} ${p.namespace ?? ''}/${p.name}`);

test('the operator\'s layout: the certificate Secret, and the etcd the operator would have made', () => {
  const api = new KarmadaApiServer(newChart(), 'ApiServer', { instanceName: 'tenant1' });
  expect(names(api)).toEqual([
    'Service tenant1/tenant1-karmada-etcd-client',
    'Secret tenant1/tenant1-karmada-cert',
    'Secret tenant1/tenant1-karmada-etcd-cert',
  ]);
  expect(api.prerequisites[1].neededBy).toBe('Deployment tenant1-karmada-apiserver: volume apiserver-cert');
});

test('an external etcd: its client Secret; pull Secrets and an existing ServiceAccount too', () => {
  const api = new KarmadaApiServer(newChart(), 'ApiServer', {
    instanceName: 'tenant1',
    etcd: EtcdConfig.external({ endpoints: ['https://etcd.example.com:2379'], clientCertSecretName: 'etcd-client' }),
    imagePullSecrets: ['registry'],
    serviceAccount: ApiServerServiceAccount.fromName('karmada'),
  });
  expect(names(api)).toEqual([
    'Secret tenant1/tenant1-karmada-cert',
    'Secret tenant1/etcd-client',
    'Secret tenant1/registry',
    'ServiceAccount tenant1/karmada',
  ]);
});

test('an object the app makes is no prerequisite', () => {
  const chart = newChart();
  new ApiObject(chart, 'Cert', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tenant1-karmada-cert' } });
  const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
  expect(names(api)).not.toContain('Secret tenant1/tenant1-karmada-cert');
});

test('tenant2 of the bundled app needs nothing on the cluster but cert-manager', () => {
  const api = buildSelfContainedTenant(new Chart(new App(), 'tenant2', { namespace: 'tenant2', disableResourceNameHashes: true }));
  expect(api.prerequisites).toEqual([]);
  expect(api.etcd?.statefulSet.kind).toBe('StatefulSet');
});
