/**
 * checkShape and renderWithNewerFields: the mistakes JavaScript callers make, the fields newer than
 * Kubernetes 1.28 that cdk8s-plus-28 drops, and properties on random values of the schema table.
 * Reproduce a property failure with the seed fast-check prints: FC_SEED=<seed> npx jest test/kubernetes
 * (FC_RUNS=<n> changes the number of runs).
 */
import * as fs from 'fs';
import * as path from 'path';
import { IoK8sApimachineryPkgApisMetaV1LabelSelector as LabelSelectorModel } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { DeploymentSpec } from 'kubernetes-models/apps/v1';
import { NetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1';
import {
  Affinity, Container, Pod, PodSecurityContext, PodSpec, ResourceRequirements, ServiceSpec, Toleration, TopologySpreadConstraint, Volume,
} from 'kubernetes-models/v1';
import { generateSchemaSource } from '../../scripts/kubernetes-schema/generate';
import { keyField } from '../../src/problems';
import { KUBERNETES_TYPES } from '../../src/kubernetes/generated/schema';
import { checkShape, renderWithNewerFields, ShapeIssue } from '../../src/kubernetes/shape';
import { copy, expectedJson, parentOf, places, typeValue } from './schema-values';

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
function params(defaultRuns: number): fc.Parameters<unknown> {
  return { numRuns: Number(process.env.FC_RUNS ?? defaultRuns), seed };
}

/** The issues as `field: message. Fix: fix` lines, for readable failures. */
function lines(issues: readonly ShapeIssue[]): string[] {
  return issues.map((i) => `${i.field}: ${i.message}. Fix: ${i.fix}`);
}

/** The one issue at `field`. */
function issueAt(issues: readonly ShapeIssue[], field: string): ShapeIssue {
  const found = issues.filter((i) => i.field === field);
  if (found.length !== 1) {
    throw new Error(`expected one issue at ${field}, got:\n${lines(issues).join('\n')}`);
  }
  return found[0];
}

describe('the TypeErrors and silent losses of the converters become issues at the right field', () => {
  test('a command given as one string', () => {
    const sidecar = { name: 'kms', image: 'kms:1', command: 'run.sh --serve' };
    expect(() => k8s.toJson_Container(sidecar as never)).toThrow(/map is not a function/);
    const issue = issueAt(checkShape(sidecar, 'Container', 'sidecarContainers[0]'), 'sidecarContainers[0].command');
    expect(issue.message).toBe('expected a list of strings, got the string "run.sh --serve"');
    expect(issue.fix).toBe('give a list, one item per argument, such as ["run.sh","--serve"]');
  });

  test('a single toleration instead of a list', () => {
    const pod = { containers: [{ name: 'a' }], tolerations: { key: 'dedicated', operator: 'Exists' } };
    expect(() => k8s.toJson_PodSpec(pod as never)).toThrow(TypeError);
    const issue = issueAt(checkShape(pod, 'PodSpec', 'pod'), 'pod.tolerations');
    expect(issue.message).toBe('expected a list of Toleration objects, got an object {"key":"dedicated","operator":"Exists"}');
    expect(issue.fix).toBe('wrap the Toleration in a list: [{ … }]');
  });

  test('a plain number where k8s.IntOrString belongs (the converter drops it)', () => {
    const probe = { httpGet: { port: 8080, path: '/healthz' } };
    expect(k8s.toJson_Probe(probe as never)).toEqual({ httpGet: { path: '/healthz' } });
    const issue = issueAt(checkShape(probe, 'Probe', 'sidecarContainers[0].livenessProbe'), 'sidecarContainers[0].livenessProbe.httpGet.port');
    expect(issue.message).toBe('expected a k8s.IntOrString, got the number 8080');
    expect(issue.fix).toBe('give k8s.IntOrString.fromNumber(8080)');
    expect(issueAt(checkShape({ port: 'https' }, 'HTTPGetAction', 'h'), 'h.port').fix).toBe("give k8s.IntOrString.fromString('https')");
  });

  test('a plain string where k8s.Quantity belongs', () => {
    const issue = issueAt(checkShape({ limits: { memory: '64Mi' } }, 'ResourceRequirements', 'resources'), 'resources.limits.memory');
    expect(issue.message).toBe('expected a k8s.Quantity, got the string "64Mi"');
    expect(issue.fix).toBe("give k8s.Quantity.fromString('64Mi')");
    expect(issueAt(checkShape({ requests: { cpu: 2 } }, 'ResourceRequirements', 'resources'), 'resources.requests.cpu').fix)
      .toBe('give k8s.Quantity.fromNumber(2)');
  });

  test('runAsUser given as a string', () => {
    const issue = issueAt(checkShape({ runAsUser: '1000' }, 'PodSecurityContext', 'podSecurityContext'), 'podSecurityContext.runAsUser');
    expect(issue.message).toBe('expected an integer, got the string "1000"');
    expect(issue.fix).toBe('give the number 1000, without quotes');
  });

  test('an environment variable value given as a number', () => {
    const sidecar = { name: 'kms', env: [{ name: 'MODE', value: 'serve' }, { name: 'PORT', value: 8080 }] };
    const issue = issueAt(checkShape(sidecar, 'Container', 'sidecarContainers[0]'), 'sidecarContainers[0].env[1].value');
    expect(issue.message).toBe('expected a string, got the number 8080');
    expect(issue.fix).toBe('give the text "8080"');
  });

  test('a misspelt field (the converter drops it) gets the nearest name', () => {
    const sidecar = { name: 'kms', volumeMount: [{ name: 'socket', mountPath: '/run/kms' }] };
    expect(k8s.toJson_Container(sidecar as never)).toEqual({ name: 'kms' });
    const issue = issueAt(checkShape(sidecar, 'Container', 'sidecarContainers[0]'), 'sidecarContainers[0].volumeMount');
    expect(issue.message).toBe('"volumeMount" is not a field of Container in Kubernetes 1.33, the newest schema this library knows');
    expect(issue.fix).toBe('did you mean volumeMounts?');
  });

  test('a field of a Kubernetes version after 1.33 cannot be told from a typo', () => {
    const issue = issueAt(checkShape({ name: 'kms', restartPolicyRules: [] }, 'Container', 'c'), 'c.restartPolicyRules');
    expect(issue.message).toMatch(/not a field of Container in Kubernetes 1\.33, the newest schema this library knows/);
    expect(issue.fix).toBe('remove it (the closest field of Container is restartPolicy)');
  });

  test('a JSON name where cdk8s-plus-28 uses another property name', () => {
    const issue = issueAt(checkShape({ containers: [], hostIPC: true }, 'PodSpec', 'pod'), 'pod.hostIPC');
    expect(issue.message).toBe('"hostIPC" is the JSON name; cdk8s-plus-28\'s k8s.PodSpec calls this field hostIpc, and drops "hostIPC"');
    expect(issue.fix).toBe('rename it to hostIpc');
  });
});

describe('wrong JavaScript types', () => {
  const at = (value: unknown, typeName: string, field: string) => issueAt(checkShape(value, typeName, 'x'), field);

  test('numbers: non-integers, non-finite values, numbers as text', () => {
    expect(at({ containerPort: 80.5 }, 'ContainerPort', 'x.containerPort').message).toBe('expected an integer, got the number 80.5');
    expect(at({ containerPort: NaN }, 'ContainerPort', 'x.containerPort').message).toBe('expected an integer, got NaN');
    expect(at({ containerPort: Infinity }, 'ContainerPort', 'x.containerPort').fix).toBe('give a finite whole number');
    expect(at({ containerPort: true }, 'ContainerPort', 'x.containerPort').message).toBe('expected an integer, got the boolean true');
    expect(at({ containerPort: 10n }, 'ContainerPort', 'x.containerPort').message).toBe('expected an integer, got the bigint 10n');
  });

  test('strings and booleans', () => {
    expect(at({ name: 'a', image: true }, 'Container', 'x.image').message).toBe('expected a string, got the boolean true');
    expect(at({ name: 'a', image: ['a'] }, 'Container', 'x.image').message).toBe('expected a string, got a list ["a"]');
    expect(at({ name: 'a', tty: 'true' }, 'Container', 'x.tty').fix).toBe('give the boolean true, without quotes');
    expect(at({ name: 'a', tty: 1 }, 'Container', 'x.tty').fix).toBe('give true or false');
  });

  test('a value outside a closed enum gets the nearest value, or the list', () => {
    const issue = at({ name: 'a', imagePullPolicy: 'ifnotpresent' }, 'Container', 'x.imagePullPolicy');
    expect(issue.message).toBe('"ifnotpresent" is not one of "Always", "IfNotPresent" or "Never"');
    expect(issue.fix).toBe('did you mean "IfNotPresent"?');
    expect(at({ name: 'a', imagePullPolicy: 'Sometimes' }, 'Container', 'x.imagePullPolicy').fix).toBe('use one of "Always", "IfNotPresent" or "Never"');
    expect(at({ stopSignal: 'SIGTERN' }, 'Lifecycle', 'x.stopSignal').message).toMatch(/… \(65 values\)$/);
  });

  test('objects: a list, a class instance, a function, a wrapped value', () => {
    expect(at({ name: 'a', securityContext: [{}] }, 'Container', 'x.securityContext').fix).toBe('give one SecurityContext object, not a list');
    expect(at({ name: 'a', securityContext: new Map() }, 'Container', 'x.securityContext').message)
      .toBe('expected a SecurityContext object, got an instance of Map');
    expect(at({ name: 'a', lifecycle: () => ({}) }, 'Container', 'x.lifecycle').message).toBe('expected a Lifecycle object, got a function');
    expect(at({ name: 'a', resources: k8s.Quantity.fromString('1') }, 'Container', 'x.resources').message)
      .toBe('expected a ResourceRequirements object, got a k8s.Quantity holding "1"');
    class Options { public readonly runAsUser = 1000; }
    expect(at({ name: 'a', securityContext: new Options() }, 'Container', 'x.securityContext').message).toMatch(/got an instance of Options$/);
  });

  test('maps: wrong values and non-plain maps; keys as field paths', () => {
    const issues = checkShape({ labels: { 'app': 1, 'odd key': false, 'app.kubernetes.io/name': 'ok' } }, 'ObjectMeta', 'metadata');
    expect(lines(issues)).toEqual([
      'metadata.labels.app: expected a string, got the number 1. Fix: give the text "1"',
      'metadata.labels["odd key"]: expected a string, got the boolean false. Fix: give the text "false"',
    ]);
    expect(at({ labels: new Map([['a', 'b']]) }, 'ObjectMeta', 'x.labels').message).toBe('expected a map of strings, got an instance of Map');
  });

  test('wrapped values must hold a string or a finite number', () => {
    expect(at({ port: k8s.IntOrString.fromNumber(80.5) }, 'HTTPGetAction', 'x.port').message).toBe('the k8s.IntOrString holds the number 80.5');
    expect(at({ limits: { cpu: k8s.Quantity.fromNumber(NaN) } }, 'ResourceRequirements', 'x.limits.cpu').message).toBe('the k8s.Quantity holds NaN');
    expect(checkShape({ port: k8s.IntOrString.fromString('http') }, 'HTTPGetAction', 'x')).toEqual([]);
  });

  test('times are Dates', () => {
    expect(at({ creationTimestamp: '2024-01-01T00:00:00Z' }, 'ObjectMeta', 'x.creationTimestamp').fix).toBe('give new Date("2024-01-01T00:00:00Z")');
    expect(at({ creationTimestamp: new Date(NaN) }, 'ObjectMeta', 'x.creationTimestamp').fix).toBe('give a valid Date');
  });

  test('keys cdk8s cannot render: constructor and __proto__, in typed objects, maps and free-form data', () => {
    const parsed = JSON.parse('{"name":"a","__proto__":{"x":1}}') as unknown;
    expect(at(parsed, 'Container', 'x.__proto__').message).toMatch(/cannot render a key named "__proto__"/);
    expect(at({ labels: { constructor: 'x' } }, 'ObjectMeta', 'x.labels.constructor').message).toMatch(/cannot render a key named "constructor"/);
    const managed = { managedFields: [{ fieldsV1: { constructor: 1, 'f:spec': { n: Infinity, f: () => 1 } } }] };
    expect(lines(checkShape(managed, 'ObjectMeta', 'm'))).toEqual([
      'm.managedFields[0].fieldsV1.constructor: cdk8s cannot render a key named "constructor": it takes it for the object\'s class. Fix: remove or rename the key',
      'm.managedFields[0].fieldsV1["f\\u003aspec"].n: Infinity is not a finite number and renders as null. Fix: give a finite number',
      'm.managedFields[0].fieldsV1["f\\u003aspec"].f: a function is not plain data cdk8s can render. Fix: give plain objects, lists, strings, numbers and booleans',
    ]);
  });

  test('required fields, empty list items', () => {
    expect(lines(checkShape({ maxSkew: 1, topologyKey: 'zone' }, 'TopologySpreadConstraint', 't'))).toEqual([
      't.whenUnsatisfiable: TopologySpreadConstraint requires whenUnsatisfiable, and it is not set. Fix: set whenUnsatisfiable',
    ]);
    // A misspelt required field is one issue, not also a missing one.
    expect(lines(checkShape({ naem: 'a' }, 'Container', 'c'))).toEqual([
      'c.naem: "naem" is not a field of Container in Kubernetes 1.33, the newest schema this library knows. Fix: did you mean name?',
    ]);
    expect(at({ containers: [{ name: 'a' }, null] }, 'PodSpec', 'x.containers[1]').message).toBe('list item 1 is null');
  });

  test('null counts as not set', () => {
    const sidecar = { name: 'kms', image: null, lifecycle: null, env: null, resources: { limits: null }, securityContext: { runAsUser: null } };
    expect(checkShape(sidecar, 'Container', 'c')).toEqual([]);
    expect(checkShape(null, 'Container', 'c')).toEqual([]);
    expect(() => k8s.toJson_Container(sidecar as never)).toThrow(TypeError);
    expect(renderWithNewerFields(sidecar, 'Container')).toEqual({ name: 'kms', resources: {}, securityContext: {} });
  });

  test('messages are one line and cut long values', () => {
    const long = `first line\n${'x'.repeat(500)}`;
    const issue = at({ name: 'a', tty: long }, 'Container', 'x.tty');
    expect(issue.message).not.toMatch(/\n/);
    expect(issue.message.length).toBeLessThan(200);
    expect(at({ name: 'a', image: { a: 'y'.repeat(500) } }, 'Container', 'x.image').message).toMatch(/^expected a string, got an object \{"a":"y+…$/);
  });

  test('an unknown type name is a bug of the caller', () => {
    expect(() => checkShape({}, 'Contianer', 'c')).toThrow('unknown Kubernetes type "Contianer"');
    expect(() => renderWithNewerFields({}, 'Contianer')).toThrow('unknown Kubernetes type "Contianer"');
  });
});

describe('fields newer than Kubernetes 1.28 survive rendering', () => {
  const sidecar = {
    name: 'kms',
    image: 'kms:1',
    securityContext: { runAsNonRoot: true, appArmorProfile: { type: 'RuntimeDefault' } },
    volumeMounts: [
      { name: 'a', mountPath: '/a' },
      { name: 'b', mountPath: '/b' },
      { name: 'c', mountPath: '/c', readOnly: true, recursiveReadOnly: 'Enabled' },
    ],
    lifecycle: { preStop: { sleep: { seconds: 5 } }, stopSignal: 'SIGTERM' },
  };
  const pod = {
    containers: [sidecar],
    securityContext: { runAsUser: 1000, appArmorProfile: { type: 'Localhost', localhostProfile: 'karmada' }, supplementalGroupsPolicy: 'Strict' },
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'karmada-apiserver' } }, matchLabelKeys: ['pod-template-hash'] },
        ],
      },
    },
    resources: { limits: { cpu: k8s.Quantity.fromString('2'), memory: k8s.Quantity.fromNumber(1024) } },
    volumes: [{ name: 'policy', image: { reference: 'registry.example/policy:1', pullPolicy: 'IfNotPresent' } }],
  };

  test('the 1.28 converters drop them', () => {
    const json = k8s.toJson_PodSpec(pod as never) as Record<string, any>;
    expect(json.securityContext.appArmorProfile).toBeUndefined();
    expect(json.containers[0].securityContext.appArmorProfile).toBeUndefined();
    expect(json.containers[0].volumeMounts[2].recursiveReadOnly).toBeUndefined();
    expect(json.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys).toBeUndefined();
  });

  test('a container keeps appArmorProfile, recursiveReadOnly and the lifecycle fields, after the converter keys', () => {
    expect(checkShape(sidecar, 'Container', 'sidecarContainers[0]')).toEqual([]);
    const json = renderWithNewerFields(sidecar, 'Container') as Record<string, any>;
    expect(json.securityContext).toEqual({ runAsNonRoot: true, appArmorProfile: { type: 'RuntimeDefault' } });
    expect(Object.keys(json.securityContext)).toEqual(['runAsNonRoot', 'appArmorProfile']);
    expect(json.volumeMounts[2]).toEqual({ name: 'c', mountPath: '/c', readOnly: true, recursiveReadOnly: 'Enabled' });
    expect(json.lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } }, stopSignal: 'SIGTERM' });
    expect(() => new Container(json as any).validate()).not.toThrow();
  });

  test('a pod keeps them at every depth, with quantities as their values', () => {
    expect(checkShape(pod, 'PodSpec', 'pod')).toEqual([]);
    const json = renderWithNewerFields(pod, 'PodSpec') as Record<string, any>;
    expect(json.securityContext).toEqual({
      runAsUser: 1000, appArmorProfile: { type: 'Localhost', localhostProfile: 'karmada' }, supplementalGroupsPolicy: 'Strict',
    });
    expect(json.containers[0].securityContext.appArmorProfile).toEqual({ type: 'RuntimeDefault' });
    expect(json.containers[0].volumeMounts[2].recursiveReadOnly).toBe('Enabled');
    expect(json.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys).toEqual(['pod-template-hash']);
    expect(json.resources).toEqual({ limits: { cpu: '2', memory: 1024 } });
    expect(json.volumes).toEqual([{ name: 'policy', image: { reference: 'registry.example/policy:1', pullPolicy: 'IfNotPresent' } }]);
    expect(() => new PodSpec(json as any).validate()).not.toThrow();
  });

  test('cdk8s writes them into the manifest', () => {
    const chart = new Chart(new App(), 'test');
    new ApiObject(chart, 'pod', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: renderWithNewerFields(pod, 'PodSpec') });
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.securityContext.appArmorProfile).toEqual({ type: 'Localhost', localhostProfile: 'karmada' });
    expect(manifest.spec.containers[0].volumeMounts[2].recursiveReadOnly).toBe('Enabled');
    expect(() => new Pod(manifest).validate()).not.toThrow();
  });
});

/** The kubernetes-models class that validates each type the properties generate. */
const MODELS: Record<string, new (json: any) => { validate(): void }> = {
  Container, Volume, PodSpec, Affinity, Toleration, TopologySpreadConstraint, PodSecurityContext, ResourceRequirements,
  ServiceSpec, DeploymentSpec, NetworkPolicyPeer, LabelSelector: LabelSelectorModel,
};
/** Objects below this depth set only their required fields: a PodSpec reaches probes and volume sources. */
const DEPTH: Record<string, number> = { PodSpec: 3, DeploymentSpec: 4 };
const RUNS: Record<string, number> = { PodSpec: 40, DeploymentSpec: 30 };

describe.each(Object.keys(MODELS))('random valid %s values', (typeName) => {
  const values = typeValue(typeName, DEPTH[typeName] ?? 5);

  test('have no issues, render to JSON that kubernetes-models validates, and keep every field given', () => {
    fc.assert(fc.property(values, (input) => {
      expect(lines(checkShape(input, typeName, 'value'))).toEqual([]);
      const json = renderWithNewerFields(input, typeName);
      new MODELS[typeName](JSON.parse(JSON.stringify(json))).validate();
      expect(json).toEqual(expectedJson(input, { kind: 'object', type: typeName }));
    }), params(RUNS[typeName] ?? 100));
  });

  test('with one field renamed by a typo or one value of a wrong type, are reported at exactly that field', () => {
    fc.assert(fc.property(values, fc.nat(), fc.nat(), fc.boolean(), (input, placeChoice, variant, rename) => {
      const found = places(input, { kind: 'object', type: typeName }, 'value');
      fc.pre(found.length > 0);
      const place = found[placeChoice % found.length];
      const mutated = copy(input);
      const parent = parentOf(mutated, place.steps);
      const step = place.steps[place.steps.length - 1];
      if (rename && place.owner && typeof step === 'string') {
        const typo = typoOf(step, variant);
        const accepted = Object.entries(place.owner.type.fields).flatMap(([json, f]) => [json, f.ts ?? json]);
        fc.pre(!accepted.includes(typo));
        parent[typo] = parent[step];
        delete parent[step];
        const field = keyField(place.owner.field, typo);
        const issues = checkShape(mutated, typeName, 'value');
        expect(issues.some((i) => i.field === field && /is not a field of/.test(i.message))).toBe(true);
        // A renamed required field may also be reported missing, at its own place.
        expect(issues.filter((i) => i.field !== field && i.field !== place.field)).toEqual([]);
      } else {
        const wrong = wrongValues(place.schema);
        parent[step] = wrong[variant % wrong.length];
        const issues = checkShape(mutated, typeName, 'value');
        expect(issues.length).toBeGreaterThan(0);
        expect(issues.filter((i) => i.field !== place.field)).toEqual([]);
      }
    }), params(RUNS[typeName] ?? 100));
  });
});

/** A misspelling of `name`: a letter dropped, doubled, changed, or added. */
function typoOf(name: string, variant: number): string {
  const at = variant % name.length;
  switch (variant % 4) {
    case 0:
      return name.slice(0, at) + name.slice(at + 1) || `${name}x`;
    case 1:
      return name.slice(0, at + 1) + name[at] + name.slice(at + 1);
    case 2:
      return name.slice(0, at) + (name[at] === 'q' ? 'z' : 'q') + name.slice(at + 1);
    default:
      return `${name}s`;
  }
}

/** Values of the wrong JavaScript type (or outside the enum) for a schema. */
function wrongValues(schema: { kind: string; enum?: readonly string[] }): unknown[] {
  switch (schema.kind) {
    case 'string':
      return [42, true, ['x'], { a: 1 }, ...(schema.enum ? ['NotInTheEnum'] : [])];
    case 'integer':
      return ['7', 1.5, NaN, Infinity, true, 'seven'];
    case 'number':
      return [NaN, '1.5', false];
    case 'boolean':
      return ['true', 1, {}];
    case 'intOrString':
      return [8080, 'http', {}, k8s.IntOrString.fromNumber(1.5)];
    case 'quantity':
      return ['64Mi', 2, k8s.Quantity.fromNumber(Infinity)];
    case 'time':
      return ['2024-01-01T00:00:00Z', 5, new Date(NaN)];
    case 'any':
      return [() => 1, new Map(), NaN];
    case 'object':
      return ['x', 5, [], new Map(), () => 1, k8s.IntOrString.fromNumber(1)];
    case 'array':
      return ['x y', { a: 1 }, 5, new Set()];
    case 'map':
      return ['x', [], 5, new Map()];
  }
  throw new Error(`no wrong values for ${schema.kind}`);
}

test('the generated schema table is up to date', () => {
  const file = path.join(__dirname, '..', '..', 'src', 'kubernetes', 'generated', 'schema.ts');
  expect(generateSchemaSource()).toBe(fs.readFileSync(file, 'utf8'));
});

test('the table holds the types we render and names every newer field by its JSON name only', () => {
  for (const root of ['DeploymentSpec', 'PodSpec', 'PodTemplateSpec', 'ServiceSpec', 'PodDisruptionBudgetSpec', 'NetworkPolicySpec', 'ObjectMeta', 'LabelSelector']) {
    expect(KUBERNETES_TYPES[root]?.toJson).toBe(`toJson_${root}`);
  }
  expect(KUBERNETES_TYPES.SecurityContext.fields.appArmorProfile).toEqual({ kind: 'object', type: 'AppArmorProfile' });
  expect(KUBERNETES_TYPES.VolumeMount.fields.recursiveReadOnly).toEqual({ kind: 'string' });
  expect(KUBERNETES_TYPES.PodSpec.fields.hostIPC.ts).toBe('hostIpc');
});
