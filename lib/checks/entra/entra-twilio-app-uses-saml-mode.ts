import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { servicePrincipalTarget } from './entra-app';

/**
 * The service principal (`azuread_service_principal`) of an Entra application whose identifier is a
 * Twilio Entity ID is in SAML mode (`preferred_single_sign_on_mode = "saml"`). Sources: Twilio's
 * Entra guides, "For the single sign-on method, click SAML"
 * (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad,
 * https://www.twilio.com/docs/frontline/sso/azure-ad); Microsoft Graph `servicePrincipal`
 * `preferredSingleSignOnMode` (https://learn.microsoft.com/graph/api/resources/serviceprincipal).
 */
export class EntraTwilioAppUsesSamlMode extends TwilioSsoRule {
  constructor() {
    super({
      name: 'EntraTwilioAppUsesSamlMode',
      resourceType: 'azuread_service_principal',
      level: RuleLevel.ERROR,
      info: "The service principal of the Entra app for Twilio is not in SAML mode (preferred_single_sign_on_mode must be 'saml').",
      explanation:
        "Twilio's Entra guides pick SAML as the single sign-on method (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad); without it Entra issues no SAML response for the app (Graph servicePrincipal.preferredSingleSignOnMode, https://learn.microsoft.com/graph/api/resources/serviceprincipal).",
    });
  }

  /** Compliant when `preferred_single_sign_on_mode` is `saml`. */
  public check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance {
    if (!servicePrincipalTarget(args, context)) return RuleCompliance.NOT_APPLICABLE;
    return args.preferred_single_sign_on_mode === 'saml' ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
