/**
 * The construct as cdk8s users know constructs: it owns its objects (the Deployment is the default
 * child), reports problems through node.validate() before any synth, and composes with cdk8s-plus.
 */
import { ApiObject, Testing } from 'cdk8s';
import { NetworkPolicy, NetworkPolicyPort, NetworkPolicyTrafficDefault, Service } from 'cdk8s-plus-28';
import { KarmadaApiServer } from '../src';
import { Manifest, newChart } from './helpers';

test('the Deployment is the default child, and every object is a child of the construct', () => {
  const api = new KarmadaApiServer(newChart(), 'ApiServer', { instanceName: 'tenant1', replicas: 3, networkPolicy: {} });
  expect(api.node.defaultChild).toBe(api.deployment);
  expect(ApiObject.of(api)).toBe(api.deployment);
  expect(api.deployment.kind).toBe('Deployment');
  expect(api.node.children.map((c) => c.node.id)).toEqual(['Resource', 'Service', 'ConfigMap', 'PodDisruptionBudget', 'NetworkPolicy']);
  expect(api.node.children).toEqual([api.deployment, api.service, api.configMap, api.podDisruptionBudget, api.networkPolicy]);
});

test('node.validate() reports problems before any synth, and again after a change', () => {
  const api = new KarmadaApiServer(newChart(), 'ApiServer', { instanceName: 'tenant1', replicas: -1 });
  expect(api.node.validate()).toEqual([expect.stringMatching(/^replicas: -1 is not a number of pods/)]);

  const good = new KarmadaApiServer(newChart(), 'ApiServer', { instanceName: 'tenant1' });
  expect(good.node.validate()).toEqual([]);
  good.addSidecarContainer({ name: 'kube-apiserver', image: 'registry.example.com/x:v1' });
  expect(good.node.validate()).toEqual([expect.stringMatching(/^addSidecarContainer\(kube-apiserver\)\.name: container name "kube-apiserver" is already taken/)]);
});

test('synth fails with the construct path, the field and the fix', () => {
  const chart = newChart();
  new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', serviceSubnet: '10.0.0.0/33' });
  expect(() => Testing.synth(chart)).toThrow(/\[test\/ApiServer\] serviceSubnet: "10\.0\.0\.0\/33" is not a CIDR .*\. Fix: /);
});

test('labels and annotations added to the Deployment handle render, as on any ApiObject', () => {
  const chart = newChart();
  const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
  api.deployment.metadata.addAnnotation('example.com/owner', 'platform');
  const deployment = (Testing.synth(chart) as Manifest[]).find((m) => m.kind === 'Deployment')!;
  expect(deployment.metadata.annotations).toEqual({ 'example.com/owner': 'platform' });
});

describe('composition with cdk8s-plus', () => {
  test('a cdk8s-plus Service selects the API server pods through the construct', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    new Service(chart, 'Public', { selector: api, ports: [{ port: 443, targetPort: 5443 }] });
    const service = (Testing.synth(chart) as Manifest[]).find((m) => m.kind === 'Service' && m.metadata.name !== api.service.name)!;
    expect(service.spec.selector).toEqual(api.selectorLabels);
    expect(api.selectorLabels).toEqual({ 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': 'tenant1' });
  });

  test('a cdk8s-plus NetworkPolicy selects the API server pods and admits them as a peer', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1' });
    const policy = new NetworkPolicy(chart, 'Policy', { selector: api, ingress: { default: NetworkPolicyTrafficDefault.DENY } });
    policy.addIngressRule(api, [NetworkPolicyPort.tcp(5443)]);
    const json = (Testing.synth(chart) as Manifest[]).find((m) => m.kind === 'NetworkPolicy' && m.metadata.name !== api.deployment.name)!;
    expect(json.spec.podSelector).toEqual({ matchLabels: api.selectorLabels });
    expect(json.spec.ingress[0].from[0]).toEqual({
      podSelector: { matchLabels: api.selectorLabels },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'tenant1' } },
    });
  });
});
