import { SsoErrorCode, TwilioTarget, Violation } from '../twilio';
import { rolesProblems } from '../twilio/role-rules';
import { isRecord, join, listProblems, recordProblems, show, stringProblems, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

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

/** The list of a kind, as props and messages name it. */
export function listName(kind: PrincipalKind): string {
  return `${kind}s`;
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

/**
 * How one identity provider judges the groups and users it takes: the same rules for its props
 * (`findProblems`) and its `addGroup`/`addUser`.
 */
export interface AssignmentRules {
  /**
   * The problems of a literal, non-empty principal ID beyond that (its shape: Okta `00g…`, a UUID).
   * @default - any non-empty string
   */
  readonly principalId?: (id: string, field: string, kind: PrincipalKind) => Violation[];
  /**
   * The problems of an assignment's roles (`roles` as given, possibly missing).
   * @default - {@link rolesProblems} with role tokens allowed
   */
  readonly roles?: (roles: unknown, field: string, target: TwilioTarget, kind: PrincipalKind) => Violation[];
}

/** The problems of one principal ID: missing, not a string, empty, or not the identity provider's shape. */
export function principalIdProblems(id: unknown, field: string, kind: PrincipalKind, rules: AssignmentRules): Violation[] {
  if (isUnresolved(id)) return [];
  const type = stringProblems(id, field, `the identity provider's ID of the ${kind}`);
  if (type.length > 0) return type;
  if ((id as string).trim() === '') return [violation(SsoErrorCode.PRINCIPAL_ID_EMPTY, field, id, `must be a non-empty ID, got ${show(id)}`)];
  return rules.principalId?.(id as string, field, kind) ?? [];
}

/** How one identity provider's group or user IDs look, for {@link principalIdShapeProblems}. */
export interface PrincipalIdShape {
  /** The ID's shape. */
  readonly pattern: RegExp;
  /** What the ID is and where to find it, completing "must be …". */
  readonly describe: string;
  /**
   * Why a value that does not match is wrong, when it can tell (e.g. `which looks like a group name`).
   * @default - no reason given
   */
  readonly whyNot?: (id: string) => string | undefined;
}

/** PRINCIPAL_ID_INVALID when a literal ID does not have its identity provider's shape. */
export function principalIdShapeProblems(id: string, field: string, shape: PrincipalIdShape): Violation[] {
  if (shape.pattern.test(id)) return [];
  const why = shape.whyNot?.(id);
  return [violation(SsoErrorCode.PRINCIPAL_ID_INVALID, field, id, `must be ${shape.describe}, got ${show(id)}${why === undefined ? '' : `, ${why}`}`)];
}

/** `which looks like a <kind> name, not its ID` for a value with spaces or no digit at all, else undefined. */
export function looksLikeName(id: string, kind: PrincipalKind): string | undefined {
  return /\s/.test(id) || !/[0-9]/.test(id) ? `which looks like a ${kind} name, not its ID` : undefined;
}

/**
 * The problems of one assignment at `field` (`groups[2]`), given the principal IDs listed before it
 * in its list (`earlier`, by position): the one rule behind the props path and `addGroup`/`addUser`.
 */
export function assignmentProblems(
  assignment: unknown,
  field: string,
  kind: PrincipalKind,
  target: TwilioTarget,
  rules: AssignmentRules,
  earlier: readonly unknown[],
): Violation[] {
  const shape = recordProblems(assignment, field, `a ${kind} assignment { principalId, roles }`);
  if (shape.length > 0 || !isRecord(assignment)) return shape;
  const out: Violation[] = [];
  const idField = join(field, 'principalId');
  const id = assignment.principalId;
  out.push(...principalIdProblems(id, idField, kind, rules));
  const before = typeof id === 'string' && id.trim() !== '' ? earlier.indexOf(id) : -1;
  if (before >= 0) {
    out.push(
      violation(SsoErrorCode.PRINCIPAL_DUPLICATE, idField, id, `${show(id)} is already listed at ${listName(kind)}[${before}]; list each ${kind} once with all its roles`),
    );
  }
  const rolesField = join(field, 'roles');
  out.push(...(rules.roles ? rules.roles(assignment.roles, rolesField, target, kind) : rolesProblems(assignment.roles, rolesField, target)));
  return out;
}

/** The problems of a props list (`groups` or `users`): not a list, or any assignment's problems. */
export function assignmentListProblems(list: unknown, kind: PrincipalKind, target: TwilioTarget, rules: AssignmentRules): Violation[] {
  const field = listName(kind);
  if (list === undefined) return [];
  const notList = listProblems(list, field, `a list of ${kind} assignments`);
  if (notList.length > 0 || !Array.isArray(list)) return notList;
  const ids: unknown[] = [];
  const out: Violation[] = [];
  list.forEach((a, i) => {
    out.push(...assignmentProblems(a, `${field}[${i}]`, kind, target, rules, ids));
    ids.push(isRecord(a) ? a.principalId : undefined);
  });
  return out;
}

/**
 * The assignment as recorded: a copy (roles without repeats, or the list token as given) with its
 * construct-ID key. Call only for an assignment without problems.
 */
export function recordAssignment(assignment: RoleAssignment, index: number): RecordedAssignment {
  const id = assignment.principalId;
  const roles = assignment.roles ?? [];
  return { principalId: id, roles: isUnresolved(roles) ? roles : [...new Set(roles)], key: isUnresolved(id) ? `ref${index}` : id };
}

/** The public shape of a recorded assignment (without its internal key). */
export function publicCopy(a: RoleAssignment): RoleAssignment {
  return { principalId: a.principalId, roles: [...a.roles] };
}
