import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { linkedTokenIssuancePolicies, servicePrincipalTarget } from './entra-app';

/**
 * The service principal (`azuread_service_principal`) of an Entra application whose identifier is a
 * Twilio Entity ID has a token issuance policy linked (a `msgraph_resource` POST to
 * `servicePrincipals/<id>/tokenIssuancePolicies/$ref` referring to a `msgraph_resource` policy in
 * the stack) whose `TokenResponseSigningPolicy` is `ResponseAndToken`. Entra's default,
 * `TokenOnly`, signs the assertion only. Sources: Twilio's Entra guides, "Signing Option: Sign SAML
 * response and assertion" (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad);
 * Microsoft Graph `tokenIssuancePolicy`, which applies to service principals only
 * (https://learn.microsoft.com/graph/api/resources/tokenissuancepolicy).
 */
export class EntraTwilioAppSignsResponseAndAssertion extends TwilioSsoRule {
  constructor() {
    super({
      name: 'EntraTwilioAppSignsResponseAndAssertion',
      resourceType: 'azuread_service_principal',
      level: RuleLevel.ERROR,
      info: "The service principal of the Entra app for Twilio has no token issuance policy with TokenResponseSigningPolicy 'ResponseAndToken' linked to it.",
      explanation:
        "Twilio's Entra guides select 'Sign SAML response and assertion' (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad); Entra signs only the assertion unless a token issuance policy linked to the service principal says ResponseAndToken (https://learn.microsoft.com/graph/api/resources/tokenissuancepolicy).",
    });
  }

  /** Compliant when every linked policy signs `ResponseAndToken` and there is at least one. */
  public check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance {
    if (!servicePrincipalTarget(args, context)) return RuleCompliance.NOT_APPLICABLE;
    const { policies, outside } = linkedTokenIssuancePolicies(context.address, context);
    if (policies.length === 0) return outside ? RuleCompliance.NOT_APPLICABLE : RuleCompliance.NON_COMPLIANT;
    return policies.every((p) => p.TokenResponseSigningPolicy === 'ResponseAndToken') ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
