/**
 * The consumer test: the packed library, installed into an app laid out as `cdk8s init
 * typescript-app` lays it out, compiles with the template's own tsconfig (no skipLibCheck), runs
 * with `cdk8s synth`, and serves a plain-JavaScript caller.
 *
 * Installs come from the npm cache that `npm ci` filled (the registry only for what is missing).
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

const ROOT = join(__dirname, '..');
const ENV = { ...process.env, CDK8S_CHECK_UPGRADE: 'false', JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20', npm_config_update_notifier: 'false' };

/** The version of a package in our lock file, so that the consumer installs what `npm ci` cached. */
function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  return lock.packages[`node_modules/${name}`].version;
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let app: string;
let installLog: string;

beforeAll(() => {
  const packDir = mkdtempSync(join(tmpdir(), 'karmada-pack-'));
  // `npm pack` runs the prepack script: the jsii build of lib/.
  run('npm', ['pack', '--pack-destination', packDir], ROOT);
  const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;

  app = mkdtempSync(join(tmpdir(), 'karmada-consumer-'));
  const template = join(dirname(require.resolve('cdk8s-cli/package.json')), 'templates', 'typescript-app');
  copyFileSync(join(template, 'tsconfig.json'), join(app, 'tsconfig.json'));
  writeFileSync(join(app, 'cdk8s.yaml'), 'language: typescript\napp: npx ts-node main.ts\n');
  copyFileSync(join(__dirname, 'consumer', 'main.ts'), join(app, 'main.ts'));
  copyFileSync(join(__dirname, 'consumer', 'check.js'), join(app, 'check.js'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({
    name: 'consumer',
    version: '1.0.0',
    private: true,
    dependencies: {
      'cdk8s': lockedVersion('cdk8s'),
      'cdk8s-plus-28': lockedVersion('cdk8s-plus-28'),
      'constructs': lockedVersion('constructs'),
      'cdk8s-karmada': `file:${join(packDir, tarball)}`,
    },
    devDependencies: {
      '@types/node': lockedVersion('@types/node'),
      'ts-node': lockedVersion('ts-node'),
      'typescript': lockedVersion('typescript'),
    },
  }, null, 2));
  const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app, env: ENV, encoding: 'utf8' });
  if (install.status !== 0) {
    throw new Error(`npm install failed:\n${install.stderr}`);
  }
  // npm warns on stderr about packages with install scripts.
  installLog = `${install.stdout}\n${install.stderr}`;
}, 300_000);

test('the package has no install scripts', () => {
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'cdk8s-karmada', 'package.json'), 'utf8'));
  const scripts = Object.keys(manifest.scripts ?? {});
  expect(scripts.filter((s) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(s))).toEqual([]);
  expect(installLog).not.toMatch(/cdk8s-karmada/);
});

test('the app compiles with the template tsconfig, shipped declarations included (no skipLibCheck)', () => {
  const tsconfig = JSON.parse(readFileSync(join(app, 'tsconfig.json'), 'utf8'));
  expect(tsconfig.compilerOptions.skipLibCheck).toBeUndefined();
  expect(() => run(join(app, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', '.'], app)).not.toThrow();
}, 120_000);

test('cdk8s synth runs the app with ts-node and writes the manifests', () => {
  run(join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth'], app);
  const files = readdirSync(join(app, 'dist'));
  expect(files).toEqual(['consumer.k8s.yaml']);
  const yaml = readFileSync(join(app, 'dist', 'consumer.k8s.yaml'), 'utf8');
  expect(yaml).toMatch(/kind: Deployment\n/);
  expect(yaml).toMatch(/name: tenant1-karmada-apiserver\n/);
  // The cdk8s-plus NetworkPolicy selects the API server pods by the construct's selector labels.
  expect(yaml).toMatch(/podSelector:\n\s+matchLabels:\n\s+app.kubernetes.io\/instance: tenant1\n\s+app.kubernetes.io\/name: karmada-apiserver\n/);
  // The operator target: its Karmada object, with the component typed by the operator submodule.
  expect(yaml).toMatch(/kind: Karmada\n/);
  expect(yaml).toMatch(/karmadaScheduler:\n\s+replicas: 2\n\s+resources:\n\s+requests:\n\s+cpu: 100m\n/);
}, 120_000);

test('a plain-JavaScript caller with a wrong type gets a clear problem, not a TypeError', () => {
  const errors = JSON.parse(run('node', ['check.js'], app)) as string[];
  expect(errors).toEqual([expect.stringMatching(/^tolerations: expected a list of tolerations, got an object\. Fix: wrap/)]);
});
