import { judgeClaimNames } from '../claim-names';
import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { NAME_ID_CLAIM_TYPE, asList, policyDefinitions, servicePrincipalTarget } from './entra-app';

/**
 * The service principal (`azuread_service_principal`) of an Entra application whose identifier is a
 * Twilio Entity ID has a claims mapping policy assigned
 * (`azuread_service_principal_claims_mapping_policy_assignment`) whose SAML claim types, besides
 * the NameID, include every attribute the target requires (`email`, `roles`, and `full_name` for
 * Flex) and are all bare lowercase names. Without a policy Entra sends its default claims, whose
 * names are URIs Twilio does not read. Sources: Twilio's Entra guides, "Configure claims"
 * (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad,
 * https://www.twilio.com/docs/frontline/sso/azure-ad); Twilio error 45050
 * (https://www.twilio.com/docs/api/errors/45050); Microsoft Graph `claimsMappingPolicy`
 * `ClaimsSchema` `SamlClaimType` (https://learn.microsoft.com/graph/api/resources/claimsmappingpolicy).
 */
export class EntraTwilioAppSendsBareClaimNames extends TwilioSsoRule {
  constructor() {
    super({
      name: 'EntraTwilioAppSendsBareClaimNames',
      resourceType: 'azuread_service_principal',
      level: RuleLevel.ERROR,
      info: "The Entra app for Twilio has no claims mapping policy, or its policy misses a required claim ('email', 'roles', Flex's 'full_name') or sends a capitalised, spaced or namespaced claim name.",
      explanation:
        "Twilio reads bare lowercase claim names only (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad, error 45050 https://www.twilio.com/docs/api/errors/45050); Entra's default claims are URIs, so the claims come from a claims mapping policy's ClaimsSchema SamlClaimType (https://learn.microsoft.com/graph/api/resources/claimsmappingpolicy).",
    });
  }

  /** Judges the `SamlClaimType` names of the assigned claims mapping policies. */
  public check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance {
    const target = servicePrincipalTarget(args, context);
    if (!target) return RuleCompliance.NOT_APPLICABLE;
    const assignments = context.referencing(context.address, 'azuread_service_principal_claims_mapping_policy_assignment', 'service_principal_id');
    if (assignments.length === 0) return RuleCompliance.NON_COMPLIANT;
    const policies = assignments.flatMap((a) => context.referencedBy(a.args.claims_mapping_policy_id, 'azuread_claims_mapping_policy'));
    if (policies.length === 0) return RuleCompliance.NOT_APPLICABLE;
    const results = policies.flatMap((p) =>
      policyDefinitions(p.args.definition, 'ClaimsMappingPolicy', p.path).map((definition) => {
        const names = asList(definition.ClaimsSchema).map((e: any) => e?.SamlClaimType).filter((n) => n !== undefined && n !== NAME_ID_CLAIM_TYPE);
        return judgeClaimNames(target, names);
      }),
    );
    if (results.includes(RuleCompliance.NON_COMPLIANT)) return RuleCompliance.NON_COMPLIANT;
    return results.includes(RuleCompliance.NOT_APPLICABLE) ? RuleCompliance.NOT_APPLICABLE : RuleCompliance.COMPLIANT;
  }
}
