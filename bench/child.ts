/**
 * One measurement, in a fresh process: builds N tenants with one variant in one layout, synthesizes
 * them with `app.synthYaml()` (no disk), and prints one line of JSON.
 *
 * Usage: node child.js <variant> <layout> <n> [yaml-out-file]
 *
 * The timed part is construction plus `app.synthYaml()` (validation, dependency resolution,
 * resolving and YAML serialization). Module loading is not timed, but every variant loads the same
 * modules (cdk8s, cdk8s-plus-28 and this library), so peak RSS compares like with like.
 */
import { createHash } from 'crypto';
import { writeFileSync } from 'fs';
import { App, Chart } from 'cdk8s';
import { BUILDERS, Variant, tenant } from './workloads';

export type Layout = 'chart-per-tenant' | 'one-chart';

/** What the child reports. */
export interface Measurement {
  readonly wallMs: number;
  /** CPU time (user + system) of the timed part: less sensitive than wall time to a busy machine. */
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly loadMs: number;
  /** sha256 of the whole YAML. */
  readonly yamlSha: string;
  /** `kind namespace/name` of every object, in output order. */
  readonly ids: string[];
}

function main(): void {
  const [variant, layout, nArg, yamlOut] = process.argv.slice(2) as [Variant, Layout, string, string | undefined];
  const n = Number(nArg);
  const build = BUILDERS[variant];
  if (!build || !['chart-per-tenant', 'one-chart'].includes(layout) || !(n > 0)) {
    throw new Error(`usage: child.js <${Object.keys(BUILDERS).join('|')}> <chart-per-tenant|one-chart> <n> [yaml-out]`);
  }
  const loadMs = process.uptime() * 1000;

  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const app = new App({ outdir: '/nonexistent-never-written' });
  if (layout === 'chart-per-tenant') {
    for (let i = 0; i < n; i++) {
      const t = tenant(i);
      const chart = new Chart(app, t.name, { namespace: t.name, disableResourceNameHashes: true });
      build(chart, '', t);
    }
  } else {
    const chart = new Chart(app, 'tenants', { disableResourceNameHashes: true });
    for (let i = 0; i < n; i++) {
      const t = tenant(i);
      build(chart, t.name, t);
    }
  }
  const yaml = app.synthYaml();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  // Not timed: what the parent needs to compare the outputs.
  const ids = yaml.split(/^---$/m).map((doc) => {
    const kind = /^kind: (.*)$/m.exec(doc)?.[1];
    const name = /^ {2}name: (.*)$/m.exec(doc)?.[1];
    const namespace = /^ {2}namespace: (.*)$/m.exec(doc)?.[1];
    return `${kind} ${namespace}/${name}`;
  });
  if (yamlOut) {
    writeFileSync(yamlOut, yaml);
  }
  const result: Measurement = {
    wallMs,
    cpuMs,
    maxRssMb,
    loadMs,
    yamlSha: createHash('sha256').update(yaml).digest('hex'),
    ids,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
