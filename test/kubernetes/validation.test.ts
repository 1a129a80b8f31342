/**
 * Kubernetes' server-side validation, restated in src/kubernetes/validation: the table of cases,
 * the grammar helpers, and properties against the constructs and kubernetes-models.
 */
import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { KarmadaApiServer, KarmadaApiServerProps } from '../../src';
import { compareQuantities, parseCidr, parseIp, parseQuantity } from '../../src/kubernetes/grammar';
import { VALIDATED_KINDS, isValidatedKind, validateObject } from '../../src/kubernetes/validation';
import { FUZZ_VOLUMES, propSet, sidecarContainer } from '../arbitraries';
import { validateManifest } from '../schema';
import { Manifest, newChart } from '../helpers';
import { VALIDATION_CASES } from './validation-cases';

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const runs = (n: number): fc.Parameters<unknown> => ({ numRuns: Number(process.env.FC_RUNS ?? n), seed });

describe('the table of cases', () => {
  test('has unique names and hundreds of rows', () => {
    const names = VALIDATION_CASES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(VALIDATION_CASES.length).toBeGreaterThan(300);
  });

  test.each(VALIDATION_CASES.map((c) => [c.name, c] as const))('%s', (_name, row) => {
    const issues = validateObject(row.object);
    expect(issues.map((i) => i.path).sort()).toEqual([...row.expectedPaths].sort());
    for (const issue of issues) {
      expect(issue.message).not.toMatch(/[\r\n]/);
      expect(issue.fix).not.toMatch(/[\r\n]/);
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.fix.length).toBeGreaterThan(0);
    }
  });
});

describe('dispatch', () => {
  test('knows the kinds this library renders and will render', () => {
    expect([...VALIDATED_KINDS].sort()).toEqual(['apps/v1/Deployment', 'apps/v1/StatefulSet', 'networking.k8s.io/v1/NetworkPolicy', 'policy/v1/PodDisruptionBudget',
      'v1/ConfigMap', 'v1/PersistentVolumeClaim', 'v1/Secret', 'v1/Service', 'v1/ServiceAccount']);
  });

  test('yields nothing for kinds it does not know', () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'Not A Name' } };
    expect(isValidatedKind(role)).toBe(false);
    expect(validateObject(role)).toEqual([]);
  });

  test('survives objects of the wrong shape', () => {
    for (const kind of VALIDATED_KINDS) {
      const slash = kind.lastIndexOf('/');
      const head = { apiVersion: kind.slice(0, slash), kind: kind.slice(slash + 1) };
      for (const junk of [{}, { metadata: 1, spec: 'x' }, { metadata: { name: ['a'] }, spec: { template: [], ports: {}, selector: 3 }, data: [] }]) {
        expect(() => validateObject({ ...head, ...junk })).not.toThrow();
        expect(validateObject({ ...head, ...junk }).length).toBeGreaterThan(0);
      }
    }
  });

  test('map keys are written as the props write them: plain, or quoted when odd', () => {
    const issues = validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { 'example.com/team': '-', 'a b': 'x' } } });
    expect(issues.map((i) => i.path)).toEqual(['metadata.labels.example.com/team', 'metadata.labels["a b"]']);
  });
});

describe('quantities, as Kubernetes parses them', () => {
  test.each(['1', '0', '-1', '+1', '1.', '.5', '1.5', '100m', '1n', '1u', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei', '1e3', '1E3', '1e-3', '1e+3', '0.000001', '1Mi', '007'])('accepts %s', (text) => {
    expect(parseQuantity(text)).toBeDefined();
  });

  test.each(['', ' 1', '1 ', '1K', '1KI', '1ki', '1Mi3', '1e', '1ee3', '1.5.5', 'e3', 'one', '1m3', '1k-3', '1i', '--1', '0x10', '1,5', '-', '.', 'e3', 'Mi'])('refuses %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  test('compares exactly', () => {
    const q = (t: string) => parseQuantity(t)!;
    expect(compareQuantities(q('1Gi'), q('1024Mi'))).toBe(0);
    expect(compareQuantities(q('1G'), q('1Gi'))).toBe(-1);
    expect(compareQuantities(q('300m'), q('0.3'))).toBe(0);
    expect(compareQuantities(q('1e3'), q('1k'))).toBe(0);
    expect(compareQuantities(q('1.0000000001'), q('1'))).toBe(1);
  });
});

describe('addresses, as Go parses them', () => {
  test.each(['0.0.0.0', '10.96.0.10', '255.255.255.255', '::', '::1', 'fd00:10:96::a', '2001:db8::1', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4'])('accepts the address %s', (text) => {
    expect(parseIp(text)).toBeDefined();
  });

  test.each(['', '10.0.0', '10.0.0.256', '010.0.0.1', '10.0.0.1.', '1::2::3', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', '12345::', 'g::1', ' 10.0.0.1'])('refuses the address %j', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });

  test.each(['10.0.0.0/8', '10.0.0.1/32', '0.0.0.0/0', 'fd00::/8', '::/0', '2001:db8::/128'])('accepts the CIDR %s', (text) => {
    expect(parseCidr(text)).toBeDefined();
  });

  test.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', 'fd00::/129', '10.0.0.0/8/8', '10.0.0.0/ 8', '10.0.0.0/0008'])('refuses the CIDR %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

function synth(props: KarmadaApiServerProps): Manifest[] | undefined {
  try {
    const chart = newChart();
    new KarmadaApiServer(chart, 'ApiServer', props);
    return Testing.synth(chart) as Manifest[];
  } catch {
    return undefined;
  }
}


describe('properties', () => {
  test('objects the constructs synthesize pass', () => {
    fc.assert(fc.property(propSet, (props) => {
      for (const manifest of synth(props) ?? []) {
        for (const issue of validateObject(manifest)) {
          throw new Error(`${manifest.kind} ${manifest.metadata.name}: ${issue.path}: ${issue.message}`);
        }
      }
    }), runs(300));
  });

  test('objects this validator accepts also pass the Kubernetes OpenAPI schema (kubernetes-models)', () => {
    let accepted = 0;
    fc.assert(fc.property(sidecarContainer(), ({ container, options }) => {
      const manifests = synth({ instanceName: 'tenant1', extraVolumes: FUZZ_VOLUMES, sidecarContainers: [container],
        sidecarOptions: { [container.name]: { ...options, allowPodSecurityViolations: true } } }) ?? [];
      for (const manifest of manifests) {
        if (validateObject(manifest).length === 0) {
          accepted++;
          validateManifest(manifest);
        }
      }
    }), runs(200));
    expect(accepted).toBeGreaterThan(0);
  });

  test('a broken field is reported at its path, whatever else the pod holds', () => {
    const breakers: [string, (c: Record<string, unknown>) => Record<string, unknown>][] = [
      ['name', (c) => ({ ...c, name: 'Not_A_Label' })],
      ['image', (c) => ({ ...c, image: '' })],
      ['terminationMessagePolicy', (c) => ({ ...c, terminationMessagePolicy: 'Never' })],
      ['restartPolicy', (c) => ({ ...c, restartPolicy: 'OnFailure' })],
    ];
    fc.assert(fc.property(sidecarContainer(), fc.constantFrom(...breakers), ({ container }, [field, breakIt]) => {
      const manifests = synth({ instanceName: 'tenant1', extraVolumes: FUZZ_VOLUMES, sidecarContainers: [container],
        sidecarOptions: { [container.name]: { allowPodSecurityViolations: true } } });
      const deployment = manifests?.find((m) => m.kind === 'Deployment');
      if (!deployment) {
        return;
      }
      const spec = deployment.spec.template.spec;
      const list = spec.initContainers?.some((c: { name: string }) => c.name === container.name) ? 'initContainers' : 'containers';
      const index = (spec[list] as { name: string }[]).findIndex((c) => c.name === container.name);
      spec[list][index] = breakIt(spec[list][index]);
      const paths = validateObject(deployment).map((i) => i.path);
      expect(paths).toContain(`spec.template.spec.${list}[${index}].${field}`);
    }), runs(100));
  });
});
