import { SsoErrorCode, Violation } from '../twilio';
import { show, stringProblems, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

// Internal: the shape of Entra's IDs (tenant, object, app role, key), checked wherever one is taken.

/** A UUID, as Entra writes object IDs (any case). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a value that is not a UUID looks like, when it looks like a name rather than an ID: a display
 * name (spaces, or letters a UUID cannot have), a sign-in name or mail address (`@`), a domain.
 */
export function looksLikeName(value: string): string | undefined {
  if (value.includes('@')) return 'a sign-in name or mail address';
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(value) && /[g-z]/i.test(value)) return 'a domain name';
  if (/\s/.test(value) || /[g-z]/i.test(value)) return 'a name';
  return undefined;
}

/**
 * The problems of an Entra ID at `field` that must be a UUID: a token is the plan's to judge; not a
 * string is VALUE_REQUIRED/VALUE_TYPE_INVALID; otherwise `code`, saying when the value looks like a
 * name rather than an ID, and where the ID is found (`where`, when given).
 * @param what completes "must be …", e.g. `an object ID (a UUID)`
 */
export function uuidProblems(value: unknown, field: string, code: SsoErrorCode, what: string, where?: string): Violation[] {
  if (isUnresolved(value)) return [];
  const type = stringProblems(value, field, what);
  if (type.length > 0 || typeof value !== 'string' || UUID.test(value)) return type;
  const name = looksLikeName(value);
  const hint = name === undefined ? '' : `, which looks like ${name}, not an ID`;
  return [violation(code, field, value, `must be ${what}${where === undefined ? '' : ` (${where})`}, got ${show(value)}${hint}`)];
}
