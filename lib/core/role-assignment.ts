import { IConstruct } from 'constructs';
import { SsoConfigError, SsoErrorCode, TwilioTarget } from '../twilio';
import { isUnresolved } from '../twilio/unresolved';
import { Violations, show } from '../twilio/violations';

/** Roles given to one principal (a group or a user) of an identity provider. */
export interface RoleAssignment {
  /**
   * The identity provider's ID of the group or user (Okta group/user ID, Entra object ID, Keycloak
   * group/user ID). May be a token, e.g. the `id` of a group declared in the same stack.
   */
  readonly principalId: string;
  /**
   * The Twilio roles the principal gets; each must be a role the target's product has.
   * Identity providers whose roles come from elsewhere (Okta's `userType` source) take none.
   */
  readonly roles: string[];
}

/** The groups and users every identity provider with principals (Okta, Entra, Keycloak) takes. */
export interface RoleAssignmentProps {
  /**
   * Groups given access, with their Twilio roles. Same as calling `addGroup` for each.
   * @default - no groups
   */
  readonly groups?: RoleAssignment[];
  /**
   * Users given access individually, with their roles. Same as calling `addUser` for each.
   * @default - no individual users
   */
  readonly users?: RoleAssignment[];
}

// Internal from here down: shared by the identity-provider folders, not in the public index.

/** Whether an assignment list holds groups or users (it names the list in messages: `groups[2]`). */
export enum PrincipalKind {
  /** Groups of the identity provider. */
  GROUP = 'group',
  /** Individual users. */
  USER = 'user',
}

/**
 * An assignment as recorded, with the key that names its resources in construct IDs (and so in
 * Terraform addresses): the principal ID itself when it is literal, as it always was; `ref<i>` for
 * an ID that is a token, `<i>` being its position in its list (`groups` or `users`) — a token's text
 * changes with unrelated code, its position does not.
 */
export interface RecordedAssignment extends RoleAssignment {
  /** The principal's name in construct IDs. */
  readonly key: string;
}

function isPrincipalId(id: unknown): id is string {
  return typeof id === 'string' && id.trim() !== '';
}

function checkPrincipalId(id: unknown, field: string): void {
  if (!isPrincipalId(id)) throw new SsoConfigError(SsoErrorCode.PRINCIPAL_ID_EMPTY, field, id, `${field} must be a non-empty ID, got ${show(id)}`);
}

/**
 * Checks a list of assignments before anything is declared: every role allowed by the target, no
 * principal listed twice. `field` names the list, e.g. `groups`; problems are `groups[1].roles[0]`.
 * With `rolesAllowed` false every assignment must carry no roles.
 */
export function validateRoleAssignments(target: TwilioTarget, assignments: RoleAssignment[], field: string, v: Violations, rolesAllowed = true): void {
  const seen = new Map<string, number>();
  assignments.forEach((a, i) => {
    if (!isPrincipalId(a.principalId)) {
      v.capture(() => checkPrincipalId(a.principalId, `${field}[${i}].principalId`));
    } else if (seen.has(a.principalId)) {
      v.add(SsoErrorCode.PRINCIPAL_DUPLICATE, `${field}[${i}].principalId`, a.principalId, `${field}[${i}].principalId '${a.principalId}' is already listed at ${field}[${seen.get(a.principalId)}]; list each principal once with all its roles`);
    } else {
      seen.set(a.principalId, i);
    }
    if (rolesAllowed) v.capture(() => target.validateRoles(a.roles, `${field}[${i}].roles`));
  });
}

/**
 * The groups or users an identity-provider construct has given roles, as its `addGroup`/`addUser`
 * methods record them: each principal once, every role one the target's product has. Records copies.
 */
export class RoleAssignmentList {
  private readonly items: RecordedAssignment[] = [];

  constructor(
    private readonly target: TwilioTarget,
    private readonly kind: PrincipalKind,
    private readonly owner: IConstruct,
  ) {}

  /**
   * Checks and records one assignment and returns the recorded copy (roles without repeats).
   * With `rolesAllowed` false the assignment must carry no roles (Okta's userType source).
   */
  public add(assignment: RoleAssignment, rolesAllowed = true): RecordedAssignment {
    const index = this.items.length;
    const field = `${this.kind}s[${index}]`;
    const id = assignment.principalId;
    const roles = assignment.roles ?? [];
    checkPrincipalId(id, `${field}.principalId`);
    if (rolesAllowed) {
      this.target.validateRoles(roles, `${field}.roles`);
    } else if (roles.length > 0) {
      throw new SsoConfigError(SsoErrorCode.ROLES_NOT_ALLOWED, `${field}.roles`, roles, `${field}.roles cannot be given for ${this.kind} ${show(id)} on ${this.owner.node.path}: its roles come from elsewhere, got ${show(roles)}`);
    }
    if (this.items.some((e) => e.principalId === id)) {
      throw new SsoConfigError(SsoErrorCode.PRINCIPAL_DUPLICATE, `${field}.principalId`, id, `Cannot add ${this.kind} ${show(id)} to ${this.owner.node.path}: it is already assigned; list each ${this.kind} once with all its roles`);
    }
    const copy = { principalId: id, roles: isUnresolved(roles) ? roles : [...new Set(roles)], key: isUnresolved(id) ? `ref${index}` : id };
    this.items.push(copy);
    return { ...copy, roles: [...copy.roles] };
  }

  /** How many principals are recorded. */
  public get length(): number {
    return this.items.length;
  }

  /** Copies of the recorded assignments, in the order they were added. */
  public get all(): RecordedAssignment[] {
    return this.items.map((a) => ({ ...a, roles: [...a.roles] }));
  }
}

/** The public shape of a recorded assignment (without its internal key). */
export function publicCopy(a: RoleAssignment): RoleAssignment {
  return { principalId: a.principalId, roles: [...a.roles] };
}
