/**
 * Which Entra user attribute becomes the SAML NameID (Flex's unique user id). Twilio's Entra guide
 * uses `user.mail`; choose an immutable one if mail addresses change in your tenant. The value is the
 * claims-mapping-policy source ID (Microsoft Graph "claims mapping policy type", ClaimsSchema `ID`).
 */
export enum EntraNameIdSource {
  /** `user.mail` (Twilio's Entra guide; the default). */
  MAIL = 'mail',
  /** `user.userprincipalname`. */
  USER_PRINCIPAL_NAME = 'userprincipalname',
  /** `user.objectid`: immutable, but not readable by people. */
  OBJECT_ID = 'objectid',
  /** `user.employeeid`. */
  EMPLOYEE_ID = 'employeeid',
  /** `user.onpremisessamaccountname` (synchronised from Active Directory). */
  ON_PREMISES_SAM_ACCOUNT_NAME = 'onpremisessamaccountname',
}

/** The `user.<id>` spelling of a NameID source as the Entra admin center shows it. */
export function nameIdSourceLabel(source: EntraNameIdSource): string {
  return `user.${source}`;
}

/** The NameID source for a `user.<id>` (or bare `<id>`) spelling, or undefined when unknown. */
export function parseNameIdSource(value: string): EntraNameIdSource | undefined {
  const id = value.startsWith('user.') ? value.slice('user.'.length) : value;
  return (Object.values(EntraNameIdSource) as string[]).includes(id) ? (id as EntraNameIdSource) : undefined;
}
