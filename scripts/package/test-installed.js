#!/usr/bin/env node
/**
 * `npm run test:package` (and CI): the package as a new user and a pipeline get it, without this
 * repository.
 *
 *  0. An unbuilt clone (the working tree's files as git has them: no dist/): `npm pack` there builds
 *     the package (package.json's prepare) and packs it. `npm install <the clone's folder>` and
 *     `npm install git+file://…` (a git install, which builds in npm's own clone) give a working
 *     `npx twilio-sso` (--version, init).
 *  1. The tarball: what it holds (no source maps, no tests, no sources but type declarations, no
 *     bundled dependencies, no jsii assembly; the bin, the JSON Schema, the CI templates, the
 *     LICENSE) and what it weighs (under WEIGHT_LIMIT).
 *  2. Install the tarball into an empty folder with only cdktf, constructs and the providers.
 *  3. There, run `npx twilio-sso` as a pipeline would: --help for every subcommand, `validate` and
 *     `synth` on the example config (the same files as the repository's own synth), a config with
 *     mistakes (exit 1, every problem), hostile inputs (no stack trace), `schema`.
 *  4. `console` and `verify` against real Terraform outputs: a small outputs-only configuration
 *     applied with terraform (or tofu), so `terraform output -json` is the real thing.
 *  5. The README's shell blocks, in order, in an empty folder (`cdktf-twilio-sso` installed from the
 *     tarball): its first steps, from nothing to a synthesized stack.
 *  6. TypeScript: a project with the tarball, TypeScript 5.9.3 and 7.0.2 and tsx compiles every
 *     TypeScript block of the README and docs/ with both compilers and runs the whole programs with tsx.
 *
 * Needs the registry (or npm's cache) for the installs. Exits non-zero on any failure; prints
 * `N passed, M failed` last.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const t0 = Date.now();
let passed = 0;
let failed = 0;
const say = (m) => process.stdout.write(`[package ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}\n`);
function check(name, fn) {
  try {
    const note = fn();
    passed++;
    say(`PASS ${name}${note ? ` (${note})` : ''}`);
  } catch (e) {
    failed++;
    say(`FAIL ${name}: ${e.message}`);
  }
}
const assert = (ok, msg) => {
  if (!ok) throw new Error(msg);
};
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
const STACK_FRAME = /\n\s+at .*[(:]\d+/;
// What the tarball may weigh (MB = 2^20 bytes, as printed): measured 0.62 MB packed, 3.45 MB unpacked,
// 171 files, 2.86 MB of it the bundled command. The limits leave room to grow but catch a source map
// or bundled dependencies coming back (the bundle's map once made it 1.4 MB / 7.7 MB / 160 files;
// bundling fast-xml-parser and uuid for jsii, 1.22 MB / 5.78 MB / 480 files).
const MB = 1024 * 1024;
const WEIGHT_LIMIT = { size: 1 * MB, unpackedSize: 5 * MB, entryCount: 250 };

const { codeBlocks, blockName } = require('./code-blocks');
const BIN = pkg.bin['twilio-sso'];
// The TypeScript a consumer project gets (README: TypeScript versions), pinned.
const TOOLCHAIN = { typescript5: '5.9.3', typescript7: '7.0.2', tsx: '4.23.15', typesNode: pkg.devDependencies['@types/node'] };

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'twilio-sso-package-'));
const app = path.join(work, 'pipeline');
fs.mkdirSync(app);
const consumer = (name) => {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true }, null, 2));
  return dir;
};
const npx = (cwd, args, opts = {}) => run('npx', ['--no', '--', 'twilio-sso', ...args], { cwd, ...opts });

// ---- 0. an unbuilt clone: pack, install from its folder, install from git ----
const source = path.join(work, 'source');
const clone = path.join(work, 'clone');
check('an unbuilt clone: the working tree as git has it, committed in a repository of its own, and cloned', () => {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  assert(listed.status === 0, listed.stderr);
  const files = listed.stdout.split('\0').filter((f) => f && fs.existsSync(path.join(ROOT, f)) && !fs.lstatSync(path.join(ROOT, f)).isSymbolicLink());
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(source, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(source, f));
  }
  const git = (args, cwd) => {
    const r = run('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd });
    assert(r.status === 0, `git ${args[0]}: ${r.stderr}`);
  };
  git(['init', '-q', '-b', 'main'], source);
  git(['add', '-A'], source);
  git(['commit', '-q', '-m', 'the working tree'], source);
  git(['clone', '-q', source, clone], work);
  assert(!fs.existsSync(path.join(clone, 'dist')), 'the clone has a dist/');
  // The dependencies `npm ci` would install there, from the same lockfile (installing ≈1,000
  // packages again would add a minute and test npm, not the package).
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  return `${files.length} files`;
});

// ---- 1. pack ----
let tarball;
check("npm pack of the unbuilt clone builds (prepare) and packs what the package needs and nothing else", () => {
  const r = run('npm', ['pack', '--json', '--pack-destination', work], { cwd: clone });
  assert(r.status === 0, r.stderr.slice(-2000));
  const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
  tarball = path.join(work, info.filename);
  const files = info.files.map((f) => f.path);
  // Dependencies are npm's to install, not ours to ship (the npm package is no jsii package: jsii's
  // assemblies, which would require them bundled, are built from dist-jsii/stage/, not from it).
  assert((info.bundled ?? []).length === 0, `bundled dependencies: ${info.bundled.join(', ')}`);
  const bad = files.filter((f) => f.endsWith('.map') || f === '.jsii' || /^(node_modules|test|bench|scripts|stacks|lib|cli|examples|docs)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.startsWith('dist/stacks/') || f.startsWith('dist/cli/'));
  assert(bad.length === 0, `unexpected files: ${bad.join(', ')}`);
  for (const need of [BIN, 'dist/lib/index.js', 'dist/lib/index.d.ts', 'schema/twilio-sso.schema.json', 'templates/ci/github-actions.yml', 'templates/ci/gitlab-ci.yml', 'LICENSE', 'package.json', 'README.md']) {
    assert(files.includes(need), `${need} is missing`);
  }
  const mb = (n) => `${(n / MB).toFixed(2)} MB`;
  const weight = `${mb(info.size)} packed, ${mb(info.unpackedSize)} unpacked, ${info.entryCount} files`;
  assert(info.size < WEIGHT_LIMIT.size && info.unpackedSize < WEIGHT_LIMIT.unpackedSize && info.entryCount < WEIGHT_LIMIT.entryCount, `${weight}: over the limit (${mb(WEIGHT_LIMIT.size)} packed, ${mb(WEIGHT_LIMIT.unpackedSize)} unpacked, ${WEIGHT_LIMIT.entryCount} files)`);
  return `${info.filename}: ${weight}`;
});

const installedWorks = (dir) => {
  const v = npx(dir, ['--version']);
  assert(v.status === 0 && v.stdout.trim() === pkg.version, `npx twilio-sso --version: exit ${v.status} ${v.stdout}${v.stderr}`);
  const i = npx(dir, ['init', '--idp', 'okta', '--product', 'flex']);
  assert(i.status === 0 && fs.existsSync(path.join(dir, 'twilio-sso.yaml')), `init: exit ${i.status} ${i.stderr}`);
  const first = fs.readFileSync(path.join(dir, 'twilio-sso.yaml'), 'utf8').split('\n')[0];
  const schema = path.resolve(dir, first.replace(/^# yaml-language-server: \$schema=/, ''));
  assert(fs.existsSync(schema), `the $schema line does not resolve: ${first}`);
  const val = npx(dir, ['validate']);
  assert(val.status === 1 && val.stdout.includes('<fill in: '), `validate of the fresh config: exit ${val.status} ${val.stdout}`);
  return `--version ${v.stdout.trim()}; init wrote a config whose $schema is ${path.relative(dir, schema)}`;
};

check('npm install <the clone\'s folder>: npx twilio-sso runs the package\'s own bin (--version, init)', () => {
  const dir = consumer('from-folder');
  const r = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', clone], { cwd: dir });
  assert(r.status === 0, r.stderr.slice(-2000));
  return installedWorks(dir);
});

check('npm install git+file://… (a git install, built in npm\'s clone): npx twilio-sso runs the package\'s own bin', () => {
  const dir = consumer('from-git');
  const started = Date.now();
  const r = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `git+file://${source}#main`], { cwd: dir });
  assert(r.status === 0, r.stderr.slice(-2000));
  assert(fs.existsSync(path.join(dir, 'node_modules', 'cdktf-twilio-sso', BIN)), `${BIN} is missing from the git install`);
  return `${installedWorks(dir)}; the install took ${((Date.now() - started) / 1000).toFixed(0)} s`;
});

// ---- 2. install into an empty folder ----
check('install the tarball with only cdktf, constructs and the providers', () => {
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'pipeline', private: true }, null, 2));
  const peers = ['cdktf', 'constructs', '@cdktf/provider-okta', '@cdktf/provider-azuread'].map((p) => `${p}@${pkg.devDependencies[p]}`);
  const r = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-exact', tarball, ...peers], { cwd: app });
  assert(r.status === 0, r.stderr.slice(-2000));
  const installed = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')).dependencies;
  assert(Object.keys(installed).sort().join(' ') === ['@cdktf/provider-azuread', '@cdktf/provider-okta', 'cdktf', 'cdktf-twilio-sso', 'constructs'].join(' '), JSON.stringify(installed));
  return Object.keys(installed).join(', ');
});

const sso = (args, opts = {}) => run('npx', ['--no', '--', 'twilio-sso', ...args], { cwd: app, ...opts, env: { ...process.env, ...(opts.env ?? {}) } });
for (const f of ['twilio-sso.yaml', 'salesforce-idp-cert.pem']) fs.copyFileSync(path.join(ROOT, 'examples', 'config', f), path.join(app, f));
const config = path.join(app, 'twilio-sso.yaml');
// A user's copy points the editor at the schema in node_modules.
fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/^# yaml-language-server: \$schema=.*$/m, '# yaml-language-server: $schema=node_modules/cdktf-twilio-sso/schema/twilio-sso.schema.json'));

// ---- 3. the command, installed ----
check('npx twilio-sso --help for the program and every subcommand', () => {
  for (const sub of [[], ['init'], ['synth'], ['validate'], ['targets'], ['changed'], ['console'], ['verify'], ['schema']]) {
    const r = sso([...sub, '--help']);
    assert(r.status === 0 && r.stdout.startsWith('Usage: twilio-sso'), `${sub.join(' ')} --help: exit ${r.status} ${r.stderr}`);
  }
  const v = sso(['--version']);
  assert(v.stdout.trim() === pkg.version, v.stdout);
});

// A terminal of its own for init's questions: util-linux's `script` runs the command on a pseudo-terminal
// and passes what it reads from its stdin on as keystrokes.
const hasScript = run('script', ['--version']).status === 0;
check('npx twilio-sso init at a terminal asks for the identity providers and products (typed ahead), and ends at end of input', () => {
  if (!hasScript) return 'skipped: no `script` (util-linux) to give it a terminal';
  const dir = consumer('at-a-terminal');
  fs.symlinkSync(path.join(app, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const answered = run('script', ['-qfec', 'npx --no -- twilio-sso init', '/dev/null'], { cwd: dir, input: 'keycloak,okta\nfrontline\n', timeout: 60000 });
  assert(answered.status === 0, `exit ${answered.status}: ${answered.stdout}`);
  assert(/Identity providers \(okta, entra, salesforce, keycloak; comma-separated\)/.test(answered.stdout) && /Twilio products \(flex, frontline/.test(answered.stdout), answered.stdout);
  const names = fs.readFileSync(path.join(dir, 'twilio-sso.yaml'), 'utf8').match(/^ {2}- name: \S+/gm).map((l) => l.replace(/^ {2}- name: /, ''));
  assert(names.join(' ') === 'frontline-keycloak frontline-okta', names.join(' '));
  fs.rmSync(path.join(dir, 'twilio-sso.yaml'));
  const cut = run('script', ['-qfec', 'npx --no -- twilio-sso init', '/dev/null'], { cwd: dir, input: 'okta\n', timeout: 60000 });
  assert(/no answer for --product \(end of input\)/.test(cut.stdout) && !fs.existsSync(path.join(dir, 'twilio-sso.yaml')), `end of input: ${cut.stdout}`);
});

check('npx twilio-sso validate: the example config is valid (exit 0)', () => {
  const r = sso(['validate']);
  assert(r.status === 0, `exit ${r.status}: ${r.stdout}${r.stderr}`);
  return r.stdout.trim();
});

check("the config's yaml-language-server line resolves to the schema in node_modules, and `schema` prints it", () => {
  const line = fs.readFileSync(config, 'utf8').split('\n')[0];
  const file = path.resolve(app, line.replace(/^# yaml-language-server: \$schema=/, ''));
  assert(fs.existsSync(file), `${file} does not exist`);
  const r = sso(['schema']);
  assert(r.status === 0 && r.stdout === fs.readFileSync(file, 'utf8'), 'schema output differs from the shipped file');
});

check("npx twilio-sso synth: the same files as the clone's own build synthesizes", () => {
  const r = sso(['synth']);
  assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
  const mine = path.join(work, 'repo-out');
  const ref = run('node', [path.join(clone, BIN), 'synth', '--config', config, '--output', mine]);
  assert(ref.status === 0, ref.stderr);
  const diff = run('diff', ['-r', path.join(app, 'cdktf.out'), mine]);
  assert(diff.status === 0, diff.stdout.slice(0, 2000));
  return fs.readdirSync(path.join(app, 'cdktf.out', 'stacks')).join(', ');
});

check('a config with mistakes: exit 1, every problem with file:line:column, nothing written', () => {
  const bad = path.join(app, 'bad.yaml');
  const text = 'targets:\n  - name: Bad_Name\n    twilio: { flexEnhanced: { connectionSid: JQ1 } }\n    okta: { orgName: acme, groups: [{ id: 00g1agents0000000001, roles: [owner] }], displayNam: x }\n';
  fs.writeFileSync(bad, text);
  const v = sso(['validate', '--config', bad]);
  assert(v.status === 1, `validate exit ${v.status}`);
  const nameColumn = text.split('\n')[1].indexOf('Bad_Name') + 1;
  for (const want of [`bad.yaml:2:${nameColumn}: targets[0].name`, 'targets[0].twilio.flexEnhanced.connectionSid', "targets[0].okta.groups[0].roles[0] is not a flex role, got 'owner'", "unknown key 'displayNam' (did you mean 'displayName'?)", '4 problems']) {
    assert(v.stdout.includes(want), `missing '${want}' in:\n${v.stdout}`);
  }
  const s = sso(['synth', '--config', bad, '--output', 'bad.out', '--format', 'json']);
  assert(s.status === 1 && JSON.parse(s.stdout).problems.length === 4, `synth exit ${s.status}`);
  assert(!fs.existsSync(path.join(app, 'bad.out')), 'synth wrote bad.out');
});

check('hostile inputs: exit 1 with a report, never a stack trace', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) bomb.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i - 1]}`).join(',')}]`);
  const inputs = {
    'alias-bomb.yaml': `${bomb.join('\n')}\n`,
    'latin1.yaml': Buffer.from('targets:\n  - name: caf\xe9\n', 'latin1'),
    'deep.yaml': `targets: ${'['.repeat(500)}${']'.repeat(500)}\n`,
    'noise.yaml': '- : [ {\n&x *y !!z |\n',
    'huge.yaml': `targets:\n  - name: ${'x'.repeat(200000)}\n`,
  };
  for (const [name, body] of Object.entries(inputs)) {
    fs.writeFileSync(path.join(app, name), body);
    const started = Date.now();
    const r = sso(['validate', '--config', name, '--format', 'json']);
    assert(r.status === 1, `${name}: exit ${r.status} ${r.stderr}`);
    assert(!STACK_FRAME.test(r.stdout + r.stderr), `${name}: stack trace`);
    assert(JSON.parse(r.stdout).problems.length > 0, `${name}: no problems`);
    assert(Date.now() - started < 10000, `${name}: took ${Date.now() - started} ms`);
  }
});

// ---- 4. console and verify against real Terraform outputs ----
const tf = ['terraform', 'tofu'].find((b) => run(b, ['version']).status === 0);
if (!tf) {
  say('SKIP console/verify against real Terraform outputs: neither terraform nor tofu is installed');
} else {
  const out = path.join(app, 'tf-out');
  const stack = path.join(out, 'stacks', 'demo');
  const pem = fs.readFileSync(path.join(app, 'salesforce-idp-cert.pem'), 'utf8');
  const SECRET = 'S3CR3T-from-a-sensitive-output';
  const issuer = 'https://example-org.my.salesforce.com';
  const ssoUrl = `${issuer}/idp/endpoint/HttpRedirect`;
  check(`${tf} apply of an outputs-only configuration (what a deployed stack's outputs look like)`, () => {
    fs.mkdirSync(stack, { recursive: true });
    const output = (value, sensitive = false) => ({ value, ...(sensitive ? { sensitive: true } : {}) });
    fs.writeFileSync(
      path.join(stack, 'main.tf.json'),
      JSON.stringify({
        output: {
          identity_provider_issuer: output(issuer),
          single_sign_on_url: output(ssoUrl),
          x509_certificate: output(pem),
          default_redirect_url: output('https://flex.twilio.com/kiwi-owl-1234'),
          sp_entity_id: output('https://login.flex.us1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef'),
          sp_acs_url: output('https://login.flex.us1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef'),
          some_api_token: output(SECRET, true),
        },
      }),
    );
    const env = { ...process.env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
    for (const args of [['init', '-input=false', '-no-color'], ['apply', '-auto-approve', '-input=false', '-no-color']]) {
      const r = run(tf, args, { cwd: stack, env });
      assert(r.status === 0, `${tf} ${args[0]}: ${r.stderr.slice(-1500)}`);
    }
  });
  check('npx twilio-sso console: the sheet from real outputs, no secret printed', () => {
    const r = sso(['console', 'demo', '--output', 'tf-out']);
    assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
    assert(r.stdout.includes(issuer) && r.stdout.includes(ssoUrl) && r.stdout.includes(pem.trim()), r.stdout);
    assert(!(r.stdout + r.stderr).includes(SECRET), 'a sensitive output was printed');
    const j = sso(['console', 'demo', '--output', 'tf-out', '--format', 'json']);
    const sheet = JSON.parse(j.stdout);
    const expectedSha = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], { input: pem }).toString().trim().replace(/^.*=/, '');
    assert(sheet.certificate.sha256Fingerprint === expectedSha, `${sheet.certificate.sha256Fingerprint} != ${expectedSha}`);
    assert(!j.stdout.includes(SECRET), 'a sensitive output was printed (json)');
    return `${sheet.product}, certificate ${sheet.certificate.subject}, ${sheet.certificate.daysToExpiry} days left`;
  });
  check('npx twilio-sso verify: passes against matching metadata, fails against a tampered copy', () => {
    const body = pem.replace(/-----[A-Z ]+-----|\s/g, '');
    const metadata = (entityId, cert) =>
      `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${issuer}/idp/endpoint/HttpPost"/><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${ssoUrl}"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
    fs.writeFileSync(path.join(app, 'idp.xml'), metadata(issuer, body));
    const ok = sso(['verify', 'demo', '--output', 'tf-out', '--metadata', 'idp.xml']);
    assert(ok.status === 0, `exit ${ok.status}: ${ok.stdout}${ok.stderr}`);
    fs.writeFileSync(path.join(app, 'tampered.xml'), metadata(`${issuer}/`, body.replace(/A/, 'B')));
    const bad = sso(['verify', 'demo', '--output', 'tf-out', '--metadata', 'tampered.xml', '--format', 'json']);
    assert(bad.status === 1, `tampered: exit ${bad.status}: ${bad.stderr}`);
    const failedIds = JSON.parse(bad.stdout).checks.filter((c) => !c.ok).map((c) => c.id);
    assert(failedIds.includes('issuer') && failedIds.includes('certificate'), failedIds.join(', '));
    return `tampered copy: ${failedIds.join(', ')} failed`;
  });
}

// ---- 5. the README's shell blocks, in order, in an empty folder ----
// What a person types over each placeholder `init` wrote, by the key it is the value of.
const FILLED_IN = { connectionSid: 'JQ0123456789abcdef0123456789abcdef', realmSid: 'JB0123456789abcdef0123456789abcdef', orgName: 'example-org', tenantId: '00000000-0000-4000-8000-000000000001', myDomain: 'example-org', url: 'https://sso.example.com', realm: 'twilio' };
const readmeShell = codeBlocks(ROOT).filter((b) => b.kind === 'shell' && b.noTest === null);
check(`the README and docs shell blocks (${readmeShell.map((b) => `${b.file}:${b.line}`).join(', ')}), in order, in an empty folder`, () => {
  assert(readmeShell.length > 0, 'no shell block to run');
  const dir = path.join(work, 'readme');
  fs.mkdirSync(dir);
  for (const b of readmeShell) {
    if (b.testNote === 'after filling in the placeholders') {
      const file = path.join(dir, 'twilio-sso.yaml');
      const text = fs.readFileSync(file, 'utf8').replace(/^(\s*)(\w+): "<fill in: [^"]*>"/gm, (_l, indent, key) => {
        assert(key in FILLED_IN, `no value for the placeholder of '${key}'`);
        return `${indent}${key}: ${FILLED_IN[key]}`;
      });
      // Who may sign in: the group line init leaves as a comment.
      fs.writeFileSync(file, text.replace(/^(\s*)# (groups:)\s.*$/m, '$1$2').replace(/^(\s*)# (  - id: .*)$/m, '$1$2').replace(/^(\s*)# (    roles: .*)$/m, '$1$2'));
    } else if (b.testNote !== null) {
      throw new Error(`${b.file}:${b.line}: unknown test note '${b.testNote}'`);
    }
    // The package is not on the registry under test: its name in an install line means the tarball.
    const script = b.body.replace(/(npm install[^\n]*?)(^|\s)cdktf-twilio-sso(?=\s)/gm, `$1$2${tarball}`);
    const r = run('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir, env: { ...process.env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' } });
    assert(r.status === 0, `${b.file}:${b.line}: exit ${r.status}\n${r.stdout.slice(-1500)}${r.stderr.slice(-1500)}`);
  }
  const stacks = fs.readdirSync(path.join(dir, 'cdktf.out', 'stacks'));
  assert(stacks.length > 0 && fs.existsSync(path.join(dir, 'cdktf.out', 'stacks', stacks[0], 'cdk.tf.json')), 'no stack was synthesized');
  return `synthesized ${stacks.join(', ')}`;
});

// ---- 6. TypeScript: every TypeScript block, compiled with 5.9.3 and 7.0.2, run with tsx ----
const tsBlocks = codeBlocks(ROOT).filter((b) => b.kind === 'typescript' && b.noTest === null);
const tsProject = consumer('typescript');
check(`a TypeScript project: the tarball, cdktf, constructs, both providers, typescript ${TOOLCHAIN.typescript5} and ${TOOLCHAIN.typescript7}, tsx ${TOOLCHAIN.tsx}`, () => {
  const peers = ['cdktf', 'constructs', '@cdktf/provider-okta', '@cdktf/provider-azuread'].map((p) => `${p}@${pkg.devDependencies[p]}`);
  const tools = [`typescript@${TOOLCHAIN.typescript5}`, `typescript7@npm:typescript@${TOOLCHAIN.typescript7}`, `tsx@${TOOLCHAIN.tsx}`, `@types/node@${TOOLCHAIN.typesNode}`];
  const r = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-exact', tarball, ...peers, ...tools], { cwd: tsProject });
  assert(r.status === 0, r.stderr.slice(-2000));
  fs.mkdirSync(path.join(tsProject, 'src'));
  for (const b of tsBlocks) fs.writeFileSync(path.join(tsProject, 'src', blockName(b, 'ts')), b.body);
  // What README "TypeScript versions" tells a user to use: nodenext, strict, no skipLibCheck.
  fs.writeFileSync(path.join(tsProject, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: ['node'] }, include: ['src'] }, null, 2));
  return tsBlocks.map((b) => `${b.file}:${b.line}`).join(', ');
});
for (const [label, tsc] of [[TOOLCHAIN.typescript5, 'node_modules/typescript/bin/tsc'], [TOOLCHAIN.typescript7, 'node_modules/typescript7/bin/tsc']]) {
  check(`tsc ${label} compiles every TypeScript block against the installed package`, () => {
    const v = run('node', [tsc, '--version'], { cwd: tsProject });
    assert(v.stdout.trim() === `Version ${label}`, `tsc --version: ${v.stdout}${v.stderr}`);
    const r = run('node', [tsc, '-p', '.'], { cwd: tsProject });
    assert(r.status === 0, `exit ${r.status}:\n${r.stdout.slice(0, 3000)}${r.stderr.slice(0, 1000)}`);
    // The same compiler on a mistake a user makes (a role the product does not have is a runtime
    // check; a wrong prop name is the compiler's): it must fail, or the check above proves nothing.
    const bad = path.join(tsProject, 'src', 'zz-mistake.ts');
    fs.writeFileSync(bad, "import { TwilioTarget } from 'cdktf-twilio-sso/twilio';\nTwilioTarget.flexEnhanced({ connectionSID: 'JQ0123456789abcdef0123456789abcdef' });\n");
    const m = run('node', [tsc, '-p', '.'], { cwd: tsProject });
    fs.rmSync(bad);
    assert(m.status !== 0 && /connectionSID/.test(m.stdout), `tsc ${label} accepted a misspelt prop: exit ${m.status} ${m.stdout}`);
  });
}
for (const b of tsBlocks.filter((x) => /\.synth\(\)/.test(x.body))) {
  check(`tsx runs ${b.file}:${b.line} (a whole program) and it synthesizes`, () => {
    const cwd = fs.mkdtempSync(path.join(tsProject, 'run-'));
    const r = run(path.join(tsProject, 'node_modules', '.bin', 'tsx'), [path.join(tsProject, 'src', blockName(b, 'ts'))], { cwd });
    assert(r.status === 0, `exit ${r.status}: ${r.stderr.slice(-2000)}`);
    const stacks = fs.readdirSync(path.join(cwd, 'cdktf.out', 'stacks'));
    for (const st of stacks) {
      const json = JSON.parse(fs.readFileSync(path.join(cwd, 'cdktf.out', 'stacks', st, 'cdk.tf.json'), 'utf8'));
      assert(Object.keys(json.resource ?? {}).length > 0, `${st}: no resources`);
    }
    assert(stacks.length > 0, 'no stack');
    return stacks.join(', ');
  });
}

fs.rmSync(work, { recursive: true, force: true });
say(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.stdout.write(`package: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
