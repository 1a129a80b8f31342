import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildApp } from '../app/main';

// cdk8s.yaml runs the bundled app through scripts/synth-app.js (compiled JavaScript, recompiled
// when a source changes): it must write exactly what the app writes when run in process.
test('the app command of cdk8s.yaml writes the same manifests as the app itself', () => {
  const viaScript = mkdtempSync(path.join(tmpdir(), 'synth-app-'));
  const run = spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'synth-app.js')], {
    env: { ...process.env, CDK8S_OUTDIR: viaScript },
    encoding: 'utf8',
  });
  expect(run.stderr).toEqual('');
  expect(run.status).toEqual(0);

  const inProcess = mkdtempSync(path.join(tmpdir(), 'synth-app-'));
  buildApp(inProcess).synth();

  const files = readdirSync(inProcess).sort();
  expect(readdirSync(viaScript).sort()).toEqual(files);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(readFileSync(path.join(viaScript, file), 'utf8')).toEqual(readFileSync(path.join(inProcess, file), 'utf8'));
  }
});

// patches/cdk8s-cli+*.patch (applied by `npm ci` through the prepare script) makes the CLI load
// jsii-pacmak, and with it the TypeScript compiler, only when `cdk8s init` runs: without it every
// `cdk8s synth` spends about a second loading a compiler it never uses.
test('the cdk8s CLI starts without loading jsii-pacmak or the TypeScript compiler', () => {
  const cliIndex = path.join(path.dirname(require.resolve('cdk8s-cli/package.json')), 'lib', 'cli', 'index.js');
  const probe = [
    `process.argv = [process.argv[0], 'cdk8s', '--version'];`,
    // `--version` exits from within the require: the count is taken on exit.
    `process.on('exit', () => {`,
    `  const loaded = Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/](jsii-pacmak|jsii-rosetta|typescript)[\\\\/]/.test(f));`,
    `  process.stderr.write(JSON.stringify(loaded.length));`,
    `});`,
    `require(${JSON.stringify(cliIndex)});`,
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  expect(run.status).toEqual(0);
  expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  expect(run.stderr).toEqual('0');
});
