import { IConstruct } from 'constructs';
import { SsoConfigError, TwilioTarget, Violations, show } from '../twilio';

/** Roles given to one principal (a group or a user) of an identity provider. */
export interface RoleAssignment {
  /** The identity provider's ID of the group or user (Okta group/user ID, Entra object ID, …). */
  readonly principalId: string;
  /** The Twilio roles the principal gets; each must be a role the target's product has. */
  readonly roles: string[];
}

function isPrincipalId(id: unknown): id is string {
  return typeof id === 'string' && id.trim() !== '';
}

/** Throws when a principal ID is missing or blank; the one wording for every list and method. */
function checkPrincipalId(id: unknown, field: string): void {
  if (!isPrincipalId(id)) throw new SsoConfigError('PRINCIPAL_ID_EMPTY', field, `${field} must be a non-empty ID, got ${show(id)}`);
}

/**
 * Checks a list of assignments: every role allowed by the target, no principal listed twice.
 * `field` names the list, e.g. `groups`; problems are reported as `groups[1].roles[0]`.
 */
export function validateRoleAssignments(target: TwilioTarget, assignments: readonly RoleAssignment[], field: string): void {
  const v = new Violations();
  const seen = new Map<string, number>();
  assignments.forEach((a, i) => {
    if (!isPrincipalId(a.principalId)) {
      v.capture(() => checkPrincipalId(a.principalId, `${field}[${i}].id`));
    } else if (seen.has(a.principalId)) {
      v.add('PRINCIPAL_DUPLICATE', `${field}[${i}].id`, `${field}[${i}].id '${a.principalId}' is already listed at ${field}[${seen.get(a.principalId)}]; list each principal once with all its roles`);
    } else {
      seen.set(a.principalId, i);
    }
    v.capture(() => target.validateRoles(a.roles, `${field}[${i}].roles`));
  });
  v.throwIfAny(`Invalid ${field} for ${target.description}`);
}

/** Whether an assignment list holds groups or users (it names the list in messages: `groups[2]`). */
export enum PrincipalKind {
  /** Groups of the identity provider. */
  GROUP = 'group',
  /** Individual users. */
  USER = 'user',
}

/**
 * The groups or users an identity-provider construct has given roles, as its `addGroup`/`addUser`
 * methods record them: each principal once, every role one the target's product has. Records copies.
 */
export class RoleAssignmentList {
  private readonly items: RoleAssignment[] = [];

  /**
   * @param target the Twilio target whose roles are allowed
   * @param kind groups or users
   * @param owner the construct the list belongs to (named in messages)
   */
  constructor(
    private readonly target: TwilioTarget,
    private readonly kind: PrincipalKind,
    private readonly owner: IConstruct,
  ) {}

  /**
   * Checks and records one assignment and returns the recorded copy (roles without repeats).
   * With `rolesAllowed` false the assignment must carry no roles (Okta's userType source).
   */
  public add(assignment: RoleAssignment, rolesAllowed = true): RoleAssignment {
    const field = `${this.kind}s[${this.items.length}]`;
    const id = assignment.principalId;
    checkPrincipalId(id, `${field}.id`);
    if (rolesAllowed) {
      this.target.validateRoles(assignment.roles, `${field}.roles`);
    } else if (assignment.roles.length > 0) {
      throw new SsoConfigError('ROLES_NOT_ALLOWED', `${field}.roles`, `Cannot give ${this.kind} '${id}' roles on ${this.owner.node.path}: its roles come from elsewhere, got ${show(assignment.roles)}`);
    }
    if (this.items.some((e) => e.principalId === id)) {
      throw new SsoConfigError('PRINCIPAL_DUPLICATE', `${field}.id`, `Cannot add ${this.kind} '${id}' to ${this.owner.node.path}: it is already assigned; list each ${this.kind} once with all its roles`);
    }
    const copy = { principalId: id, roles: [...new Set(assignment.roles)] };
    this.items.push(copy);
    return { principalId: copy.principalId, roles: [...copy.roles] };
  }

  /** How many principals are recorded. */
  public get length(): number {
    return this.items.length;
  }

  /** Copies of the recorded assignments, in the order they were added. */
  public get all(): RoleAssignment[] {
    return this.items.map((a) => ({ principalId: a.principalId, roles: [...a.roles] }));
  }
}
