/**
 * The patcher (operator/pkg/util/patcher/pather.go at f8fdd02), with the Deployment cases of its
 * test (pather_test.go, TestPatchForDeployment) as a table, and the argument handling.
 */
import { buildArgumentListFromMap, buildFeatureGates, parseArgumentListToMap, parseFeatureGates, Patch, patchDeployment } from './patcher';
import type { RenderedDeployment } from './types';

/** A Deployment in the shape of the Go test's inputs (name, namespace, pod template). */
function deployment(meta: object, templateMeta: object, container: object, volumes?: object[]): RenderedDeployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'test-deployment', namespace: 'test', ...meta },
    spec: { template: { metadata: { ...templateMeta }, spec: { containers: [{ name: 'test-container', image: 'nginx:latest', ...container }], ...(volumes ? { volumes } : {}) } } },
  } as unknown as RenderedDeployment;
}

describe("the operator's cases (TestPatchForDeployment)", () => {
  test.each<[string, Patch, RenderedDeployment, RenderedDeployment]>([
    [
      'labels and annotations: the patch wins, both reach the pod template',
      { labels: { label1: 'value1-patched' }, annotations: { annotation1: 'annot1-patched' } },
      deployment({ labels: { label1: 'value1' } }, { annotations: { annotation1: 'annot1' } }, {}, []),
      deployment(
        { labels: { label1: 'value1-patched' }, annotations: { annotation1: 'annot1-patched' } },
        { labels: { label1: 'value1-patched' }, annotations: { annotation1: 'annot1-patched' } }, {}, []),
    ],
    [
      'resources, extra args and feature gates: the command is rebuilt, sorted, gates merged',
      { extraArgs: { 'some-arg': 'some-value' }, featureGates: { SomeGate: true }, resources: { limits: { cpu: '500m', memory: '128Mi' } } },
      deployment({}, {}, { command: ['/bin/bash', '--feature-gates=OldGate=false'] }, []),
      deployment({}, {}, {
        command: ['/bin/bash', '--feature-gates=OldGate=false,SomeGate=true', '--some-arg=some-value'],
        resources: { limits: { cpu: '500m', memory: '128Mi' } },
      }, []),
    ],
    [
      'extra volumes and mounts are appended',
      { extraVolumes: [{ name: 'extra-volume', emptyDir: {} }], extraVolumeMounts: [{ name: 'extra-volume', mountPath: '/extra/path' }] },
      deployment({}, {}, {}, []),
      deployment({}, {}, { volumeMounts: [{ name: 'extra-volume', mountPath: '/extra/path' }] }, [{ name: 'extra-volume', emptyDir: {} }]),
    ],
  ])('%s', (_, patch, input, expected) => {
    expect(patchDeployment(input, patch)).toStrictEqual(expected);
  });
});

describe('more of ForDeployment', () => {
  const base = () => deployment({ labels: { a: '1' } }, { labels: { a: '1' } }, { command: ['kube-apiserver', '--b=2', '--a=1'], volumeMounts: [{ name: 'x', mountPath: '/x' }] }, [{ name: 'x', emptyDir: {} }]);

  test('without extra args the command keeps its order', () => {
    expect(patchDeployment(base(), { labels: { b: '2' } }).spec.template.spec.containers[0].command).toEqual(['kube-apiserver', '--b=2', '--a=1']);
    expect(patchDeployment(base(), { extraArgs: {} }).spec.template.spec.containers[0].command).toEqual(['kube-apiserver', '--b=2', '--a=1']);
  });

  test('sidecars go after the first container, verbatim; settings touch the first container only', () => {
    const sidecar = { name: 'kms', image: 'kms:1', stdin: false, resources: { requests: { cpu: '1000m' } } };
    const d = patchDeployment(base(), { sidecarContainers: [sidecar], resources: { requests: { cpu: '1' } }, extraVolumeMounts: [{ name: 'y', mountPath: '/y' }] });
    expect(d.spec.template.spec.containers).toEqual([
      { name: 'test-container', image: 'nginx:latest', command: ['kube-apiserver', '--b=2', '--a=1'], volumeMounts: [{ name: 'x', mountPath: '/x' }, { name: 'y', mountPath: '/y' }], resources: { requests: { cpu: '1' } } },
      sidecar,
    ]);
  });

  test('empty settings change nothing that is serialized: no priorityClassName, tolerations or resources', () => {
    const d = patchDeployment(base(), { priorityClassName: '', tolerations: [], resources: { limits: {} } });
    expect(d).toStrictEqual(base());
  });

  test('an empty affinity is still set (a non-nil pointer)', () => {
    expect(patchDeployment(base(), { affinity: {} }).spec.template.spec.affinity).toEqual({});
  });

  test('labels do not reach the selector', () => {
    const d = deployment({}, {}, {});
    (d.spec as any).selector = { matchLabels: { a: '1' } };
    expect(patchDeployment(d, { labels: { a: '2' } }).spec.selector).toEqual({ matchLabels: { a: '1' } });
  });

  test('the input is not changed', () => {
    const input = base();
    patchDeployment(input, { extraArgs: { c: '3' }, sidecarContainers: [{ name: 's' }], labels: { z: '9' } });
    expect(input).toStrictEqual(base());
  });
});

describe('arguments', () => {
  test('parseArgumentListToMap: --key=value only; the value keeps later equals signs; the last of a name wins', () => {
    expect([...parseArgumentListToMap(['kube-apiserver', '--a=1', '--b', '-c=3', '--=4', '--d=x=y', '--a=5'])]).toEqual([['a', '5'], ['d', 'x=y']]);
  });

  test('buildArgumentListFromMap: overrides win, sorted bytewise, each name once', () => {
    const base = new Map([['v', '2'], ['Z', '0'], ['tls-min-version', 'VersionTLS13']]);
    expect(buildArgumentListFromMap(base, new Map([['v', '4'], ['a', ''], ['--x', 'y']]))).toEqual(['----x=y', '--Z=0', '--a=', '--tls-min-version=VersionTLS13', '--v=4']);
  });

  test('feature gates: Go booleans, malformed entries skipped, sorted', () => {
    expect([...parseFeatureGates('A=true,B=0,C=yes,D,=true,E=T')]).toEqual([['A', true], ['B', false], ['E', true]]);
    expect(buildFeatureGates(new Map([['B', true]]), { A: false, B: false })).toBe('A=false,B=false');
  });
});
