/**
 * Micro-benchmark of src/kubernetes/shape.ts on a typical sidecar container with 10 fields (one a
 * field newer than Kubernetes 1.28 inside a known object, one a newer field of a volume mount):
 * checkShape, renderWithNewerFields, both, and cdk8s-plus-28's own `k8s.toJson_Container` for scale.
 *
 * Run: npx ts-node bench/shape.ts   (BENCH_ITERATIONS=20000 per round, BENCH_ROUNDS=7)
 * Each figure is the median over the rounds of the mean time per call within a round.
 */
import { k8s } from 'cdk8s-plus-28';
import { checkShape, renderWithNewerFields } from '../src/kubernetes/shape';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/** Ten fields, as a KMS plugin sidecar sets them. */
const CONTAINER = {
  name: 'kms-plugin',
  image: 'registry.example/kms-plugin:v1.2.3',
  command: ['/kms-plugin'],
  args: ['--listen=unix:///run/kms/socket.sock', '--key-id=alias/karmada'],
  env: [{ name: 'AWS_REGION', value: 'eu-west-1' }, { name: 'LOG_LEVEL', value: 'info' }],
  ports: [{ name: 'metrics', containerPort: 8080 }],
  resources: {
    requests: { cpu: k8s.Quantity.fromString('50m'), memory: k8s.Quantity.fromString('64Mi') },
    limits: { memory: k8s.Quantity.fromString('128Mi') },
  },
  securityContext: {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    appArmorProfile: { type: 'RuntimeDefault' },
  },
  volumeMounts: [
    { name: 'kms-socket', mountPath: '/run/kms' },
    { name: 'config', mountPath: '/etc/kms', readOnly: true, recursiveReadOnly: 'Enabled' },
  ],
  livenessProbe: { httpGet: { path: '/healthz', port: k8s.IntOrString.fromNumber(8080) }, periodSeconds: 10 },
};

/** The median over the rounds of the mean nanoseconds per call. */
function measure(run: () => unknown): number {
  const perCall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) {
      run();
    }
    perCall.push(Number(process.hrtime.bigint() - start) / ITERATIONS);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

function main(): void {
  const issues = checkShape(CONTAINER, 'Container', 'sidecarContainers[0]');
  if (issues.length > 0) {
    throw new Error(`the benchmark container has issues: ${JSON.stringify(issues)}`);
  }
  const cases: Array<[string, () => unknown]> = [
    ['checkShape', () => checkShape(CONTAINER, 'Container', 'sidecarContainers[0]')],
    ['renderWithNewerFields', () => renderWithNewerFields(CONTAINER, 'Container')],
    ['checkShape + renderWithNewerFields', () => {
      checkShape(CONTAINER, 'Container', 'sidecarContainers[0]');
      return renderWithNewerFields(CONTAINER, 'Container');
    }],
    ['k8s.toJson_Container (drops the newer fields)', () => k8s.toJson_Container(CONTAINER as k8s.Container)],
  ];
  measure(cases[2][1]); // warm-up, so that the first case is not measured cold
  console.log(`Node ${process.version}, ${ITERATIONS} calls a round, median of ${ROUNDS} rounds`);
  console.log('| what | µs per call |');
  console.log('|---|---:|');
  for (const [name, run] of cases) {
    console.log(`| ${name} | ${(measure(run) / 1000).toFixed(1)} |`);
  }
}

main();
