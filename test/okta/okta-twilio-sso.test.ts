import { OktaRolesSource, OktaTwilioSso } from '../../lib/okta';
import { TwilioConsoleOutputs } from '../../lib/core';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { ssoError as error } from '../support/errors';
import { oktaStack, onlyResource, synthJson } from '../support/synth';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const frontline = TwilioTarget.frontline({ realmSid: JB });

describe('OktaTwilioSso for Flex enhanced SSO', () => {
  const stack = oktaStack();
  const sso = new OktaTwilioSso(stack, 'Flex', {
    target: flex,
    groups: [
      { principalId: '00gagents', roles: ['agent'] },
      { principalId: '00gadmins', roles: ['admin', 'wfo.full_access'] },
    ],
    users: [{ principalId: '00usupervisor', roles: ['supervisor'] }],
    attributes: [{ name: 'department', value: 'user.department' }],
  });
  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  const json = synthJson(stack);
  const app = onlyResource(json, 'okta_app_saml');

  test('declares the SAML app exactly as Twilio requires', () => {
    const acs = 'https://login.flex.us1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef';
    expect(app).toMatchObject({
      label: 'Twilio Flex enhanced SSO JQ0123456789abcdef0123456789abcdef',
      status: 'ACTIVE',
      sso_url: acs,
      recipient: acs,
      destination: acs,
      audience: 'urn:flex:JQ0123456789abcdef0123456789abcdef',
      response_signed: true,
      assertion_signed: true,
      signature_algorithm: 'RSA_SHA256',
      digest_algorithm: 'SHA256',
      saml_signed_request_enabled: false,
      subject_name_id_format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      subject_name_id_template: '$${user.userName}',
      authn_context_class_ref: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
    });
    // okta_app_saml has no encryption argument: nothing to turn off, and nothing may turn it on.
    expect(Object.keys(app).filter((k) => /encrypt/.test(k))).toEqual([]);
  });

  test('sends email, full_name, roles and the extra attribute with bare names', () => {
    expect(app.attribute_statements.map((s: any) => [s.name, s.type, s.values])).toEqual([
      ['email', 'EXPRESSION', ['user.email']],
      ['full_name', 'EXPRESSION', ['String.join(" ", user.firstName, user.lastName)']],
      ['roles', 'EXPRESSION', ['appuser.roles']],
      ['department', 'EXPRESSION', ['user.department']],
    ]);
    for (const s of app.attribute_statements) {
      expect(s.namespace).toBe('urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified');
    }
  });

  test('declares roles as a union string-array app-user property limited to Flex roles', () => {
    const prop = onlyResource(json, 'okta_app_user_schema_property');
    expect(prop).toMatchObject({ index: 'roles', type: 'array', array_type: 'string', scope: 'NONE', union: true });
    expect(prop.array_enum).toEqual(flex.allowedRoles);
  });

  test('assigns groups authoritatively, sorted by ID, with their roles in the profile', () => {
    const ga = onlyResource(json, 'okta_app_group_assignments');
    expect(ga.group).toEqual([
      { id: '00gadmins', priority: 0, profile: JSON.stringify({ roles: ['admin', 'wfo.full_access'] }) },
      { id: '00gagents', priority: 1, profile: JSON.stringify({ roles: ['agent'] }) },
    ]);
    // Profiles name the `roles` property, so the property must exist first.
    expect(ga.depends_on).toEqual([expect.stringMatching(/^okta_app_user_schema_property\./)]);
  });

  test('assigns individual users with their roles', () => {
    const user = onlyResource(json, 'okta_app_user');
    expect(user.user_id).toBe('00usupervisor');
    expect(JSON.parse(user.profile)).toEqual({ roles: ['supervisor'] });
  });

  test('exposes and outputs the Console values', () => {
    expect(Object.keys(json.output).sort()).toEqual(
      ['default_redirect_url', 'identity_provider_issuer', 'idp_metadata_url', 'single_sign_on_url', 'sp_acs_url', 'sp_entity_id', 'x509_certificate', 'x509_certificate_expires_at', 'x509_certificate_expiry_warning_days'].filter(
        (n) => n !== 'default_redirect_url',
      ),
    );
    const appRef = Object.keys(json.resource.okta_app_saml)[0];
    expect(json.output.identity_provider_issuer.value).toBe(`\${okta_app_saml.${appRef}.entity_url}`);
    expect(json.output.single_sign_on_url.value).toBe(`\${okta_app_saml.${appRef}.http_post_binding}`);
    expect(json.output.x509_certificate.value).toBe(
      `-----BEGIN CERTIFICATE-----\n\${join("\\n", regexall(".{1,64}", okta_app_saml.${appRef}.certificate))}\n-----END CERTIFICATE-----\n`,
    );
    expect(json.output.x509_certificate_expires_at.value).toBe(`\${okta_app_saml.${appRef}.keys[0].expires_at}`);
    expect(json.output.idp_metadata_url.value).toBe(`\${okta_app_saml.${appRef}.metadata_url}`);
  });
});

describe('OktaTwilioSso for Frontline', () => {
  test('sends only email and roles, and allows only agent', () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'Frontline', { target: frontline, groups: [{ principalId: '00g1', roles: ['agent'] }] });
    const json = synthJson(stack);
    const app = onlyResource(json, 'okta_app_saml');
    expect(app.audience).toBe('https://iam.twilio.com/v2/saml2/metadata/JB00112233445566778899aabbccddeeff');
    expect(app.sso_url).toBe('https://iam.twilio.com/v2/saml2/authenticate/JB00112233445566778899aabbccddeeff');
    expect(app.attribute_statements.map((s: any) => s.name)).toEqual(['email', 'roles']);
    expect(onlyResource(json, 'okta_app_user_schema_property').array_enum).toEqual(['agent']);
  });
});

describe('OktaTwilioSso for Flex legacy SSO', () => {
  test('points the app at the iam.twilio.com v1 URLs of the account and sends the Flex attributes', () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'Legacy', { target: TwilioTarget.flexLegacy({ accountSid: 'ACfedcba9876543210fedcba9876543210' }) });
    const app = onlyResource(synthJson(stack), 'okta_app_saml');
    const acs = 'https://iam.twilio.com/v1/Accounts/ACfedcba9876543210fedcba9876543210/saml2';
    expect([app.sso_url, app.recipient, app.destination]).toEqual([acs, acs, acs]);
    expect(app.audience).toBe('https://iam.twilio.com/v1/Accounts/ACfedcba9876543210fedcba9876543210/saml2/metadata');
    expect(app.attribute_statements.map((s: any) => s.name)).toEqual(['email', 'full_name', 'roles']);
  });
});

describe('OktaTwilioSso options', () => {
  test('nameId, email and fullName are Okta expressions; the NameID template is escaped for Terraform', () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'S', { target: flex, nameId: 'user.email', email: 'user.login', fullName: 'user.displayName' });
    const app = onlyResource(synthJson(stack), 'okta_app_saml');
    expect(app.subject_name_id_template).toBe('$${user.email}');
    expect(app.attribute_statements.slice(0, 2).map((s: any) => s.values)).toEqual([['user.login'], ['user.displayName']]);
  });

  test('a NameID template instead of an expression is refused, naming the prop and value', () => {
    const e = error(() => new OktaTwilioSso(oktaStack(), 'S', { target: flex, nameId: '${user.email}' }));
    expect(e.code).toBe(SsoErrorCode.NAME_ID_INVALID);
    expect([e.field, e.value]).toEqual(['nameId', '${user.email}']);
    expect(e.message).toMatch("nameId must be an Okta expression such as 'user.department' (write the expression itself, without '${…}'), got '${user.email}'");
  });

  test('displayName sets the app label', () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'S', { target: flex, displayName: 'Contact center' });
    expect(onlyResource(synthJson(stack), 'okta_app_saml').label).toBe('Contact center');
  });

  test('userType source sends roles from user.userType and assigns groups without roles or property', () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'S', { target: flex, rolesSource: OktaRolesSource.USER_TYPE, groups: [{ principalId: '00g1', roles: [] }] });
    const json = synthJson(stack);
    const app = onlyResource(json, 'okta_app_saml');
    expect(app.attribute_statements.find((s: any) => s.name === 'roles').values).toEqual(['user.userType']);
    expect(json.resource.okta_app_user_schema_property).toBeUndefined();
    expect(onlyResource(json, 'okta_app_group_assignments').group).toEqual([{ id: '00g1', priority: 0, profile: '{}' }]);
  });

  test('the login link becomes the default_redirect_url output', () => {
    const stack = oktaStack();
    const sso = new OktaTwilioSso(stack, 'S', { target: TwilioTarget.flexEnhanced({ connectionSid: JQ, runtimeDomain: 'kiwi-owl-1234.twil.io' }) });
    new TwilioConsoleOutputs(stack, 'Console', { app: sso, prefix: 'emea_' });
    const json = synthJson(stack);
    expect(json.output.emea_default_redirect_url.value).toBe('https://flex.twilio.com/kiwi-owl-1234.twil.io');
  });
});

describe('OktaTwilioSso bad input', () => {
  test('fails if a group has a role Frontline does not have, and declares nothing', () => {
    const stack = oktaStack();
    const e = error(() => new OktaTwilioSso(stack, 'S', { target: frontline, groups: [{ principalId: '00g1', roles: ['agent', 'admin'] }] }));
    expect(e.code).toBe('ROLE_UNKNOWN');
    expect(e.message).toMatch("groups[0].roles[1] is not a frontline role, got 'admin'");
    expect(synthJson(stack).resource?.okta_app_saml).toBeUndefined();
  });

  test('fails if a group is listed twice', () => {
    const e = error(() => new OktaTwilioSso(oktaStack(), 'S', { target: flex, groups: [{ principalId: '00g1', roles: ['agent'] }, { principalId: '00g1', roles: ['admin'] }] }));
    expect(e.message).toMatch("groups[1].principalId '00g1' is already listed at groups[0]");
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.PRINCIPAL_DUPLICATE, 'groups[1].principalId', '00g1']);
  });

  test('fails on bad attribute names, an out-of-range key validity and roles with userType', () => {
    expect(error(() => new OktaTwilioSso(oktaStack(), 'S', { target: flex, attributes: [{ name: 'Department', value: 'user.department' }] })).code).toBe('CLAIM_NAME_CAPITALISED');
    expect(() => new OktaTwilioSso(oktaStack(), 'S', { target: flex, keyYearsValid: 1 })).toThrow('keyYearsValid must be a whole number of years from 2 to 10, got 1');
    expect(error(() => new OktaTwilioSso(oktaStack(), 'S', { target: flex, rolesSource: OktaRolesSource.USER_TYPE, groups: [{ principalId: '00g1', roles: ['agent'] }] })).code).toBe(
      'OKTA_ROLES_WITH_USER_TYPE',
    );
  });

  test('reports every problem at once', () => {
    const e = error(
      () =>
        new OktaTwilioSso(oktaStack(), 'S', {
          target: flex,
          keyYearsValid: 11,
          groups: [{ principalId: '00g1', roles: ['boss'] }],
          attributes: [{ name: 'team name', value: 'x' }],
        }),
    );
    expect(e.message).toMatch(/3 problems/);
  });

  test('addUser and addAttribute refuse duplicates', () => {
    const sso = new OktaTwilioSso(oktaStack(), 'S', { target: flex });
    sso.addUser({ principalId: '00u1', roles: ['agent'] });
    expect(() => sso.addUser({ principalId: '00u1', roles: ['admin'] })).toThrow("users[1].principalId '00u1' is already listed at users[0]; list each user once with all its roles [PRINCIPAL_DUPLICATE]");
    sso.addAttribute({ name: 'location', value: 'user.city' });
    expect(() => sso.addAttribute({ name: 'location', value: 'user.city' })).toThrow("attributes[1].name 'location' is already declared at attributes[0] [ATTRIBUTE_DUPLICATE]");
  });
});

describe('OktaTwilioSso.findProblems', () => {
  test('lists every problem as data, without throwing, and nothing for good props', () => {
    const problems = OktaTwilioSso.findProblems({ target: frontline, groups: [{ principalId: '00g1', roles: ['admin', 'agent', 'boss'] }], keyYearsValid: 1 });
    expect(problems.map((p) => [p.code, p.field, p.value])).toEqual([
      [SsoErrorCode.ROLE_UNKNOWN, 'groups[0].roles[0]', 'admin'],
      [SsoErrorCode.ROLE_UNKNOWN, 'groups[0].roles[2]', 'boss'],
      [SsoErrorCode.OKTA_KEY_YEARS_INVALID, 'keyYearsValid', 1],
    ]);
    expect(problems[2].message).toBe('keyYearsValid must be a whole number of years from 2 to 10, got 1');
    expect(OktaTwilioSso.findProblems({ target: frontline, groups: [{ principalId: '00g1', roles: ['agent'] }] })).toEqual([]);
  });
});
