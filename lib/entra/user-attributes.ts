import { Fn } from 'cdktf';
import { ValueLanguage } from '../core/saml-attribute';
import { isUnresolved } from '../twilio/unresolved';

// Internal: how the Entra construct's values (`nameId`, `email`, `fullName`, attribute values) are
// written. Not in the public index.

/** The prefix of a user attribute as the Entra admin center shows it (`user.mail`). */
const USER_PREFIX = 'user.';
/** A claims-mapping source ID: a letter, then letters, digits, `_` or `.`. */
const ATTRIBUTE_ID = /^[a-z][a-z0-9_.]*$/i;

/** The NameID when the props give none: Twilio's Entra guide sends the mail address. */
export const DEFAULT_NAME_ID = 'user.mail';
/** The `email` attribute when the props give none. */
export const DEFAULT_EMAIL = 'user.mail';
/** The `full_name` attribute (Flex) when the props give none. */
export const DEFAULT_FULL_NAME = 'user.displayname';

/**
 * The user attributes accepted as the NameID (Flex's unique user ID): unique per user. Twilio's Entra
 * guide uses `user.mail`; `user.objectid` never changes but is not readable by people;
 * `user.onpremisessamaccountname` is synchronised from Active Directory. The IDs are the claims
 * mapping policy's user source IDs (Microsoft Learn, "Claims mapping policy type", valid ID values per
 * source: https://learn.microsoft.com/entra/identity-platform/reference-claims-customization).
 */
export const NAME_ID_ATTRIBUTES: readonly string[] = Object.freeze([
  'user.mail',
  'user.userprincipalname',
  'user.objectid',
  'user.employeeid',
  'user.onpremisessamaccountname',
]);

/**
 * An Entra user attribute written as the admin center's attributes & claims page shows it:
 * `user.` and the attribute's source ID, e.g. `user.department` or `user.extension_<app>_<name>`.
 */
export const ENTRA_USER_ATTRIBUTE: ValueLanguage = {
  describe: "an Entra user attribute such as 'user.department'",
  problem: (value) => {
    if (!value.startsWith(USER_PREFIX)) {
      return ATTRIBUTE_ID.test(value) ? `write it with 'user.', as the Entra admin center shows it: '${USER_PREFIX}${value}'` : "write 'user.' and the attribute's ID";
    }
    return ATTRIBUTE_ID.test(value.slice(USER_PREFIX.length)) ? undefined : "the part after 'user.' must be an attribute ID: a letter, then letters, digits, '_' or '.'";
  },
};

/** The NameID: one of {@link NAME_ID_ATTRIBUTES}. */
export const ENTRA_NAME_ID: ValueLanguage = {
  describe: `one of ${NAME_ID_ATTRIBUTES.map((a) => `'${a}'`).join(', ')}`,
  problem: (value) => {
    if (NAME_ID_ATTRIBUTES.includes(value)) return undefined;
    const hint = NAME_ID_ATTRIBUTES.find((a) => a.toLowerCase() === value.toLowerCase() || a === `${USER_PREFIX}${value}`);
    if (hint !== undefined) return `write it as the Entra admin center shows it: '${hint}'`;
    return "the NameID is Flex's unique user ID, so only attributes unique per user are accepted";
  },
};

/**
 * The claims mapping policy's `ID` for a `user.<id>` value: the part after `user.`. A value that is a
 * token is stripped by Terraform (`trimprefix`) when it is known.
 */
export function claimsSourceId(value: string): string {
  if (isUnresolved(value)) return Fn.trimprefix(value, USER_PREFIX);
  return value.startsWith(USER_PREFIX) ? value.slice(USER_PREFIX.length) : value;
}
