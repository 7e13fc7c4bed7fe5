/**
 * `npm run test:e2e:adopt`: bringing a hand-made Twilio client under code, on a real Keycloak, without
 * a sign-in outage.
 *
 *  1. start the local Keycloak (scripts/keycloak/keycloak.sh; reused if already running)
 *  2. by hand, through the admin REST API: a realm, a user in a group, and a Twilio Flex SAML client
 *     as a person makes it in the admin console (hand-made-client.ts), with client roles and mappers
 *  3. record the realm's active RS256 signing key; sign the user in (SP-initiated, as Flex starts it)
 *     and verify the response with the certificate and URLs a person would have pasted into Twilio
 *  4. synthesize a stack with KeycloakTwilioSso and `adopt` (the client UUID, role IDs, mapper IDs);
 *     it must declare import blocks
 *  5. terraform init + plan -out; read the saved plan (`terraform show -json`): every hand-made object
 *     imported from its ID, nothing destroyed, nothing replaced, imported objects only updated in place
 *  6. apply that plan; the realm's signing key and certificate are unchanged, and the certificate
 *     output is that certificate
 *  7. sign in again, SP-initiated and from the hand-made IdP-initiated link, verified as
 *     `npm run test:e2e` verifies (exactly the attributes Twilio reads, both signatures, …)
 *  8. plan again: no changes
 *  9. delete the realm; stop Keycloak if this run started it
 *
 * KEYCLOAK_E2E_KEEP_REALM=1 keeps the realm and the work directory for inspection.
 * Exits non-zero on any failure. Prints `N passed, M failed` last.
 */
import { AnnotationMetadataEntryType, App } from 'cdktf';
import { randomBytes } from 'crypto';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TwilioTarget } from '../../lib';
import { Browser, signIn } from './browser';
import { HAND_MADE_ROLES, HandMadeClient, makeClientByHand } from './hand-made-client';
import {
  Steps,
  TestUser,
  keycloakTerraformEnv,
  pemBody,
  providerMirror,
  readAdminEnv,
  runDriver,
  startLocalKeycloak,
  stopLocalKeycloak,
  terraform,
  testUser,
  writeCliConfig,
} from './harness';
import { KeycloakAdmin, RealmSigningKey, realmSigningKeys } from './keycloak-admin';
import { buildAdoptStack } from './keycloak-adopt-stack';
import { ExpectedImport, adoptionPlanProblems, summarizePlan } from './plan-check';
import { IdpValues, twilioServiceProvider, verifyResponse } from './saml-check';

const steps = new Steps('e2e:adopt');
const say = (m: string): void => steps.say(m);

const pem = (base64: string): string => `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

/**
 * The sign-in before adoption, checked as far as a hand-made client can pass: node-saml with the
 * realm certificate (both signatures, audience, time), and the values Twilio reads. Extra attributes
 * (Keycloak's `role_list` scope adds `Role`) are reported, not refused: adoption removes them.
 */
async function verifyBeforeAdoption(samlResponse: string, target: TwilioTarget, idp: IdpValues, user: TestUser, roles: string[]): Promise<string[]> {
  const { profile } = await twilioServiceProvider(target, idp).validatePostResponseAsync({ SAMLResponse: samlResponse });
  if (!profile) throw new Error('node-saml returned no profile');
  const p = profile as Record<string, unknown>;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
  const checks = ['node-saml: response and assertion signatures valid for the realm certificate, audience = Entity ID'];
  const expect = (name: string, actual: string[], wanted: string[]): void => {
    if (JSON.stringify([...actual].sort()) !== JSON.stringify([...wanted].sort())) throw new Error(`${name}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
    checks.push(`${name} = ${JSON.stringify(wanted)}`);
  };
  expect('NameID', [profile.nameID], [user.username]);
  expect('email', list(p.email), [user.email]);
  expect('full_name', list(p.full_name), [user.fullName]);
  expect('roles', list(p.roles), roles);
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const names = [...xml.matchAll(/<(?:saml2?:)?Attribute\s[^>]*Name="([^"]+)"/g)].map((m) => m[1]).sort();
  checks.push(`attributes sent: ${names.join(', ')}${names.some((n) => !['email', 'full_name', 'roles'].includes(n)) ? ' (more than Twilio reads: adoption brings this to exactly email, full_name, roles)' : ''}`);
  return checks;
}

async function main(): Promise<void> {
  const mirror = await steps.step('provider keycloak/keycloak found (filesystem mirror, or the registry)', () => providerMirror());
  const keycloak = await startLocalKeycloak(steps);
  const keycloakUrl = keycloak.url;
  const adminEnv = readAdminEnv();
  const admin = await steps.step('signed in to the admin REST API', () => KeycloakAdmin.signIn(keycloakUrl, adminEnv.user, adminEnv.password));

  const work = mkdtempSync(join(tmpdir(), 'twilio-sso-e2e-adopt-'));
  const realm = `twilio-adopt-${randomBytes(3).toString('hex')}`;
  const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ00112233445566778899aabbccddeeff' });
  const user = testUser('Grace', 'Hopper', 'agent');
  const realmUrl = `${keycloakUrl}/realms/${realm}`;
  let made: HandMadeClient | undefined;
  try {
    made = await steps.step(`made by hand through the admin REST API: realm ${realm}, user, group, the Twilio Flex SAML client with roles and mappers`, () =>
      makeClientByHand(admin, realm, flex, user),
    );
    const h = made;
    say(`     client UUID ${h.clientUuid}; roles ${JSON.stringify(h.roleIds)}; mappers ${JSON.stringify(h.mapperIds)} (named ${JSON.stringify(h.mapperNames)})`);

    const keysBefore = await steps.step("recorded the realm's active RS256 signing key (exactly one)", async () => {
      const keys = await realmSigningKeys(admin, realm);
      if (keys.length !== 1) throw new Error(`expected one active RS256 key, found ${keys.length}`);
      return keys;
    });
    const handIdp: IdpValues = { issuer: realmUrl, ssoUrl: `${realmUrl}/protocol/saml`, certificatePem: pem(keysBefore[0].certificate) };

    const before = await steps.step('before adoption: SP-initiated sign-in through the Keycloak login form', async () => {
      const url = await twilioServiceProvider(flex, handIdp).getAuthorizeUrlAsync('', undefined, {});
      return signIn(new Browser(), url, user.username, user.password);
    });
    const beforeChecks = await steps.step('before adoption: response verified with the values pasted into Twilio by hand', () => {
      if (before.action !== flex.acsUrl) throw new Error(`form action ${before.action} != ACS ${flex.acsUrl}`);
      return verifyBeforeAdoption(before.fields.SAMLResponse, flex, handIdp, user, h.userRoles);
    });
    for (const c of beforeChecks) say(`     ${c}`);

    const stackDir = await steps.step('synthesized the adoption stack (KeycloakTwilioSso with adopt)', () => {
      const app = new App({ outdir: join(work, 'cdktf.out') });
      const stack = buildAdoptStack(app, { keycloakUrl, target: flex, handMade: h, stateFile: join(work, 'terraform.tfstate') });
      app.synth();
      const warnings = stack.node
        .findAll()
        .flatMap((c) => c.node.metadata)
        .filter((m) => m.type === AnnotationMetadataEntryType.WARN && String(m.data).startsWith('Adopting an existing'))
        .map((m) => String(m.data));
      if (warnings.length === 0) throw new Error('synth warned about no in-place change of the adopted client');
      for (const w of warnings) say(`     warning: ${w}`);
      const dir = join(work, 'cdktf.out', 'stacks', 'keycloak-adopt');
      const json = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8'));
      const imports: Array<{ id: string; to: string }> = json.import ?? [];
      if (imports.length === 0) throw new Error('the stack declares no import blocks: KeycloakTwilioSso ignored `adopt`');
      for (const i of imports) say(`     import ${i.to} <- ${i.id}`);
      return dir;
    });

    const env = keycloakTerraformEnv(writeCliConfig(join(work, 'cli.tfrc'), mirror), adminEnv);
    await steps.step('terraform init', () => terraform(['init', '-input=false', '-no-color'], stackDir, env));
    await steps.step('terraform plan -out', () => terraform(['plan', '-input=false', '-no-color', '-out=adopt.tfplan'], stackDir, env));
    await steps.step('plan: every hand-made object imported from its ID, 0 to destroy, no replace, imports only updated in place', () => {
      const s = summarizePlan(terraform(['show', '-json', 'adopt.tfplan'], stackDir, env).stdout);
      const expected: ExpectedImport[] = [
        { what: 'the client', type: 'keycloak_saml_client', id: `${realm}/${h.clientUuid}`, after: (a) => a.client_id === flex.entityId },
        ...HAND_MADE_ROLES.map((role) => ({ what: `client role '${role}'`, type: 'keycloak_role', id: `${realm}/${h.roleIds[role]}`, after: (a: any) => a.name === role })),
        ...Object.entries(h.mapperIds).map(([attribute, id]) => ({
          what: `the '${attribute}' mapper`,
          type: 'keycloak_generic_protocol_mapper',
          id: `${realm}/client/${h.clientUuid}/${id}`,
          after: (a: any) => a.config?.['attribute.name'] === attribute,
        })),
      ];
      const problems = adoptionPlanProblems(s, expected);
      say(`     ${s.line}`);
      for (const c of s.changes) {
        say(`       ${c.actions.join('+').padEnd(13)} ${c.address}${c.importId ? `  (import ${c.importId})` : ''}${c.changedKeys.length > 0 ? `: ${c.changedKeys.join(', ')}` : ''}`);
      }
      if (problems.length > 0) throw new Error(`the plan is not a safe adoption:\n  - ${problems.join('\n  - ')}`);
    });

    await steps.step('terraform apply (the saved plan)', () => terraform(['apply', '-input=false', '-no-color', 'adopt.tfplan'], stackDir, env));

    await steps.step("the realm's signing key and certificate are unchanged", async () => {
      const after: RealmSigningKey[] = await realmSigningKeys(admin, realm);
      if (JSON.stringify(after) !== JSON.stringify(keysBefore)) throw new Error(`keys changed: before ${JSON.stringify(keysBefore.map((k) => k.kid))}, after ${JSON.stringify(after.map((k) => k.kid))}`);
    });
    const outputs = JSON.parse(terraform(['output', '-json'], stackDir, env).stdout) as Record<string, { value: string }>;
    const idp: IdpValues = {
      issuer: outputs.flex_identity_provider_issuer.value,
      ssoUrl: outputs.flex_single_sign_on_url.value,
      certificatePem: outputs.flex_x509_certificate.value,
    };
    await steps.step('outputs are what Twilio already has: issuer, SSO URL and the same certificate', () => {
      if (idp.issuer !== handIdp.issuer) throw new Error(`issuer ${idp.issuer} != ${handIdp.issuer}`);
      if (idp.ssoUrl !== handIdp.ssoUrl) throw new Error(`SSO URL ${idp.ssoUrl} != ${handIdp.ssoUrl}`);
      if (pemBody(idp.certificatePem) !== pemBody(handIdp.certificatePem)) throw new Error('the x509_certificate output is not the certificate Twilio was given');
    });

    const expectedUser = { nameId: user.username, email: user.email, roles: h.userRoles, fullName: user.fullName };
    // The Console was given the hand-made values; the response must verify against them (they are equal to our outputs, checked above).
    const after = await steps.step('after adoption: SP-initiated sign-in through the Keycloak login form', async () => {
      const url = await twilioServiceProvider(flex, handIdp).getAuthorizeUrlAsync('', undefined, {});
      return signIn(new Browser(), url, user.username, user.password);
    });
    const afterChecks = await steps.step('after adoption: response verified as `npm run test:e2e` does (exactly email, full_name, roles)', () => {
      if (after.action !== flex.acsUrl) throw new Error(`form action ${after.action} != ACS ${flex.acsUrl}`);
      return verifyResponse(after.fields.SAMLResponse, flex, handIdp, expectedUser);
    });
    for (const c of afterChecks) say(`     ${c}`);
    await steps.step('after adoption: the hand-made IdP-initiated link still signs in, verified the same way', async () => {
      const form = await signIn(new Browser(), `${realmUrl}/protocol/saml/clients/${h.idpInitiatedSsoUrlName}`, user.username, user.password);
      if (form.action !== flex.acsUrl) throw new Error(`form action ${form.action} != ACS ${flex.acsUrl}`);
      await verifyResponse(form.fields.SAMLResponse, flex, handIdp, expectedUser);
    });

    await steps.step('plan again: no changes', () => {
      const r = terraform(['plan', '-input=false', '-no-color', '-detailed-exitcode'], stackDir, env, [0, 2]);
      if (r.status === 2) throw new Error(`the second plan has changes:\n${r.stdout.split('\n').filter((l) => /^\s*[~+-]|Plan:/.test(l)).slice(0, 40).join('\n')}`);
    });
  } finally {
    if (made && !process.env.KEYCLOAK_E2E_KEEP_REALM) {
      await steps.step(`realm ${realm} deleted`, () => admin.delete(`/${realm}`)).catch(() => undefined);
    } else if (made) {
      say(`kept realm ${realm} and ${work} (KEYCLOAK_E2E_KEEP_REALM)`);
    }
    await stopLocalKeycloak(steps, keycloak);
  }
}

runDriver(steps, 'e2e:adopt', main);
