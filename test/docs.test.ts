/**
 * docs/operator-parity.md covers every field of the operator's `karmadaAPIServer` and every prop of
 * KarmadaApiServerProps: a new prop fails this test until the parity page says how it compares.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
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
