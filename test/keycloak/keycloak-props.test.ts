import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { TwilioConsoleOutputs } from '../../lib/core';
import { KeycloakProvider, KeycloakTwilioSso, KeycloakTwilioSsoProps } from '../../lib/keycloak';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const GROUP = '6f0e3d1a-0000-4000-8000-000000000001';
const USER = '6f0e3d1a-0000-4000-8000-000000000002';
const base = { target: flex, serverUrl: 'https://sso.example.com', realm: 'twilio' };

function keycloakStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
  return stack;
}

const str = (stack: TerraformStack, name: string): string => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
const num = (stack: TerraformStack, name: string): number => new TerraformVariable(stack, name, { type: 'number' }).numberValue;
const list = (stack: TerraformStack, name: string): string[] => new TerraformVariable(stack, name, { type: 'list(string)' }).listValue;

describe('KeycloakTwilioSso: a token for every prop', () => {
  const cases: Array<[string, (s: TerraformStack) => Partial<KeycloakTwilioSsoProps>]> = [
    ['target (a token SID)', (s) => ({ target: TwilioTarget.flexEnhanced({ connectionSid: str(s, 'v') }) })],
    ['target (token URLs)', (s) => ({ target: TwilioTarget.fromServiceProvider({ product: flex.product, entityId: str(s, 'v'), acsUrl: str(s, 'acs') }) })],
    ['serverUrl', (s) => ({ serverUrl: str(s, 'v') })],
    ['realm', (s) => ({ realm: str(s, 'v') })],
    ['idpInitiatedSsoUrlName', (s) => ({ idpInitiatedSsoUrlName: str(s, 'v') })],
    ['displayName', (s) => ({ displayName: str(s, 'v') })],
    ['nameId', (s) => ({ nameId: str(s, 'v') })],
    ['email', (s) => ({ email: str(s, 'v') })],
    ['fullName', (s) => ({ fullName: str(s, 'v') })],
    ['attributes[0].value', (s) => ({ attributes: [{ name: 'department', value: str(s, 'v') }] })],
    ['certificateExpiryWarningDays (number)', (s) => ({ certificateExpiryWarningDays: num(s, 'v') })],
    ['groups[0].principalId', (s) => ({ groups: [{ principalId: str(s, 'v'), roles: ['agent'] }] })],
    ['groups[0].roles (list)', (s) => ({ groups: [{ principalId: GROUP, roles: list(s, 'v') }] })],
    ['users[0].principalId', (s) => ({ users: [{ principalId: str(s, 'v'), roles: ['agent'] }] })],
    ['users[0].roles (list)', (s) => ({ users: [{ principalId: USER, roles: list(s, 'v') }] })],
    ['adopt.clientUuid', (s) => ({ adopt: { clientUuid: str(s, 'v') } })],
    ['adopt.roleIds.agent', (s) => ({ adopt: { clientUuid: GROUP, roleIds: { agent: str(s, 'v') } } })],
    ['adopt.mapperIds.email', (s) => ({ adopt: { clientUuid: GROUP, mapperIds: { email: str(s, 'v') } } })],
  ];

  test.each(cases)('%s', (_name, build) => {
    const stack = keycloakStack();
    const props = { ...base, ...build(stack) } as KeycloakTwilioSsoProps;
    expect(KeycloakTwilioSso.findProblems(props)).toEqual([]);
    const sso = new KeycloakTwilioSso(stack, 'S', props);
    new TwilioConsoleOutputs(stack, 'Console', { app: sso });
    expect(Testing.synth(stack, true)).toMatch(/var\.v\b/);
  });

  test('a role token inside a literal list is ROLE_UNRESOLVED (the client role is found by name at synth), from props and addGroup alike', () => {
    const stack = keycloakStack();
    const role = str(stack, 'role');
    const fromProps = KeycloakTwilioSso.findProblems({ ...base, groups: [{ principalId: GROUP, roles: ['agent', role] }] });
    expect(fromProps.map((p) => [p.code, p.field])).toEqual([[SsoErrorCode.ROLE_UNRESOLVED, 'groups[0].roles[1]']]);
    const sso = new KeycloakTwilioSso(stack, 'S', base);
    const fromAdd = ssoError(() => sso.addGroup({ principalId: GROUP, roles: ['agent', role] })).violations;
    expect(fromAdd.map((p) => [p.code, p.field, p.problem])).toEqual(fromProps.map((p) => [p.code, p.field, p.problem]));
    expect(ssoError(() => sso.role(role)).code).toBe(SsoErrorCode.ROLE_UNRESOLVED);
    expect(ssoError(() => sso.role('boss')).code).toBe(SsoErrorCode.ROLE_UNKNOWN);
  });
});

describe('KeycloakTwilioSso never fails with a TypeError', () => {
  test.each([
    ['{}', {}, [SsoErrorCode.VALUE_REQUIRED, 'serverUrl']],
    ['null', null, [SsoErrorCode.VALUE_REQUIRED, 'props']],
    ['target {}', { ...base, target: {} }, [SsoErrorCode.VALUE_TYPE_INVALID, 'target']],
    ['serverUrl 5', { ...base, serverUrl: 5 }, [SsoErrorCode.VALUE_TYPE_INVALID, 'serverUrl']],
    ['realm missing', { ...base, realm: undefined }, [SsoErrorCode.VALUE_REQUIRED, 'realm']],
    ['a group without roles', { ...base, groups: [{ principalId: GROUP }] }, [SsoErrorCode.VALUE_REQUIRED, 'groups[0].roles']],
    ['adopt null', { ...base, adopt: null }, [SsoErrorCode.VALUE_REQUIRED, 'adopt']],
    ['adopt.roleIds a list', { ...base, adopt: { clientUuid: GROUP, roleIds: ['x'] } }, [SsoErrorCode.VALUE_TYPE_INVALID, 'adopt.roleIds']],
    ['attributes [7]', { ...base, attributes: [7] }, [SsoErrorCode.VALUE_TYPE_INVALID, 'attributes[0]']],
  ])('%s', (_name, props, expected) => {
    const problems = KeycloakTwilioSso.findProblems(props as any);
    expect(problems.map((p) => [p.code, p.field])[0]).toEqual(expected);
    const e = ssoError(() => new KeycloakTwilioSso(keycloakStack(), 'S', props as any));
    expect([e.code, e.field]).toEqual(expected);
  });

  test('addGroup(null) and addUser([]) are SsoConfigErrors', () => {
    const sso = new KeycloakTwilioSso(keycloakStack(), 'S', base);
    expect(ssoError(() => sso.addGroup(null as any)).code).toBe(SsoErrorCode.VALUE_REQUIRED);
    expect(ssoError(() => sso.addUser([] as any)).code).toBe(SsoErrorCode.VALUE_TYPE_INVALID);
  });
});

describe('Keycloak group and user IDs are checked by shape', () => {
  test('a name is refused, saying it looks like one; a UUID or an imported realm ID passes', () => {
    const problems = KeycloakTwilioSso.findProblems({ ...base, groups: [{ principalId: 'Flex Agents', roles: ['agent'] }], users: [{ principalId: 'jane@example.com', roles: ['agent'] }] });
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      [SsoErrorCode.PRINCIPAL_ID_INVALID, 'groups[0].principalId'],
      [SsoErrorCode.PRINCIPAL_ID_INVALID, 'users[0].principalId'],
    ]);
    expect(problems[0].message).toContain("got 'Flex Agents', which looks like a group name, not its ID");
    expect(KeycloakTwilioSso.findProblems({ ...base, groups: [{ principalId: GROUP, roles: ['agent'] }], users: [{ principalId: 'imported-user-7', roles: ['agent'] }] })).toEqual([]);
  });
});
