#!/usr/bin/env node
// Stages, from lib/, the three jsii packages the Python distributions are built from (issue 13), and a
// fourth for the TypeScript reference:
//
//   dist-jsii/stage/all    cdktf-twilio-sso, every folder, imports untouched: the npm package's API
//                          as TypeScript users import it, compiled by jsii only for API.md (never
//                          packed or published; the npm package itself is no jsii package, so that it
//                          need not bundle its dependencies)
//   dist-jsii/stage/core   npm/jsii name cdktf-twilio-sso        Python cdktf-twilio-sso        (cdktf_twilio_sso)
//                          twilio, core, checks, salesforce, keycloak: no identity-provider package
//   dist-jsii/stage/okta   cdktf-twilio-sso-okta                 Python cdktf-twilio-sso-okta   (cdktf_twilio_sso_okta)
//   dist-jsii/stage/entra  cdktf-twilio-sso-entra                Python cdktf-twilio-sso-entra  (cdktf_twilio_sso_entra)
//
// Why three: jsii makes every peer dependency a hard Python requirement (`Requires-Dist`;
// peerDependenciesMeta.optional is ignored), so one distribution would make every Okta user install
// the azuread provider and every Entra user the okta one. The npm package stays one package
// (TypeScript has optional peers); Python gets one distribution per identity provider that needs a
// prebuilt provider, all from the same sources: the files are copied as they are, only the imports
// that leave an identity provider's folder are rewritten to the core package
// (`'../core'` → `'cdktf-twilio-sso'`, `'../core/adoption'` → `'cdktf-twilio-sso/lib/core/adoption'`).
//
// Fails when lib/index.ts exports a folder this script does not place, when a folder imports
// another identity provider's folder, or when a package imports a module that is neither a peer,
// a Node.js built-in nor a dependency of the root package (which is then bundled).
const { builtinModules } = require('module');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const LIB = path.join(ROOT, 'lib');
const STAGE = path.join(ROOT, 'dist-jsii', 'stage');
const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const CORE_NAME = rootPkg.name;

const PACKAGES = [
  { dir: 'core', name: CORE_NAME, module: 'cdktf_twilio_sso', folders: ['twilio', 'core', 'checks', 'salesforce', 'keycloak', 'sendgrid'], what: 'the Twilio model, the shared constructs, the policy checks, Salesforce, Keycloak and SendGrid' },
  { dir: 'okta', name: `${CORE_NAME}-okta`, module: 'cdktf_twilio_sso_okta', folders: ['okta'], what: 'Okta (needs the okta provider)' },
  { dir: 'entra', name: `${CORE_NAME}-entra`, module: 'cdktf_twilio_sso_entra', folders: ['entra'], what: 'Microsoft Entra ID (needs the azuread provider)' },
];
const FOLDER_OWNER = new Map(PACKAGES.flatMap((p) => p.folders.map((f) => [f, p])));
const ALL = { dir: 'all', name: CORE_NAME, folders: PACKAGES.flatMap((p) => p.folders), what: 'every construct, as the npm package has them (staged for the TypeScript reference, API.md; not published)', docsOnly: true };
const ALWAYS_PEERS = ['cdktf', 'constructs'];

function fail(message) {
  console.error(`stage: ${message}`);
  process.exit(1);
}

function tsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The package a bare import names (`@scope/name/deep` → `@scope/name`). */
function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The directory of an installed package, looked up as Node.js would from `from`. */
function installed(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === path.dirname(dir)) fail(`${name} is not installed (run npm ci)`);
  }
}

/** Copies a package and every package it depends on into `target`/node_modules (for npm pack's bundling). */
function bundle(name, from, target, done = new Set()) {
  if (done.has(name)) return;
  done.add(name);
  const dir = installed(name, from);
  fs.cpSync(dir, path.join(target, 'node_modules', name), { recursive: true, dereference: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(pkg.dependencies ?? {})) bundle(dep, dir, target, done);
}

// Every folder lib/index.ts exports must be placed in exactly one package.
const rootIndex = fs.readFileSync(path.join(LIB, 'index.ts'), 'utf8');
const exported = [...rootIndex.matchAll(/^export \* from '\.\/([^']+)';$/gm)].map((m) => m[1]);
const otherStatements = rootIndex.split('\n').filter((l) => l.trim() && !l.startsWith('//') && !/^export \* from '\.\/[^']+';$/.test(l));
if (otherStatements.length > 0) fail(`lib/index.ts has statements other than "export * from './<folder>'": ${otherStatements.join(' | ')}`);
for (const f of exported) if (!FOLDER_OWNER.has(f)) fail(`lib/index.ts exports ./${f}, which no staged package holds: add it to PACKAGES in ${path.relative(ROOT, __filename)}`);
for (const f of FOLDER_OWNER.keys()) if (!exported.includes(f)) fail(`./${f} is staged but lib/index.ts does not export it`);

// Import and export statements (at the start of a line, so that a doc comment quoting one is left alone).
const IMPORT = /^((?:import|export)\b[^;]*?\bfrom\s+|import\s+)'([^']+)'/gm;

fs.rmSync(STAGE, { recursive: true, force: true });
for (const pkg of [ALL, ...PACKAGES]) {
  const out = path.join(STAGE, pkg.dir);
  const peers = new Set(ALWAYS_PEERS);
  const bundled = new Set();
  for (const folder of pkg.folders) {
    for (const file of tsFiles(path.join(LIB, folder))) {
      const rel = path.relative(LIB, file);
      const source = fs.readFileSync(file, 'utf8').replace(IMPORT, (whole, lead, spec) => {
        if (!spec.startsWith('.')) {
          const name = packageOf(spec);
          if (builtinModules.includes(name)) return whole;
          if (name === 'cdktf' || name === 'constructs' || name in (rootPkg.peerDependencies ?? {})) peers.add(name);
          else if (name in (rootPkg.dependencies ?? {})) bundled.add(name);
          else fail(`${rel} imports '${spec}', which is neither a peer nor a dependency of ${CORE_NAME}`);
          return whole;
        }
        const targetRel = path.relative(LIB, path.resolve(path.dirname(file), spec)).split(path.sep).join('/');
        const owner = FOLDER_OWNER.get(targetRel.split('/')[0]);
        if (!owner) fail(`${rel} imports '${spec}', outside every staged folder`);
        if (pkg.folders.includes(targetRel.split('/')[0])) return whole;
        if (owner.dir !== 'core') fail(`${rel} imports '${spec}' from another identity provider's package (${owner.name})`);
        peers.add(CORE_NAME);
        // A folder's index is part of the core package's root index; anything deeper is internal.
        const isIndex = !targetRel.includes('/') && fs.existsSync(path.join(LIB, targetRel, 'index.ts'));
        return `${lead}'${isIndex ? CORE_NAME : `${CORE_NAME}/lib/${targetRel}`}'`;
      });
      fs.mkdirSync(path.dirname(path.join(out, 'lib', rel)), { recursive: true });
      fs.writeFileSync(path.join(out, 'lib', rel), source);
    }
  }
  const index = rootIndex.split('\n').filter((l) => { const m = /^export \* from '\.\/([^']+)';$/.exec(l); return m && pkg.folders.includes(m[1]); });
  fs.writeFileSync(path.join(out, 'lib', 'index.ts'), `// Staged by ${path.relative(ROOT, __filename)} from lib/: ${pkg.what}.\n${index.join('\n')}\n`);

  const peerDependencies = {};
  for (const p of [...peers].sort()) peerDependencies[p] = p === CORE_NAME ? rootPkg.version : rootPkg.peerDependencies[p];
  const dependencies = Object.fromEntries([...bundled].sort().map((d) => [d, rootPkg.dependencies[d]]));
  const manifest = {
    name: pkg.name,
    ...(pkg.docsOnly ? { private: true } : {}),
    version: rootPkg.version,
    description: `${rootPkg.description} This package: ${pkg.what}.`,
    license: rootPkg.license,
    author: rootPkg.author,
    repository: rootPkg.repository,
    main: 'lib/index.js',
    types: 'lib/index.d.ts',
    files: ['lib/**/*.js', 'lib/**/*.d.ts', '.jsii'],
    engines: rootPkg.engines,
    peerDependencies,
    // jsii asks a peer to be a dev dependency too, at the version the build uses.
    devDependencies: Object.fromEntries(Object.keys(peerDependencies).map((p) => [p, p === CORE_NAME ? rootPkg.version : rootPkg.devDependencies[p]])),
    dependencies,
    bundledDependencies: Object.keys(dependencies),
    jsii: {
      outdir: 'dist',
      tsconfig: 'tsconfig.jsii.json',
      validateTsconfig: 'strict',
      targets: pkg.docsOnly ? {} : { python: { module: pkg.module, distName: pkg.name } },
    },
  };
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.jsii.json'), 'utf8'));
  delete tsconfig.compilerOptions.outDir;
  delete tsconfig.compilerOptions.rootDir;
  fs.writeFileSync(path.join(out, 'tsconfig.jsii.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  fs.copyFileSync(path.join(ROOT, 'README.md'), path.join(out, 'README.md'));
  for (const d of Object.keys(dependencies)) bundle(d, ROOT, out);
  // The peers, linked into the package's own node_modules: jsii-docgen looks for dependency
  // assemblies there only. The core package is its staged sibling; the others are the root's.
  for (const p of Object.keys(peerDependencies)) {
    const link = path.join(out, 'node_modules', p);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(p === CORE_NAME ? path.join(STAGE, 'core') : installed(p, ROOT), link, 'dir');
  }
  console.log(`staged ${pkg.name}: ${pkg.folders.join(', ')}; peers ${Object.keys(peerDependencies).join(', ')}${bundled.size ? `; bundles ${[...bundled].join(', ')}` : ''}`);
}
