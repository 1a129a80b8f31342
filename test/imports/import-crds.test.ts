/**
 * scripts/import-crds.ts: its pure parts, and that what it wrote (src/imports, cdk8s.yaml) agrees
 * with its pinned sources. Where the upstream CRD files are present (../upstream or
 * $CDK8S_KARMADA_UPSTREAM), also that they still hash and convert to what is committed.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { importSpec, rawUrl, readCrd, SOURCES, withoutDescriptions } from '../../scripts/import-crds';

const ROOT = path.resolve(__dirname, '..', '..');
const IMPORTS = path.join(ROOT, 'src', 'imports');
const UPSTREAM = process.env.CDK8S_KARMADA_UPSTREAM ?? path.join(ROOT, '..', 'upstream');

function moduleOf(s: typeof SOURCES[number]): string {
  const group = s.path.split('/').pop()!.split('_')[0];
  return s.prefix ? `${s.prefix}-${group}` : group;
}

describe('withoutDescriptions', () => {
  test('drops the description keyword at every depth, keeps a field called description', () => {
    const schema = {
      description: 'top',
      type: 'object',
      properties: {
        description: { description: 'a field named description', type: 'string' },
        list: { type: 'array', items: { description: 'x', type: 'integer' } },
        map: { type: 'object', additionalProperties: { description: 'y', type: 'string' } },
        quantity: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
      },
      required: ['description'],
    };
    expect(withoutDescriptions(schema)).toEqual({
      type: 'object',
      properties: {
        description: { type: 'string' },
        list: { type: 'array', items: { type: 'integer' } },
        map: { type: 'object', additionalProperties: { type: 'string' } },
        quantity: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
      },
      required: ['description'],
    });
  });

  test('leaves default and enum values alone', () => {
    const schema = { type: 'object', default: { description: 'kept' }, enum: [{ description: 'kept' }] };
    expect(withoutDescriptions(schema)).toEqual(schema);
  });
});

describe('the pinned sources', () => {
  test('each is pinned by a full commit and a sha256', () => {
    for (const s of SOURCES) {
      expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test('cdk8s.yaml lists them by raw URL, with a module prefix where a group has several files', () => {
    const config = YAML.parse(fs.readFileSync(path.join(ROOT, 'cdk8s.yaml'), 'utf8'));
    expect(config.app).toBe('npx tsx app/main.ts'); // the import script keeps the app line as it is
    expect(config.importDirectory).toBe('src/imports');
    expect(config.imports).toEqual(SOURCES.map(s => importSpec(s, rawUrl(s))));
    expect(config.imports[0]).toBe('https://raw.githubusercontent.com/karmada-io/karmada/f8fdd02df3760fd9521624f284877fa84e7be6ef/operator/config/crds/operator.karmada.io_karmadas.yaml');
    expect(config.imports[1]).toMatch(/^certificate:=https:\/\/raw\.githubusercontent\.com\/cert-manager\/cert-manager\/[0-9a-f]{40}\//);
  });

  test('src/imports holds a module and a schema per source, and SOURCES.md records each', () => {
    const sourcesMd = fs.readFileSync(path.join(IMPORTS, 'SOURCES.md'), 'utf8');
    for (const s of SOURCES) {
      const module = moduleOf(s);
      expect(fs.existsSync(path.join(IMPORTS, `${module}.ts`))).toBe(true);
      const schema = JSON.parse(fs.readFileSync(path.join(IMPORTS, `${module}.schema.json`), 'utf8'));
      expect(JSON.stringify(schema.versions)).not.toMatch(/"description":\s*"/);
      expect(sourcesMd).toContain(`| ${s.repo} | ${s.path} | ${s.commit} | ${s.ref} | ${s.sha256} |`);
    }
    expect(fs.readFileSync(path.join(IMPORTS, 'cert-manager.io.ts'), 'utf8')).toContain("export * from './certificate-cert-manager.io';");
  });
});

describe.each(SOURCES.map(s => [s.path, s] as const))('the upstream file %s', (_, s) => {
  const file = path.join(UPSTREAM, s.repo, s.path);
  const present = fs.existsSync(file);
  const maybe = present ? test : test.skip;

  maybe('hashes to the pinned sha256', () => {
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(s.sha256);
  });

  maybe('converts to the committed schema', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(IMPORTS, `${moduleOf(s)}.schema.json`), 'utf8'));
    expect(readCrd(file).versions).toEqual(committed.versions);
  });
});
