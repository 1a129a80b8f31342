/**
 * The examples of docs/kms-plugins.md run as written: each block, given a chart, synthesizes objects
 * that pass the Kubernetes schemas, with the plugin wired as a native sidecar and a token, where it
 * asks for one, in the plugin only.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import * as library from '../src';
import { Manifest, manifestOf, newChart } from './helpers';
import { validateManifests } from './schema';

const blocks = [...readFileSync(join(__dirname, '..', 'docs', 'kms-plugins.md'), 'utf8').matchAll(/^## (.+)\n[\s\S]*?```ts\n([\s\S]*?)```/gm)]
  .map((m) => [m[1], m[2]] as const);

test('the page has the four plugins', () => {
  expect(blocks.map(([title]) => title.split(' (')[0])).toEqual(['AWS KMS', 'Google Cloud KMS', 'Azure Key Vault', 'HashiCorp Vault transit']);
});

describe.each(blocks)('%s', (_title, source) => {
  const chart = newChart();
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  new Function('chart', 'k8s', ...Object.keys(library), js)(chart, kplus.k8s, ...Object.values(library));
  const manifests = Testing.synth(chart) as Manifest[];
  const pod = manifestOf(manifests, 'Deployment').spec.template.spec;

  test('synthesizes valid objects', () => {
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  test('the plugin is a native sidecar on the socket the provider names', () => {
    expect(pod.initContainers).toHaveLength(1);
    expect(pod.initContainers[0].restartPolicy).toBe('Always');
    const config = manifestOf(manifests, 'ConfigMap').data['encryption-config.yaml'];
    expect(config).toContain('endpoint: unix:///var/run/kmsplugin/socket.sock');
  });

  test('no token reaches the API server container', () => {
    expect(pod.automountServiceAccountToken).toBe(false);
    const tokenVolumes = pod.volumes.filter((v: any) => v.projected?.sources.some((s: any) => s.serviceAccountToken)).map((v: any) => v.name);
    expect((pod.containers[0].volumeMounts ?? []).filter((m: any) => tokenVolumes.includes(m.name))).toEqual([]);
  });
});
