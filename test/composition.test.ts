/**
 * Composition: handles, the in-cluster URL, several instances in one chart and namespace, and the
 * one-chart-per-instance KarmadaApiServerChart.
 */
import { App, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { KarmadaApiServer, KarmadaApiServerChart } from '../src';
import { Manifest, newChart, synthChecked, synthErrors } from './helpers';

const key = (m: Manifest) => `${m.apiVersion}/${m.kind}/${m.metadata.namespace}/${m.metadata.name}`;

describe('handles', () => {
  const chart = newChart();
  const api = new KarmadaApiServer(chart, 'ApiServer', {
    instanceName: 'tenant1',
    podDisruptionBudgetConfig: { maxUnavailable: k8s.IntOrString.fromNumber(1) },
  });
  const manifests = synthChecked(chart);

  test('deployment, service, configMap and podDisruptionBudget are the rendered objects', () => {
    expect(api.deployment.kind).toBe('Deployment');
    expect(api.service.kind).toBe('Service');
    expect(api.configMap.kind).toBe('ConfigMap');
    expect(api.podDisruptionBudget?.kind).toBe('PodDisruptionBudget');
    expect([api.deployment, api.service, api.configMap, api.podDisruptionBudget!].map((o) => o.name)).toEqual([
      'tenant1-karmada-apiserver', 'tenant1-karmada-apiserver', 'tenant1-karmada-apiserver-config', 'tenant1-karmada-apiserver',
    ]);
    expect(manifests.map((m) => m.metadata.name)).toEqual([
      api.deployment.name, api.service.name, api.configMap.name, api.podDisruptionBudget!.name,
    ]);
  });

  test('name, namespace and url', () => {
    expect(api.deployment.name).toBe('tenant1-karmada-apiserver');
    expect(api.namespace).toBe('tenant1');
    expect(api.url).toBe('https://tenant1-karmada-apiserver.tenant1.svc.cluster.local:5443');
  });

  test('url names the Service, its namespace and its port', () => {
    const service = manifests.find((m) => m.kind === 'Service')!;
    expect(api.url).toBe(`https://${service.metadata.name}.${service.metadata.namespace}.svc.cluster.local:${service.spec.ports[0].port}`);
  });

  test('the handles reach the objects: a label added on the handle is rendered', () => {
    const c = newChart();
    const a = new KarmadaApiServer(c, 'ApiServer', { instanceName: 'tenant1' });
    a.service.metadata.addLabel('example.com/exposed', 'true');
    expect(synthChecked(c).find((m) => m.kind === 'Service')!.metadata.labels['example.com/exposed']).toBe('true');
  });
});

describe('several instances in one chart and one namespace', () => {
  const chart = newChart('karmada-system');
  const a = new KarmadaApiServer(chart, 'TenantA', { instanceName: 'tenant-a', sidecarContainers: [{ name: 'kms', image: 'kms:1' }] });
  const b = new KarmadaApiServer(chart, 'TenantB', { instanceName: 'tenant-b', sidecarContainers: [{ name: 'kms', image: 'kms:1' }] });
  const c = new KarmadaApiServer(chart, 'Demo', { instanceName: 'karmada-demo' });
  const manifests = synthChecked(chart);

  test('no two objects share a kind, namespace and name', () => {
    const keys = manifests.map(key);
    expect(manifests).toHaveLength(9);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('each Service and Deployment selects its own pods only', () => {
    for (const api of [a, b, c]) {
      const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === api.deployment.name)!;
      const service = manifests.find((m) => m.kind === 'Service' && m.metadata.name === api.deployment.name)!;
      const podLabels = deployment.spec.template.metadata.labels;
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      for (const other of manifests.filter((m) => m.kind === 'Deployment' && m !== deployment)) {
        const matchesOther = Object.entries(service.spec.selector).every(([k, v]) => other.spec.template.metadata.labels[k] === v);
        expect(matchesOther).toBe(false);
      }
      expect(Object.entries(service.spec.selector).every(([k, v]) => podLabels[k] === v)).toBe(true);
    }
  });

  test('each mounts its own ConfigMap and Secrets', () => {
    for (const api of [a, b, c]) {
      const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === api.deployment.name)!;
      const volumes = deployment.spec.template.spec.volumes;
      expect(volumes.find((v: any) => v.name === 'apiserver-config').configMap.name).toBe(api.configMap.name);
    }
    expect(new Set([a, b, c].map((api) => api.url)).size).toBe(3);
  });
});

describe('instances whose names collide', () => {
  test('two instance names that map to one object name in one namespace are an error', () => {
    expect(synthErrors((chart) => {
      new KarmadaApiServer(chart, 'A', { instanceName: 'tenant1' });
      new KarmadaApiServer(chart, 'B', { instanceName: 'tenant1-karmada' });
    })).toEqual([
      '[test/B] instanceName: "tenant1-karmada" renders tenant1-karmada-apiserver in namespace tenant1, which the API server at test/A renders too (instance names with and without "karmada" can map to one name). Fix: give one of the two another instance name or another namespace',
    ]);
  });

  test('the same instance name in two charts of one app and namespace is an error, in two namespaces it is not', () => {
    const app = Testing.app();
    new KarmadaApiServerChart(app, 'one', { namespace: 'ns', disableResourceNameHashes: true, apiServer: { instanceName: 'tenant1' } });
    new KarmadaApiServerChart(app, 'two', { namespace: 'ns', disableResourceNameHashes: true, apiServer: { instanceName: 'tenant1' } });
    new KarmadaApiServerChart(app, 'three', { namespace: 'other', disableResourceNameHashes: true, apiServer: { instanceName: 'tenant1' } });
    expect(() => app.synthYaml()).toThrow(/\[two\/ApiServer\] instanceName: "tenant1" renders tenant1-karmada-apiserver in namespace ns, which the API server at one\/ApiServer renders too/);
    expect(() => app.synthYaml()).not.toThrow(/three/);
  });
});

describe('KarmadaApiServerChart', () => {
  test('one chart per instance: the namespace comes from the chart', () => {
    const app = Testing.app();
    const one = new KarmadaApiServerChart(app, 'tenant1', {
      namespace: 'tenant1', disableResourceNameHashes: true, apiServer: { instanceName: 'tenant1' },
    });
    const two = new KarmadaApiServerChart(app, 'tenant2', {
      namespace: 'tenant2', disableResourceNameHashes: true, apiServer: { instanceName: 'tenant2', replicas: 2 },
    });
    const first = synthChecked(one);
    const second = synthChecked(two);
    expect(first.map((m) => `${m.kind}/${m.metadata.namespace}/${m.metadata.name}`)).toEqual([
      'Deployment/tenant1/tenant1-karmada-apiserver',
      'Service/tenant1/tenant1-karmada-apiserver',
      'ConfigMap/tenant1/tenant1-karmada-apiserver-config',
    ]);
    expect(second.find((m) => m.kind === 'Deployment')!.spec.replicas).toBe(2);
    expect(two.apiServer.url).toBe('https://tenant2-karmada-apiserver.tenant2.svc.cluster.local:5443');
  });

  test('the apiServer namespace prop wins over the chart namespace', () => {
    const chart = new KarmadaApiServerChart(Testing.app(), 'c', {
      namespace: 'charts', disableResourceNameHashes: true, apiServer: { instanceName: 'tenant1', namespace: 'elsewhere' },
    });
    expect(synthChecked(chart).map((m) => m.metadata.namespace)).toEqual(['elsewhere', 'elsewhere', 'elsewhere']);
  });

  test('names are stable even without disableResourceNameHashes (they are set explicitly)', () => {
    const app = new App();
    const chart = new KarmadaApiServerChart(app, 'hashed', { apiServer: { instanceName: 'tenant1' } });
    expect(synthChecked(chart).map((m) => m.metadata.name)).toEqual([
      'tenant1-karmada-apiserver', 'tenant1-karmada-apiserver', 'tenant1-karmada-apiserver-config',
    ]);
  });
});
