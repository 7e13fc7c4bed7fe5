import { EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE, TwilioTarget } from '../twilio';
import { EntraNameIdSource } from './name-id-source';

/** The SAML claim type Entra sends as the Subject NameID. */
export const SAML_NAMEID_CLAIM_TYPE = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';

/** An extra claim sent to Twilio from an Entra user attribute. */
export interface EntraAttribute {
  /** Claim name as Twilio reads it, e.g. `department` or `channel.chat.capacity.int`. */
  readonly name: string;
  /** The claims-mapping source ID of a user attribute, e.g. `department` (for `user.department`). */
  readonly source: string;
}

/** One `ClaimsSchema` entry of a claims mapping policy. */
export interface ClaimsSchemaEntry {
  /** Always `user` here. */
  readonly Source: string;
  /** The user attribute ID. */
  readonly ID: string;
  /** The SAML attribute name (or the NameID claim type). */
  readonly SamlClaimType: string;
}

/**
 * The claims mapping policy definition for a target (Microsoft Graph `claimsMappingPolicy`,
 * https://learn.microsoft.com/graph/api/resources/claimsmappingpolicy, and "claims mapping policy
 * type"): NameID ← the chosen source, `email` ← `mail`, `full_name` ← `displayname` (Flex only),
 * `roles` ← `assignedroles` (the values of the user's app roles on this app), then the extra
 * attributes. `IncludeBasicClaimSet` is false so Entra sends none of its default claims, which Twilio
 * does not read and which carry namespaced names. Returned as the one JSON string that `definition`
 * holds.
 */
export function claimsMappingDefinition(target: TwilioTarget, nameIdSource: EntraNameIdSource, attributes: readonly EntraAttribute[]): string {
  const entry = (id: string, claim: string): ClaimsSchemaEntry => ({ Source: 'user', ID: id, SamlClaimType: claim });
  const schema: ClaimsSchemaEntry[] = [entry(nameIdSource, SAML_NAMEID_CLAIM_TYPE), entry('mail', EMAIL_ATTRIBUTE)];
  if (target.isFlex) schema.push(entry('displayname', FULL_NAME_ATTRIBUTE));
  schema.push(entry('assignedroles', ROLES_ATTRIBUTE));
  for (const a of attributes) schema.push(entry(a.source, a.name));
  return JSON.stringify({ ClaimsMappingPolicy: { Version: 1, IncludeBasicClaimSet: 'false', ClaimsSchema: schema } });
}
