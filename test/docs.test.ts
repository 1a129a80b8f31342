/**
 * docs/operator-parity.md covers every field of the operator's `karmadaAPIServer` and every prop of
 * KarmadaApiServerProps: a new prop fails this test until the parity page says how it compares.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join, posix } from 'path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');
const parity = readFileSync(join(ROOT, 'docs', 'operator-parity.md'), 'utf8');

/** The fields of `spec.components.karmadaAPIServer` (type.go: KarmadaAPIServer, CommonSettings, Image). */
const OPERATOR_FIELDS = [
  'imageRepository', 'imageTag', 'imagePullPolicy', 'replicas', 'labels', 'annotations', 'resources',
  'priorityClassName', 'podDisruptionBudgetConfig', 'tolerations', 'affinity', 'serviceSubnet', 'serviceType',
  'loadBalancerClass', 'serviceAnnotations', 'extraArgs', 'extraVolumes', 'extraVolumeMounts', 'certSANs',
  'featureGates', 'sidecarContainers',
];

/** The names of the members of an exported interface in a source file. */
function interfaceMembers(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!found) {
    throw new Error(`interface ${name} not found in ${file}`);
  }
  return found.members.map((m) => m.name!.getText(source));
}

/** A field counts as covered when the parity page names it in backquotes. */
const missing = (names: string[]) => names.filter((n) => !parity.includes(`\`${n}\``));

test('every operator field has a row in docs/operator-parity.md', () => {
  expect(missing(OPERATOR_FIELDS)).toEqual([]);
});

test('every prop of KarmadaApiServerProps is named in docs/operator-parity.md', () => {
  const props = interfaceMembers(join(ROOT, 'src', 'apiserver', 'props.ts'), 'KarmadaApiServerProps');
  expect(props.length).toBeGreaterThan(20);
  expect(missing(props)).toEqual([]);
});

/** The relative links of a markdown file: `[text](target)`, without their #anchor. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])
    .filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0]);
}

test('every relative link of the README and docs/ names a file that ships in the npm package', () => {
  const shipped: string[] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).files;
  const ships = (path: string) => shipped.some((pattern) => pattern === path
    || (pattern.endsWith('/**/*.md') && path.startsWith(pattern.slice(0, -'**/*.md'.length)) && path.endsWith('.md')));
  const files = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)];
  const broken = files.flatMap((file) => relativeLinks(join(ROOT, file)).map((target) => {
    const path = posix.normalize(posix.join(posix.dirname(file), target));
    return existsSync(join(ROOT, path)) && ships(path) ? undefined : `${file} → ${target}`;
  })).filter((x) => x !== undefined);
  expect(broken).toEqual([]);
});
