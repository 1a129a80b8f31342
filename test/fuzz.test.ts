/**
 * Property-based tests. Reproduce a failure with the seed fast-check prints:
 *   FC_SEED=<seed> npx jest test/fuzz
 * FC_RUNS=<n> changes the number of runs (the defaults keep the suite well under a minute).
 */
import { deepStrictEqual } from 'assert';
import { Testing, Yaml } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { KarmadaApiServer, KarmadaApiServerProps } from '../src';
import { validateObject } from '../src/kubernetes/validation';
import { FUZZ_VOLUMES, propSet, sidecarContainer } from './arbitraries';
import { validateManifests } from './schema';
import { Manifest, apiServerContainer, newChart, parseCommand } from './helpers';
import { checkFlagValue, kubeApiServerRelease } from '../src/kube-apiserver/flags';

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
function params(defaultRuns: number): fc.Parameters<unknown> {
  return { numRuns: Number(process.env.FC_RUNS ?? defaultRuns), seed };
}

/** Every field set in `expected` is in `actual` with the same value; `actual` may have more fields. */
function expectSubset(actual: unknown, expected: unknown, at = '$'): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new Error(`${at}: expected an array of ${expected.length}, got ${JSON.stringify(actual)}`);
    }
    expected.forEach((e, i) => expectSubset(actual[i], e, `${at}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      throw new Error(`${at}: expected an object, got ${JSON.stringify(actual)}`);
    }
    for (const [key, value] of Object.entries(expected)) {
      expectSubset((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
    }
  } else if (!Object.is(actual, expected)) {
    throw new Error(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function synth(props: KarmadaApiServerProps): Manifest[] {
  const chart = newChart();
  new KarmadaApiServer(chart, 'ApiServer', props);
  return Testing.synth(chart) as Manifest[];
}

test('the subset comparison catches a lost or changed field', () => {
  expect(() => expectSubset({ a: 1, b: [{ c: 'x', d: 2 }] }, { b: [{ c: 'x' }] })).not.toThrow();
  expect(() => expectSubset({ a: 1 }, { a: 1, b: 2 })).toThrow('$.b: expected 2, got undefined');
  expect(() => expectSubset({ a: [1, 2] }, { a: [1] })).toThrow('$.a: expected an array of 1');
  expect(() => expectSubset({ a: { b: '1' } }, { a: { b: 1 } })).toThrow('$.a.b: expected 1, got "1"');
});

test('random valid sidecar containers round-trip into the Deployment with no field lost or changed', () => {
  fc.assert(fc.property(sidecarContainer(), ({ container, options }) => {
    const manifests = synth({
      instanceName: 'tenant1',
      extraVolumes: FUZZ_VOLUMES,
      sidecarContainers: [container],
      // Random security settings may break the restricted profile: accepted, this property is about fields.
      sidecarOptions: { [container.name]: { ...options, allowPodSecurityViolations: true } },
    });
    const spec = manifests.find((m) => m.kind === 'Deployment')!.spec.template.spec;
    const placed = [...(spec.initContainers ?? []), ...spec.containers].filter((c: any) => c.name === container.name);
    expect(placed).toHaveLength(1);
    expectSubset(placed[0], JSON.parse(JSON.stringify(k8s.toJson_Container(container))));
    if (options.nativeSidecar) {
      expect(spec.initContainers.map((c: any) => c.name)).toEqual([container.name]);
      expect(placed[0].restartPolicy).toBe('Always');
    }
  }), params(1500));
});

/** Throws with the value when a rule does not hold (plain checks: expect() is slow in hot loops). */
function must(holds: boolean, what: string, value: unknown): void {
  if (!holds) {
    throw new Error(`${what}: ${JSON.stringify(value)}`);
  }
}

/** Every flag of the rendered command is a flag of kube-apiserver 1.36 with a value it parses. */
function expectFlagModel(manifests: Manifest[]): void {
  const release = kubeApiServerRelease('1.36')!;
  const command: string[] = apiServerContainer(manifests.find((m) => m.kind === 'Deployment')!).command;
  for (const [name, value] of Object.entries(parseCommand(command))) {
    const spec = release.flags[name];
    must(spec !== undefined, 'a flag kube-apiserver does not know', name);
    const parsed = checkFlagValue(spec, value, release.minor);
    must(parsed.ok, `a value kube-apiserver refuses for --${name}`, [value, parsed]);
  }
}

/** Kubernetes' server-side rules (beyond the schemas) hold for every rendered object. */
function expectApiServerRules(manifests: Manifest[]): void {
  for (const m of manifests) {
    const issues = validateObject(m);
    must(issues.length === 0, `${m.kind} ${m.metadata.name} breaks a rule of the Kubernetes API server`, issues);
  }
}

const HEADER = 'Validation failed with the following errors:';
const ERROR_LINE = /^\[[^\]]+\] [^:]+: .+\. Fix: .+$/;

/** Parses YAML as cdk8s's own loader does (YAML 1.1); Yaml.load would start a process a call. */
function parseYaml(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1' }).map((doc) => doc.toJSON());
}

test('random prop sets give valid objects and YAML, or a clear validation error, never a crash', () => {
  let valid = 0;
  let invalid = 0;
  fc.assert(fc.property(propSet, (props) => {
    let manifests: Manifest[];
    try {
      manifests = synth(props);
    } catch (e) {
      must(e instanceof Error, 'not an Error', e);
      const [header, ...lines] = (e as Error).message.split('\n');
      must(header === HEADER && lines.length > 0, 'not a validation error', (e as Error).message);
      for (const line of lines) {
        must(ERROR_LINE.test(line.trim()), 'an error line not of the form "[path] field: message. Fix: fix"', line);
      }
      invalid++;
      return;
    }
    validateManifests(manifests);
    expectApiServerRules(manifests);
    expectFlagModel(manifests);
    deepStrictEqual(parseYaml(Yaml.stringify(...manifests)), manifests);
    valid++;
  }), params(1500));
  // The mix is useful only if both outcomes are common.
  const runs = valid + invalid;
  expect(valid).toBeGreaterThan(runs / 5);
  expect(invalid).toBeGreaterThan(runs / 5);
});
