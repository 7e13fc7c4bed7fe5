import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { PrincipalKind, RoleAssignmentList } from '../../lib/core/role-assignment';
import { ssoError } from '../support/errors';

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
const owner = new TerraformStack(Testing.app(), 'owner');

describe('RoleAssignmentList', () => {
  test('records copies without repeated roles, in order; a literal ID is its own key', () => {
    const list = new RoleAssignmentList(flex, PrincipalKind.GROUP, owner);
    const input = { principalId: 'g1', roles: ['agent', 'agent', 'supervisor'] };
    expect(list.add(input)).toEqual({ principalId: 'g1', roles: ['agent', 'supervisor'], key: 'g1' });
    input.roles.push('admin');
    list.add({ principalId: 'g2', roles: ['admin'] });
    expect(list.all).toEqual([
      { principalId: 'g1', roles: ['agent', 'supervisor'], key: 'g1' },
      { principalId: 'g2', roles: ['admin'], key: 'g2' },
    ]);
    expect(list.length).toBe(2);
  });

  test('a token ID is keyed by its position in the list; the same token twice is a duplicate', () => {
    const stack = new TerraformStack(Testing.app(), 'tokens');
    const id = new TerraformVariable(stack, 'group_id', { type: 'string' }).stringValue;
    const list = new RoleAssignmentList(flex, PrincipalKind.GROUP, stack);
    list.add({ principalId: 'g0', roles: ['agent'] });
    expect(list.add({ principalId: id, roles: ['agent'] }).key).toBe('ref1');
    expect(ssoError(() => list.add({ principalId: id, roles: ['admin'] })).code).toBe(SsoErrorCode.PRINCIPAL_DUPLICATE);
  });

  test('fails on a principal listed twice, an empty ID, an unknown role, or roles where none are allowed', () => {
    const list = new RoleAssignmentList(flex, PrincipalKind.USER, owner);
    list.add({ principalId: 'u1', roles: ['agent'] });
    expect(ssoError(() => list.add({ principalId: 'u1', roles: ['admin'] })).message).toBe(
      "Cannot add user 'u1' to owner: it is already assigned; list each user once with all its roles [PRINCIPAL_DUPLICATE]",
    );
    const empty = ssoError(() => list.add({ principalId: ' ', roles: ['agent'] }));
    expect([empty.message, empty.field, empty.value]).toEqual(["users[1].principalId must be a non-empty ID, got ' ' [PRINCIPAL_ID_EMPTY]", 'users[1].principalId', ' ']);
    expect(ssoError(() => list.add({ principalId: 'u2', roles: ['owner'] })).message).toContain("users[1].roles[0] is not a flex role, got 'owner'");
    expect(ssoError(() => list.add({ principalId: 'u3', roles: ['agent'] }, false)).code).toBe(SsoErrorCode.ROLES_NOT_ALLOWED);
    expect(list.add({ principalId: 'u3', roles: [] }, false)).toEqual({ principalId: 'u3', roles: [], key: 'u3' });
  });
});
