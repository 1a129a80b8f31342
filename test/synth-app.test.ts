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
