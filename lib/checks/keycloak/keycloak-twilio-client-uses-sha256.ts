import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { clientSetting, clientTarget } from './keycloak-client';

/**
 * A Keycloak SAML client (`keycloak_saml_client`) whose client ID is a Twilio Entity ID signs with
 * RSA-SHA256 (`signature_algorithm` `RSA_SHA256`, the provider's default; not SHA-1, SHA-512 or the
 * RSASSA-PSS `_MGF1` variants). Sources: Twilio's identity-provider guides sign with RSA-SHA256 and
 * SHA-256 digests (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta,
 * https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad); the provider's
 * arguments (https://registry.terraform.io/providers/keycloak/keycloak/latest/docs/resources/saml_client).
 */
export class KeycloakTwilioClientUsesSha256 extends TwilioSsoRule {
  constructor() {
    super({
      name: 'KeycloakTwilioClientUsesSha256',
      resourceType: 'keycloak_saml_client',
      level: RuleLevel.ERROR,
      info: "The Keycloak SAML client for Twilio does not sign with RSA_SHA256 (signature_algorithm).",
      explanation:
        "Twilio's identity-provider guides sign with RSA-SHA256 and SHA-256 digests (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta, https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/azure-ad); Keycloak's RSA_SHA256 is that pair (https://registry.terraform.io/providers/keycloak/keycloak/latest/docs/resources/saml_client).",
    });
  }

  /** Compliant when `signature_algorithm` is `RSA_SHA256` (default applied). */
  public check(args: { [key: string]: any }, _context: ITwilioSsoRuleContext): RuleCompliance {
    if (!clientTarget(args)) return RuleCompliance.NOT_APPLICABLE;
    return clientSetting(args, 'signature_algorithm') === 'RSA_SHA256' ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
