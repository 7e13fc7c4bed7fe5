import { SsoConfigError, TwilioTarget, Violations } from '../twilio';

/** Roles given to one principal (a group or a user) of an identity provider. */
export interface RoleAssignment {
  /** The identity provider's ID of the group or user (Okta group/user ID, Entra object ID, …). */
  readonly principalId: string;
  /** The Twilio roles the principal gets; each must be a role the target's product has. */
  readonly roles: string[];
}

/**
 * Checks a list of assignments: every role allowed by the target, no principal listed twice.
 * `field` names the list, e.g. `groups`; problems are reported as `groups[1].roles[0]`.
 */
export function validateRoleAssignments(target: TwilioTarget, assignments: readonly RoleAssignment[], field: string): void {
  const v = new Violations();
  const seen = new Map<string, number>();
  assignments.forEach((a, i) => {
    if (typeof a.principalId !== 'string' || a.principalId.trim() === '') {
      v.add('PRINCIPAL_ID_EMPTY', `${field}[${i}].id`, `${field}[${i}].id must be a non-empty ID, got ${JSON.stringify(a.principalId)}`);
    } else if (seen.has(a.principalId)) {
      v.add('PRINCIPAL_DUPLICATE', `${field}[${i}].id`, `${field}[${i}].id '${a.principalId}' is already listed at ${field}[${seen.get(a.principalId)}]; list each principal once with all its roles`);
    } else {
      seen.set(a.principalId, i);
    }
    v.capture(() => target.validateRoles(a.roles, `${field}[${i}].roles`));
  });
  v.throwIfAny(`Invalid ${field} for ${target.description}`);
}

/**
 * Runs `fn` and rethrows any `SsoConfigError` with `prefix` put before the field of each violation,
 * so an error from a nested input (a config file's `targets[2].okta`) names the full path to each
 * bad value. The message becomes the list of prefixed violations.
 */
export function withFieldPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof SsoConfigError)) throw e;
    const violations = e.violations.map((v) => {
      const field = v.field ? `${prefix}.${v.field}` : prefix;
      const message = v.field && v.message.startsWith(v.field) ? field + v.message.slice(v.field.length) : `${field}: ${v.message}`;
      return { code: v.code, field, message };
    });
    const message = violations.length === 1 ? violations[0].message : violations.map((v) => `- ${v.message}`).join('\n');
    throw new SsoConfigError(violations[0].code, violations[0].field, message, violations);
  }
}
