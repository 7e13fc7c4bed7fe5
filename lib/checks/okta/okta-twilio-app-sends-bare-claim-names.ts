import { TwilioTarget } from '../../twilio/target';
import { judgeClaimNames } from '../claim-names';
import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';

/**
 * An Okta SAML app (`okta_app_saml`) whose audience is a Twilio Entity ID sends every attribute the
 * target requires (`email`, `roles`, and `full_name` for Flex) and only lowercase, un-namespaced
 * attribute names. Sources: Twilio error 45050, "Missing or invalid required attributes, such as
 * full_name, email or roles" (https://www.twilio.com/docs/api/errors/45050); the attribute
 * statements of Twilio's Okta guides, `email` and `roles` for Frontline
 * (https://www.twilio.com/docs/frontline/sso/okta) and `full_name` besides for Flex
 * (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta).
 */
export class OktaTwilioAppSendsBareClaimNames extends TwilioSsoRule {
  constructor() {
    super({
      name: 'OktaTwilioAppSendsBareClaimNames',
      resourceType: 'okta_app_saml',
      level: RuleLevel.ERROR,
      info: "The Okta SAML app for Twilio misses a required attribute ('email', 'roles', Flex's 'full_name'), or sends a capitalised, spaced or namespaced name.",
      explanation:
        "Twilio reads lowercase, un-namespaced attribute names only: Flex fails with error 45050 when full_name, email or roles is missing (https://www.twilio.com/docs/api/errors/45050), and Frontline's guide names them 'email' and 'roles' (https://www.twilio.com/docs/frontline/sso/okta).",
    });
  }

  /** Judges the names of `attribute_statements`. */
  public check(args: { [key: string]: any }, _context: ITwilioSsoRuleContext): RuleCompliance {
    const target = TwilioTarget.fromEntityId(args.audience);
    if (!target) return RuleCompliance.NOT_APPLICABLE;
    const statements: Array<{ name?: unknown }> = Array.isArray(args.attribute_statements) ? args.attribute_statements : [];
    return judgeClaimNames(target, statements.map((s) => s.name));
  }
}
