import { k8s } from 'cdk8s-plus-28';
import { KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { validateManifests } from './schema';
import { Manifest, manifestOf, newChart, synthApiServer, synthErrors } from './helpers';

const SELECTOR = { 'app.kubernetes.io/name': 'karmada-apiserver', 'app.kubernetes.io/instance': 'tenant1' };
const ANTI_AFFINITY = {
  requiredDuringSchedulingIgnoredDuringExecution: [{
    labelSelector: { matchLabels: SELECTOR },
    topologyKey: 'kubernetes.io/hostname',
  }],
};
const errorsOf = (props: KarmadaApiServerProps) =>
  synthErrors((chart) => new KarmadaApiServer(chart, 'ApiServer', props));
const podSpec = (manifests: Manifest[]) => manifestOf(manifests, 'Deployment').spec.template.spec;

describe('one replica', () => {
  const manifests = synthApiServer({ instanceName: 'tenant1' });

  test('no PodDisruptionBudget, no anti-affinity, the default update strategy', () => {
    expect(manifests.map((m) => m.kind)).toEqual(['Deployment', 'Service', 'ConfigMap']);
    expect(podSpec(manifests).affinity).toBeUndefined();
    expect(manifestOf(manifests, 'Deployment').spec.strategy).toBeUndefined();
  });

  test('a budget given for one replica is rendered and exposed', () => {
    const chart = newChart();
    const api = new KarmadaApiServer(chart, 'ApiServer', {
      instanceName: 'tenant1',
      podDisruptionBudgetConfig: { maxUnavailable: k8s.IntOrString.fromNumber(1) },
    });
    expect(api.podDisruptionBudget).toBeDefined();
    expect(manifestOf(chart.toJson() as Manifest[], 'PodDisruptionBudget').spec.unhealthyPodEvictionPolicy).toEqual('AlwaysAllow');
  });
});

describe('three replicas', () => {
  const chart = newChart();
  const api = new KarmadaApiServer(chart, 'ApiServer', { instanceName: 'tenant1', replicas: 3 });
  const manifests = chart.toJson() as Manifest[];
  const deployment = manifestOf(manifests, 'Deployment');

  test('a PodDisruptionBudget with maxUnavailable 1 by default, exposed as a handle', () => {
    expect(api.podDisruptionBudget).toBeDefined();
    expect(manifestOf(manifests, 'PodDisruptionBudget')).toEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: {
        name: 'tenant1-karmada-apiserver',
        namespace: 'tenant1',
        labels: { ...SELECTOR, 'app.kubernetes.io/managed-by': 'cdk8s-karmada' },
      },
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: SELECTOR },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });
  });

  test('a required pod anti-affinity on the hostname keeps the pods on different nodes', () => {
    expect(deployment.spec.template.spec.affinity).toEqual({ podAntiAffinity: ANTI_AFFINITY });
  });

  test('the selectors of the budget and the anti-affinity select the pod template labels', () => {
    const labels = deployment.spec.template.metadata.labels;
    const selected = (sel: Record<string, string>) => Object.entries(sel).every(([k, v]) => labels[k] === v);
    expect(selected(manifestOf(manifests, 'PodDisruptionBudget').spec.selector.matchLabels)).toBe(true);
    expect(selected(deployment.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels)).toBe(true);
  });

  test('rollouts replace one pod at a time without a surge pod, so they never wait for a free node', () => {
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } });
  });

  test('every object validates against the Kubernetes schemas', () => {
    expect(() => validateManifests(manifests)).not.toThrow();
  });
});

describe('the user\'s scheduling settings', () => {
  const nodeAffinity: k8s.NodeAffinity = {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In', values: ['control'] }] }],
    },
  };

  test('nodeAffinity is kept and our anti-affinity added', () => {
    const spec = podSpec(synthApiServer({ instanceName: 'tenant1', replicas: 2, affinity: { nodeAffinity } }));
    expect(spec.affinity).toEqual({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In', values: ['control'] }] }] } },
      podAntiAffinity: ANTI_AFFINITY,
    });
  });

  test('a podAntiAffinity of the user replaces ours', () => {
    const podAntiAffinity: k8s.PodAntiAffinity = {
      preferredDuringSchedulingIgnoredDuringExecution: [{
        weight: 100,
        podAffinityTerm: { labelSelector: { matchLabels: SELECTOR }, topologyKey: 'topology.kubernetes.io/zone' },
      }],
    };
    const spec = podSpec(synthApiServer({ instanceName: 'tenant1', replicas: 2, affinity: { podAntiAffinity } }));
    expect(spec.affinity).toEqual({
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{
          weight: 100,
          podAffinityTerm: { labelSelector: { matchLabels: SELECTOR }, topologyKey: 'topology.kubernetes.io/zone' },
        }],
      },
    });
  });

  test('topologySpreadConstraints are rendered as given and replace our anti-affinity; nodeSelector is rendered', () => {
    const manifests = synthApiServer({
      instanceName: 'tenant1',
      replicas: 3,
      nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      topologySpreadConstraints: [{
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/instance', operator: 'In', values: ['tenant1'] }] },
        matchLabelKeys: ['pod-template-hash'],
      }],
    });
    const spec = podSpec(manifests);
    expect(spec.affinity).toBeUndefined();
    expect(spec.nodeSelector).toEqual({ 'node-role.kubernetes.io/control-plane': '' });
    expect(spec.topologySpreadConstraints).toEqual([{
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/instance', operator: 'In', values: ['tenant1'] }] },
      matchLabelKeys: ['pod-template-hash'],
    }]);
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  test('a user budget keeps its setting and gets unhealthyPodEvictionPolicy', () => {
    const pdb = manifestOf(synthApiServer({
      instanceName: 'tenant1',
      replicas: 3,
      podDisruptionBudgetConfig: { minAvailable: k8s.IntOrString.fromString('50%') },
    }), 'PodDisruptionBudget');
    expect(pdb.spec).toEqual({ minAvailable: '50%', selector: { matchLabels: SELECTOR }, unhealthyPodEvictionPolicy: 'AlwaysAllow' });
  });
});

describe('errors', () => {
  const P = '[test/ApiServer] podDisruptionBudgetConfig';
  const FIX3 = 'Fix: set maxUnavailable to 1 (or minAvailable to 2 or less), or remove podDisruptionBudgetConfig to get maxUnavailable 1';

  test.each<[string, number, { minAvailable?: k8s.IntOrString; maxUnavailable?: k8s.IntOrString }, string]>([
    ['minAvailable = replicas', 3, { minAvailable: k8s.IntOrString.fromNumber(3) },
      `${P}.minAvailable: minAvailable 3 with 3 replica(s) lets no pod be evicted, so a node that holds one can never be drained. ${FIX3}`],
    ['minAvailable 100%', 3, { minAvailable: k8s.IntOrString.fromString('100%') },
      `${P}.minAvailable: minAvailable "100%" with 3 replica(s) lets no pod be evicted, so a node that holds one can never be drained. ${FIX3}`],
    ['minAvailable 67% (rounded up to 3)', 3, { minAvailable: k8s.IntOrString.fromString('67%') },
      `${P}.minAvailable: minAvailable "67%" with 3 replica(s) lets no pod be evicted, so a node that holds one can never be drained. ${FIX3}`],
    ['maxUnavailable 0', 3, { maxUnavailable: k8s.IntOrString.fromNumber(0) },
      `${P}.maxUnavailable: maxUnavailable 0 with 3 replica(s) lets no pod be evicted, so a node that holds one can never be drained. ${FIX3}`],
    ['maxUnavailable 0%', 3, { maxUnavailable: k8s.IntOrString.fromString('0%') },
      `${P}.maxUnavailable: maxUnavailable "0%" with 3 replica(s) lets no pod be evicted, so a node that holds one can never be drained. ${FIX3}`],
    ['minAvailable 1 with one replica', 1, { minAvailable: k8s.IntOrString.fromNumber(1) },
      `${P}.minAvailable: minAvailable 1 with 1 replica(s) lets no pod be evicted, so a node that holds one can never be drained. Fix: raise replicas to 2 or more, or remove podDisruptionBudgetConfig`],
    ['both set', 3, { minAvailable: k8s.IntOrString.fromNumber(1), maxUnavailable: k8s.IntOrString.fromNumber(1) },
      `${P}: minAvailable and maxUnavailable cannot both be set. Fix: keep one of them`],
  ])('a budget with %s is an error', (_, replicas, podDisruptionBudgetConfig, error) => {
    expect(errorsOf({ instanceName: 'tenant1', replicas, podDisruptionBudgetConfig })).toEqual([error]);
  });

  test('budgets that let a pod go are accepted', () => {
    for (const config of [{ minAvailable: k8s.IntOrString.fromString('66%') }, { maxUnavailable: k8s.IntOrString.fromString('10%') }, { minAvailable: k8s.IntOrString.fromNumber(2) }]) {
      expect(errorsOf({ instanceName: 'tenant1', replicas: 3, podDisruptionBudgetConfig: config })).toEqual([]);
    }
  });

  test('a topology spread constraint that selects no API server pod is an error', () => {
    // One topology key each: Kubernetes refuses two constraints of one key and one whenUnsatisfiable.
    const base = (topologyKey: string) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'DoNotSchedule' });
    expect(errorsOf({
      instanceName: 'tenant1',
      replicas: 3,
      topologySpreadConstraints: [
        base('kubernetes.io/hostname'),
        { ...base('topology.kubernetes.io/zone'), labelSelector: { matchLabels: { app: 'other' } } },
        { ...base('topology.kubernetes.io/region'), labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/instance', operator: 'NotIn', values: ['tenant1'] }] } },
        { ...base('example.com/rack'), labelSelector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'Exists' }] } },
      ],
    })).toEqual([
      '[test/ApiServer] topologySpreadConstraints[0].labelSelector: the constraint has no labelSelector, so it counts no pods and spreads nothing. Fix: set labelSelector to { matchLabels: {"app.kubernetes.io/name":"karmada-apiserver","app.kubernetes.io/instance":"tenant1"} }',
      '[test/ApiServer] topologySpreadConstraints[1].labelSelector: the labelSelector does not select the API server pods, so it does not spread them. Fix: select the pod labels, for example { matchLabels: {"app.kubernetes.io/name":"karmada-apiserver","app.kubernetes.io/instance":"tenant1"} }',
      '[test/ApiServer] topologySpreadConstraints[2].labelSelector: the labelSelector does not select the API server pods, so it does not spread them. Fix: select the pod labels, for example { matchLabels: {"app.kubernetes.io/name":"karmada-apiserver","app.kubernetes.io/instance":"tenant1"} }',
    ]);
  });
});
