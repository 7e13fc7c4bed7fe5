import { TwilioTarget } from '../../twilio/target';
import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';

/**
 * An Okta SAML app (`okta_app_saml`) whose audience is a Twilio Entity ID signs with RSA-SHA256 and
 * digests with SHA-256. Source: Twilio's Okta guides keep Okta's defaults, "Signature Algorithm
 * RSA-SHA256" and "Digest Algorithm SHA256"
 * (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta); a custom app written
 * with the okta provider must set both explicitly.
 */
export class OktaTwilioAppUsesSha256 extends TwilioSsoRule {
  constructor() {
    super({
      name: 'OktaTwilioAppUsesSha256',
      resourceType: 'okta_app_saml',
      level: RuleLevel.ERROR,
      info: 'The Okta SAML app for Twilio does not use RSA_SHA256 signatures with SHA256 digests.',
      explanation:
        "Twilio's Okta guides keep Signature Algorithm RSA-SHA256 and Digest Algorithm SHA256; a custom app must set both explicitly (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta).",
    });
  }

  /** Compliant when `signature_algorithm` is `RSA_SHA256` and `digest_algorithm` is `SHA256`. */
  public check(args: { [key: string]: any }, _context: ITwilioSsoRuleContext): RuleCompliance {
    if (!TwilioTarget.fromEntityId(args.audience)) return RuleCompliance.NOT_APPLICABLE;
    return args.signature_algorithm === 'RSA_SHA256' && args.digest_algorithm === 'SHA256' ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
