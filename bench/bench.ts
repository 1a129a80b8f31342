/**
 * `npm run bench`: synthesizes N tenant API servers (each with a KMS plugin sidecar and its
 * encryption configuration) three ways, in two layouts, and prints a markdown report.
 *
 * Every measurement runs in a fresh Node process (child.ts): construction + `app.synthYaml()`,
 * wall time and peak RSS. Each round runs the three variants one after the other (in a rotating
 * order); times and RSS are medians over the rounds, and a ratio is the median of the ratios
 * within each round, so that a machine that slows down or speeds up between rounds (a shared VM,
 * say) weighs on both sides of a ratio alike. It checks that `ours` and `raw` render byte-identical
 * YAML, and that `plus` renders the same objects (kinds, namespaces, names).
 *
 * Environment: BENCH_NS=1,10,100,1000 (the Ns), BENCH_REPS=5 (rounds for N <= 100; N = 1000
 * gets BENCH_REPS_LARGE=5).
 */
import { spawnSync } from 'child_process';
import { mkdirSync, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Layout, Measurement } from './child';
import type { Variant } from './workloads';

const NS = (process.env.BENCH_NS ?? '1,10,100,1000').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const REPS_LARGE = Number(process.env.BENCH_REPS_LARGE ?? 5);
const LAYOUTS: Layout[] = ['chart-per-tenant', 'one-chart'];
const VARIANTS: Variant[] = ['ours', 'raw', 'plus'];
const CHILD = path.join(__dirname, 'child.js');
const OUT_DIR = path.join(__dirname, '..', 'out');
/** Deployment, Service and ConfigMap (with the audit policy and the encryption configuration). */
const OBJECTS_PER_TENANT = 3;

interface Summary {
  readonly wallS: number;
  readonly maxRssMb: number;
  /** This variant's wall time and peak RSS in each round, in round order. */
  readonly runs: readonly Measurement[];
}

/** The median over the rounds of a / b within each round. */
function pairedRatio(a: Summary, b: Summary, of: (m: Measurement) => number): number {
  return median(a.runs.map((m, i) => of(m) / of(b.runs[i])));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function measure(variant: Variant, layout: Layout, n: number, yamlOut?: string): Measurement {
  const args = [CHILD, variant, layout, String(n), ...(yamlOut ? [yamlOut] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${variant} ${layout} N=${n} failed:\n${r.stderr}`);
  }
  return JSON.parse(r.stdout) as Measurement;
}

/** The first line where two YAML files differ, for the report. */
function firstDifference(a: string, b: string): string {
  const la = readFileSync(a, 'utf8').split('\n');
  const lb = readFileSync(b, 'utf8').split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) {
      return `line ${i + 1}: ours ${JSON.stringify(la[i])} vs raw ${JSON.stringify(lb[i])}`;
    }
  }
  return 'no line differs';
}

/** Wall time of `cdk8s synth` of the bundled app (into a temporary directory), median of 5 after one warm-up. */
function cdk8sSynthSeconds(): number[] {
  const root = path.join(__dirname, '..', '..');
  const outdir = path.join(OUT_DIR, 'cdk8s-synth');
  const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(cli, ['synth', '--no-check-upgrade', '--output', outdir], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`cdk8s synth failed:\n${r.stdout}\n${r.stderr}`);
    }
    if (i > 0) {
      times.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  return times;
}

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const results = new Map<string, Summary>();
  const checks: string[] = [];
  let checksFailed = false;
  const key = (v: Variant, l: Layout, n: number) => `${v} ${l} ${n}`;
  const started = Date.now();

  for (const layout of LAYOUTS) {
    for (const n of NS) {
      const reps = n >= 1000 ? REPS_LARGE : REPS;
      const runs = new Map<Variant, Measurement[]>(VARIANTS.map((v) => [v, []]));
      for (let rep = 0; rep < reps; rep++) {
        // Rotate the order so that no variant always runs first (or last) on a warming machine.
        for (let j = 0; j < VARIANTS.length; j++) {
          const v = VARIANTS[(j + rep) % VARIANTS.length];
          const yamlOut = rep === 0 ? path.join(OUT_DIR, `${v}-${layout}-${n}.yaml`) : undefined;
          runs.get(v)!.push(measure(v, layout, n, yamlOut));
        }
      }
      for (const v of VARIANTS) {
        const ms = runs.get(v)!;
        results.set(key(v, layout, n), {
          wallS: median(ms.map((m) => m.wallMs)) / 1000,
          maxRssMb: median(ms.map((m) => m.maxRssMb)),
          runs: ms,
        });
      }
      // Same objects: ours and raw byte for byte; plus by kind, namespace and name.
      const ours = runs.get('ours')![0];
      const raw = runs.get('raw')![0];
      const plus = runs.get('plus')![0];
      const label = `${layout} N=${n}`;
      if (ours.yamlSha !== raw.yamlSha) {
        checksFailed = true;
        const diff = firstDifference(path.join(OUT_DIR, `ours-${layout}-${n}.yaml`), path.join(OUT_DIR, `raw-${layout}-${n}.yaml`));
        checks.push(`FAIL ${label}: ours and raw differ (${diff})`);
      }
      const sorted = (m: Measurement) => [...m.ids].sort().join('\n');
      if (sorted(ours) !== sorted(plus)) {
        checksFailed = true;
        checks.push(`FAIL ${label}: plus renders other objects than ours (${plus.ids.length} vs ${ours.ids.length})`);
      }
      if (ours.ids.length !== OBJECTS_PER_TENANT * n) {
        checksFailed = true;
        checks.push(`FAIL ${label}: expected ${OBJECTS_PER_TENANT * n} objects, found ${ours.ids.length}`);
      }
      process.stderr.write(`${label}: ${VARIANTS.map((v) => `${v} ${results.get(key(v, layout, n))!.wallS.toFixed(3)} s`).join(', ')}\n`);
    }
  }

  const get = (v: Variant, l: Layout, n: number) => results.get(key(v, l, n))!;
  const f = (x: number, d = 2) => x.toFixed(d);
  const wall = (a: Summary, b: Summary) => pairedRatio(a, b, (m) => m.wallMs);
  const rss = (a: Summary, b: Summary) => pairedRatio(a, b, (m) => m.maxRssMb);
  const lines: string[] = [];
  lines.push(`Machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${os.platform()} ${os.release()}; load average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  lines.push(`Timed: construction + app.synthYaml() in a fresh process per run (module loading not timed); ${REPS} rounds (${REPS_LARGE} at N=1000) of the three variants; times and RSS are medians over the rounds, ratios the medians of the ratios within each round.`);
  lines.push('');
  lines.push('| layout | N | ours (s) | raw ApiObject (s) | cdk8s-plus-28 (s) | ours / raw | ours / plus | ours per tenant (ms) | peak RSS ours / raw / plus (MB) | RSS ours / raw |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const layout of LAYOUTS) {
    for (const n of NS) {
      const o = get('ours', layout, n);
      const r = get('raw', layout, n);
      const p = get('plus', layout, n);
      lines.push(`| ${layout} | ${n} | ${f(o.wallS, 3)} | ${f(r.wallS, 3)} | ${f(p.wallS, 3)} | ${f(wall(o, r))} | ${f(wall(o, p))} | ${f(o.wallS * 1000 / n, 3)} | ${f(o.maxRssMb, 0)} / ${f(r.maxRssMb, 0)} / ${f(p.maxRssMb, 0)} | ${f(rss(o, r))} |`);
    }
  }

  if (NS.includes(1000)) {
    lines.push('');
    lines.push('| target (N=1000) | measured | result |');
    lines.push('|---|---|---|');
    const target = (name: string, value: number, ok: boolean) => lines.push(`| ${name} | ${f(value)} | ${ok ? 'PASS' : 'FAIL'} |`);
    for (const layout of LAYOUTS) {
      const o = get('ours', layout, 1000);
      const r = get('raw', layout, 1000);
      const p = get('plus', layout, 1000);
      target(`${layout}: ours / raw time <= 1.5`, wall(o, r), wall(o, r) <= 1.5);
      target(`${layout}: ours / plus time <= 0.5`, wall(o, p), wall(o, p) <= 0.5);
      target(`${layout}: ours / raw peak RSS <= 1.3`, rss(o, r), rss(o, r) <= 1.3);
    }
    if (NS.includes(100)) {
      const ratio = get('ours', 'one-chart', 1000).wallS / get('ours', 'one-chart', 100).wallS;
      target('one-chart: ours t(1000) / t(100) <= 11', ratio, ratio <= 11);
    }
  }

  const synthTimes = cdk8sSynthSeconds();
  const synthS = median(synthTimes);
  lines.push('');
  lines.push(`\`cdk8s synth --no-check-upgrade\` of the bundled app (cdk8s.yaml: tsx, which transpiles without type checks; warm): median ${f(synthS)} s of ${synthTimes.map((x) => f(x)).join(', ')} s.`);

  lines.push('');
  lines.push(checks.length === 0
    ? `Outputs: ours and raw are byte-identical YAML, and plus renders the same objects (kind, namespace, name), at every N and layout (${OBJECTS_PER_TENANT} objects per tenant).`
    : checks.join('\n'));
  lines.push(`Bench time: ${f((Date.now() - started) / 1000, 0)} s.`);
  process.stdout.write(lines.join('\n') + '\n');
  if (checksFailed) {
    process.exitCode = 1;
  }
}

main();
