import { KarmadaApiServer } from '../src';
import { validateManifests } from './schema';
import { Manifest, manifestOf, newChart, synthApiServer, synthErrors } from './helpers';

const SELECTOR = { 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': 'tenant1' };

test('no NetworkPolicy unless asked for', () => {
  const chart = newChart();
  const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
  expect(api.networkPolicy).toBeUndefined();
  expect((chart.toJson() as Manifest[]).filter((m) => m.kind === 'NetworkPolicy')).toEqual([]);
});

test('networkPolicy: {} admits every source on TCP 5443 only', () => {
  const chart = newChart();
  const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', networkPolicy: {} });
  const manifests = chart.toJson() as Manifest[];
  expect(api.networkPolicy).toBeDefined();
  expect(manifestOf(manifests, 'NetworkPolicy')).toEqual({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: 'tenant1-karmada-apiserver',
      namespace: 'tenant1',
      labels: { ...SELECTOR, 'app.kubernetes.io/managed-by': 'cdk8s-karmada' },
    },
    spec: {
      podSelector: { matchLabels: SELECTOR },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: 5443 }] }],
    },
  });
  expect(() => validateManifests(manifests)).not.toThrow();
});

test('the policy selects the API server pods and opens the port they serve on', () => {
  const manifests = synthApiServer({ instanceName: 'tenant1', networkPolicy: {} });
  const template = manifestOf(manifests, 'Deployment').spec.template;
  const policy = manifestOf(manifests, 'NetworkPolicy').spec;
  for (const [k, v] of Object.entries(policy.podSelector.matchLabels)) {
    expect(template.metadata.labels[k]).toEqual(v);
  }
  expect(policy.ingress[0].ports[0].port).toEqual(template.spec.containers[0].ports[0].containerPort);
});

test('allowFrom admits only the given peers', () => {
  const manifests = synthApiServer({
    instanceName: 'tenant1',
    networkPolicy: {
      allowFrom: [
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'karmada-system' } } },
        { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
      ],
    },
  });
  expect(manifestOf(manifests, 'NetworkPolicy').spec.ingress).toEqual([{
    from: [
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'karmada-system' } } },
      { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
    ],
    ports: [{ protocol: 'TCP', port: 5443 }],
  }]);
  expect(() => validateManifests(manifests)).not.toThrow();
});

test('an empty allowFrom, which Kubernetes reads as "everyone", is an error', () => {
  expect(synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', networkPolicy: { allowFrom: [] } }))).toEqual([
    '[test/ApiServer] networkPolicy.allowFrom: the list is empty, and Kubernetes reads an empty "from" as "from everywhere". Fix: list the pods, namespaces or IP blocks that may connect, or remove allowFrom to admit every source on the secure port',
  ]);
});
