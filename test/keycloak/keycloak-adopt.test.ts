import { withoutChildProcesses } from '../support/no-processes';
import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { dump as stringify } from 'js-yaml';
import { KeycloakAdoptOptions, KeycloakProvider, KeycloakTwilioSso, KeycloakTwilioSsoProps } from '../../lib/keycloak';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { synthesizeOrThrow } from '../../cli/synthesize';
import { cli } from '../cli/support';
import { configError } from '../support/config';
import { ssoError as error } from '../support/errors';
import { tempDir, writeConfig } from '../support/files';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const REALM = 'staff';
const CLIENT = 'dcbc4c73-e478-4928-ae2e-d5e420223352';
const ROLE_AGENT = '7e8cf32a-8acb-4d34-89c4-04fb1d10ccad';
const ROLE_SUPERVISOR = '8f9d043b-9bdc-4e45-9ad5-15fc2e21ddbe';
const MAPPER_EMAIL = '71602afa-f7d1-4788-8c49-ef8fd00af0f4';
const MAPPER_FULL_NAME = '82713b0b-08e2-4899-9d5a-f09fe11b1a05';
const GROUP = '18cc6b87-2ce7-4e59-bdc8-b9d49ec98a94';
const USER = 'b0ae6924-1bd5-4655-9e38-dae7c5e42924';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const frontline = TwilioTarget.frontline({ realmSid: JB });
const ADOPTION_PREFIX = 'Adopting an existing Keycloak client: the first apply changes in place: ';

function keycloakStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
  return stack;
}

function adopted(props: Partial<KeycloakTwilioSsoProps> = {}, adopt: Partial<KeycloakAdoptOptions> = {}): { stack: TerraformStack; sso: KeycloakTwilioSso } {
  const stack = keycloakStack();
  const sso = new KeycloakTwilioSso(stack, 'Sso', { target: flex, serverUrl: 'https://sso.example.com', realm: REALM, ...props, adopt: { clientUuid: CLIENT, ...adopt } });
  return { stack, sso };
}

function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

function warnings(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === '@cdktf/warn')
    .map((m) => String(m.data));
}

function adoptionWarnings(stack: TerraformStack): string[] {
  return warnings(stack)
    .filter((w) => w.startsWith(ADOPTION_PREFIX))
    .map((w) => w.slice(ADOPTION_PREFIX.length));
}

const topics = (ws: string[]): string[] => ws.map((w) => w.slice(0, w.indexOf(':')));

/** `<type>.<name>` of the resource of a type whose construct ID (before the hash) is `id`. */
function address(json: any, type: string, id: string): string {
  const names = Object.keys(json.resource[type] ?? {}).filter((n) => n.replace(/_[0-9A-F]{8}$/, '') === id);
  if (names.length !== 1) throw new Error(`expected one ${type} ${id}, found ${names.length}`);
  return `${type}.${names[0]}`;
}

function resource(json: any, type: string, id: string): any {
  return json.resource[type][address(json, type, id).split('.')[1]];
}

describe('KeycloakTwilioSso adopt: import blocks', () => {
  const { stack } = adopted(
    { groups: [{ principalId: GROUP, roles: ['agent'] }], users: [{ principalId: USER, roles: ['supervisor'] }] },
    { roleIds: { agent: ROLE_AGENT, supervisor: ROLE_SUPERVISOR }, mapperIds: { email: MAPPER_EMAIL, full_name: MAPPER_FULL_NAME } },
  );
  const json = synthJson(stack);

  test('imports the client, the roles and the mappers given, with the keycloak provider import IDs', () => {
    expect(json.import).toEqual([
      { id: `${REALM}/${CLIENT}`, to: 'keycloak_saml_client.Sso_A0A4D89C' },
      { id: `${REALM}/client/${CLIENT}/${MAPPER_EMAIL}`, to: address(json, 'keycloak_generic_protocol_mapper', 'Sso_EmailMapper') },
      { id: `${REALM}/client/${CLIENT}/${MAPPER_FULL_NAME}`, to: address(json, 'keycloak_generic_protocol_mapper', 'Sso_FullNameMapper') },
      { id: `${REALM}/${ROLE_SUPERVISOR}`, to: address(json, 'keycloak_role', 'Sso_Role-supervisor') },
      { id: `${REALM}/${ROLE_AGENT}`, to: address(json, 'keycloak_role', 'Sso_Role-agent') },
    ]);
  });

  test('nothing else is imported: default scopes (not importable) and the non-exhaustive role grants are created', () => {
    const importedTypes = new Set(json.import.map((i: any) => i.to.split('.')[0]));
    expect([...importedTypes].sort()).toEqual(['keycloak_generic_protocol_mapper', 'keycloak_role', 'keycloak_saml_client']);
    expect(Object.values(json.resource.keycloak_saml_client_default_scopes)).toHaveLength(1);
    expect(Object.values<any>(json.resource.keycloak_group_roles).map((g) => g.exhaustive)).toEqual([false]);
    expect(Object.values<any>(json.resource.keycloak_user_roles).map((u) => u.exhaustive)).toEqual([false]);
  });

  test('an imported mapper keeps its own name (name is ForceNew in the provider); a created one has no lifecycle', () => {
    expect(resource(json, 'keycloak_generic_protocol_mapper', 'Sso_EmailMapper').lifecycle).toEqual({ ignore_changes: ['name'] });
    expect(resource(json, 'keycloak_generic_protocol_mapper', 'Sso_FullNameMapper').lifecycle).toEqual({ ignore_changes: ['name'] });
    expect(resource(json, 'keycloak_generic_protocol_mapper', 'Sso_RolesMapper').lifecycle).toBeUndefined();
  });

  test('the realm and its keys are only read: no realm or key resource, the certificate comes from the data source', () => {
    expect(Object.keys(json.resource).sort()).toEqual([
      'keycloak_generic_protocol_mapper',
      'keycloak_group_roles',
      'keycloak_role',
      'keycloak_saml_client',
      'keycloak_saml_client_default_scopes',
      'keycloak_user_roles',
    ]);
    expect(Object.keys(json.data)).toEqual(['keycloak_realm_keys']);
  });
});

describe('KeycloakTwilioSso adopt: what it declares', () => {
  test('the same resources as without adopt, except the imported mappers ignoring their name', () => {
    const groups = [{ principalId: GROUP, roles: ['agent'] }];
    const a = synthJson(adopted({ groups }, { mapperIds: { email: MAPPER_EMAIL } }).stack);
    const plain = keycloakStack();
    new KeycloakTwilioSso(plain, 'Sso', { target: flex, serverUrl: 'https://sso.example.com', realm: REALM, groups });
    const p = synthJson(plain);
    expect(p.import).toBeUndefined();
    for (const m of Object.values<any>(a.resource.keycloak_generic_protocol_mapper)) delete m.lifecycle;
    expect(a.resource).toEqual(p.resource);
    expect(a.data).toEqual(p.data);
  });

  test('a mapper for an attribute added after construction is imported too', () => {
    const { stack, sso } = adopted({}, { mapperIds: { department: MAPPER_EMAIL } });
    sso.addAttribute({ name: 'department', value: 'dept' });
    const json = synthJson(stack);
    expect(json.import).toContainEqual({ id: `${REALM}/client/${CLIENT}/${MAPPER_EMAIL}`, to: address(json, 'keycloak_generic_protocol_mapper', 'Sso_AttributeMapper-department') });
  });

  test('IDs that are tokens go into the import blocks as references', () => {
    const stack = keycloakStack();
    const v = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    new KeycloakTwilioSso(stack, 'Sso', {
      target: frontline,
      serverUrl: 'https://sso.example.com',
      realm: v('realm'),
      adopt: { clientUuid: v('client'), roleIds: { agent: v('agent') }, mapperIds: { roles: v('roles_mapper') } },
    });
    const json = synthJson(stack);
    expect(json.import.map((i: any) => i.id)).toEqual(['${var.realm}/${var.client}', '${var.realm}/client/${var.client}/${var.roles_mapper}', '${var.realm}/${var.agent}']);
  });

  test('the synthesized stack is the same on every run', () => {
    const run = () => synthJson(adopted({ groups: [{ principalId: GROUP, roles: ['agent'] }] }, { roleIds: { agent: ROLE_AGENT }, mapperIds: { email: MAPPER_EMAIL } }).stack);
    expect(run()).toEqual(run());
  });
});

describe('KeycloakTwilioSso adopt: what the first apply changes is warned at synth', () => {
  test('names the client settings, the default scopes, the mappers imported and created, the roles and the grants', () => {
    const { stack, sso } = adopted(
      { displayName: 'Twilio Flex', nameId: 'email', idpInitiatedSsoUrlName: 'flex', groups: [{ principalId: GROUP, roles: ['agent'] }], attributes: [{ name: 'department', value: 'dept' }] },
      { roleIds: { agent: ROLE_AGENT }, mapperIds: { email: MAPPER_EMAIL } },
    );
    const c = sso._adoptionChanges();
    expect(c.map((x) => x.topic)).toEqual(['client settings', 'default client scopes', 'protocol mappers imported and rewritten as declared, each keeping its name (Basic name format, no friendly name)', 'protocol mappers created, each named after its attribute', 'client roles', 'role grants']);
    expect(c[0].change).toContain(`Client ID becomes 'urn:flex:${JQ}', name 'Twilio Flex'`);
    expect(c[0].change).toContain('documents and assertions signed with RSA_SHA256');
    expect(c[0].change).toContain('POST binding forced');
    expect(c[0].change).toContain("NameID 'email' forced");
    expect(c[0].change).toContain('full scope off');
    expect(c[0].change).toContain("IdP-initiated SSO URL name 'flex'");
    expect(c[1].change).toContain('none; the client\'s default scopes (Keycloak\'s role_list and saml_organization, or others) are detached');
    expect(c[2].change).toMatch(/^email ← user property 'email'; an imported mapper of another type than declared is replaced/);
    expect(c[3].change).toContain("full_name ← user attribute 'full_name'; roles ← the user's roles of this client, one attribute; department ← user attribute 'dept'; creating one fails the apply");
    expect(c[4].change).toBe(
      'one per flex role; agent imported (description rewritten); admin, supervisor, wfo.full_access, wfo.team_leader, wfo.data_analyst, wfo.data_auditor, wfo.quality_manager, ' +
        'wfo.quality_process_manager, wfo.dashboard_viewer created: creating a role the client already has fails the apply (409 Conflict): give its ID in adopt.roleIds',
    );
    expect(c[5].change).toBe(`group '${GROUP}' gets agent (added to what it has: roles granted in the admin console are kept)`);
    // Rendered once, by lib/core: one warning per change, `<topic>: <change>`.
    synthJson(stack);
    expect(adoptionWarnings(stack)).toEqual(c.map((x) => `${x.topic}: ${x.change}`));
  });

  test('with every mapper and role given: no "created" item', () => {
    const { sso } = adopted({}, { roleIds: { admin: ROLE_AGENT, agent: ROLE_SUPERVISOR }, mapperIds: { email: MAPPER_EMAIL, roles: MAPPER_FULL_NAME } });
    const fl = keycloakStack();
    const frontlineSso = new KeycloakTwilioSso(fl, 'Sso', {
      target: frontline,
      serverUrl: 'https://sso.example.com',
      realm: REALM,
      adopt: { clientUuid: CLIENT, roleIds: { agent: ROLE_AGENT }, mapperIds: { email: MAPPER_EMAIL, roles: MAPPER_FULL_NAME } },
    });
    const changes = frontlineSso._adoptionChanges();
    expect(changes.map((x) => x.topic)).toEqual(['client settings', 'default client scopes', 'protocol mappers imported and rewritten as declared, each keeping its name (Basic name format, no friendly name)', 'client roles']);
    expect(changes[3]).toEqual({ topic: 'client roles', change: 'one per frontline role; agent imported (description rewritten)' });
    expect(sso._adoptionChanges().some((x) => x.topic === 'protocol mappers created, each named after its attribute')).toBe(true); // Flex: full_name is not given
  });

  test('a mapper ID for an attribute the client does not send is warned about (full_name on Frontline); a second synth does not repeat warnings', () => {
    const stack = keycloakStack();
    new KeycloakTwilioSso(stack, 'Sso', { target: frontline, serverUrl: 'https://sso.example.com', realm: REALM, adopt: { clientUuid: CLIENT, mapperIds: { full_name: MAPPER_FULL_NAME } } });
    const json = synthJson(stack);
    synthJson(stack);
    expect(json.import).toEqual([{ id: `${REALM}/${CLIENT}`, to: 'keycloak_saml_client.Sso_A0A4D89C' }]);
    expect(warnings(stack).filter((w) => w.startsWith('adopt.mapperIds.'))).toEqual([
      'adopt.mapperIds.full_name names no attribute this client sends (email, roles): the mapper is not imported, and stays on the client as it is',
    ]);
    expect(topics(adoptionWarnings(stack))).toHaveLength(4);
  });

  test('a client that is not adopted gets no adoption warning', () => {
    const stack = keycloakStack();
    new KeycloakTwilioSso(stack, 'Sso', { target: flex, serverUrl: 'https://sso.example.com', realm: REALM });
    synthJson(stack);
    expect(adoptionWarnings(stack)).toEqual([]);
  });
});

describe('KeycloakTwilioSso adopt: bad input', () => {
  test.each([
    ['the Client ID (the Entity ID)', `urn:flex:${JQ}`],
    ['the client page URL', `https://sso.example.com/admin/master/console/#/staff/clients/${CLIENT}/settings`],
    ['an ID with a space', 'dcbc4c73 e478'],
    ['an empty string', ''],
  ])('fails if adopt.clientUuid is %s', (_what, clientUuid) => {
    const e = error(() => adopted({}, { clientUuid }));
    expect(e.code).toBe(SsoErrorCode.ADOPT_ID_INVALID);
    expect(e.field).toBe('adopt.clientUuid');
    expect(e.value).toBe(clientUuid);
    expect(e.message).toContain("adopt.clientUuid must be the client's internal ID, a UUID such as");
    expect(e.message).toContain(`got '${clientUuid}'`);
  });

  test('names the Client ID mistake', () => {
    expect(error(() => adopted({}, { clientUuid: `urn:flex:${JQ}` })).message).toContain("(that is the client's Client ID, the Entity ID)");
  });

  test('fails on a role that the product does not have, on a bad role ID, on an empty mapper key and on a bad mapper ID, all together', () => {
    const e = error(() => adopted({}, { roleIds: { owner: ROLE_AGENT, agent: 'staff/7e8c' }, mapperIds: { '': MAPPER_EMAIL, email: 'name/email' } }));
    expect(e.violations.map((v) => [v.code, v.field, v.value])).toEqual([
      [SsoErrorCode.ROLE_UNKNOWN, 'adopt.roleIds.owner', 'owner'],
      [SsoErrorCode.ADOPT_ID_INVALID, 'adopt.roleIds.agent', 'staff/7e8c'],
      [SsoErrorCode.ADOPT_KEY_INVALID, 'adopt.mapperIds.', ''],
      [SsoErrorCode.ADOPT_ID_INVALID, 'adopt.mapperIds.email', 'name/email'],
    ]);
    expect(e.violations[0].message).toContain("adopt.roleIds.owner is not a flex role, got 'owner'; flex accepts: admin, supervisor, agent");
  });
});

describe('config: keycloak.adopt', () => {
  const target = (keycloak: object) => ({ name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ } }, keycloak: { url: 'https://sso.example.com', realm: REALM, ...keycloak } });

  test('imports at the stack addresses the construct IDs pin', () => {
    const out = tempDir();
    synthesizeOrThrow(writeConfig(stringify({ targets: [target({ adopt: { clientUuid: CLIENT, roleIds: { agent: ROLE_AGENT }, mapperIds: { email: MAPPER_EMAIL } } })] })), out);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'flex', 'cdk.tf.json'), 'utf8'));
    expect(json.import).toEqual([
      { id: `${REALM}/${CLIENT}`, to: 'keycloak_saml_client.Sso_A0A4D89C' },
      { id: `${REALM}/client/${CLIENT}/${MAPPER_EMAIL}`, to: address(json, 'keycloak_generic_protocol_mapper', 'Sso_EmailMapper') },
      { id: `${REALM}/${ROLE_AGENT}`, to: address(json, 'keycloak_role', 'Sso_Role-agent') },
    ]);
  });

  test('twilio-sso synth prints each adoption warning', async () => {
    const { code, stderr: text } = await cli(['synth', '--config', writeConfig(stringify({ targets: [target({ adopt: { clientUuid: CLIENT } })] })), '--output', tempDir()]);
    expect(code).toBe(0);
    const prefix = `Warning: [flex/Sso] ${ADOPTION_PREFIX}`;
    expect(topics(text.split('\n').filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length)))).toEqual([
      'client settings',
      'default client scopes',
      'protocol mappers created, each named after its attribute',
      'client roles',
    ]);
  });

  test('fails if adopt comes with createRealm, naming the config path', () => {
    const e = configError({ targets: [target({ adopt: { clientUuid: CLIENT }, createRealm: true })] });
    expect(e.code).toBe(SsoErrorCode.ADOPT_WITH_CREATE_REALM);
    expect(e.field).toBe('targets[0].keycloak.createRealm');
    expect(e.message).toContain("targets[0].keycloak.createRealm cannot be true with 'adopt'");
  });

  test('fails if adopt.clientUuid is the Client ID, naming the config path', () => {
    const e = configError({ targets: [target({ adopt: { clientUuid: `urn:flex:${JQ}` } })] });
    expect(e.code).toBe(SsoErrorCode.ADOPT_ID_INVALID);
    expect(e.field).toBe('targets[0].keycloak.adopt.clientUuid');
  });

  test('fails on a missing clientUuid or an unknown key in adopt', () => {
    expect(configError({ targets: [target({ adopt: { roleIds: {} } })] }).message).toContain('clientUuid');
    expect(configError({ targets: [target({ adopt: { clientUuid: CLIENT, keyId: 'abc' } })] }).message).toContain("targets[0].keycloak.adopt: unknown key 'keyId'");
  });
});

describe('offline synth of an adopted Keycloak client needs no Terraform binary', () => {
  const spawned = withoutChildProcesses();

  test('the config app synthesizes an adopted Keycloak target without starting any process', () => {
    const out = tempDir();
    const config = { targets: [{ name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ } }, keycloak: { url: 'https://sso.example.com', realm: REALM, adopt: { clientUuid: CLIENT } } }] };
    synthesizeOrThrow(writeConfig(stringify(config)), out);
    expect(spawned()).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'stacks', 'flex', 'cdk.tf.json'), 'utf8')).import).toHaveLength(1);
  });
});
