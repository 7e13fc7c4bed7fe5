#!/usr/bin/env node
// Synthesize one example program from its TypeScript source, the way the tests and
// `npx ts-node examples/<name>.ts` run it (so paths relative to examples/ resolve as they do there).
//   node scripts/terraform/synth-example.js examples/flex-okta-groups.ts <outdir>
// .ts files are transpiled in memory with the project's own TypeScript (no type check: `npm run build`
// already type-checked them).
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const [example, outdir] = process.argv.slice(2);
if (!example || !outdir) {
  process.stderr.write('usage: synth-example.js <example.ts> <outdir>\n');
  process.exit(2);
}
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  module._compile(outputText, filename);
};
const mod = require(path.resolve(example));
if (typeof mod.synthExample !== 'function') {
  process.stderr.write(`${example} does not export synthExample(outdir)\n`);
  process.exit(2);
}
fs.mkdirSync(outdir, { recursive: true });
mod.synthExample(path.resolve(outdir));
