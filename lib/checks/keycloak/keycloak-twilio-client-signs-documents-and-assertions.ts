import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { clientSetting, clientTarget } from './keycloak-client';

/**
 * A Keycloak SAML client (`keycloak_saml_client`) whose client ID is a Twilio Entity ID signs both
 * the SAML document (the response) and the assertion (`sign_documents`, `sign_assertions`; the
 * provider's defaults are true and false). Sources: Twilio requires a signed response and a signed
 * assertion of every identity provider (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta,
 * "Response: Signed", "Assertion Signature: Signed"; https://www.twilio.com/docs/iam/single-sign-on/troubleshooting-errors-during-test-sso-connection,
 * "Twilio requires the message to be signed"); the provider's arguments
 * (https://registry.terraform.io/providers/keycloak/keycloak/latest/docs/resources/saml_client).
 */
export class KeycloakTwilioClientSignsDocumentsAndAssertions extends TwilioSsoRule {
  constructor() {
    super({
      name: 'KeycloakTwilioClientSignsDocumentsAndAssertions',
      resourceType: 'keycloak_saml_client',
      level: RuleLevel.ERROR,
      info: 'The Keycloak SAML client for Twilio does not sign both documents and assertions (sign_documents and sign_assertions must be true).',
      explanation:
        "Twilio requires a signed SAML response and a signed assertion (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta); Keycloak signs the assertion only when sign_assertions is true, which is not the provider's default (https://registry.terraform.io/providers/keycloak/keycloak/latest/docs/resources/saml_client).",
    });
  }

  /** Compliant when `sign_documents` and `sign_assertions` are true (defaults applied). */
  public check(args: { [key: string]: any }, _context: ITwilioSsoRuleContext): RuleCompliance {
    if (!clientTarget(args)) return RuleCompliance.NOT_APPLICABLE;
    return clientSetting(args, 'sign_documents') === true && clientSetting(args, 'sign_assertions') === true ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
