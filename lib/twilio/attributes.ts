import { SsoErrorCode, Violation } from './errors';
import { show, throwEach, violation } from './rules';
import type { TwilioTarget } from './target';
import { isUnresolved } from './unresolved';

/**
 * Claim (SAML attribute) names and types as Twilio reads them.
 * Sources: twilio.com/docs/flex/admin-guide/setup/sso-configuration ("Claims"), Frontline SSO guides
 * (error 70252 for `Email`/`Roles`: twilio.com/docs/api/errors/70252).
 */

/** The attribute carrying the user's email address. Required by Flex and Frontline. */
export const EMAIL_ATTRIBUTE = 'email';
/** The attribute carrying the user's roles. Required by Flex and Frontline. */
export const ROLES_ATTRIBUTE = 'roles';
/** The attribute carrying the user's display name. Required by Flex. */
export const FULL_NAME_ATTRIBUTE = 'full_name';

/**
 * Optional attributes Flex documents: profile image, Flex Insights, channel capacity, contact URI
 * and team assignment (beta). Others are allowed, but these are the ones Flex is known to read.
 */
export const FLEX_OPTIONAL_ATTRIBUTES: readonly string[] = Object.freeze([
  'image_url',
  'department',
  'location',
  'manager',
  'phone',
  'team_id',
  'team_name',
  'team_name_in_hierarchy',
  'contact_uri',
  'team_member',
  'team_owner',
]);

/**
 * The six type suffixes Flex accepts after an attribute name (`name.type`); anything else gives
 * "400 Error invalid attribute format" at login.
 */
export const FLEX_ATTRIBUTE_TYPES: readonly string[] = Object.freeze([
  'string',
  'int',
  'boolean',
  'stringarray',
  'intarray',
  'booleanarray',
]);

// A last name segment that reads like a type but is not one of the six (e.g. `.integer`, `.bool`):
// almost certainly a mistyped suffix rather than part of the name.
const TYPE_LIKE = /^(str|string|text|int|integer|long|number|num|float|double|decimal|bool|boolean|array|list|json|object|date|datetime)(s|array|list|\[\])?$/;

/** How a claim name is written on the wire. */
const NAME_SHAPE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

/**
 * The problems of one claim name, each with its code: not a string, empty, namespaced (a URI or prefix
 * Twilio does not map), spaced, capitalised, other characters, or, for Flex, a type suffix Flex does
 * not accept. Never throws.
 */
export function claimNameProblems(name: unknown, field: string, flex: boolean): Violation[] {
  if (isUnresolved(name)) return [];
  if (typeof name !== 'string' || name.length === 0) {
    const code = name === '' || name === undefined || name === null ? SsoErrorCode.CLAIM_NAME_EMPTY : SsoErrorCode.VALUE_TYPE_INVALID;
    return [violation(code, field, name, `must be a non-empty claim name, got ${show(name)}`)];
  }
  if (/[/:]/.test(name)) {
    return [violation(SsoErrorCode.CLAIM_NAME_NAMESPACED, field, name,
      `must not be namespaced (Twilio silently ignores URI-style names), got ${show(name)}; use the bare name, e.g. ${show(name.split(/[/:]/).pop())}`)];
  }
  if (/\s/.test(name)) {
    return [violation(SsoErrorCode.CLAIM_NAME_SPACES, field, name, `must not contain spaces, got ${show(name)}; Twilio reads e.g. 'full_name', not 'Full Name'`)];
  }
  if (name !== name.toLowerCase()) {
    return [violation(SsoErrorCode.CLAIM_NAME_CAPITALISED, field, name, `must be lowercase (Twilio claim names are case-sensitive), got ${show(name)}; use ${show(name.toLowerCase())}`)];
  }
  if (!NAME_SHAPE.test(name)) {
    return [violation(SsoErrorCode.CLAIM_NAME_INVALID, field, name, `must be lowercase letters, digits and '_' in dot-separated parts, got ${show(name)}`)];
  }
  const last = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : undefined;
  if (flex && last !== undefined && !FLEX_ATTRIBUTE_TYPES.includes(last) && TYPE_LIKE.test(last)) {
    return [violation(SsoErrorCode.FLEX_TYPE_SUFFIX_INVALID, field, name,
      `has type suffix '.${last}', which Flex rejects ("invalid attribute format"), got ${show(name)}; accepted suffixes: ${FLEX_ATTRIBUTE_TYPES.join(', ')}`)];
  }
  return [];
}

/**
 * Checks one claim name and throws `SsoConfigError` for its {@link claimNameProblems}.
 */
export function validateClaimName(name: string, field: string, flex: boolean): void {
  throwEach(claimNameProblems(name, field, flex));
}

/**
 * The problems of an extra (optional) attribute's name for `target`: a malformed claim name, or one
 * of the required attributes, which the identity-provider constructs always send themselves.
 */
export function attributeNameProblems(name: unknown, field: string, target: TwilioTarget): Violation[] {
  // Twilio's naming rules are Flex's and Frontline's; the Console, SendGrid and Segment document none
  // (Microsoft's SendGrid tutorial sends `FirstName`), so for them only an empty or spaced name is refused.
  const claim = target.hasRoles ? claimNameProblems(name, field, target.isFlex) : looseNameProblems(name, field);
  if (claim.length > 0 || typeof name !== 'string' || isUnresolved(name)) return claim;
  const base = name.split('.')[0];
  if (!target.requiredAttributes.includes(base)) return [];
  return [violation(SsoErrorCode.ATTRIBUTE_RESERVED, field, name, `re-declares the required attribute ${show(name)}, which is always sent; remove it or configure its source instead`)];
}

/** The problems of an attribute name for a product with no naming rules: not a string, empty, spaces. */
function looseNameProblems(name: unknown, field: string): Violation[] {
  if (isUnresolved(name)) return [];
  if (typeof name !== 'string' || name.length === 0) {
    const code = name === '' || name === undefined || name === null ? SsoErrorCode.CLAIM_NAME_EMPTY : SsoErrorCode.VALUE_TYPE_INVALID;
    return [violation(code, field, name, `must be a non-empty attribute name, got ${show(name)}`)];
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(name)) return [violation(SsoErrorCode.CLAIM_NAME_SPACES, field, name, `must not contain spaces or control characters, got ${show(name)}`)];
  return [];
}
