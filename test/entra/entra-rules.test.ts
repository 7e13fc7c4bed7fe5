import { TerraformVariable } from 'cdktf';
import { EntraTwilioSso, EntraTwilioSsoProps } from '../../lib/entra';
import { SsoErrorCode, TwilioTarget, Violation } from '../../lib/twilio';
import { entraStack, error, synthJson } from './support';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const GROUP = '11111111-1111-4111-8111-111111111111';
const USER = '33333333-3333-4333-8333-333333333333';
const UUID_A = 'a1a1a1a1-0000-4000-8000-000000000001';
const UUID_B = 'b2b2b2b2-0000-4000-8000-000000000002';
const UUID_C = 'c3c3c3c3-0000-4000-8000-000000000003';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const props = (over: Record<string, unknown> = {}) => ({ target: flex, ...over }) as EntraTwilioSsoProps;
const codes = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);

describe('findProblems is the primitive: it never throws, whatever it is given', () => {
  test('empty props: the missing target, as data', () => {
    expect(codes(EntraTwilioSso.findProblems({} as EntraTwilioSsoProps))).toEqual([[SsoErrorCode.VALUE_REQUIRED, 'target']]);
  });

  test.each([null, undefined, 42, 'props', []])('props %p: a violation of props, not a TypeError', (value) => {
    const found = EntraTwilioSso.findProblems(value as unknown as EntraTwilioSsoProps);
    expect(found.map((v) => v.field)).toEqual(['props']);
    expect(() => EntraTwilioSso.validateProps(value as unknown as EntraTwilioSsoProps)).toThrow(/props (is required|must be)/);
    expect(() => new EntraTwilioSso(entraStack(), 'Sso', value as unknown as EntraTwilioSsoProps)).toThrow(/props (is required|must be)/);
  });

  test.each<[string, unknown, Array<[SsoErrorCode, string]>, RegExp]>([
    ['tenantId', 5, [[SsoErrorCode.VALUE_TYPE_INVALID, 'tenantId']], /tenantId must be the tenant's ID \(a UUID\), not its domain name, got a number 5/],
    ['owners', UUID_A, [[SsoErrorCode.VALUE_TYPE_INVALID, 'owners']], /owners must be a list of object IDs, got a string/],
    ['owners', [5], [[SsoErrorCode.VALUE_TYPE_INVALID, 'owners[0]']], /owners\[0\] must be an object ID \(a UUID\), got a number 5/],
    ['notificationEmails', 'ops@example.com', [[SsoErrorCode.VALUE_TYPE_INVALID, 'notificationEmails']], /notificationEmails must be a list of email addresses/],
    ['notificationEmails', [null], [[SsoErrorCode.ENTRA_NOTIFICATION_EMAIL_INVALID, 'notificationEmails[0]']], /must be an email address, got null/],
    ['certificates', 'primary', [[SsoErrorCode.VALUE_TYPE_INVALID, 'certificates']], /certificates must be a list of certificates, got a string 'primary'/],
    ['certificates', [null], [[SsoErrorCode.VALUE_REQUIRED, 'certificates[0]']], /certificates\[0\] is required: a certificate/],
    ['certificates', [{ name: 5 }], [[SsoErrorCode.ENTRA_CERTIFICATE_NAME_INVALID, 'certificates[0].name']], /got 5/],
    ['certificates', [{ name: 'a', displayName: 7, validityYears: 'two' }], [[SsoErrorCode.ENTRA_CERTIFICATE_DISPLAY_NAME_INVALID, 'certificates[0].displayName'], [SsoErrorCode.ENTRA_CERTIFICATE_VALIDITY_INVALID, 'certificates[0].validityYears']], /got 7/],
    ['activeCertificate', 3, [[SsoErrorCode.VALUE_TYPE_INVALID, 'activeCertificate']], /activeCertificate must be the name of one of the certificates or left out, got a number 3/],
    ['identifierUriDelaySeconds', '60', [[SsoErrorCode.ENTRA_IDENTIFIER_URI_DELAY_INVALID, 'identifierUriDelaySeconds']], /got '60'/],
    ['roles', 'agent', [[SsoErrorCode.VALUE_TYPE_INVALID, 'roles']], /roles must be a list of flex roles/],
    ['groups', 'Agents', [[SsoErrorCode.VALUE_TYPE_INVALID, 'groups']], /groups must be a list of group assignments, got a string 'Agents'/],
    ['groups', [null], [[SsoErrorCode.VALUE_REQUIRED, 'groups[0]']], /groups\[0\] is required: a group assignment \{ principalId, roles \}/],
    ['groups', [{ principalId: 5, roles: ['agent'] }], [[SsoErrorCode.VALUE_TYPE_INVALID, 'groups[0].principalId']], /groups\[0\].principalId must be the identity provider's ID of the group, got a number 5/],
    ['users', [{ principalId: USER }], [[SsoErrorCode.VALUE_REQUIRED, 'users[0].roles']], /users\[0\].roles is required/],
    ['adopt', 'app', [[SsoErrorCode.VALUE_TYPE_INVALID, 'adopt']], /adopt must be the existing app's IDs/],
    [
      'adopt',
      { applicationObjectId: 5, servicePrincipalObjectId: UUID_B, signingCertificateKeyId: UUID_C, appRoleIds: 'x' },
      [[SsoErrorCode.VALUE_TYPE_INVALID, 'adopt.applicationObjectId'], [SsoErrorCode.VALUE_TYPE_INVALID, 'adopt.appRoleIds']],
      /adopt.applicationObjectId must be a UUID, got a number 5/,
    ],
  ])('%s = %p', (key, value, expected, message) => {
    const found = EntraTwilioSso.findProblems(props({ [key]: value }));
    expect(codes(found)).toEqual(expected);
    expect(found.map((v) => v.message).join('\n')).toMatch(message);
  });

  test('validateProps throws exactly what findProblems returns, and nothing is declared', () => {
    const bad = props({ tenantId: 'contoso.onmicrosoft.com', owners: ['Jane Doe'], groups: [{ principalId: GROUP, roles: ['boss'] }], identifierUriDelaySeconds: -1 });
    const found = EntraTwilioSso.findProblems(bad);
    expect(found.length).toBe(4);
    expect(error(() => EntraTwilioSso.validateProps(bad)).violations).toEqual(found);
    const stack = entraStack();
    expect(error(() => new EntraTwilioSso(stack, 'Sso', bad)).violations).toEqual(found);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('an ID that looks like a name says so', () => {
    const found = EntraTwilioSso.findProblems(props({ tenantId: 'contoso.onmicrosoft.com', owners: ['Jane Doe', 'jane@contoso.com', '12345'] }));
    expect(found.map((v) => v.message)).toEqual([
      "tenantId must be the tenant's ID (a UUID), not its domain name, got 'contoso.onmicrosoft.com', which looks like a domain name, not an ID",
      "owners[0] must be an object ID (a UUID), got 'Jane Doe', which looks like a name, not an ID",
      "owners[1] must be an object ID (a UUID), got 'jane@contoso.com', which looks like a sign-in name or mail address, not an ID",
      "owners[2] must be an object ID (a UUID), got '12345'",
    ]);
  });

  test('roleId and appRoleId: a wrong type or a token is a violation, not a TypeError', () => {
    const stack = entraStack();
    const sso = new EntraTwilioSso(stack, 'Sso', props());
    const role = new TerraformVariable(stack, 'role', { type: 'string' }).stringValue;
    expect([error(() => sso.roleId(5 as never)).code, error(() => sso.roleId(role)).code, error(() => sso.roleId('boss')).code]).toEqual([
      SsoErrorCode.VALUE_TYPE_INVALID,
      SsoErrorCode.ROLE_UNRESOLVED,
      SsoErrorCode.ROLE_UNKNOWN,
    ]);
    expect([error(() => EntraTwilioSso.appRoleId(5 as never)).code, error(() => EntraTwilioSso.appRoleId(role)).code]).toEqual([SsoErrorCode.VALUE_TYPE_INVALID, SsoErrorCode.ROLE_UNRESOLVED]);
    expect(sso.roleId('agent')).toBe(EntraTwilioSso.appRoleId('agent'));
  });

  test('addGroup/addUser: null, a wrong type, a missing role list are violations with the props path’s code and words', () => {
    const sso = new EntraTwilioSso(entraStack(), 'Sso', props());
    for (const [item, code] of [
      [null, SsoErrorCode.VALUE_REQUIRED],
      [{ principalId: GROUP }, SsoErrorCode.VALUE_REQUIRED],
      [{ principalId: GROUP, roles: 'agent' }, SsoErrorCode.VALUE_TYPE_INVALID],
      [{ principalId: GROUP, roles: [] }, SsoErrorCode.ROLES_EMPTY],
    ] as const) {
      const fromProps = EntraTwilioSso.findProblems(props({ groups: [item] }));
      const added = error(() => sso.addGroup(item as never));
      expect(added.code).toBe(code);
      expect(added.violations.map((v) => [v.code, v.field, v.problem])).toEqual(fromProps.map((v) => [v.code, v.field, v.problem]));
    }
    expect(sso.groupAssignments).toEqual([]);
  });
});

describe('a cdktf token in every prop: validated when known, deferred when not', () => {
  const stack = entraStack();
  const text = new TerraformVariable(stack, 'text', { type: 'string' }).stringValue;
  const list = new TerraformVariable(stack, 'list', { type: 'list(string)' }).listValue;
  const number = new TerraformVariable(stack, 'number', { type: 'number' }).numberValue;
  const adopt = { applicationObjectId: UUID_A, servicePrincipalObjectId: UUID_B, signingCertificateKeyId: UUID_C };

  // undefined: accepted. Roles must be known at synth (each is an app role with a derived ID).
  test.each<[string, () => Record<string, unknown>, Array<[SsoErrorCode, string]>]>([
    ['displayName', () => ({ displayName: text }), []],
    ['nameId', () => ({ nameId: text }), []],
    ['email', () => ({ email: text }), []],
    ['fullName', () => ({ fullName: text }), []],
    ['attributes[].value', () => ({ attributes: [{ name: 'department', value: text }] }), []],
    ['certificateExpiryWarningDays (a TerraformVariable.numberValue)', () => ({ certificateExpiryWarningDays: number }), []],
    ['groups[].principalId', () => ({ groups: [{ principalId: text, roles: ['agent'] }] }), []],
    ['groups[].roles (a list token)', () => ({ groups: [{ principalId: GROUP, roles: list }] }), [[SsoErrorCode.ROLE_UNRESOLVED, 'groups[0].roles']]],
    ['users[].roles[] (a string token)', () => ({ users: [{ principalId: USER, roles: [text] }] }), [[SsoErrorCode.ROLE_UNRESOLVED, 'users[0].roles[0]']]],
    ['tenantId', () => ({ tenantId: text }), []],
    ['owners (a list token)', () => ({ owners: list }), []],
    ['owners[]', () => ({ owners: [text] }), []],
    ['notificationEmails (a list token)', () => ({ notificationEmails: list }), []],
    ['notificationEmails[]', () => ({ notificationEmails: [text] }), []],
    ['roles', () => ({ roles: list }), [[SsoErrorCode.ROLE_UNRESOLVED, 'roles']]],
    ['certificates[].displayName and endDate', () => ({ certificates: [{ name: 'a', displayName: text, endDate: text }] }), []],
    ['certificates[].validityYears', () => ({ certificates: [{ name: 'a', validityYears: number }] }), []],
    ['identifierUriDelaySeconds', () => ({ identifierUriDelaySeconds: number }), []],
    ['activeCertificate (chooses a resource at synth)', () => ({ activeCertificate: text }), [[SsoErrorCode.ENTRA_ACTIVE_CERTIFICATE_UNKNOWN, 'activeCertificate']]],
    ['adopt IDs', () => ({ adopt: { applicationObjectId: text, servicePrincipalObjectId: text, signingCertificateKeyId: text } }), []],
    ['adopt.appRoleIds and appRoleAssignmentIds values', () => ({ adopt: { ...adopt, appRoleIds: { agent: text }, appRoleAssignmentIds: { [`${GROUP}/agent`]: text } } }), []],
  ])('%s', (_what, over, expected) => {
    const p = props(over());
    expect(codes(EntraTwilioSso.findProblems(p))).toEqual(expected);
    if (expected.length === 0) expect(() => new EntraTwilioSso(stack, `Sso${Math.random().toString(36).slice(2)}`, p)).not.toThrow();
  });

  test('a number token as certificateExpiryWarningDays reaches the construct as given (issue 20: it was refused as -8.1e298)', () => {
    const sso = new EntraTwilioSso(entraStack(), 'Sso', props({ certificateExpiryWarningDays: number }));
    expect(sso.certificateExpiryWarningDays).toBe(number);
  });
});
