import { TwilioTarget } from '../../twilio/target';
import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';

/**
 * An Okta SAML app (`okta_app_saml`) whose audience is a Twilio Entity ID signs both the SAML
 * response and the assertion. Source: Twilio's Okta guides, "Response: Signed" and "Assertion
 * Signature: Signed" (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta,
 * https://www.twilio.com/docs/frontline/sso/okta).
 */
export class OktaTwilioAppSignsResponseAndAssertion extends TwilioSsoRule {
  constructor() {
    super({
      name: 'OktaTwilioAppSignsResponseAndAssertion',
      resourceType: 'okta_app_saml',
      level: RuleLevel.ERROR,
      info: 'The Okta SAML app for Twilio does not sign both the response and the assertion.',
      explanation:
        "Twilio's SSO guides require a signed response and a signed assertion; Twilio rejects anything less at login (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta).",
    });
  }

  /** Compliant when `response_signed` and `assertion_signed` are both true. */
  public check(args: { [key: string]: any }, _context: ITwilioSsoRuleContext): RuleCompliance {
    if (!TwilioTarget.fromEntityId(args.audience)) return RuleCompliance.NOT_APPLICABLE;
    return args.response_signed === true && args.assertion_signed === true ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
