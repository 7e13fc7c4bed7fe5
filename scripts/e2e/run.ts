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
import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TwilioTarget } from '../../lib';
import { Browser, signIn } from './browser';
import {
  ROOT,
  Steps,
  keycloakTerraformEnv,
  pemBody,
  providerMirror,
  readAdminEnv,
  runDriver,
  startLocalKeycloak,
  stopLocalKeycloak,
  terraform as runTerraform,
  testUser,
  writeCliConfig,
} from './harness';
import { buildE2eStack, E2eUser } from './keycloak-e2e-stack';
import { ExpectedUser, IdpValues, expectRejected, tamperAttribute, twilioServiceProvider, verifyResponse } from './saml-check';

const steps = new Steps('e2e');
const say = (m: string): void => steps.say(m);
const step = <T>(name: string, fn: () => Promise<T> | T): Promise<T> => steps.step(name, fn);
const terraform = (args: string[], cwd: string, env: NodeJS.ProcessEnv): string => runTerraform(args, cwd, env).stdout;

async function main(): Promise<void> {
  const mirror = await step('provider keycloak/keycloak found (filesystem mirror, or the registry)', () => providerMirror());

  const keycloak = await startLocalKeycloak(steps);
  const keycloakUrl = keycloak.url;

  const work = mkdtempSync(join(tmpdir(), 'twilio-sso-e2e-'));
  const realm = `twilio-e2e-${randomBytes(3).toString('hex')}`;
  const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
  const frontline = TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' });
  const user: E2eUser = { ...testUser('Ada', 'Lovelace', 'agent'), roles: { flex: ['agent', 'supervisor'], frontline: ['agent'] } };

  const stackDir = await step(`synthesized the Keycloak stack (realm ${realm}, Flex enhanced + Frontline)`, () => {
    const app = new App({ outdir: join(work, 'cdktf.out') });
    buildE2eStack(app, { keycloakUrl, realm, flex, frontline, user, stateFile: join(work, 'terraform.tfstate') });
    app.synth();
    return join(work, 'cdktf.out', 'stacks', 'keycloak-e2e');
  });

  const env = keycloakTerraformEnv(writeCliConfig(join(work, 'cli.tfrc'), mirror), readAdminEnv());

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
      if (!xml.includes(pemBody(flexIdp.certificatePem))) throw new Error('the metadata descriptor does not carry the certificate we output');
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
      const body = pemBody(flexIdp.certificatePem);
      const other = pemBody(readFileSync(join(ROOT, 'examples', 'config', 'salesforce-idp-cert.pem'), 'utf8'));
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
    await stopLocalKeycloak(steps, keycloak);
  }
}

runDriver(steps, 'e2e', main);
