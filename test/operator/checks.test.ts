/**
 * The same checks on both targets, over generated prop sets (test/arbitraries.ts):
 * - KarmadaOperatorInstance reports every problem KarmadaApiServer reports for the same props (under
 *   `apiServer.`), and beyond them only problems of the operator target;
 * - where the props suit the operator, what the operator renders from our Karmada object passes the
 *   operator's own validation, the CRD's schema and Kubernetes' server-side validation (problems
 *   mapped back to props), and equals the standalone rendering but for the documented differences.
 * Reproduce a failure with the seed fast-check prints: FC_SEED=<seed> npx jest test/operator/checks
 * (FC_RUNS=<n> changes the number of runs).
 */
import { App, Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { Construct } from 'constructs';
import {
  EncryptionAtRest, EncryptionProvider, EtcdConfig, KarmadaApiServer, KarmadaApiServerProps, KarmadaOperatorInstance, SidecarOptions,
} from '../../src';
import * as schemaFile from '../../src/imports/operator.karmada.io.schema.json';
import { validateObject } from '../../src/kubernetes/validation';
import { yaml11Reading } from '../../src/operator/template';
import { componentName } from '../../src/model/naming';
import { dnsLabel, propSet } from '../arbitraries';
import type { Manifest } from '../helpers';
import { CrdSchemaFile, CrdValidator } from '../imports/crd-schema';
import { propFieldOf } from './prop-fields';
import { renderKarmadaAPIServer, resolvePlainScalar } from './render';
import { normalized, operatorApiServer, standaloneApiServer } from './targets';

const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const runs = (n: number): fc.Parameters<unknown> => ({ numRuns: Number(process.env.FC_RUNS ?? n), seed });
const crd = new CrdValidator(schemaFile as unknown as CrdSchemaFile, 'v1alpha1');

function chart(): Chart {
  return new Chart(new App(), 'test', { namespace: 'tenant1', disableResourceNameHashes: true });
}

/** The problems and, when there are none, the objects of each target. */
function standalone(props: KarmadaApiServerProps): { problems: string[]; objects?: Manifest[] } {
  const c = chart();
  const api = new KarmadaApiServer(c, 'ApiServer', props);
  const problems = api.node.validate();
  return { problems, objects: problems.length === 0 ? Testing.synth(c) as Manifest[] : undefined };
}

function forOperator(props: KarmadaApiServerProps): { problems: string[]; objects?: Manifest[] } {
  const c = chart();
  const instance = new KarmadaOperatorInstance(c, 'Karmada', { apiServer: props });
  const problems = instance.node.validate();
  return { problems, objects: problems.length === 0 ? Testing.synth(c) as Manifest[] : undefined };
}

/** The fields only the operator target reports (its own checks), by prefix. */
const OPERATOR_TARGET_FIELDS = [
  'apiServer.topologySpreadConstraints', 'apiServer.podSecurityContext', 'apiServer.certificateSecretName', 'apiServer.etcd.clientCertSecretName',
  'apiServer.etcd.serviceName', 'apiServer.loadBalancerClass', 'apiServer.instanceName', 'apiServer.namespace', 'apiServer.imageRepository',
  'apiServer.imageTag', 'apiServer.imagePullPolicy', 'apiServer.serviceSubnet', 'components.',
];
const isOperatorTargetProblem = (line: string) => OPERATOR_TARGET_FIELDS.some((f) => line.startsWith(f))
  || /^apiServer\.(sidecarOptions|encryption)[^:]*\.nativeSidecar: /.test(line);

describe('the same checks', () => {
  test('every problem of KarmadaApiServer, under apiServer.; beyond them only the operator target\'s', () => {
    fc.assert(fc.property(propSet, (props) => {
      const ours = standalone(props).problems.map((p) => `apiServer.${p}`);
      const theirs = forOperator(props).problems;
      expect(theirs).toEqual(expect.arrayContaining(ours));
      const extra = theirs.filter((p) => !ours.includes(p));
      expect(extra.filter((p) => !isOperatorTargetProblem(p))).toEqual([]);
    }), runs(150));
  });
});

/** Sidecars made regular (the operator has no native ones), as a user of the operator target would. */
function regularSidecars(props: KarmadaApiServerProps): Partial<KarmadaApiServerProps> {
  const options: Record<string, SidecarOptions> = {};
  for (const [name, o] of Object.entries(props.sidecarOptions ?? {})) options[name] = { ...o, nativeSidecar: false };
  return {
    sidecarContainers: props.sidecarContainers?.map((c) => ({ ...c, restartPolicy: undefined })),
    sidecarOptions: props.sidecarOptions && options,
  };
}

/** An etcd the operator can carry, for an instance name. */
const operatorEtcd = (instanceName: string) => fc.constantFrom(
  undefined,
  EtcdConfig.local(),
  EtcdConfig.external({ endpoints: ['https://etcd-0.example.com:2379'], clientCertSecretName: componentName(instanceName, 'etcd-cert') }),
  EtcdConfig.external({ endpoints: ['https://etcd-0.example.com:2379', 'https://etcd-1.example.com:2379'], clientCertSecretName: componentName(instanceName, 'etcd-cert'), keyPrefix: '/k' }),
);

/** A KMS configuration with one or two plugins, each native by default (made regular for the operator). */
const kmsEncryption = fc.option(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.boolean(), fc.boolean()).map(([plugins, reload, identity]) => EncryptionAtRest.kms({
  providers: [
    ...Array.from({ length: plugins }, (_, i) => EncryptionProvider.kms({
      name: `kms-${i}`,
      plugin: {
        container: { name: `kms-plugin-${i}`, image: 'registry.example.com/kms:v1.0.0', resources: { limits: { memory: k8s.Quantity.fromString('64Mi') } } },
        socketPath: `/var/run/kms-${i}/socket.sock`,
      },
    })),
    ...(identity ? [EncryptionProvider.identity()] : []),
  ],
  automaticReload: reload,
})), { nil: undefined });

/** Prop sets an operator user could give: the generated ones, with what the operator cannot carry left out. */
const operatorPropSet: fc.Arbitrary<KarmadaApiServerProps> = propSet.chain((props) => fc.tuple(
  operatorEtcd(typeof props.instanceName === 'string' ? props.instanceName : ''),
  kmsEncryption,
  fc.option(fc.dictionary(fc.constantFrom('kubernetes.io/os', 'example.com/pool', 'zone'), fc.constantFrom('linux', 'a', ''), { maxKeys: 2 }), { nil: undefined }),
).map(([etcd, encryption, nodeSelector]) => ({
  ...props,
  ...regularSidecars(props),
  certificateSecretName: undefined,
  loadBalancerClass: undefined,
  etcd,
  encryption,
  nodeSelector,
})));

/** Kubernetes' server-side validation of the operator's objects, in the user's words. */
function serverSideProblems(objects: { kind: string; json: any }[], props: KarmadaApiServerProps, deployment: any): string[] {
  return objects.flatMap(({ kind, json }) => validateObject(json)
    .map((issue) => `${propFieldOf(kind, issue.path, props, deployment)}: ${issue.message}. Fix: ${issue.fix}`));
}

describe('what the operator renders from our Karmada object', () => {
  test('props that synthesize standalone synthesize for the operator; the operator renders, valid, and the same but for the documented differences', () => {
    let rendered = 0;
    fc.assert(fc.property(operatorPropSet, (props) => {
      const ours = standalone(props);
      const theirs = forOperator(props);
      if (ours.objects === undefined) return;
      expect(theirs.problems).toEqual([]);
      const karmada = theirs.objects!.find((m) => m.kind === 'Karmada')!;
      expect(crd.problems(karmada)).toEqual([]);
      const operator = renderKarmadaAPIServer(karmada as never);
      const objects = operatorApiServer(operator);
      expect(serverSideProblems([
        { kind: 'Deployment', json: objects.deployment }, { kind: 'Service', json: objects.service },
        ...(objects.podDisruptionBudget ? [{ kind: 'PodDisruptionBudget', json: objects.podDisruptionBudget }] : []),
      ], props, objects.deployment)).toEqual([]);
      expect(objects).toStrictEqual(normalized(ours.objects));
      rendered++;
    }), runs(150));
    expect(rendered).toBeGreaterThan(20);
  });

  test('a problem Kubernetes would find in the operator\'s objects is a synth problem at the prop that caused it', () => {
    const props: KarmadaApiServerProps = {
      instanceName: 'karmada-demo',
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'not a label value', effect: 'NoSchedule' }],
      sidecarContainers: [{ name: 'agent', image: 'registry.example.com/agent:v1', env: [{ name: 'X', valueFrom: { secretKeyRef: { key: 'k' } as never } }] }],
    };
    expect(forOperator(props).problems.map((p) => p.split(':')[0]).sort())
      .toEqual(['apiServer.sidecarContainers[0].env[0].valueFrom.secretKeyRef.name', 'apiServer.tolerations[0].value']);
  });

  test('the standalone and the operator\'s objects have the same Kubernetes problems for the same props', () => {
    fc.assert(fc.property(operatorPropSet, (props) => {
      const theirs = forOperator(props);
      if (theirs.objects === undefined) return;
      const ours = standaloneApiServer(standalone(props).objects!);
      const operator = operatorApiServer(renderKarmadaAPIServer(theirs.objects.find((m) => m.kind === 'Karmada') as never));
      const paths = (json: any, kind: string, deployment: any) => validateObject(json).map((i) => propFieldOf(kind, i.path, props, deployment)).sort();
      expect(paths(operator.deployment, 'Deployment', operator.deployment)).toEqual(paths(ours.deployment, 'Deployment', ours.deployment));
    }), runs(100));
  });
});

describe('the template checks agree with the port of the operator\'s template', () => {
  test('instance names: a DNS label the port cannot decode is refused, and only such a label', () => {
    const label = fc.oneof(dnsLabel, fc.constantFrom('on', 'off', 'yes', 'no', 'y', 'n', 'true', 'null', '2024', '0x1f', '0o17', '0b101', '1e3', '08', '1-2', '1e', '0x'));
    fc.assert(fc.property(label, (name) => {
      const resolved = resolvePlainScalar(name);
      expect(yaml11Reading(name) === undefined).toBe(typeof resolved === 'string');
    }), runs(500));
  });

  test('any plain text: YAML 1.1 typing as the port resolves it', () => {
    const text = fc.string({ unit: fc.constantFrom(...'01234567890abcdefxXoOeE.+-_~nNuUlLyYtTrR'.split('')), maxLength: 8 });
    fc.assert(fc.property(text, (s) => {
      const resolved = resolvePlainScalar(s);
      const reading = yaml11Reading(s);
      const expected = resolved === null ? 'null' : typeof resolved === 'boolean' ? 'a boolean' : typeof resolved === 'number' ? 'a number' : undefined;
      expect([s, reading]).toEqual([s, expected]);
    }), runs(1000));
  });
});

test('a JavaScript caller passing the operator\'s props to the standalone construct is told so', () => {
  const Api = KarmadaApiServer as unknown as new (scope: Construct, id: string, props: unknown) => KarmadaApiServer;
  const problems = new Api(chart(), 'ApiServer', { apiServer: { instanceName: 'x' } }).node.validate();
  expect(problems.some((p) => p.startsWith('apiServer: "apiServer" is not a prop of KarmadaApiServer'))).toBe(true);
});
