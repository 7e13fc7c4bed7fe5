/**
 * `npm run test:e2e`: the whole chain on a real Keycloak, on this machine.
 *
 *  1. start the local Keycloak (scripts/keycloak/keycloak.sh; reused if already running)
 *  2. synthesize a stack: a throwaway realm, a test user in a group, KeycloakTwilioSso for a Flex
 *     enhanced target and for a Frontline target
 *  3. terraform init (keycloak/keycloak from the filesystem mirror in TWILIO_SSO_PROVIDER_MIRROR,
 *     default .tf-providers/mirror) + terraform apply
 *  4. sign the user in through Keycloak's login form: SP-initiated (node-saml AuthnRequest) for Flex,
 *     IdP-initiated for Frontline; capture the SAMLResponse posted to the ACS
 *  5. verify it with @node-saml/node-saml configured only from our Terraform outputs and the target,
 *     plus Destination/Recipient/issuer/NameID/attribute checks; a tampered response and a response
 *     checked for another audience must be rejected by the same check
 *  6. `twilio-sso console` and `twilio-sso verify` (the bundled command, dist/app/twilio-sso.js) on
 *     the applied stack: verify against the realm's real SAML metadata must pass, and against a
 *     tampered copy (another entityID and signing certificate) must fail with both mismatches
 *  7. terraform destroy; stop Keycloak if this run started it
 *
 * Exits non-zero on any failure. Prints `N passed, M failed` last.
 */
import { App } from 'cdktf';
import { execFileSync, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { KeycloakProvider, TwilioTarget } from '../../lib';
import { Browser, signIn } from './browser';
import { buildE2eStack, E2eUser } from './keycloak-e2e-stack';
import { ExpectedUser, IdpValues, expectRejected, tamperAttribute, twilioServiceProvider, verifyResponse } from './saml-check';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const KC = join(ROOT, 'scripts', 'keycloak', 'keycloak.sh');
const PROVIDER = `registry.terraform.io/keycloak/keycloak/${KeycloakProvider.PROVIDER_VERSION}`;

let passed = 0;
let failed = 0;
const t0 = Date.now();
const elapsed = (): string => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg: string): void => void process.stdout.write(`[e2e ${elapsed()}] ${msg}\n`);

async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const s = Date.now();
  try {
    const out = await fn();
    passed++;
    say(`PASS ${name} (${((Date.now() - s) / 1000).toFixed(1)}s)`);
    return out;
  } catch (e) {
    failed++;
    say(`FAIL ${name}: ${(e as Error).message}`);
    throw e;
  }
}

function providerMirror(): string | undefined {
  // `registry`: a machine that reaches the Terraform registry lets terraform init download the provider.
  if (process.env.TWILIO_SSO_PROVIDER_MIRROR === 'registry') return undefined;
  const mirror = resolve(process.env.TWILIO_SSO_PROVIDER_MIRROR ?? join(ROOT, '.tf-providers', 'mirror'));
  const dir = join(mirror, PROVIDER);
  const platforms = existsSync(dir) ? readdirSync(dir) : [];
  if (platforms.length === 0) {
    throw new Error(
      `the Terraform provider keycloak/keycloak ${KeycloakProvider.PROVIDER_VERSION} is not in the filesystem mirror ${mirror} (expected ${dir}/<os>_<arch>/). ` +
        `Put it there (e.g. 'terraform providers mirror <dir>' from a machine that reaches the Terraform registry) and set TWILIO_SSO_PROVIDER_MIRROR=<dir>.`,
    );
  }
  return mirror;
}

function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync('terraform', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`terraform ${args[0]}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`terraform ${args[0]} exited ${r.status}:\n${(r.stderr || r.stdout).slice(-3000)}`);
  return r.stdout;
}

function readAdminEnv(): Record<string, string> {
  const text = readFileSync(join(ROOT, '.keycloak', 'admin.env'), 'utf8');
  return Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

async function main(): Promise<void> {
  const mirror = await step('provider keycloak/keycloak found (filesystem mirror, or the registry)', () => providerMirror());

  const kcRunning = spawnSync(KC, ['status'], { encoding: 'utf8' }).status === 0;
  await step(kcRunning ? 'local Keycloak already running (reused)' : 'local Keycloak started on 127.0.0.1', () => {
    if (!kcRunning) execFileSync(KC, ['start', '--fresh'], { stdio: ['ignore', 'inherit', 'inherit'] });
  });
  const keycloakUrl = execFileSync(KC, ['url'], { encoding: 'utf8' }).trim();
  const admin = readAdminEnv();

  const work = mkdtempSync(join(tmpdir(), 'twilio-sso-e2e-'));
  const realm = `twilio-e2e-${randomBytes(3).toString('hex')}`;
  const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
  const frontline = TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' });
  const user: E2eUser = {
    username: 'ada.agent',
    password: randomBytes(12).toString('base64url'),
    email: 'ada.agent@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    fullName: 'Ada Lovelace',
    roles: { flex: ['agent', 'supervisor'], frontline: ['agent'] },
  };

  const stackDir = await step(`synthesized the Keycloak stack (realm ${realm}, Flex enhanced + Frontline)`, () => {
    const app = new App({ outdir: join(work, 'cdktf.out') });
    buildE2eStack(app, { keycloakUrl, realm, flex, frontline, user, stateFile: join(work, 'terraform.tfstate') });
    app.synth();
    return join(work, 'cdktf.out', 'stacks', 'keycloak-e2e');
  });

  const cliConfig = join(work, 'cli.tfrc');
  writeFileSync(
    cliConfig,
    mirror === undefined ? '' :
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/keycloak/keycloak"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/keycloak/keycloak"]\n  }\n}\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    KEYCLOAK_CLIENT_ID: 'admin-cli',
    KEYCLOAK_USER: admin.KEYCLOAK_ADMIN_USER,
    KEYCLOAK_PASSWORD: admin.KEYCLOAK_ADMIN_PASSWORD,
  };

  let applied = false;
  try {
    await step('terraform init (provider from the mirror)', () => terraform(['init', '-input=false', '-no-color'], stackDir, env));
    applied = true;
    await step('terraform apply', () => terraform(['apply', '-auto-approve', '-input=false', '-no-color'], stackDir, env));
    const outputs = JSON.parse(terraform(['output', '-json'], stackDir, env)) as Record<string, { value: string }>;
    const idp = (prefix: string): IdpValues => ({
      issuer: outputs[`${prefix}identity_provider_issuer`].value,
      ssoUrl: outputs[`${prefix}single_sign_on_url`]?.value ?? outputs[`${prefix}sso_url`].value,
      certificatePem: outputs[`${prefix}x509_certificate`].value,
    });
    const flexIdp = idp('flex_');
    const frontlineIdp = idp('frontline_');
    await step('outputs: issuer = realm URL, SSO URL = realm SAML endpoint, certificate is a PEM', () => {
      const realmUrl = `${keycloakUrl}/realms/${realm}`;
      for (const v of [flexIdp, frontlineIdp]) {
        if (v.issuer !== realmUrl) throw new Error(`issuer ${v.issuer} != ${realmUrl}`);
        if (v.ssoUrl !== `${realmUrl}/protocol/saml`) throw new Error(`SSO URL ${v.ssoUrl}`);
        if (!/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/.test(v.certificatePem)) throw new Error(`certificate is not a PEM: ${v.certificatePem.slice(0, 80)}`);
      }
    });
    await step('certificate output = the certificate in the realm SAML metadata', async () => {
      const res = await fetch(outputs.flex_idp_metadata_url.value);
      const xml = await res.text();
      const body = flexIdp.certificatePem.replace(/-----[A-Z ]+-----|\n/g, '');
      if (!xml.includes(body)) throw new Error('the metadata descriptor does not carry the certificate we output');
    });

    // The command line on the real stack: what a person runs after apply.
    const ssoCli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'app', 'twilio-sso.js'), ...args, '--output', join(work, 'cdktf.out'), '--binary', 'terraform'], { env, encoding: 'utf8' });
    await step('twilio-sso console (flex_ outputs): the Console sheet from the real outputs', () => {
      const r = ssoCli(['console', 'keycloak-e2e', '--prefix', 'flex_', '--format', 'json']);
      if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
      const sheet = JSON.parse(r.stdout);
      if (sheet.fields[0].value !== flexIdp.issuer || sheet.certificate === null) throw new Error(r.stdout.slice(0, 500));
      say(`     certificate ${sheet.certificate.subject}, SHA-256 ${sheet.certificate.sha256Fingerprint}, ${sheet.certificate.daysToExpiry} days left`);
    });
    for (const prefix of ['flex_', 'frontline_']) {
      await step(`twilio-sso verify (${prefix} outputs) against the realm's published metadata: passes`, () => {
        const r = ssoCli(['verify', 'keycloak-e2e', '--prefix', prefix]);
        if (r.status !== 0) throw new Error(`exit ${r.status}:\n${r.stdout}${r.stderr}`);
        for (const line of r.stdout.trim().split('\n')) say(`     ${line}`);
      });
    }
    await step('twilio-sso verify against a tampered copy of the metadata (entityID and signing certificate): fails with both', async () => {
      const xml = await (await fetch(outputs.flex_idp_metadata_url.value)).text();
      const body = flexIdp.certificatePem.replace(/-----[A-Z ]+-----|\n/g, '');
      const other = readFileSync(join(ROOT, 'examples', 'config', 'salesforce-idp-cert.pem'), 'utf8').replace(/-----[A-Z ]+-----|\n/g, '');
      const tampered = xml.replace(`entityID="${flexIdp.issuer}"`, `entityID="${flexIdp.issuer}-tampered"`).split(body).join(other);
      if (tampered === xml) throw new Error('could not tamper with the metadata (entityID or certificate not found in it)');
      const file = join(work, 'tampered-metadata.xml');
      writeFileSync(file, tampered);
      const r = ssoCli(['verify', 'keycloak-e2e', '--prefix', 'flex_', '--metadata', file, '--format', 'json']);
      if (r.status !== 1) throw new Error(`expected exit 1, got ${r.status}: ${r.stdout}${r.stderr}`);
      const failedIds = JSON.parse(r.stdout).checks.filter((c: { ok: boolean }) => !c.ok).map((c: { id: string }) => c.id);
      if (failedIds.join(',') !== 'issuer,certificate') throw new Error(`expected issuer and certificate to fail, got ${failedIds.join(', ')}`);
      say(`     failed as expected: ${failedIds.join(', ')}`);
    });

    // Flex: SP-initiated, as Twilio starts it: an AuthnRequest from node-saml to our SSO URL output.
    const flexForm = await step('Flex: SP-initiated sign-in through the Keycloak login form', async () => {
      const url = await twilioServiceProvider(flex, flexIdp).getAuthorizeUrlAsync('', undefined, {});
      return signIn(new Browser(), url, user.username, user.password);
    });
    await step('Flex: the SAMLResponse form posts to the ACS', () => {
      if (flexForm.action !== flex.acsUrl) throw new Error(`form action ${flexForm.action} != ACS ${flex.acsUrl}`);
    });
    const flexExpected: ExpectedUser = { nameId: user.username, email: user.email, roles: user.roles.flex, fullName: user.fullName };
    const flexChecks = await step('Flex: response verified as Twilio would (node-saml + field checks)', () => verifyResponse(flexForm.fields.SAMLResponse, flex, flexIdp, flexExpected));
    for (const c of flexChecks) say(`     ${c}`);
    await step('Flex: tampered response (email value changed) rejected', async () =>
      say(`     ${await expectRejected('tampered response', () => verifyResponse(tamperAttribute(flexForm.fields.SAMLResponse, user.email, 'mallory@example.com'), flex, flexIdp, flexExpected), /signature/i)}`),
    );
    await step('Flex: tampered response (roles value changed to admin) rejected', async () =>
      say(`     ${await expectRejected('tampered roles', () => verifyResponse(tamperAttribute(flexForm.fields.SAMLResponse, 'agent', 'admin'), flex, flexIdp, flexExpected), /signature/i)}`),
    );
    await step('Flex: response checked for another audience (the Frontline Entity ID) rejected', async () =>
      say(`     ${await expectRejected('wrong audience', () => twilioServiceProvider(flex, flexIdp, frontline.entityId).validatePostResponseAsync({ SAMLResponse: flexForm.fields.SAMLResponse }), /audience/i)}`),
    );

    // Frontline: IdP-initiated, from the client's IdP-initiated URL.
    const frontlineForm = await step('Frontline: IdP-initiated sign-in through the Keycloak login form', () =>
      signIn(new Browser(), outputs.frontline_idp_initiated_url.value, user.username, user.password),
    );
    await step('Frontline: the SAMLResponse form posts to the ACS', () => {
      if (frontlineForm.action !== frontline.acsUrl) throw new Error(`form action ${frontlineForm.action} != ACS ${frontline.acsUrl}`);
    });
    const frontlineExpected: ExpectedUser = { nameId: user.username, email: user.email, roles: user.roles.frontline };
    const flChecks = await step('Frontline: response verified as Twilio would', () => verifyResponse(frontlineForm.fields.SAMLResponse, frontline, frontlineIdp, frontlineExpected));
    for (const c of flChecks) say(`     ${c}`);
    await step('Frontline: tampered response rejected', async () =>
      say(`     ${await expectRejected('tampered response', () => verifyResponse(tamperAttribute(frontlineForm.fields.SAMLResponse, user.email, 'mallory@example.com'), frontline, frontlineIdp, frontlineExpected), /signature/i)}`),
    );
    await step('Frontline: response checked for another audience (the Flex Entity ID) rejected', async () =>
      say(`     ${await expectRejected('wrong audience', () => twilioServiceProvider(frontline, frontlineIdp, flex.entityId).validatePostResponseAsync({ SAMLResponse: frontlineForm.fields.SAMLResponse }), /audience/i)}`),
    );
    await step('a Flex response is refused by the Frontline service provider', async () =>
      say(`     ${await expectRejected('cross-target response', () => verifyResponse(flexForm.fields.SAMLResponse, frontline, frontlineIdp, frontlineExpected), /audience/i)}`),
    );
  } finally {
    if (applied) {
      await step('terraform destroy', () => terraform(['destroy', '-auto-approve', '-input=false', '-no-color'], stackDir, env)).catch(() => undefined);
    }
    if (!kcRunning && !process.env.KEYCLOAK_E2E_KEEP_SERVER) {
      await step('local Keycloak stopped', () => void execFileSync(KC, ['stop'], { stdio: ['ignore', 'inherit', 'inherit'] })).catch(() => undefined);
    }
  }
}

main()
  .catch((e) => {
    if (failed === 0) {
      failed++;
      say(`FAIL ${(e as Error).message}`);
    }
  })
  .finally(() => {
    say(`done in ${elapsed()}`);
    process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
    process.exitCode = failed > 0 ? 1 : 0;
  });
