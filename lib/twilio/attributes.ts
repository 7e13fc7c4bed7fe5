import { SsoConfigError, SsoErrorCode } from './errors';
import { show } from './violations';

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
 * Checks one claim name. Throws `SsoConfigError` naming `field` and the value when it is
 * capitalised, contains spaces, is namespaced (a URI or prefix Twilio does not map), or, for
 * Flex, ends in a type suffix Flex does not accept.
 */
export function validateClaimName(name: string, field: string, flex: boolean): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw new SsoConfigError(SsoErrorCode.CLAIM_NAME_EMPTY, field, name, `${field} must be a non-empty claim name, got ${show(name)}`);
  }
  if (/[/:]/.test(name)) {
    throw new SsoConfigError(SsoErrorCode.CLAIM_NAME_NAMESPACED, field, name,
      `${field} must not be namespaced (Twilio silently ignores URI-style names), got ${show(name)}; use the bare name, e.g. '${name.split(/[/:]/).pop()}'`,
    );
  }
  if (/\s/.test(name)) {
    throw new SsoConfigError(SsoErrorCode.CLAIM_NAME_SPACES, field, name, `${field} must not contain spaces, got ${show(name)}; Twilio reads e.g. 'full_name', not 'Full Name'`);
  }
  if (name !== name.toLowerCase()) {
    throw new SsoConfigError(SsoErrorCode.CLAIM_NAME_CAPITALISED, field, name, `${field} must be lowercase (Twilio claim names are case-sensitive), got ${show(name)}; use '${name.toLowerCase()}'`);
  }
  if (!NAME_SHAPE.test(name)) {
    throw new SsoConfigError(SsoErrorCode.CLAIM_NAME_INVALID, field, name, `${field} must be lowercase letters, digits and '_' in dot-separated parts, got ${show(name)}`);
  }
  const last = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : undefined;
  if (flex && last !== undefined && !FLEX_ATTRIBUTE_TYPES.includes(last) && TYPE_LIKE.test(last)) {
    throw new SsoConfigError(SsoErrorCode.FLEX_TYPE_SUFFIX_INVALID, field, name,
      `${field} has type suffix '.${last}', which Flex rejects ("invalid attribute format"), got ${show(name)}; accepted suffixes: ${FLEX_ATTRIBUTE_TYPES.join(', ')}`,
    );
  }
}
