#!/usr/bin/env node
'use strict';
/**
 * The app command of cdk8s.yaml: runs app/main.ts from JavaScript kept in .app-out/ (gitignored).
 *
 * Each TypeScript file of app/ and src/ that is newer than its JavaScript is transpiled again, file
 * by file, with TypeScript's transpileModule (the same per-file transpilation as tsx or esbuild);
 * then the compiled app runs as the main module. When nothing changed, a synth only checks the file
 * times and runs plain JavaScript: no loader, no compiler. Types are checked by `npm test`
 * (`tsc -p tsconfig.dev.json` covers app/ and src/), not here.
 */
const fs = require('fs');
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, '.app-out');
const mainTs = path.join('app', 'main.ts');

function tsFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...tsFiles(rel));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      found.push(rel);
    }
  }
  return found;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

let ts;
for (const rel of [...tsFiles('app'), ...tsFiles('src')]) {
  const source = path.join(root, rel);
  const output = path.join(outDir, rel.replace(/\.ts$/, '.js'));
  if (mtime(output) >= mtime(source)) {
    continue;
  }
  ts = ts ?? require('typescript');
  const { outputText } = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
    fileName: source,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      inlineSourceMap: true,
      inlineSources: true,
    },
  });
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, outputText);
}

// Run the compiled app as the main module, so that its `require.main === module` holds.
process.argv[1] = path.join(outDir, mainTs.replace(/\.ts$/, '.js'));
Module.runMain();
