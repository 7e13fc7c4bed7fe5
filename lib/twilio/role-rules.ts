import { SsoErrorCode, Violation } from './errors';
import { join, kindOf, listProblems, show, violation } from './rules';
import type { TwilioTarget } from './target';
import { isUnresolved } from './unresolved';

// Internal to the library: the rules for Twilio role names, used by TwilioTarget.validateRole(s), the
// identity providers' groups and users, and their adopt options.

/** Where a role may be a Terraform token. */
export enum RoleTokens {
  /** Anywhere: the identity provider passes role names through to the plan (Okta). */
  ALLOWED = 'allowed',
  /**
   * A whole list may be a token (Terraform picks the matching role resources), each role of a literal
   * list must be known (Keycloak: one client role resource per role name).
   */
  LIST_ONLY = 'list-only',
  /** Nowhere: each role becomes a resource with an ID derived from its name at synth (Entra). */
  NONE = 'none',
}

/**
 * The problems of one role: not a string, a token where roles must be known at synth, or not a role
 * of the target's product (with the nearest role when the value looks like a misspelling).
 */
export function roleProblems(role: unknown, field: string, target: TwilioTarget, tokens: RoleTokens = RoleTokens.ALLOWED): Violation[] {
  if (!target.hasRoles) return [noRoles(field, role, target)];
  const allowed = target.allowedRoles;
  if (isUnresolved(role)) {
    return tokens === RoleTokens.ALLOWED ? [] : [unresolved(field, role)];
  }
  if (typeof role !== 'string') {
    const problem = role === undefined || role === null ? 'is required' : `must be a role name, got ${kindOf(role)}`;
    return [violation(role === undefined || role === null ? SsoErrorCode.VALUE_REQUIRED : SsoErrorCode.VALUE_TYPE_INVALID, field, role, `${problem} ${show(role)}; ${target.product} accepts: ${allowed.join(', ')}`)];
  }
  if (allowed.includes(role)) return [];
  const near = nearest(role, allowed);
  const hint = near === undefined ? '' : `; did you mean '${near}'?`;
  return [violation(SsoErrorCode.ROLE_UNKNOWN, field, role, `is not a ${target.product} role, got ${show(role)}; ${target.product} accepts: ${allowed.join(', ')}${hint}`)];
}

/**
 * The problems of a role list: missing, not a list, empty, or any role with {@link roleProblems}
 * (each reported at its index, `groups[0].roles[1]`).
 */
export function rolesProblems(roles: unknown, field: string, target: TwilioTarget, tokens: RoleTokens = RoleTokens.ALLOWED): Violation[] {
  // A product without roles: its principals are only given access (no roles, or an empty list).
  if (!target.hasRoles) return roles === undefined || (Array.isArray(roles) && roles.length === 0 && !isUnresolved(roles)) ? [] : [noRoles(field, roles, target)];
  if (isUnresolved(roles)) return tokens === RoleTokens.NONE ? [unresolved(field, roles, 'a list of role names')] : [];
  const allowed = target.allowedRoles;
  const notList = listProblems(roles, field, `a list of ${target.product} roles (${allowed.join(', ')})`);
  if (notList.length > 0 || !Array.isArray(roles)) return notList;
  const out: Violation[] = [];
  if (roles.length === 0) out.push(violation(SsoErrorCode.ROLES_EMPTY, field, roles, `must name at least one role; ${target.product} accepts: ${allowed.join(', ')}`));
  roles.forEach((role, i) => out.push(...roleProblems(role, join(field, `[${i}]`), target, tokens)));
  return out;
}

/** Roles given for a product that has none in SAML (the Console, SendGrid, Segment). */
function noRoles(field: string, value: unknown, target: TwilioTarget): Violation {
  return violation(SsoErrorCode.ROLES_NOT_SUPPORTED, field, value, `must be left out: ${target.product} has no roles in SAML (access is managed in ${target.product} itself), got ${show(value)}`);
}

function unresolved(field: string, value: unknown, what = 'a role name'): Violation {
  return violation(SsoErrorCode.ROLE_UNRESOLVED, field, value, `must be ${what} known at synth (the identity provider declares one resource per role), got a Terraform token`);
}

/**
 * The allowed value nearest to `value` when it is a likely misspelling (a small edit distance, or the
 * same letters without `.`, `_` and case), else undefined.
 */
export function nearest(value: string, allowed: readonly string[]): string | undefined {
  if (value.length > 64) return undefined;
  const bare = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    if (bare(candidate) === bare(value)) return candidate;
    const d = distance(value.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.floor((best?.length ?? 0) / 4)));
  return bestDistance <= limit ? best : undefined;
}

/** Edit distance: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
