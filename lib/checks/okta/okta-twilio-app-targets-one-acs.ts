import { TwilioTarget } from '../../twilio/target';
import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { isExpression } from '../stack-resources';

/**
 * An Okta SAML app (`okta_app_saml`) whose audience is a Twilio Entity ID sends to one ACS URL
 * (single sign-on URL = recipient = destination), and that URL is an ACS URL of the audience's
 * Twilio target (same shape and SID, {@link TwilioTarget.isAcsUrl}). Source: Twilio's Okta guides
 * give the Single sign on URL and the Audience URI from the same Twilio SSO page and keep "Use this
 * for Recipient URL and Destination URL" (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta,
 * https://www.twilio.com/docs/frontline/sso/okta).
 */
export class OktaTwilioAppTargetsOneAcs extends TwilioSsoRule {
  constructor() {
    super({
      name: 'OktaTwilioAppTargetsOneAcs',
      resourceType: 'okta_app_saml',
      level: RuleLevel.ERROR,
      info: "The Okta SAML app's SSO URL, recipient and destination differ, or are not the ACS URL of its Twilio audience.",
      explanation:
        "Twilio checks the Destination and Recipient against its ACS URL, and the ACS URL and Entity ID come from one Twilio SSO page (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta).",
    });
  }

  /** Compliant when `sso_url`, `recipient` and `destination` are one ACS URL of the audience's target. */
  public check(args: { [key: string]: any }, _context: ITwilioSsoRuleContext): RuleCompliance {
    const target = TwilioTarget.fromEntityId(args.audience);
    if (!target) return RuleCompliance.NOT_APPLICABLE;
    if (args.sso_url !== args.recipient || args.sso_url !== args.destination) return RuleCompliance.NON_COMPLIANT;
    // An ACS URL known only at plan (e.g. from a variable) cannot be judged.
    if (isExpression(args.sso_url)) return RuleCompliance.NOT_APPLICABLE;
    return target.isAcsUrl(args.sso_url) ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
