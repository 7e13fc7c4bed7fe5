import { SsoErrorCode, TwilioTarget, Violation } from '../twilio';
import { isRecord, show, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import { violationsOf, Violations } from '../twilio/violations';
import { PrincipalKind, RoleAssignmentProps } from './role-assignment';
import { SharedPropsRules, TwilioSsoAppProps, validateSharedProps } from './twilio-sso-app';

// TEMPORARY (branch rules-entra-sf): the shared rules the Entra and Salesforce constructs need, in the
// shape the rules-core branch is giving lib/core and lib/twilio (stringProblems, listProblems, …,
// rolesProblems). Deleted when that branch is merged; nothing else may import it.

/** A value's kind as a message names it. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? 'an object' : `a ${type}`;
}

function typed(ok: boolean, value: unknown, field: string, what: string): Violation[] {
  if (ok) return [];
  if (value === undefined || value === null) return [violation(SsoErrorCode.VALUE_REQUIRED, field, value, `is required: ${what}, got ${show(value)}`)];
  return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, value, `must be ${what}, got ${kindOf(value)} ${show(value)}`)];
}

/** Problems of a value that must be a string. */
export function stringProblems(value: unknown, field: string, what: string): Violation[] {
  return typed(typeof value === 'string', value, field, what);
}

/** Problems of an optional string. */
export function optionalStringProblems(value: unknown, field: string, what: string): Violation[] {
  return value === undefined ? [] : stringProblems(value, field, what);
}

/** Problems of a value that must be a list. */
export function listProblems(value: unknown, field: string, what: string): Violation[] {
  return typed(Array.isArray(value), value, field, what);
}

/** Problems of a value that must be an object. */
export function recordProblems(value: unknown, field: string, what: string): Violation[] {
  return typed(isRecord(value), value, field, what);
}

/** Problems of a role list for the target (roles must be literal when `literalRoles`). */
export function rolesProblems(roles: unknown, field: string, target: TwilioTarget, literalRoles = false): Violation[] {
  if (isUnresolved(roles)) return literalRoles ? [unresolvedRole(field, roles, 'a list of role names')] : [];
  const notList = listProblems(roles, field, `a list of ${target.product} roles (${target.allowedRoles.join(', ')})`);
  if (notList.length > 0 || !Array.isArray(roles)) return notList;
  const out: Violation[] = [];
  if (roles.length === 0) out.push(violation(SsoErrorCode.ROLES_EMPTY, field, roles, `must name at least one role; ${target.product} accepts: ${target.allowedRoles.join(', ')}`));
  roles.forEach((role, i) => out.push(...roleProblems(role, `${field}[${i}]`, target, literalRoles)));
  return out;
}

function unresolvedRole(field: string, value: unknown, what: string): Violation {
  return violation(SsoErrorCode.ROLE_UNRESOLVED, field, value, `must be ${what} known at synth (the identity provider declares one resource per role), got a Terraform token`);
}

/** The shared props' problems (as lib/core's validateSharedProps finds them), never throwing. */
export function sharedPropsProblems(props: unknown, rules: SharedPropsRules): Violation[] {
  const shape = recordProblems(props, 'props', 'a props object');
  if (shape.length > 0 || !isRecord(props)) return shape;
  const p = props as unknown as TwilioSsoAppProps & RoleAssignmentProps;
  if (!(p.target instanceof TwilioTarget)) return [violation(SsoErrorCode.VALUE_TYPE_INVALID, 'target', p.target, `must be a TwilioTarget (TwilioTarget.flexEnhanced(…), …), got ${kindOf(p.target)} ${show(p.target)}`)];
  const days = p.certificateExpiryWarningDays;
  // Groups and users are the identity provider's (their rules move to the shared base with rules-core).
  const judged = { ...p, groups: undefined, users: undefined, certificateExpiryWarningDays: isUnresolved(days) ? undefined : days };
  try {
    return violationsOf(() => {
      const v = new Violations();
      validateSharedProps(judged, rules, v);
      v.throwIfAny('');
    });
  } catch (e) {
    return [violation(SsoErrorCode.VALUE_TYPE_INVALID, 'props', props, `could not be checked: ${(e as Error).message}`)];
  }
}

/** A header for a construct's problems. */
export function problemsHeader(what: string, target: unknown): string {
  return target instanceof TwilioTarget ? `Invalid ${what} for ${target.description}` : `Invalid ${what}`;
}

/** How one identity provider judges its groups and users (rules-core's AssignmentRules). */
export interface AssignmentRules {
  /**
   * The problems of a literal, non-empty principal ID beyond that (its shape).
   * @default - any non-empty string
   */
  readonly principalId?: (id: string, field: string, kind: PrincipalKind) => Violation[];
  /**
   * The problems of an assignment's roles.
   * @default - roles of the target's product, tokens allowed
   */
  readonly roles?: (roles: unknown, field: string, target: TwilioTarget, kind: PrincipalKind) => Violation[];
}

/** The problems of one assignment at `field` (`groups[2]`), given the principal IDs before it. */
export function assignmentProblems(assignment: unknown, field: string, kind: PrincipalKind, target: TwilioTarget, rules: AssignmentRules, earlier: readonly unknown[]): Violation[] {
  const shape = recordProblems(assignment, field, `a ${kind} assignment { principalId, roles }`);
  if (shape.length > 0 || !isRecord(assignment)) return shape;
  const out: Violation[] = [];
  const idField = `${field}.principalId`;
  const id = assignment.principalId;
  if (!isUnresolved(id)) {
    const type = stringProblems(id, idField, `the identity provider's ID of the ${kind}`);
    if (type.length > 0) out.push(...type);
    else if ((id as string).trim() === '') out.push(violation(SsoErrorCode.PRINCIPAL_ID_EMPTY, idField, id, `must be a non-empty ID, got ${show(id)}`));
    else out.push(...(rules.principalId?.(id as string, idField, kind) ?? []));
  }
  const before = typeof id === 'string' && id.trim() !== '' ? earlier.indexOf(id) : -1;
  if (before >= 0) out.push(violation(SsoErrorCode.PRINCIPAL_DUPLICATE, idField, id, `${show(id)} is already listed at ${kind}s[${before}]; list each ${kind} once with all its roles`));
  out.push(...(rules.roles ? rules.roles(assignment.roles, `${field}.roles`, target, kind) : rolesProblems(assignment.roles, `${field}.roles`, target)));
  return out;
}

/** The problems of a props list (`groups` or `users`). */
export function assignmentListProblems(list: unknown, kind: PrincipalKind, target: TwilioTarget, rules: AssignmentRules): Violation[] {
  if (list === undefined) return [];
  const field = `${kind}s`;
  const notList = listProblems(list, field, `a list of ${kind} assignments`);
  if (notList.length > 0 || !Array.isArray(list)) return notList;
  const ids: unknown[] = [];
  return list.flatMap((a, i) => {
    const found = assignmentProblems(a, `${field}[${i}]`, kind, target, rules, ids);
    ids.push(isRecord(a) ? a.principalId : undefined);
    return found;
  });
}

/** A role's problems: not a string, a token where roles must be known (`literalRoles`), not the product's. */
export function roleProblems(role: unknown, field: string, target: TwilioTarget, literalRoles = false): Violation[] {
  if (isUnresolved(role)) return literalRoles ? [unresolvedRole(field, role, 'a role name')] : [];
  const type = stringProblems(role, field, `a ${target.product} role (${target.allowedRoles.join(', ')})`);
  if (type.length > 0) return type;
  return target.allowedRoles.includes(role as string)
    ? []
    : [violation(SsoErrorCode.ROLE_UNKNOWN, field, role, `is not a ${target.product} role, got ${show(role)}; ${target.product} accepts: ${target.allowedRoles.join(', ')}`)];
}
