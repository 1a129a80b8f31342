/**
 * docs/operator-parity.md, section "The operator target", against the code: every normalization of
 * the parity test is a documented difference (by its name), every documented difference is a
 * normalization, and every prop and component has its place in the mapping.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';
import { NORMALIZATIONS } from './targets';

const ROOT = join(__dirname, '..', '..');
const page = readFileSync(join(ROOT, 'docs', 'operator-parity.md'), 'utf8');
const target = page.slice(page.indexOf('## The operator target'));

/** The section of the operator target between one heading and the next. */
function subsection(title: string): string {
  const start = target.indexOf(`### ${title}`);
  expect(start).toBeGreaterThan(-1);
  const end = target.indexOf('\n### ', start + 1);
  return target.slice(start, end === -1 ? undefined : end);
}

/** The first cell of each table row, without backquotes. */
function firstCells(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('| `')).map((l) => l.split('|')[1].trim());
}

function interfaceMembers(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name)!;
  return found.members.map((m) => m.name!.getText(source));
}

test('the differences are the normalizations of the parity test, one row each', () => {
  const rows = firstCells(subsection('Differences')).map((c) => c.replace(/`/g, ''));
  expect(rows.sort()).toEqual(Object.keys(NORMALIZATIONS).sort());
});

test('every prop of KarmadaApiServerProps has a row in "Where each prop goes"', () => {
  const cells = firstCells(subsection('Where each prop goes')).join(' ');
  const props = interfaceMembers(join(ROOT, 'src', 'apiserver', 'props.ts'), 'KarmadaApiServerProps');
  expect(props.filter((p) => !cells.includes(`\`${p}\``))).toEqual([]);
});

test('every component of KarmadaOperatorComponents is named', () => {
  const components = interfaceMembers(join(ROOT, 'src', 'operator', 'props.ts'), 'KarmadaOperatorComponents');
  expect(components.filter((c) => !target.includes(`\`${c}\``))).toEqual([]);
});

test('the page pins the operator release and commit', () => {
  expect(page).toContain('v1.19.0-rc.0, commit\nf8fdd02df3760fd9521624f284877fa84e7be6ef');
  expect(page).toMatch(/#6178/);
  expect(page).toMatch(/#5536/);
});
