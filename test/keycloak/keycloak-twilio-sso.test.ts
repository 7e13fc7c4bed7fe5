import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { TwilioConsoleOutputs } from '../../lib/core';
import { KeycloakGroup, KeycloakProvider, KeycloakTwilioSso, KeycloakTwilioSsoProps, KeycloakUser } from '../../lib/keycloak';
import { SsoErrorCode, TwilioProduct, TwilioTarget } from '../../lib/twilio';
import { ssoError as error } from '../support/errors';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const AC = 'AC0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const legacy = TwilioTarget.flexLegacy({ accountSid: AC });
const frontline = TwilioTarget.frontline({ realmSid: JB });
const FLEX_ACS = `https://login.flex.us1.twilio.com/login/callback?connection=${JQ}`;

function keycloakStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
  return stack;
}

function synth(build: (stack: TerraformStack) => void): any {
  const stack = keycloakStack();
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
}

function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

function mappers(json: any): Record<string, any> {
  return Object.fromEntries(Object.values(json.resource.keycloak_generic_protocol_mapper).map((m: any) => [m.name, m]));
}

/** `[mapper type, what it reads]` of the mapper sending `name`. */
function source(json: any, name: string): [string, string] {
  const m = mappers(json)[name];
  return [m.protocol_mapper, m.config['user.attribute']];
}

/** The construct IDs (without cdktf's hash suffix) of a resource type's resources, sorted. */
function ids(json: any, type: string): string[] {
  return Object.keys(json.resource?.[type] ?? {})
    .map((k) => k.replace(/_[0-9A-F]{8}$/, ''))
    .sort();
}

/** The resource of a type whose construct ID (without the hash) is `id`. */
function byId(json: any, type: string, id: string): any {
  const key = Object.keys(json.resource?.[type] ?? {}).find((k) => k.replace(/_[0-9A-F]{8}$/, '') === id);
  if (!key) throw new Error(`no ${type} ${id}`);
  return json.resource[type][key];
}

/** The Terraform reference to the ID of the client role named `role`. */
function roleRef(json: any, role: string): string {
  const key = Object.keys(json.resource.keycloak_role).find((k) => json.resource.keycloak_role[k].name === role);
  return `\${keycloak_role.${key}.id}`;
}

const base = (over: Partial<KeycloakTwilioSsoProps> = {}): KeycloakTwilioSsoProps => ({ target: flex, serverUrl: 'https://sso.example.com', realm: 'staff', ...over });

describe('KeycloakTwilioSso for Flex enhanced SSO', () => {
  let sso!: KeycloakTwilioSso;
  const json = synth((stack) => {
    sso = new KeycloakTwilioSso(
      stack,
      'Flex',
      base({
        serverUrl: 'https://sso.example.com/',
        groups: [{ principalId: 'group-agents', roles: ['agent', 'wfo.full_access'] }],
        users: [{ principalId: 'user-1', roles: ['admin'] }],
        attributes: [{ name: 'department', value: 'department' }],
      }),
    );
    new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  });

  test('declares the SAML client exactly as Twilio requires', () => {
    expect(only(json, 'keycloak_saml_client')).toEqual({
      realm_id: 'staff',
      client_id: `urn:flex:${JQ}`,
      name: `Twilio Flex enhanced SSO ${JQ}`,
      description: 'Twilio flex single sign-on (managed by cdktf-twilio-sso)',
      enabled: true,
      assertion_consumer_post_url: FLEX_ACS,
      valid_redirect_uris: [FLEX_ACS],
      sign_documents: true,
      sign_assertions: true,
      signature_algorithm: 'RSA_SHA256',
      encrypt_assertions: false,
      client_signature_required: false,
      force_post_binding: true,
      front_channel_logout: false,
      name_id_format: 'username',
      force_name_id_format: true,
      include_authn_statement: true,
      full_scope_allowed: false,
      consent_required: false,
      idp_initiated_sso_url_name: `twilio-${JQ.toLowerCase()}`,
    });
  });

  test('sends email, full_name, roles and the extra attribute with bare Basic names', () => {
    const m = mappers(json);
    expect(Object.keys(m).sort()).toEqual(['department', 'email', 'full_name', 'roles']);
    expect([m.email.protocol_mapper, m.email.config]).toEqual(['saml-user-property-mapper', { 'user.attribute': 'email', 'attribute.name': 'email', 'attribute.nameformat': 'Basic' }]);
    expect([m.full_name.protocol_mapper, m.full_name.config]).toEqual(['saml-user-attribute-mapper', { 'user.attribute': 'full_name', 'attribute.name': 'full_name', 'attribute.nameformat': 'Basic' }]);
    expect([m.roles.protocol_mapper, m.roles.config]).toEqual(['saml-role-list-mapper', { single: 'true', 'attribute.name': 'roles', 'attribute.nameformat': 'Basic' }]);
    expect([m.department.protocol_mapper, m.department.config]).toEqual(['saml-user-attribute-mapper', { 'user.attribute': 'department', 'attribute.name': 'department', 'attribute.nameformat': 'Basic' }]);
    for (const mapper of Object.values(m)) {
      expect(mapper).toMatchObject({ protocol: 'saml', realm_id: 'staff', client_id: '${keycloak_saml_client.Flex_8471A491.id}' });
      expect(mapper.config['friendly.name']).toBeUndefined();
    }
  });

  test('declares one client role per Flex role, and empties the default client scopes', () => {
    const roles = Object.values(json.resource.keycloak_role).map((r: any) => r.name);
    expect(roles.sort()).toEqual([...flex.allowedRoles].sort());
    expect(only(json, 'keycloak_saml_client_default_scopes')).toEqual({ realm_id: 'staff', client_id: '${keycloak_saml_client.Flex_8471A491.id}', default_scopes: [] });
  });

  test('grants roles to groups and users non-exhaustively', () => {
    expect(only(json, 'keycloak_group_roles')).toEqual({
      realm_id: 'staff',
      group_id: 'group-agents',
      exhaustive: false,
      role_ids: ['${keycloak_role.Flex_Role-agent_984CB7AB.id}', '${keycloak_role.Flex_Role-wfofull_access_A33F5663.id}'],
    });
    expect(only(json, 'keycloak_user_roles')).toEqual({ realm_id: 'staff', user_id: 'user-1', exhaustive: false, role_ids: ['${keycloak_role.Flex_Role-admin_C0FF284F.id}'] });
    expect(sso.groupAssignments).toEqual([{ principalId: 'group-agents', roles: ['agent', 'wfo.full_access'] }]);
    expect(sso.userAssignments).toEqual([{ principalId: 'user-1', roles: ['admin'] }]);
  });

  test('outputs the Console values: realm issuer, SAML endpoint, realm RS256 certificate as PEM', () => {
    expect(json.data.keycloak_realm_keys.Flex_RealmKeys_396A5EAA).toEqual({ realm_id: 'staff', algorithms: ['RS256'], status: ['ACTIVE'] });
    expect(json.output.identity_provider_issuer.value).toBe('https://sso.example.com/realms/staff');
    expect(json.output.single_sign_on_url.value).toBe('https://sso.example.com/realms/staff/protocol/saml');
    expect(json.output.idp_metadata_url.value).toBe('https://sso.example.com/realms/staff/protocol/saml/descriptor');
    expect(json.output.x509_certificate.value).toBe(
      '-----BEGIN CERTIFICATE-----\n${join("\\n", regexall(".{1,64}", data.keycloak_realm_keys.Flex_RealmKeys_396A5EAA.keys[0].certificate))}\n-----END CERTIFICATE-----\n',
    );
    // data.keycloak_realm_keys exports no end date: nothing to output or warn about at synth.
    expect(json.output.x509_certificate_expires_at).toBeUndefined();
    expect(json.output.x509_certificate_expiry_warning_days.value).toBe(30);
    expect(sso.idpInitiatedLoginUrl).toBe(`https://sso.example.com/realms/staff/protocol/saml/clients/twilio-${JQ.toLowerCase()}`);
  });

  test('pins the provider and the resource addresses', () => {
    expect(json.terraform.required_providers.keycloak).toEqual({ source: 'keycloak/keycloak', version: '5.9.0' });
    expect(json.provider.keycloak).toEqual([{ url: 'https://sso.example.com' }]);
    const addresses = Object.entries(json.resource).flatMap(([type, byName]) => Object.keys(byName as object).map((n) => `${type}.${n}`));
    expect(addresses.sort()).toEqual(
      [
        'keycloak_saml_client.Flex_8471A491',
        'keycloak_saml_client_default_scopes.Flex_DefaultScopes_9EA86FB3',
        'keycloak_generic_protocol_mapper.Flex_EmailMapper_BADD05FD',
        'keycloak_generic_protocol_mapper.Flex_FullNameMapper_617A5967',
        'keycloak_generic_protocol_mapper.Flex_RolesMapper_AAB89519',
        'keycloak_generic_protocol_mapper.Flex_AttributeMapper-department_D397944D',
        'keycloak_group_roles.Flex_Group-group-agents_2A1ECA97',
        'keycloak_user_roles.Flex_User-user-1_D732CBE1',
        ...[
          'Role-admin_C0FF284F',
          'Role-agent_984CB7AB',
          'Role-supervisor_18D428AA',
          'Role-wfodashboard_viewer_CE28F291',
          'Role-wfodata_analyst_C049347C',
          'Role-wfodata_auditor_92AD7288',
          'Role-wfofull_access_A33F5663',
          'Role-wfoquality_manager_F158B987',
          'Role-wfoquality_process_manager_F73B65B1',
          'Role-wfoteam_leader_939E8B74',
        ].map((r) => `keycloak_role.Flex_${r}`),
      ].sort(),
    );
  });

  test('a second synth is byte-identical', () => {
    const build = (stack: TerraformStack) => {
      new TwilioConsoleOutputs(stack, 'Console', { app: new KeycloakTwilioSso(stack, 'Flex', base({ groups: [{ principalId: 'g', roles: ['agent'] }] })) });
    };
    const a = keycloakStack();
    build(a);
    const b = keycloakStack();
    build(b);
    expect(Testing.synth(b, true)).toBe(Testing.synth(a, true));
  });
});

describe('KeycloakTwilioSso for Flex legacy SSO and Frontline', () => {
  test('Flex legacy: iam.twilio.com v1 Entity ID and ACS', () => {
    const json = synth((stack) => new KeycloakTwilioSso(stack, 'Legacy', base({ target: legacy })));
    const client = only(json, 'keycloak_saml_client');
    expect(client.client_id).toBe(`https://iam.twilio.com/v1/Accounts/${AC}/saml2/metadata`);
    expect(client.assertion_consumer_post_url).toBe(`https://iam.twilio.com/v1/Accounts/${AC}/saml2`);
    expect(client.valid_redirect_uris).toEqual([`https://iam.twilio.com/v1/Accounts/${AC}/saml2`]);
    expect(Object.keys(mappers(json)).sort()).toEqual(['email', 'full_name', 'roles']);
  });

  test('Frontline: sends only email and roles, declares only the agent role', () => {
    const json = synth((stack) => {
      const sso = new KeycloakTwilioSso(stack, 'Frontline', base({ target: frontline, groups: [{ principalId: 'g1', roles: ['agent'] }] }));
      new TwilioConsoleOutputs(stack, 'Console', { app: sso });
    });
    const client = only(json, 'keycloak_saml_client');
    expect(client).toMatchObject({
      client_id: `https://iam.twilio.com/v2/saml2/metadata/${JB}`,
      assertion_consumer_post_url: `https://iam.twilio.com/v2/saml2/authenticate/${JB}`,
      name: `Twilio Frontline ${JB}`,
      sign_documents: true,
      sign_assertions: true,
      encrypt_assertions: false,
      client_signature_required: false,
      idp_initiated_sso_url_name: `twilio-${JB.toLowerCase()}`,
    });
    expect(Object.keys(mappers(json)).sort()).toEqual(['email', 'roles']);
    expect(Object.values(json.resource.keycloak_role).map((r: any) => r.name)).toEqual(['agent']);
    expect(Object.keys(json.output).sort()).toEqual(['identity_provider_issuer', 'idp_metadata_url', 'sp_acs_url', 'sp_entity_id', 'sso_url', 'x509_certificate', 'x509_certificate_expiry_warning_days']);
  });
});

describe('KeycloakTwilioSso options', () => {
  test('email NameID, a display name, a full_name attribute and an IdP-initiated name', () => {
    const json = synth((stack) => new KeycloakTwilioSso(stack, 'S', base({ nameId: 'email', displayName: 'Flex', fullName: 'displayName', idpInitiatedSsoUrlName: 'flex' })));
    expect(only(json, 'keycloak_saml_client')).toMatchObject({ name_id_format: 'email', force_name_id_format: true, name: 'Flex', idp_initiated_sso_url_name: 'flex' });
    expect(source(json, 'full_name')).toEqual(['saml-user-attribute-mapper', 'displayName']);
  });

  test('a user property is read with the property mapper, anything else as a user attribute', () => {
    const json = synth((stack) =>
      new KeycloakTwilioSso(
        stack,
        'S',
        base({
          email: 'username',
          fullName: 'firstName',
          attributes: [
            { name: 'location', value: 'lastName' },
            { name: 'team_name', value: 'org.team-name_2' },
          ],
        }),
      ),
    );
    expect(source(json, 'email')).toEqual(['saml-user-property-mapper', 'username']);
    expect(source(json, 'full_name')).toEqual(['saml-user-property-mapper', 'firstName']);
    expect(source(json, 'location')).toEqual(['saml-user-property-mapper', 'lastName']);
    expect(source(json, 'team_name')).toEqual(['saml-user-attribute-mapper', 'org.team-name_2']);
  });

  test('userAttributes lists the user attributes read (for the realm user profile), not the properties', () => {
    const stack = keycloakStack();
    const sso = new KeycloakTwilioSso(stack, 'S', base({ email: 'work_email', attributes: [{ name: 'location', value: 'lastName' }, { name: 'department', value: 'dept' }] }));
    expect(sso.userAttributes).toEqual(['dept', 'full_name', 'work_email']);
    sso.addAttribute({ name: 'team_name', value: 'team' });
    expect(sso.userAttributes).toEqual(['dept', 'full_name', 'team', 'work_email']);
    const front = new KeycloakTwilioSso(stack, 'F', base({ target: frontline }));
    expect(front.userAttributes).toEqual([]);
  });

  test('addAttribute after construction declares its mapper; attributes returns copies', () => {
    const stack = keycloakStack();
    const sso = new KeycloakTwilioSso(stack, 'S', base());
    const added = sso.addAttribute({ name: 'manager', value: 'manager_email' });
    expect(added).toEqual({ name: 'manager', value: 'manager_email' });
    expect(sso.attributes).toEqual([{ name: 'manager', value: 'manager_email' }]);
    const json = JSON.parse(Testing.synth(stack, true));
    expect(ids(json, 'keycloak_generic_protocol_mapper')).toContain('S_AttributeMapper-manager');
    expect(source(json, 'manager')).toEqual(['saml-user-attribute-mapper', 'manager_email']);
  });

  test('certificateExpiryWarningDays is output; a bad value is refused naming the prop', () => {
    const json = synth((stack) => new TwilioConsoleOutputs(stack, 'Console', { app: new KeycloakTwilioSso(stack, 'S', base({ certificateExpiryWarningDays: 45 })) }));
    expect(json.output.x509_certificate_expiry_warning_days.value).toBe(45);
    const e = error(() => KeycloakTwilioSso.validateProps(base({ certificateExpiryWarningDays: -1 })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID, 'certificateExpiryWarningDays', -1]);
    expect(KeycloakTwilioSso.findProblems(base({ certificateExpiryWarningDays: -1 }))).toEqual(e.violations);
    expect(KeycloakTwilioSso.findProblems(base())).toEqual([]);
  });

  test('nothing is warned about at synth: the certificate end is not known', () => {
    const stack = keycloakStack();
    new KeycloakTwilioSso(stack, 'S', base({ certificateExpiryWarningDays: 3650, groups: [{ principalId: 'group-agents', roles: ['agent'] }] }));
    Testing.synth(stack, true);
    expect(stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn'))).toEqual([]);
  });

  test('addGroup, addUser and addAttribute return copies and refuse duplicates', () => {
    const stack = keycloakStack();
    const sso = new KeycloakTwilioSso(stack, 'S', base());
    const roles = ['agent'];
    const g = sso.addGroup({ principalId: 'g', roles });
    roles.push('admin');
    expect(g).toEqual({ principalId: 'g', roles: ['agent'] });
    expect(error(() => sso.addGroup({ principalId: 'g', roles: ['admin'] })).code).toBe(SsoErrorCode.PRINCIPAL_DUPLICATE);
    sso.addUser({ principalId: 'u', roles: ['admin'] });
    expect(error(() => sso.addUser({ principalId: 'u', roles: ['agent'] })).code).toBe(SsoErrorCode.PRINCIPAL_DUPLICATE);
    sso.addAttribute({ name: 'team_name', value: 'team' });
    expect(error(() => sso.addAttribute({ name: 'team_name', value: 'x' })).code).toBe(SsoErrorCode.ATTRIBUTE_DUPLICATE);
    const bad = error(() => sso.addAttribute({ name: 'location', value: 'home city' }));
    expect([bad.code, bad.field, bad.value]).toEqual([SsoErrorCode.ATTRIBUTE_VALUE_INVALID, 'attributes[1].value', 'home city']);
    expect(sso.role('agent')).toBeDefined();
    const unknown = error(() => sso.role('owner'));
    expect([unknown.code, unknown.value]).toEqual([SsoErrorCode.ROLE_UNKNOWN, 'owner']);
    expect(unknown.message).toContain("role is not a flex role, got 'owner'; flex accepts: admin");
  });

  test('the public entry point exports the construct and the bindings, not the helpers', () => {
    const entry = require('../../lib/keycloak');
    for (const name of ['KeycloakTwilioSso', 'KeycloakProvider', 'KeycloakRealm', 'KeycloakRealmUserProfile', 'KeycloakGroup', 'KeycloakGroupMemberships', 'KeycloakUser', 'KeycloakRole', 'KeycloakGroupRoles', 'KeycloakUserRoles', 'KeycloakSamlClient']) {
      expect([name, typeof entry[name]]).toEqual([name, 'function']);
    }
    for (const name of ['validateServerUrl', 'KeycloakFullName', 'KeycloakNameIdFormat', 'KEYCLOAK_PROVIDER_VERSION', 'KEYCLOAK_GENERATOR_METADATA', 'KeycloakResource']) {
      expect([name, entry[name]]).toEqual([name, undefined]);
    }
    expect(entry.KeycloakProvider.PROVIDER_VERSION).toBe('5.9.0');
  });
});

describe('KeycloakTwilioSso with values known only at apply', () => {
  test('a loopback http server and a legacy /auth path pass; URL, realm and group variables pass through', () => {
    expect(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'http://127.0.0.1:18080' }))).not.toThrow();
    expect(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'http://localhost:8080/auth' }))).not.toThrow();
    const json = synth((stack) => {
      const url = new TerraformVariable(stack, 'url', { type: 'string' });
      const realm = new TerraformVariable(stack, 'realm', { type: 'string' });
      const group = new TerraformVariable(stack, 'group', { type: 'string' });
      new KeycloakTwilioSso(stack, 'S', base({ serverUrl: url.stringValue, realm: realm.stringValue, groups: [{ principalId: group.stringValue, roles: ['agent'] }] }));
    });
    expect(only(json, 'keycloak_saml_client').realm_id).toBe('${var.realm}');
    expect(Object.keys(json.resource.keycloak_group_roles)).toEqual(['S_Group-ref0_B29BA8D4']);
    expect(only(json, 'keycloak_group_roles').group_id).toBe('${var.group}');
  });

  test('a group and a user declared in the same stack: literal IDs keep their names, tokens get ref<i>', () => {
    let sso!: KeycloakTwilioSso;
    const json = synth((stack) => {
      const group = new KeycloakGroup(stack, 'Agents', { realmId: 'staff', name: 'agents' });
      const user = new KeycloakUser(stack, 'Ada', { realmId: 'staff', username: 'ada' });
      sso = new KeycloakTwilioSso(stack, 'S', base({ groups: [{ principalId: 'literal-group', roles: ['agent'] }, { principalId: group.id, roles: ['supervisor'] }] }));
      const userId = user.id;
      expect(sso.addUser({ principalId: userId, roles: ['admin'] })).toEqual({ principalId: userId, roles: ['admin'] });
    });
    expect(ids(json, 'keycloak_group_roles')).toEqual(['S_Group-literal-group', 'S_Group-ref1']);
    expect(byId(json, 'keycloak_group_roles', 'S_Group-literal-group').group_id).toBe('literal-group');
    expect(byId(json, 'keycloak_group_roles', 'S_Group-ref1').group_id).toBe('${keycloak_group.Agents.id}');
    expect(ids(json, 'keycloak_user_roles')).toEqual(['S_User-ref0']);
    expect(byId(json, 'keycloak_user_roles', 'S_User-ref0')).toMatchObject({ user_id: '${keycloak_user.Ada.id}', role_ids: [roleRef(json, 'admin')] });
    expect(sso.groupAssignments.map((a) => a.roles)).toEqual([['agent'], ['supervisor']]);
  });

  test('a connection SID from a variable: Entity ID, ACS and the IdP-initiated name follow it', () => {
    let sso!: KeycloakTwilioSso;
    const json = synth((stack) => {
      const sid = new TerraformVariable(stack, 'sid', { type: 'string' });
      sso = new KeycloakTwilioSso(stack, 'S', base({ target: TwilioTarget.flexEnhanced({ connectionSid: sid.stringValue }) }));
    });
    expect(only(json, 'keycloak_saml_client')).toMatchObject({
      client_id: 'urn:flex:${var.sid}',
      assertion_consumer_post_url: 'https://login.flex.us1.twilio.com/login/callback?connection=${var.sid}',
      name: 'Twilio Flex enhanced SSO ${var.sid}',
      idp_initiated_sso_url_name: 'twilio-${lower(var.sid)}',
    });
    expect(sso.idpInitiatedLoginUrl).toContain('/protocol/saml/clients/');
  });

  test('a target from two token URLs: the IdP-initiated name takes the SID from the Entity ID', () => {
    const json = synth((stack) => {
      const entityId = new TerraformVariable(stack, 'entity', { type: 'string' });
      const acsUrl = new TerraformVariable(stack, 'acs', { type: 'string' });
      const target = TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: entityId.stringValue, acsUrl: acsUrl.stringValue });
      new KeycloakTwilioSso(stack, 'S', base({ target }));
    });
    expect(only(json, 'keycloak_saml_client').idp_initiated_sso_url_name).toBe('twilio-${lower(regex("(?:JQ|AC|JB)[0-9a-fA-F]{32}", var.entity))}');
  });

  test('a value from a variable gets its mapper type from Terraform, by the same rule', () => {
    const json = synth((stack) => {
      const email = new TerraformVariable(stack, 'email', { type: 'string' });
      new KeycloakTwilioSso(stack, 'S', base({ email: email.stringValue }));
    });
    const m = mappers(json).email;
    expect(m.config['user.attribute']).toBe('${var.email}');
    expect(m.protocol_mapper).toBe('${contains(["username", "email", "firstName", "lastName"], var.email) ? "saml-user-property-mapper" : "saml-user-attribute-mapper"}');
  });

  test('roles from a variable: Terraform picks the matching client roles', () => {
    const json = synth((stack) => {
      const roles = new TerraformVariable(stack, 'roles', { type: 'list(string)' });
      new KeycloakTwilioSso(stack, 'S', base({ target: frontline, groups: [{ principalId: 'g', roles: roles.listValue }] }));
    });
    expect(only(json, 'keycloak_group_roles').role_ids).toBe(`\${matchkeys([${roleRef(json, 'agent').slice(2, -1)}], ["agent"], var.roles)}`);
  });
});

describe('KeycloakTwilioSso bad input', () => {
  test('fails if the server URL is plain http on a public host, naming field and value', () => {
    const e = error(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'http://sso.example.com' })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.KEYCLOAK_SERVER_URL_NOT_HTTPS, 'serverUrl', 'http://sso.example.com']);
    expect(e.message).toContain("'http://sso.example.com'");
  });

  test('fails if the server URL is a realm URL or not a URL', () => {
    expect(error(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'https://sso.example.com/realms/staff' }))).code).toBe(SsoErrorCode.KEYCLOAK_SERVER_URL_IS_REALM_URL);
    const e = error(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'sso.example.com' })));
    expect([e.code, e.field]).toEqual([SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID, 'serverUrl']);
    expect(error(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'https://sso.example.com/?x=1' }))).code).toBe(SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID);
  });

  test('fails if the realm name cannot go into a URL', () => {
    const e = error(() => KeycloakTwilioSso.validateProps(base({ realm: 'my realm' })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.KEYCLOAK_REALM_INVALID, 'realm', 'my realm']);
    expect(e.message).toContain("'my realm'");
  });

  test('fails if nameId is not username or email, naming the accepted values', () => {
    const e = error(() => KeycloakTwilioSso.validateProps(base({ nameId: 'firstName' })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.NAME_ID_INVALID, 'nameId', 'firstName']);
    expect(e.message).toContain("nameId must be one of 'username', 'email', the Keycloak user property sent as the NameID");
    expect(e.message).toContain("got 'firstName'");
    const format = error(() => KeycloakTwilioSso.validateProps(base({ nameId: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' })));
    expect(format.message).toContain('give the user property, not a NameID format');
  });

  test('fails if a value is neither a user property nor a user attribute name', () => {
    const e = error(() => KeycloakTwilioSso.validateProps(base({ email: '${user.email}' })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.ATTRIBUTE_VALUE_INVALID, 'email', '${user.email}']);
    expect(e.message).toContain("email must be a Keycloak user property (username, email, firstName, lastName) or the name of a user attribute such as 'department'");
    expect(e.message).toContain("a user attribute name is letters, digits, '.', '_' and '-'");
  });

  test("fails on fullName 'firstAndLastName', the removed saml-full-name-mapper option, saying why", () => {
    const e = error(() => KeycloakTwilioSso.validateProps(base({ fullName: 'firstAndLastName' })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.ATTRIBUTE_VALUE_INVALID, 'fullName', 'firstAndLastName']);
    expect(e.message).toContain('Keycloak 26.7.3 does not ship');
  });

  test('fails if a group has a role Frontline does not have, and declares nothing', () => {
    const stack = keycloakStack();
    const e = error(() => new KeycloakTwilioSso(stack, 'S', base({ target: frontline, groups: [{ principalId: 'g', roles: ['supervisor'] }] })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.ROLE_UNKNOWN, 'groups[0].roles[0]', 'supervisor']);
    expect(e.message).toContain("'supervisor'");
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });

  test('fails if an extra attribute is namespaced, capitalised or re-declares a required one', () => {
    expect(error(() => KeycloakTwilioSso.validateProps(base({ attributes: [{ name: 'http://schemas.example.com/claims/department', value: 'd' }] }))).code).toBe(SsoErrorCode.CLAIM_NAME_NAMESPACED);
    expect(error(() => KeycloakTwilioSso.validateProps(base({ attributes: [{ name: 'Department', value: 'd' }] }))).code).toBe(SsoErrorCode.CLAIM_NAME_CAPITALISED);
    const e = error(() => KeycloakTwilioSso.validateProps(base({ attributes: [{ name: 'email', value: 'mail' }] })));
    expect([e.code, e.field]).toEqual([SsoErrorCode.ATTRIBUTE_RESERVED, 'attributes[0].name']);
  });

  test('fails with every problem listed at once, each naming its prop', () => {
    const e = error(() =>
      KeycloakTwilioSso.validateProps(
        base({
          serverUrl: 'ftp://sso.example.com',
          realm: '',
          displayName: ' ',
          idpInitiatedSsoUrlName: 'a/b',
          nameId: 'persistent',
          users: [{ principalId: '', roles: [] }],
          attributes: [{ name: 'department', value: '' }],
        }),
      ),
    );
    expect(e.violations.map((v) => v.field)).toEqual(['serverUrl', 'realm', 'idpInitiatedSsoUrlName', 'displayName', 'nameId', 'attributes[0].value', 'users[0].principalId', 'users[0].roles']);
    expect(e.message).toContain('8 problems');
    expect(e.message).toContain("'persistent'");
  });
});
