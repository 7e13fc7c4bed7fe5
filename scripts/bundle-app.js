#!/usr/bin/env node
// Part of `npm run build`: bundles the `twilio-sso` command (dist/cli/main.js: the config-driven
// app with cdktf, the provider bindings and every dependency) into one file, dist/app/twilio-sso.js,
// the package's `bin`, which cdktf.json and `npm run synth` run. Node then reads and compiles one file
// instead of resolving ≈570 modules (≈380 of them cdktf's): ≈60 ms less on every synth, which a
// pipeline pays per commit (BENCHMARKS.md). The library itself (dist/lib) is not bundled: it is what
// users import, next to their own cdktf and providers.
const { build } = require('esbuild');
const { join } = require('path');

const root = join(__dirname, '..');
// Ajv is loaded only if the precompiled validator is missing, which the build rules out: left out of
// the bundle. Its small run-time helpers, which the precompiled validator requires, are bundled.
const ajvCompilerOnly = {
  name: 'ajv-compiler-only',
  setup(b) {
    b.onResolve({ filter: /^ajv(\/dist\/standalone)?$/ }, (args) => ({ path: args.path, external: true }));
  },
};

build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile: join(root, 'dist', 'app', 'twilio-sso.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [ajvCompilerOnly],
  // Not minified: a minified bundle measured slower to start (≈230 ms vs ≈210 ms), and stack traces stay
  // readable. No source map: it was 4.5 MB of the package, almost all of it cdktf's and the providers'.
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
}).catch(() => process.exit(1));
