/**
 * Synthesizes one example program from its TypeScript source, the way the tests and
 * `npx ts-node examples/<name>.ts` run it (so paths relative to examples/ resolve as they do there).
 *   node dist/terraform/synth-example.js examples/flex-okta-groups.ts <outdir>
 * .ts files are transpiled in memory with the project's own TypeScript (no type check: `npm run build`
 * already type-checked them).
 */
import { mkdirSync, readFileSync } from 'fs';
import { resolve } from 'path';
import * as ts from 'typescript';

/** A CommonJS module as Node's loader hands it to an extension hook. */
interface LoadingModule {
  _compile(code: string, filename: string): void;
}

const [example, outdir] = process.argv.slice(2);
if (!example || !outdir) {
  process.stderr.write('usage: synth-example.js <example.ts> <outdir>\n');
  process.exit(2);
}
(require.extensions as unknown as Record<string, (m: LoadingModule, filename: string) => void>)['.ts'] = (m, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  m._compile(outputText, filename);
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mod = require(resolve(example)) as { synthExample?: (outdir: string) => void };
if (typeof mod.synthExample !== 'function') {
  process.stderr.write(`${example} does not export synthExample(outdir)\n`);
  process.exit(2);
}
mkdirSync(outdir, { recursive: true });
mod.synthExample(resolve(outdir));
