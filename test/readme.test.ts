/**
 * The README's usage example runs as written and renders what the README says: it is extracted,
 * transpiled and run with `cdk8s-karmada` resolved to this package's source.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Yaml } from 'cdk8s';
import * as ts from 'typescript';
import * as library from '../src';
import { validateManifests } from './schema';

function firstTypeScriptBlock(markdown: string): string {
  const match = /```ts\n([\s\S]*?)```/.exec(markdown);
  if (!match) {
    throw new Error('README.md has no ```ts block');
  }
  return match[1];
}

test('the README usage example synthesizes valid objects with a native KMS sidecar', () => {
  const source = firstTypeScriptBlock(readFileSync(join(__dirname, '..', 'README.md'), 'utf8'));
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const outdir = mkdtempSync(join(tmpdir(), 'cdk8s-karmada-readme-'));
  const previousOutdir = process.env.CDK8S_OUTDIR;
  const logged: unknown[] = [];
  const fakeConsole = { ...console, log: (...args: unknown[]) => logged.push(...args) };
  // The example imports `cdk8s-karmada`: give it this package's source.
  const requireForExample = (id: string): unknown => (id === 'cdk8s-karmada' ? library : module.require(id));
  try {
    process.env.CDK8S_OUTDIR = outdir;
    new Function('require', 'console', 'exports', js)(requireForExample, fakeConsole, {});
    const manifests = readdirSync(outdir).flatMap((f) => Yaml.load(join(outdir, f)));
    validateManifests(manifests);
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`).sort()).toEqual([
      'ConfigMap/tenant1-karmada-apiserver-config',
      'Deployment/tenant1-karmada-apiserver',
      'PodDisruptionBudget/tenant1-karmada-apiserver',
      'Service/tenant1-karmada-apiserver',
    ]);
    const pod = manifests.find((m) => m.kind === 'Deployment').spec.template.spec;
    expect(pod.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['kms-plugin', 'Always']]);
    expect(pod.initContainers[0].resources.requests).toEqual({ cpu: '50m', memory: '64Mi' });
    expect(pod.containers[0].command).toContain('--encryption-provider-config=/etc/karmada/config/encryption-config.yaml');
    const configMap = manifests.find((m) => m.kind === 'ConfigMap');
    expect(configMap.data['encryption-config.yaml']).toContain('endpoint: unix:///var/run/kmsplugin/socket.sock');
    expect(logged).toEqual(['https://tenant1-karmada-apiserver.tenant1.svc.cluster.local:5443']);
  } finally {
    if (previousOutdir === undefined) {
      delete process.env.CDK8S_OUTDIR;
    } else {
      process.env.CDK8S_OUTDIR = previousOutdir;
    }
    rmSync(outdir, { recursive: true, force: true });
  }
});
