import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { PrincipalKind, assignmentListProblems, assignmentProblems, recordAssignment } from '../../lib/core/role-assignment';

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });

describe('the assignment rules (groups and users of every identity provider)', () => {
  test('a recorded assignment is a copy without repeated roles; a literal ID is its own key, a token is keyed by position', () => {
    const input = { principalId: 'g1', roles: ['agent', 'agent', 'supervisor'] };
    expect(recordAssignment(input, 0)).toEqual({ principalId: 'g1', roles: ['agent', 'supervisor'], key: 'g1' });
    const stack = new TerraformStack(Testing.app(), 'tokens');
    const id = new TerraformVariable(stack, 'group_id', { type: 'string' }).stringValue;
    expect(recordAssignment({ principalId: id, roles: ['agent'] }, 1).key).toBe('ref1');
  });

  test('a principal listed twice (a token too), an empty ID, an unknown role: each with its code, field and words', () => {
    const stack = new TerraformStack(Testing.app(), 'tokens');
    const id = new TerraformVariable(stack, 'group_id', { type: 'string' }).stringValue;
    const problems = assignmentListProblems(
      [
        { principalId: 'u1', roles: ['agent'] },
        { principalId: 'u1', roles: ['admin'] },
        { principalId: ' ', roles: ['agent'] },
        { principalId: 'u2', roles: ['owner'] },
        { principalId: id, roles: ['agent'] },
        { principalId: id, roles: ['agent'] },
      ],
      PrincipalKind.USER,
      flex,
      {},
    );
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      [SsoErrorCode.PRINCIPAL_DUPLICATE, 'users[1].principalId'],
      [SsoErrorCode.PRINCIPAL_ID_EMPTY, 'users[2].principalId'],
      [SsoErrorCode.ROLE_UNKNOWN, 'users[3].roles[0]'],
      [SsoErrorCode.PRINCIPAL_DUPLICATE, 'users[5].principalId'],
    ]);
    expect(problems[0].message).toBe("users[1].principalId 'u1' is already listed at users[0]; list each user once with all its roles");
    expect(problems[1].message).toBe("users[2].principalId must be a non-empty ID, got ' '");
    expect(problems[2].message).toContain("users[3].roles[0] is not a flex role, got 'owner'");
  });

  test('never throws: null, a wrong type, a missing roles list are violations', () => {
    expect(assignmentProblems(null, 'groups[0]', PrincipalKind.GROUP, flex, {}, []).map((p) => p.code)).toEqual([SsoErrorCode.VALUE_REQUIRED]);
    expect(assignmentProblems({ principalId: '00g1' }, 'groups[0]', PrincipalKind.GROUP, flex, {}, []).map((p) => [p.code, p.field])).toEqual([[SsoErrorCode.VALUE_REQUIRED, 'groups[0].roles']]);
    expect(assignmentProblems({ principalId: 5, roles: 'agent' }, 'groups[0]', PrincipalKind.GROUP, flex, {}, []).map((p) => [p.code, p.field])).toEqual([
      [SsoErrorCode.VALUE_TYPE_INVALID, 'groups[0].principalId'],
      [SsoErrorCode.VALUE_TYPE_INVALID, 'groups[0].roles'],
    ]);
    expect(assignmentListProblems('groups', PrincipalKind.GROUP, flex, {}).map((p) => p.code)).toEqual([SsoErrorCode.VALUE_TYPE_INVALID]);
  });
});
