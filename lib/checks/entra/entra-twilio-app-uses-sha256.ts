import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { linkedTokenIssuancePolicies, servicePrincipalTarget } from './entra-app';

/** XML-DSig URI of RSA-SHA256, the `SigningAlgorithm` value of a token issuance policy for SHA-256. */
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/**
 * No token issuance policy linked to the service principal (`azuread_service_principal`) of an
 * Entra application whose identifier is a Twilio Entity ID sets a `SigningAlgorithm` other than
 * RSA-SHA256 (SHA-256 is Entra's default, so a policy without one, or no policy, passes). Sources:
 * Twilio's Entra guides, "Signing Algorithm: Leave SHA-256 selected"
 * (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad); Microsoft Graph
 * `tokenIssuancePolicy` `SigningAlgorithm` (https://learn.microsoft.com/graph/api/resources/tokenissuancepolicy).
 */
export class EntraTwilioAppUsesSha256 extends TwilioSsoRule {
  constructor() {
    super({
      name: 'EntraTwilioAppUsesSha256',
      resourceType: 'azuread_service_principal',
      level: RuleLevel.ERROR,
      info: 'A token issuance policy linked to the service principal of the Entra app for Twilio signs with an algorithm other than RSA-SHA256.',
      explanation:
        "Twilio's Entra guides leave the Signing Algorithm at SHA-256 (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad); a token issuance policy's SigningAlgorithm must then be absent or http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 (https://learn.microsoft.com/graph/api/resources/tokenissuancepolicy).",
    });
  }

  /** Compliant when every linked policy's `SigningAlgorithm` is absent or RSA-SHA256. */
  public check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance {
    if (!servicePrincipalTarget(args, context)) return RuleCompliance.NOT_APPLICABLE;
    const { policies, outside } = linkedTokenIssuancePolicies(context.address, context);
    if (policies.some((p) => p.SigningAlgorithm !== undefined && p.SigningAlgorithm !== RSA_SHA256)) return RuleCompliance.NON_COMPLIANT;
    return outside ? RuleCompliance.NOT_APPLICABLE : RuleCompliance.COMPLIANT;
  }
}
