/**
 * The bundled app (app/main.ts), as `npm run synth` writes it into dist/: dist/ committed and up to
 * date (byte for byte), and every object valid against the Kubernetes schemas.
 *
 * Generic on purpose: it iterates over whatever files the app writes.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Yaml } from 'cdk8s';
import { buildApp } from '../app/main';
import { validateManifests } from './schema';

const DIST = join(__dirname, '..', 'dist');

function readFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

describe('the bundled app', () => {
  // A fresh synth of the app, as `cdk8s synth` runs it, into a directory of its own.
  const outdir = mkdtempSync(join(tmpdir(), 'cdk8s-karmada-app-'));
  buildApp(outdir).synth();
  const files = readFiles(outdir);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  test('writes YAML files only, at least one', () => {
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(Object.keys(files).filter((f) => !f.endsWith('.k8s.yaml'))).toEqual([]);
  });

  test('dist/ is what the app synthesizes now, byte for byte', () => {
    const dist = readFiles(DIST);
    const names = [...new Set([...Object.keys(dist), ...Object.keys(files)])].sort();
    const stale = names.filter((name) => dist[name] !== files[name]);
    if (stale.length > 0) {
      throw new Error(`dist/ is stale: run npm run synth (differs from a fresh synth: ${stale.join(', ')})`);
    }
  });

  test.each(Object.keys(files))('every object in %s validates against the Kubernetes schemas', (name) => {
    const manifests = Yaml.load(join(outdir, name));
    expect(manifests.length).toBeGreaterThan(0);
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  test('each Deployment comes with its Service and ConfigMap', () => {
    const manifests = Object.keys(files).flatMap((name) => Yaml.load(join(outdir, name)));
    const deployments = manifests.filter((m) => m.kind === 'Deployment');
    expect(deployments.length).toBeGreaterThan(0);
    const has = (kind: string, name: string, namespace: string) =>
      manifests.some((m) => m.kind === kind && m.metadata.name === name && m.metadata.namespace === namespace);
    for (const d of deployments) {
      expect(has('Service', d.metadata.name, d.metadata.namespace)).toBe(true);
      expect(has('ConfigMap', `${d.metadata.name}-config`, d.metadata.namespace)).toBe(true);
    }
  });
});
