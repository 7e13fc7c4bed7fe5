import { v5 as uuidv5 } from 'uuid';

// Internal: the public spelling is `EntraTwilioSso.appRoleId(role)`.

/**
 * The UUIDv5 namespace for Twilio role app-role IDs. Fixed forever: changing it would give every
 * app role a new ID, which Entra treats as deleting the old roles (and their assignments). It was
 * generated once at random for this library; it means nothing else.
 */
export const TWILIO_APP_ROLE_NAMESPACE = 'b1c605e4-538e-451d-84fb-14bdbaa18b89';

/**
 * The app role ID for a Twilio role value: UUIDv5 of the role value in
 * {@link TWILIO_APP_ROLE_NAMESPACE}. Deterministic, so a lost state or a rebuilt app gets the same
 * IDs (Entra requires `appRole.id` to be a unique GUID: Microsoft Graph `appRole` resource,
 * https://learn.microsoft.com/graph/api/resources/approle).
 */
export function twilioAppRoleId(role: string): string {
  return uuidv5(role, TWILIO_APP_ROLE_NAMESPACE);
}
