import { TerraformStack, TerraformVariable } from 'cdktf';
import { TwilioConsoleOutputs } from '../../lib/core';
import { OktaRolesSource, OktaTwilioSso, OktaTwilioSsoProps } from '../../lib/okta';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';
import { oktaStack, synthJson } from '../support/synth';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });

const str = (stack: TerraformStack, name: string): string => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
const num = (stack: TerraformStack, name: string): number => new TerraformVariable(stack, name, { type: 'number' }).numberValue;
const list = (stack: TerraformStack, name: string): string[] => new TerraformVariable(stack, name, { type: 'list(string)' }).listValue;

// Every prop that takes an ID or a Twilio value takes a cdktf token (string, number or list): nothing
// is checked that is not known, and the reference reaches the Terraform JSON.
describe('OktaTwilioSso: a token for every prop', () => {
  const cases: Array<[string, (s: TerraformStack) => Partial<OktaTwilioSsoProps>]> = [
    ['target (a token SID)', (s) => ({ target: TwilioTarget.flexEnhanced({ connectionSid: str(s, 'v') }) })],
    ['target (token URLs)', (s) => ({ target: TwilioTarget.fromServiceProvider({ product: flex.product, entityId: str(s, 'v'), acsUrl: str(s, 'acs') }) })],
    ['displayName', (s) => ({ displayName: str(s, 'v') })],
    ['displayName (mixed)', (s) => ({ displayName: `Flex ${str(s, 'v')}` })],
    ['nameId', (s) => ({ nameId: str(s, 'v') })],
    ['email', (s) => ({ email: str(s, 'v') })],
    ['fullName', (s) => ({ fullName: str(s, 'v') })],
    ['attributes[0].name', (s) => ({ attributes: [{ name: str(s, 'v'), value: 'user.department' }] })],
    ['attributes[0].value', (s) => ({ attributes: [{ name: 'department', value: str(s, 'v') }] })],
    ['certificateExpiryWarningDays (number)', (s) => ({ certificateExpiryWarningDays: num(s, 'v') })],
    ['keyYearsValid (number)', (s) => ({ keyYearsValid: num(s, 'v') })],
    ['groups[0].principalId', (s) => ({ groups: [{ principalId: str(s, 'v'), roles: ['agent'] }] })],
    ['groups[0].roles (list)', (s) => ({ groups: [{ principalId: '00g1', roles: list(s, 'v') }] })],
    ['groups[0].roles[0]', (s) => ({ groups: [{ principalId: '00g1', roles: [str(s, 'v')] }] })],
    ['users[0].principalId', (s) => ({ users: [{ principalId: str(s, 'v'), roles: ['agent'] }] })],
    ['users[0].roles (list)', (s) => ({ users: [{ principalId: '00u1', roles: list(s, 'v') }] })],
    ['adopt.appId', (s) => ({ adopt: { appId: str(s, 'v') } })],
  ];

  test.each(cases)('%s', (_name, build) => {
    const stack = oktaStack();
    const props = { target: flex, ...build(stack) } as OktaTwilioSsoProps;
    expect(OktaTwilioSso.findProblems(props)).toEqual([]);
    const sso = new OktaTwilioSso(stack, 'S', props);
    new TwilioConsoleOutputs(stack, 'Console', { app: sso });
    const text = JSON.stringify(synthJson(stack));
    expect(text).toMatch(/var\.v\b/);
  });
});

// A JavaScript caller can pass anything (issue 19, point 7): findProblems returns problems, the
// constructor and add* throw SsoConfigError with code, field and value, never a TypeError.
describe('OktaTwilioSso never fails with a TypeError', () => {
  test.each([
    ['{}', {}, [[SsoErrorCode.VALUE_REQUIRED, 'target']]],
    ['null', null, [[SsoErrorCode.VALUE_REQUIRED, 'props']]],
    ['a string', 'props', [[SsoErrorCode.VALUE_TYPE_INVALID, 'props']]],
    ['target {}', { target: {} }, [[SsoErrorCode.VALUE_TYPE_INVALID, 'target']]],
    ['a group without roles', { target: flex, groups: [{ principalId: '00g1' }] }, [[SsoErrorCode.VALUE_REQUIRED, 'groups[0].roles']]],
    ['groups: null entry', { target: flex, groups: [null] }, [[SsoErrorCode.VALUE_REQUIRED, 'groups[0]']]],
    ['groups: an object', { target: flex, groups: { principalId: '00g1' } }, [[SsoErrorCode.VALUE_TYPE_INVALID, 'groups']]],
    ['attributes: a string', { target: flex, attributes: 'department' }, [[SsoErrorCode.VALUE_TYPE_INVALID, 'attributes']]],
    ['attributes[0] without value', { target: flex, attributes: [{ name: 'department' }] }, [[SsoErrorCode.VALUE_REQUIRED, 'attributes[0].value']]],
    ['displayName 5', { target: flex, displayName: 5 }, [[SsoErrorCode.VALUE_TYPE_INVALID, 'displayName']]],
    ['nameId {}', { target: flex, nameId: {} }, [[SsoErrorCode.VALUE_TYPE_INVALID, 'nameId']]],
    ['keyYearsValid "5"', { target: flex, keyYearsValid: '5' }, [[SsoErrorCode.OKTA_KEY_YEARS_INVALID, 'keyYearsValid']]],
    ['rolesSource "groups"', { target: flex, rolesSource: 'groups' }, [[SsoErrorCode.VALUE_TYPE_INVALID, 'rolesSource']]],
    ['adopt "0oa1"', { target: flex, adopt: '0oa1' }, [[SsoErrorCode.VALUE_TYPE_INVALID, 'adopt']]],
    ['certificateExpiryWarningDays NaN', { target: flex, certificateExpiryWarningDays: NaN }, [[SsoErrorCode.CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID, 'certificateExpiryWarningDays']]],
  ])('%s', (_name, props, expected) => {
    const problems = OktaTwilioSso.findProblems(props as any);
    expect(problems.map((p) => [p.code, p.field])).toEqual(expected);
    const e = ssoError(() => new OktaTwilioSso(oktaStack(), 'S', props as any));
    expect([e.code, e.field]).toEqual(expected[0]);
  });

  test('addGroup(null), addUser(5), addAttribute(undefined) are SsoConfigErrors', () => {
    const sso = new OktaTwilioSso(oktaStack(), 'S', { target: flex });
    expect([ssoError(() => sso.addGroup(null as any)).code, ssoError(() => sso.addGroup(null as any)).field]).toEqual([SsoErrorCode.VALUE_REQUIRED, 'groups[0]']);
    expect(ssoError(() => sso.addUser(5 as any)).code).toBe(SsoErrorCode.VALUE_TYPE_INVALID);
    expect(ssoError(() => sso.addAttribute(undefined as any)).field).toBe('attributes[0]');
    expect(ssoError(() => sso.addGroup({ principalId: '00g1' } as any)).field).toBe('groups[0].roles');
  });

  test('TwilioConsoleOutputs without an app, with a non-app, or with a prefix Terraform refuses', () => {
    const stack = oktaStack();
    const sso = new OktaTwilioSso(stack, 'S', { target: flex });
    expect([ssoError(() => new TwilioConsoleOutputs(stack, 'C', {} as any)).code, ssoError(() => new TwilioConsoleOutputs(stack, 'C1', {} as any)).field]).toEqual([
      SsoErrorCode.VALUE_REQUIRED,
      'app',
    ]);
    expect(ssoError(() => new TwilioConsoleOutputs(stack, 'C2', { app: {} as any })).code).toBe(SsoErrorCode.VALUE_TYPE_INVALID);
    expect(ssoError(() => new TwilioConsoleOutputs(stack, 'C3', null as any)).code).toBe(SsoErrorCode.VALUE_REQUIRED);
    for (const prefix of ['1st_', 'emea.', 'a b', '${var.x}', 'é']) {
      const e = ssoError(() => new TwilioConsoleOutputs(stack, `P${prefix.length}`, { app: sso, prefix }));
      expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.OUTPUT_PREFIX_INVALID, 'prefix', prefix]);
    }
    expect(ssoError(() => new TwilioConsoleOutputs(stack, 'P', { app: sso, prefix: 7 as any })).code).toBe(SsoErrorCode.VALUE_TYPE_INVALID);
    for (const prefix of ['', 'emea_', '_x', 'Flex-2']) expect(() => new TwilioConsoleOutputs(stack, `ok${prefix}`, { app: sso, prefix })).not.toThrow();
  });
});

describe('OktaTwilioSso: the same mistake, the same code and words from props and from add*', () => {
  test('roles with rolesSource userType: OKTA_ROLES_WITH_USER_TYPE from groups, users, addGroup and addUser', () => {
    const fromProps = OktaTwilioSso.findProblems({ target: flex, rolesSource: OktaRolesSource.USER_TYPE, groups: [{ principalId: '00g1', roles: ['agent'] }], users: [{ principalId: '00u1', roles: ['agent'] }] });
    const sso = new OktaTwilioSso(oktaStack(), 'S', { target: flex, rolesSource: OktaRolesSource.USER_TYPE });
    const fromAddGroup = ssoError(() => sso.addGroup({ principalId: '00g1', roles: ['agent'] })).violations;
    const fromAddUser = ssoError(() => sso.addUser({ principalId: '00u1', roles: ['agent'] })).violations;
    expect(fromProps.map((v) => [v.code, v.field, v.problem])).toEqual([...fromAddGroup, ...fromAddUser].map((v) => [v.code, v.field, v.problem]));
    expect(fromProps[0].code).toBe(SsoErrorCode.OKTA_ROLES_WITH_USER_TYPE);
    // No roles at all (or none given) is how groups are given with userType.
    expect(sso.addGroup({ principalId: '00g2' } as any)).toEqual({ principalId: '00g2', roles: [] });
  });

  test('a duplicate attribute: ATTRIBUTE_DUPLICATE with the same words from the attributes prop and addAttribute', () => {
    const attributes = [{ name: 'department', value: 'user.department' }, { name: 'department', value: 'user.title' }];
    const fromProps = OktaTwilioSso.findProblems({ target: flex, attributes });
    const sso = new OktaTwilioSso(oktaStack(), 'S', { target: flex, attributes: [attributes[0]] });
    const fromAdd = ssoError(() => sso.addAttribute(attributes[1])).violations;
    expect(fromProps.map((v) => [v.code, v.field, v.message])).toEqual(fromAdd.map((v) => [v.code, v.field, v.message]));
    expect(fromProps[0].code).toBe(SsoErrorCode.ATTRIBUTE_DUPLICATE);
  });
});

describe('Okta group and user IDs are checked by shape (00g…, 00u…)', () => {
  test.each([
    ['groups', 'Flex Agents', 'which looks like a group name, not its ID'],
    ['groups', 'agents', 'which looks like a group name, not its ID'],
    ['groups', '00u1abcdefghijklmnop', "which is an Okta user ID: give users in 'users'"],
    ['users', 'jane@example.com', 'which looks like a login, not the user ID'],
    ['users', '00g1abcdefghijklmnop', "which is an Okta group ID: give groups in 'groups'"],
  ])('%s: %s', (list, id, why) => {
    const problems = OktaTwilioSso.findProblems({ target: flex, [list]: [{ principalId: id, roles: ['agent'] }] });
    expect(problems.map((p) => [p.code, p.field])).toEqual([[SsoErrorCode.PRINCIPAL_ID_INVALID, `${list}[0].principalId`]]);
    expect(problems[0].message).toContain(`got '${id}', ${why}`);
    expect(problems[0].message).toContain(list === 'groups' ? "an Okta group ID, '00g' followed by letters and digits" : "an Okta user ID, '00u' followed by letters and digits");
    // addGroup/addUser: the same code and words.
    const sso = new OktaTwilioSso(oktaStack(), 'S', { target: flex });
    const add = list === 'groups' ? () => sso.addGroup({ principalId: id, roles: ['agent'] }) : () => sso.addUser({ principalId: id, roles: ['agent'] });
    expect(ssoError(add).violations.map((v) => [v.code, v.field, v.problem])).toEqual(problems.map((v) => [v.code, v.field, v.problem]));
  });

  test('real-looking IDs pass', () => {
    expect(OktaTwilioSso.findProblems({ target: flex, groups: [{ principalId: '00g1emaKYZTWRYYRRTSK', roles: ['agent'] }], users: [{ principalId: '00ub0oNGTSWTBKOLGLNR', roles: ['admin'] }] })).toEqual([]);
  });
});
