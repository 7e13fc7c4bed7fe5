#!/usr/bin/env node
/**
 * `npm run test:package` (and CI): the package as a pipeline gets it, without this repository.
 *
 *  1. `npm pack` the built package; check what it holds (no source maps, no tests, no sources but
 *     type declarations, no bundled dependencies, no jsii assembly, the bin and the JSON Schema
 *     present) and what it weighs (under WEIGHT_LIMIT).
 *  2. Install the tarball into an empty folder with only cdktf, constructs and the providers.
 *  3. There, run `npx twilio-sso` as a pipeline would: --help for every subcommand, `validate` and
 *     `synth` on the example config (the same files as the repository's own synth), a config with
 *     mistakes (exit 1, every problem), hostile inputs (no stack trace), `schema`.
 *  4. `console` and `verify` against real Terraform outputs: a small outputs-only configuration
 *     applied with terraform (or tofu), so `terraform output -json` is the real thing.
 *
 * Needs `npm run build` first, and the registry (or npm's cache) for the install. Exits non-zero on
 * any failure; prints `N passed, M failed` last.
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

if (!fs.existsSync(path.join(ROOT, 'dist', 'app', 'twilio-sso.js'))) {
  process.stderr.write('dist/app/twilio-sso.js is missing: run `npm run build` first\n');
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'twilio-sso-package-'));
const app = path.join(work, 'pipeline');
fs.mkdirSync(app);

// ---- 1. pack ----
let tarball;
check('npm pack: the package holds what it needs and nothing else', () => {
  const r = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT });
  assert(r.status === 0, r.stderr);
  const [info] = JSON.parse(r.stdout);
  tarball = path.join(work, info.filename);
  const files = info.files.map((f) => f.path);
  // Dependencies are npm's to install, not ours to ship (the npm package is no jsii package: jsii's
  // assemblies, which would require them bundled, are built from dist-jsii/stage/, not from it).
  assert((info.bundled ?? []).length === 0, `bundled dependencies: ${info.bundled.join(', ')}`);
  const bad = files.filter((f) => f.endsWith('.map') || f === '.jsii' || /^(node_modules|test|bench|scripts|stacks|cli|lib|examples|docs)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || f.startsWith('dist/stacks/') || f.startsWith('dist/cli/'));
  assert(bad.length === 0, `unexpected files: ${bad.join(', ')}`);
  for (const need of ['dist/app/twilio-sso.js', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'schema/twilio-sso.schema.json', 'package.json', 'README.md']) {
    assert(files.includes(need), `${need} is missing`);
  }
  const mb = (n) => `${(n / MB).toFixed(2)} MB`;
  const weight = `${mb(info.size)} packed, ${mb(info.unpackedSize)} unpacked, ${info.entryCount} files`;
  assert(info.size < WEIGHT_LIMIT.size && info.unpackedSize < WEIGHT_LIMIT.unpackedSize && info.entryCount < WEIGHT_LIMIT.entryCount, `${weight}: over the limit (${mb(WEIGHT_LIMIT.size)} packed, ${mb(WEIGHT_LIMIT.unpackedSize)} unpacked, ${WEIGHT_LIMIT.entryCount} files)`);
  return `${info.filename}: ${weight}`;
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
  for (const sub of [[], ['synth'], ['validate'], ['console'], ['verify'], ['schema']]) {
    const r = sso([...sub, '--help']);
    assert(r.status === 0 && r.stdout.startsWith('Usage: twilio-sso'), `${sub.join(' ')} --help: exit ${r.status} ${r.stderr}`);
  }
  const v = sso(['--version']);
  assert(v.stdout.trim() === pkg.version, v.stdout);
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

check('npx twilio-sso synth: the same files as the repository synthesizes', () => {
  const r = sso(['synth']);
  assert(r.status === 0, `exit ${r.status}: ${r.stderr}`);
  const mine = path.join(work, 'repo-out');
  const ref = run('node', [path.join(ROOT, 'dist', 'app', 'twilio-sso.js'), 'synth', '--config', config, '--output', mine]);
  assert(ref.status === 0, ref.stderr);
  const diff = run('diff', ['-r', path.join(app, 'cdktf.out'), mine]);
  assert(diff.status === 0, diff.stdout.slice(0, 2000));
  return fs.readdirSync(path.join(app, 'cdktf.out', 'stacks')).join(', ');
});

check('a config with mistakes: exit 1, every problem with file:line:column, nothing written', () => {
  const bad = path.join(app, 'bad.yaml');
  const text = 'targets:\n  - name: Bad_Name\n    twilio: { flexEnhanced: { connectionSid: JQ1 } }\n    okta: { orgName: acme, groups: [{ id: g, roles: [owner] }], displayNam: x }\n';
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

fs.rmSync(work, { recursive: true, force: true });
say(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
process.stdout.write(`package: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
