import { withoutChildProcesses } from '../support/no-processes';
import { readFileSync } from 'fs';
import { join } from 'path';
import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { AnnotationMetadataEntryType, App, TerraformStack, TerraformVariable } from 'cdktf';
import { dump as stringify } from 'js-yaml';
import { OktaRolesSource, OktaTwilioSso, OktaTwilioSsoProps } from '../../lib/okta';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { synthesizeOrThrow } from '../../cli/synthesize';
import { cli } from '../cli/support';
import { configError } from '../support/config';
import { ssoError as error } from '../support/errors';
import { tempDir, writeConfig } from '../support/files';
import { oktaStack, onlyResource, synthJson } from '../support/synth';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const APP_ID = '0oa6a9uwbalsZ4enC0x7';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const frontline = TwilioTarget.frontline({ realmSid: JB });
const ADOPTION_PREFIX = 'Adopting an existing Okta app: the first apply changes in place: ';

function adopted(props: Partial<OktaTwilioSsoProps> = {}): { stack: TerraformStack; sso: OktaTwilioSso } {
  const stack = oktaStack();
  const sso = new OktaTwilioSso(stack, 'Sso', { target: flex, adopt: { appId: APP_ID }, ...props });
  return { stack, sso };
}

/** The adoption warnings on the construct, without the common prefix, after a synth. */
function adoptionWarnings(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === AnnotationMetadataEntryType.WARN && String(m.data).startsWith(ADOPTION_PREFIX))
    .map((m) => String(m.data).slice(ADOPTION_PREFIX.length));
}

/** `<type>.<name>` of the one resource of a type in synthesized JSON. */
function address(json: any, type: string): string {
  const names = Object.keys(json.resource[type] ?? {});
  if (names.length !== 1) throw new Error(`expected one ${type}, found ${names.length}`);
  return `${type}.${names[0]}`;
}

describe('OktaTwilioSso adopt: import blocks', () => {
  const { stack } = adopted({ groups: [{ principalId: '00gagents', roles: ['agent'] }] });
  const json = synthJson(stack);

  test('imports the app and its group assignments by the app ID, and nothing else', () => {
    expect(json.import).toEqual([
      { id: APP_ID, to: address(json, 'okta_app_saml') },
      { id: APP_ID, to: address(json, 'okta_app_group_assignments') },
    ]);
    // The roles property is created, not imported: an import of a missing object fails the plan.
    expect(Object.keys(json.resource.okta_app_user_schema_property)).toHaveLength(1);
    expect(json.import.map((i: any) => i.to)).not.toContainEqual(expect.stringMatching(/^okta_app_user_schema_property\./));
  });

  test('keeps the signing key: no key_name, no key_years_valid', () => {
    const app = onlyResource(json, 'okta_app_saml');
    expect(app).not.toHaveProperty('key_name');
    expect(app).not.toHaveProperty('key_years_valid');
  });

  test('declares the same app as without adopt (only the import differs)', () => {
    const plain = oktaStack();
    new OktaTwilioSso(plain, 'Sso', { target: flex, groups: [{ principalId: '00gagents', roles: ['agent'] }] });
    const plainJson = synthJson(plain);
    expect(plainJson.import).toBeUndefined();
    expect(json.resource).toEqual(plainJson.resource);
  });

  test('without groups the existing group assignments are left alone (no resource, no import)', () => {
    const bare = adopted();
    const bareJson = synthJson(bare.stack);
    expect(bareJson.resource.okta_app_group_assignments).toBeUndefined();
    expect(bareJson.import).toEqual([{ id: APP_ID, to: address(bareJson, 'okta_app_saml') }]);
  });

  test('a group added with addGroup after construction is imported too', () => {
    const late = adopted();
    late.sso.addGroup({ principalId: '00glate', roles: ['supervisor'] });
    const lateJson = synthJson(late.stack);
    expect(lateJson.import).toContainEqual({ id: APP_ID, to: address(lateJson, 'okta_app_group_assignments') });
  });

  test('an app ID that is a token goes into the import block as the reference', () => {
    const stack2 = oktaStack();
    const appId = new TerraformVariable(stack2, 'okta_app_id', { type: 'string' });
    new OktaTwilioSso(stack2, 'Sso', { target: flex, adopt: { appId: appId.stringValue } });
    const json2 = synthJson(stack2);
    expect(json2.import).toEqual([{ id: '${var.okta_app_id}', to: address(json2, 'okta_app_saml') }]);
  });
});

describe('OktaTwilioSso adopt: what the first apply changes is warned at synth', () => {
  test('names the label, the SAML settings, each attribute statement, the groups and the roles property', () => {
    const { stack, sso } = adopted({
      displayName: 'Flex (managed)',
      groups: [
        { principalId: '00gagents', roles: ['agent'] },
        { principalId: '00gsupers', roles: ['supervisor', 'wfo.team_leader'] },
      ],
      attributes: [{ name: 'department', value: 'user.department' }],
    });
    const changes = sso._adoptionChanges();
    expect(changes.map((c) => c.topic)).toEqual(['label', 'SAML settings', 'attribute statements', 'group assignments', "app-user property 'roles'"]);
    expect(changes[0].change).toBe("the app's label becomes 'Flex (managed)' (the 'displayName' prop)");
    expect(changes[1].change).toMatch(/^single sign-on URL, .*'https:\/\/login\.flex\.us1\.twilio\.com\/login\/callback\?connection=JQ0123456789abcdef0123456789abcdef'.*audience 'urn:flex:JQ0123456789abcdef0123456789abcdef'/);
    expect(changes[1].change).toContain("NameID 'user.userName' (format unspecified; Flex identifies users by it, so it must be what the app sends today");
    expect(changes[2].change).toBe(
      'they become exactly ' +
        `email = 'user.email', full_name = 'String.join(" ", user.firstName, user.lastName)', roles = 'appuser.roles', department = 'user.department'; ` +
        "any other statement on the app (Twilio's guide's 'roles' = user.userType, a 'Full Name' statement) is removed",
    );
    expect(changes[3].change).toBe(
      "the app is assigned exactly the groups in 'groups': '00gagents' (agent), '00gsupers' (supervisor, wfo.team_leader); " +
        'every other group assigned to the app loses access (okta_app_group_assignments is authoritative)',
    );
    expect(changes[4].change).toMatch(/^created on the app as a string array limited to admin, supervisor, agent, /);
    // Rendered once, by lib/core: one warning per change, `<topic>: <change>`.
    synthJson(stack);
    expect(adoptionWarnings(stack)).toEqual(changes.map((c) => `${c.topic}: ${c.change}`));
  });

  test('with rolesSource userType: roles from user.userType, no roles property, Frontline without full_name', () => {
    const stack = oktaStack();
    const sso = new OktaTwilioSso(stack, 'Sso', { target: frontline, adopt: { appId: APP_ID }, rolesSource: OktaRolesSource.USER_TYPE });
    const json = synthJson(stack);
    expect(json.resource.okta_app_user_schema_property).toBeUndefined();
    const changes = sso._adoptionChanges();
    expect(changes.map((c) => c.topic)).toEqual(['label', 'SAML settings', 'attribute statements']);
    expect(changes[2].change).toContain("they become exactly email = 'user.email', roles = 'user.userType';");
  });

  test('attributes and groups added after construction are in the changes; a second synth does not repeat the warnings', () => {
    const { stack, sso } = adopted();
    sso.addAttribute({ name: 'location', value: 'user.city' });
    sso.addGroup({ principalId: '00gnew', roles: ['admin'] });
    synthJson(stack);
    synthJson(stack);
    const changes = sso._adoptionChanges();
    expect(changes.filter((c) => c.topic === 'attribute statements')).toEqual([{ topic: 'attribute statements', change: expect.stringContaining("location = 'user.city'") }]);
    expect(changes.filter((c) => c.topic === 'group assignments')).toEqual([{ topic: 'group assignments', change: expect.stringContaining("'00gnew' (admin)") }]);
    expect(adoptionWarnings(stack)).toHaveLength(changes.length);
  });

  test('values that would drive a terminal are escaped in the changes', () => {
    const { sso } = adopted({ displayName: 'Flex\u001b]0;owned\u0007' });
    expect(sso._adoptionChanges()[0].change).toBe("the app's label becomes 'Flex\\u001b]0;owned\\u0007' (the 'displayName' prop)");
  });

  test('an app that is not adopted gets no adoption warning', () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'Sso', { target: flex, groups: [{ principalId: '00gagents', roles: ['agent'] }] });
    synthJson(stack);
    expect(adoptionWarnings(stack)).toEqual([]);
  });
});

describe('OktaTwilioSso adopt: bad input', () => {
  test('fails if keyYearsValid is set with adopt (it would make a new key and certificate)', () => {
    const e = error(() => new OktaTwilioSso(oktaStack(), 'Sso', { target: flex, adopt: { appId: APP_ID }, keyYearsValid: 5 }));
    expect(e.code).toBe(SsoErrorCode.ADOPT_KEY_CHANGE);
    expect(e.field).toBe('keyYearsValid');
    expect(e.value).toBe(5);
    expect(e.message).toMatch(/keyYearsValid cannot be set with 'adopt', got 5: an adopted app keeps its signing key/);
  });

  test.each([
    ['the app label', 'Twilio Flex'],
    ["the app's name", 'exampleorg_twilioflex_1'],
    ['the deprecated skip_users form', `${APP_ID}/skip_users`],
    ['a group ID', '00g6a9uwbalsZ4enC0x7'],
    ['an empty string', ''],
  ])('fails if adopt.appId is %s', (_what, appId) => {
    const e = error(() => new OktaTwilioSso(oktaStack(), 'Sso', { target: flex, adopt: { appId } }));
    expect(e.code).toBe(SsoErrorCode.ADOPT_ID_INVALID);
    expect(e.field).toBe('adopt.appId');
    expect(e.value).toBe(appId);
    expect(e.message).toContain(`adopt.appId must be the Okta app ID, '0oa' followed by letters and digits`);
    expect(e.message).toContain(`got '${appId}'`);
  });

  test('reports a bad app ID and keyYearsValid together', () => {
    const e = error(() => new OktaTwilioSso(oktaStack(), 'Sso', { target: flex, adopt: { appId: 'nope' }, keyYearsValid: 3 }));
    expect(e.violations.map((v) => v.code)).toEqual([SsoErrorCode.ADOPT_ID_INVALID, SsoErrorCode.ADOPT_KEY_CHANGE]);
  });
});

describe('config: okta.adopt', () => {
  const target = (okta: object) => ({ name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'acme', ...okta } });

  test('imports the app and the group assignments at the stack addresses the construct IDs pin', () => {
    const out = tempDir();
    synthesizeOrThrow(writeConfig(stringify({ targets: [target({ adopt: { appId: APP_ID }, groups: [{ id: '00g1', roles: ['agent'] }] })] })), out);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'flex', 'cdk.tf.json'), 'utf8'));
    // The addresses test/stacks/config-stacks.test.ts pins for every Okta stack.
    expect(json.import).toEqual([
      { id: APP_ID, to: 'okta_app_saml.Sso_A0A4D89C' },
      { id: APP_ID, to: 'okta_app_group_assignments.Sso_GroupAssignments_97F4A197' },
    ]);
  });

  test('twilio-sso synth prints each adoption warning', async () => {
    const { code, stderr: text } = await cli(['synth', '--config', writeConfig(stringify({ targets: [target({ adopt: { appId: APP_ID }, groups: [{ id: '00g1', roles: ['agent'] }] })] })), '--output', tempDir()]);
    expect(code).toBe(0);
    const lines = text.split('\n').filter((l) => l.startsWith(`Warning: [flex/Sso] ${ADOPTION_PREFIX}`));
    expect(lines.map((l) => l.slice(`Warning: [flex/Sso] ${ADOPTION_PREFIX}`.length).replace(/:.*/, ''))).toEqual([
      'label',
      'SAML settings',
      'attribute statements',
      'group assignments',
      "app-user property 'roles'",
    ]);
  });

  test('the example adopt config (examples/config/adopt.yaml) imports its app and group assignments', () => {
    const out = tempDir();
    synthesizeOrThrow('examples/config/adopt.yaml', out);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'flex-okta-adopted', 'cdk.tf.json'), 'utf8'));
    expect(json.import).toEqual([
      { id: '0oa6a9uwbalsZ4enC0x7', to: 'okta_app_saml.Sso_A0A4D89C' },
      { id: '0oa6a9uwbalsZ4enC0x7', to: 'okta_app_group_assignments.Sso_GroupAssignments_97F4A197' },
    ]);
  });

  test('fails if adopt comes with keyYearsValid, naming the config path', () => {
    const e = configError({ targets: [target({ adopt: { appId: APP_ID }, keyYearsValid: 10 })] });
    expect(e.code).toBe(SsoErrorCode.ADOPT_KEY_CHANGE);
    expect(e.field).toBe('targets[0].okta.keyYearsValid');
  });

  test('fails if adopt.appId is not an app ID, naming the config path', () => {
    const e = configError({ targets: [target({ adopt: { appId: 'Twilio Flex' } })] });
    expect(e.code).toBe(SsoErrorCode.ADOPT_ID_INVALID);
    expect(e.field).toBe('targets[0].okta.adopt.appId');
    expect(e.message).toContain("targets[0].okta.adopt.appId must be the Okta app ID");
  });

  test('fails on an unknown key in adopt (e.g. keyId: the key is never chosen on adoption)', () => {
    const e = configError({ targets: [target({ adopt: { appId: APP_ID, keyId: 'abc' } })] });
    expect(e.message).toContain("targets[0].okta.adopt: unknown key 'keyId'");
  });
});

describe('offline synth of an adopted app needs no Terraform binary', () => {
  const spawned = withoutChildProcesses();


  test('control: cdktf importFrom runs `terraform version` at synth, and fails without it', () => {
    const app = new App({ outdir: tempDir() });
    const stack = new TerraformStack(app, 'control');
    new OktaProvider(stack, 'okta', { orgName: 'example' });
    new AppSaml(stack, 'App', { label: 'x' }).importFrom(APP_ID);
    expect(() => app.synth()).toThrow(/Could not determine version of terraform/i);
    expect(spawned()).toEqual(['terraform version']);
  });

  test('the config app synthesizes an adopted Okta target without starting any process', () => {
    const out = tempDir();
    const config = writeConfig(
      stringify({ targets: [{ name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'acme', adopt: { appId: APP_ID }, groups: [{ id: '00g1', roles: ['agent'] }] } }] }),
    );
    synthesizeOrThrow(config, out);
    expect(spawned()).toEqual([]);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'flex', 'cdk.tf.json'), 'utf8'));
    expect(json.import).toHaveLength(2);
  });
});
