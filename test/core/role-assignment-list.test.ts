import { TerraformStack, Testing } from 'cdktf';
import { PrincipalKind, RoleAssignmentList, TwilioTarget } from '../../lib';
import { ssoError } from '../support/errors';

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
const owner = new TerraformStack(Testing.app(), 'owner');

describe('RoleAssignmentList', () => {
  test('records copies without repeated roles, in order', () => {
    const list = new RoleAssignmentList(flex, PrincipalKind.GROUP, owner);
    const input = { principalId: 'g1', roles: ['agent', 'agent', 'supervisor'] };
    expect(list.add(input)).toEqual({ principalId: 'g1', roles: ['agent', 'supervisor'] });
    input.roles.push('admin');
    list.add({ principalId: 'g2', roles: ['admin'] });
    expect(list.all).toEqual([
      { principalId: 'g1', roles: ['agent', 'supervisor'] },
      { principalId: 'g2', roles: ['admin'] },
    ]);
    expect(list.length).toBe(2);
  });

  test('fails on a principal listed twice, an empty ID, an unknown role, or roles where none are allowed', () => {
    const list = new RoleAssignmentList(flex, PrincipalKind.USER, owner);
    list.add({ principalId: 'u1', roles: ['agent'] });
    expect(ssoError(() => list.add({ principalId: 'u1', roles: ['admin'] })).message).toBe(
      "Cannot add user 'u1' to owner: it is already assigned; list each user once with all its roles",
    );
    expect(ssoError(() => list.add({ principalId: ' ', roles: ['agent'] })).message).toBe("users[1].id must be a non-empty ID, got ' '");
    expect(ssoError(() => list.add({ principalId: 'u2', roles: ['owner'] })).message).toContain("users[1].roles[0] is not a flex role, got 'owner'");
    expect(ssoError(() => list.add({ principalId: 'u3', roles: ['agent'] }, false)).code).toBe('ROLES_NOT_ALLOWED');
    expect(list.add({ principalId: 'u3', roles: [] }, false)).toEqual({ principalId: 'u3', roles: [] });
  });
});
