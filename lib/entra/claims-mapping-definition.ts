import { SamlAttribute } from '../core/saml-attribute';
import { TwilioTarget } from '../twilio';
import { EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE } from '../twilio/attributes';
import { claimsSourceId } from './user-attributes';

// Internal: the claims mapping policy's JSON. Not in the public index.

/** The SAML claim type Entra sends as the Subject NameID. */
export const SAML_NAMEID_CLAIM_TYPE = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';

/** Where the NameID, `email` and `full_name` come from: Entra user attributes, `user.<id>`. */
export interface ClaimSources {
  /** The NameID, e.g. `user.mail`. */
  readonly nameId: string;
  /** The `email` attribute, e.g. `user.mail`. */
  readonly email: string;
  /** The `full_name` attribute (Flex only), e.g. `user.displayname`. */
  readonly fullName: string;
}

/** One `ClaimsSchema` entry of a claims mapping policy (Graph's PascalCase field names). */
interface ClaimsSchemaEntry {
  readonly Source: string;
  readonly ID: string;
  readonly SamlClaimType: string;
}

/**
 * The claims mapping policy definition for a target (Microsoft Graph `claimsMappingPolicy`,
 * https://learn.microsoft.com/graph/api/resources/claimsmappingpolicy, and "Claims mapping policy
 * type", https://learn.microsoft.com/entra/identity-platform/reference-claims-customization): NameID,
 * `email`, `full_name` (Flex only) from the given user attributes, `roles` ← `assignedroles` (the
 * values of the user's app roles on this app), then the extra attributes. Each entry's `ID` is the
 * attribute's part after `user.`. `IncludeBasicClaimSet` is false so Entra sends none of its default
 * claims, which Twilio does not read and which carry namespaced names. Returned as the one JSON
 * string that `definition` holds.
 */
export function claimsMappingDefinition(target: TwilioTarget, sources: ClaimSources, attributes: readonly SamlAttribute[]): string {
  const entry = (value: string, claim: string): ClaimsSchemaEntry => ({ Source: 'user', ID: claimsSourceId(value), SamlClaimType: claim });
  const schema: ClaimsSchemaEntry[] = [entry(sources.nameId, SAML_NAMEID_CLAIM_TYPE)];
  // Only what the product reads: email (Flex, Frontline, Segment), full_name (Flex), roles (Flex,
  // Frontline); the Console and SendGrid read the NameID only.
  if (target.requiredAttributes.includes(EMAIL_ATTRIBUTE)) schema.push(entry(sources.email, EMAIL_ATTRIBUTE));
  if (target.isFlex) schema.push(entry(sources.fullName, FULL_NAME_ATTRIBUTE));
  if (target.hasRoles) schema.push({ Source: 'user', ID: 'assignedroles', SamlClaimType: ROLES_ATTRIBUTE });
  for (const a of attributes) schema.push(entry(a.value, a.name));
  return JSON.stringify({ ClaimsMappingPolicy: { Version: 1, IncludeBasicClaimSet: 'false', ClaimsSchema: schema } });
}
