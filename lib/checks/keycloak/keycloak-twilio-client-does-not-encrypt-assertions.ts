import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { clientSetting, clientTarget } from './keycloak-client';

/**
 * A Keycloak SAML client (`keycloak_saml_client`) whose client ID is a Twilio Entity ID does not
 * encrypt assertions (`encrypt_assertions` false, the provider's default). Sources: Twilio's Flex
 * Okta guide, "Assertion Encryption: Unencrypted. Twilio doesn't currently support encryption"
 * (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta); Twilio's SSO
 * troubleshooting page, an encrypted response is invalid
 * (https://www.twilio.com/docs/iam/single-sign-on/troubleshooting-errors-during-test-sso-connection).
 */
export class KeycloakTwilioClientDoesNotEncryptAssertions extends TwilioSsoRule {
  constructor() {
    super({
      name: 'KeycloakTwilioClientDoesNotEncryptAssertions',
      resourceType: 'keycloak_saml_client',
      level: RuleLevel.ERROR,
      info: 'The Keycloak SAML client for Twilio encrypts assertions (encrypt_assertions must be false).',
      explanation:
        "Twilio does not support encrypted assertions (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta, 'Assertion Encryption: Unencrypted') and rejects an encrypted response (https://www.twilio.com/docs/iam/single-sign-on/troubleshooting-errors-during-test-sso-connection).",
    });
  }

  /** Compliant when `encrypt_assertions` is false (default applied). */
  public check(args: { [key: string]: any }, _context: ITwilioSsoRuleContext): RuleCompliance {
    if (!clientTarget(args)) return RuleCompliance.NOT_APPLICABLE;
    return clientSetting(args, 'encrypt_assertions') === false ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
