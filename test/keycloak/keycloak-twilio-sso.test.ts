import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  KeycloakFullName,
  KeycloakNameIdFormat,
  KeycloakProvider,
  KeycloakTwilioSso,
  KeycloakTwilioSsoProps,
  TwilioConsoleOutputs,
  TwilioTarget,
} from '../../lib';
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

const base = (over: Partial<KeycloakTwilioSsoProps> = {}): KeycloakTwilioSsoProps => ({ target: flex, serverUrl: 'https://sso.example.com', realm: 'staff', ...over });

describe('KeycloakTwilioSso for Flex enhanced SSO', () => {
  let sso!: KeycloakTwilioSso;
  const json = synth((stack) => {
    sso = new KeycloakTwilioSso(stack, 'Flex', base({
      serverUrl: 'https://sso.example.com/',
      groups: [{ principalId: 'group-agents', roles: ['agent', 'wfo.full_access'] }],
      users: [{ principalId: 'user-1', roles: ['admin'] }],
      attributes: [{ name: 'department', userAttribute: 'department' }],
    }));
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
    expect(sso.groupAssignmentsDeclared).toEqual([{ principalId: 'group-agents', roles: ['agent', 'wfo.full_access'] }]);
    expect(sso.userAssignmentsDeclared).toEqual([{ principalId: 'user-1', roles: ['admin'] }]);
  });

  test('outputs the Console values: realm issuer, SAML endpoint, realm RS256 certificate as PEM', () => {
    expect(json.data.keycloak_realm_keys.Flex_RealmKeys_396A5EAA).toEqual({ realm_id: 'staff', algorithms: ['RS256'], status: ['ACTIVE'] });
    expect(json.output.identity_provider_issuer.value).toBe('https://sso.example.com/realms/staff');
    expect(json.output.single_sign_on_url.value).toBe('https://sso.example.com/realms/staff/protocol/saml');
    expect(json.output.idp_metadata_url.value).toBe('https://sso.example.com/realms/staff/protocol/saml/descriptor');
    expect(json.output.x509_certificate.value).toBe(
      '-----BEGIN CERTIFICATE-----\n${join("\\n", regexall(".{1,64}", data.keycloak_realm_keys.Flex_RealmKeys_396A5EAA.keys[0].certificate))}\n-----END CERTIFICATE-----\n',
    );
    expect(json.output.x509_certificate_expires_at).toBeUndefined();
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
    expect(Object.keys(json.output).sort()).toEqual(['identity_provider_issuer', 'idp_metadata_url', 'sp_acs_url', 'sp_entity_id', 'sso_url', 'x509_certificate']);
  });
});

describe('KeycloakTwilioSso options', () => {
  test('email NameID, a named client, a full_name attribute and an IdP-initiated name', () => {
    const json = synth((stack) =>
      new KeycloakTwilioSso(stack, 'S', base({ nameIdFormat: KeycloakNameIdFormat.EMAIL, clientName: 'Flex', fullName: KeycloakFullName.userAttribute('displayName'), idpInitiatedSsoUrlName: 'flex' })),
    );
    expect(only(json, 'keycloak_saml_client')).toMatchObject({ name_id_format: 'email', force_name_id_format: true, name: 'Flex', idp_initiated_sso_url_name: 'flex' });
    expect(mappers(json).full_name.config['user.attribute']).toBe('displayName');
  });

  test('firstAndLastName uses saml-full-name-mapper without a user attribute', () => {
    const json = synth((stack) => new KeycloakTwilioSso(stack, 'S', base({ fullName: KeycloakFullName.firstAndLastName() })));
    expect([mappers(json).full_name.protocol_mapper, mappers(json).full_name.config]).toEqual(['saml-full-name-mapper', { 'attribute.name': 'full_name', 'attribute.nameformat': 'Basic' }]);
  });

  test('a loopback http server, a legacy /auth path, and tokens pass through', () => {
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

  test('addGroup, addUser and addAttribute return copies and refuse duplicates', () => {
    const stack = keycloakStack();
    const sso = new KeycloakTwilioSso(stack, 'S', base());
    const roles = ['agent'];
    const g = sso.addGroup({ principalId: 'g', roles });
    roles.push('admin');
    expect(g.roles).toEqual(['agent']);
    expect(error(() => sso.addGroup({ principalId: 'g', roles: ['admin'] })).code).toBe('PRINCIPAL_DUPLICATE');
    sso.addUser({ principalId: 'u', roles: ['admin'] });
    expect(error(() => sso.addUser({ principalId: 'u', roles: ['agent'] })).code).toBe('PRINCIPAL_DUPLICATE');
    sso.addAttribute({ name: 'team_name', userAttribute: 'team' });
    expect(error(() => sso.addAttribute({ name: 'team_name', userAttribute: 'x' })).code).toBe('ATTRIBUTE_DUPLICATE');
    expect(sso.role('agent')).toBeDefined();
    expect(error(() => sso.role('owner')).message).toContain("'owner'");
  });
});

describe('KeycloakTwilioSso bad input', () => {
  test('fails if the server URL is plain http on a public host, naming field and value', () => {
    const e = error(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'http://sso.example.com' })));
    expect(e.code).toBe('KEYCLOAK_SERVER_URL_NOT_HTTPS');
    expect(e.field).toBe('serverUrl');
    expect(e.message).toContain("'http://sso.example.com'");
  });

  test('fails if the server URL is a realm URL or not a URL', () => {
    expect(error(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'https://sso.example.com/realms/staff' }))).code).toBe('KEYCLOAK_SERVER_URL_IS_REALM_URL');
    const e = error(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'sso.example.com' })));
    expect([e.code, e.field]).toEqual(['KEYCLOAK_SERVER_URL_INVALID', 'serverUrl']);
    expect(error(() => KeycloakTwilioSso.validateProps(base({ serverUrl: 'https://sso.example.com/?x=1' }))).code).toBe('KEYCLOAK_SERVER_URL_INVALID');
  });

  test('fails if the realm name cannot go into a URL', () => {
    const e = error(() => KeycloakTwilioSso.validateProps(base({ realm: 'my realm' })));
    expect([e.code, e.field]).toEqual(['KEYCLOAK_REALM_INVALID', 'realm']);
    expect(e.message).toContain("'my realm'");
  });

  test('fails if a group has a role Frontline does not have, and declares nothing', () => {
    const stack = keycloakStack();
    const e = error(() => new KeycloakTwilioSso(stack, 'S', base({ target: frontline, groups: [{ principalId: 'g', roles: ['supervisor'] }] })));
    expect([e.code, e.field]).toEqual(['ROLE_UNKNOWN', 'groups[0].roles[0]']);
    expect(e.message).toContain("'supervisor'");
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });

  test('fails if an extra attribute is namespaced, capitalised or re-declares a required one', () => {
    expect(error(() => KeycloakTwilioSso.validateProps(base({ attributes: [{ name: 'http://schemas.example.com/claims/department', userAttribute: 'd' }] }))).code).toBe('CLAIM_NAME_NAMESPACED');
    expect(error(() => KeycloakTwilioSso.validateProps(base({ attributes: [{ name: 'Department', userAttribute: 'd' }] }))).code).toBe('CLAIM_NAME_CAPITALISED');
    const e = error(() => KeycloakTwilioSso.validateProps(base({ attributes: [{ name: 'email', userAttribute: 'mail' }] })));
    expect([e.code, e.field]).toEqual(['ATTRIBUTE_RESERVED', 'attributes[0].name']);
  });

  test('fails with every problem listed at once', () => {
    const e = error(() =>
      KeycloakTwilioSso.validateProps(
        base({
          serverUrl: 'ftp://sso.example.com',
          realm: '',
          clientName: ' ',
          idpInitiatedSsoUrlName: 'a/b',
          nameIdFormat: 'persistent' as KeycloakNameIdFormat,
          users: [{ principalId: '', roles: [] }],
          attributes: [{ name: 'department', userAttribute: '' }],
        }),
      ),
    );
    expect(e.violations.map((v) => v.field)).toEqual(['serverUrl', 'realm', 'clientName', 'nameIdFormat', 'idpInitiatedSsoUrlName', 'users[0].id', 'users[0].roles', 'attributes[0].userAttribute']);
    expect(e.message).toContain('8 problems');
    expect(e.message).toContain("'persistent'");
  });
});
