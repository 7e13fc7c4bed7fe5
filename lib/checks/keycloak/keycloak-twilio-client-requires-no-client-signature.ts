import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { clientSetting, clientTarget } from './keycloak-client';

/**
 * A Keycloak SAML client (`keycloak_saml_client`) whose client ID is a Twilio Entity ID does not
 * require signed requests (`client_signature_required` false; the provider's default is true).
 * Twilio's SSO pages give an identity provider only an Entity ID and an ACS URL, no service-provider
 * signing certificate, so Keycloak has nothing to verify Twilio's AuthnRequests with and would
 * refuse them. Sources: Twilio's SSO setup (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration);
 * Keycloak's SAML client settings, "Client signature required"
 * (https://www.keycloak.org/docs/latest/server_admin/#_client-saml-configuration); the provider's
 * default (https://registry.terraform.io/providers/keycloak/keycloak/latest/docs/resources/saml_client).
 */
export class KeycloakTwilioClientRequiresNoClientSignature extends TwilioSsoRule {
  constructor() {
    super({
      name: 'KeycloakTwilioClientRequiresNoClientSignature',
      resourceType: 'keycloak_saml_client',
      level: RuleLevel.ERROR,
      info: "The Keycloak SAML client for Twilio requires signed requests (client_signature_required must be false; the provider's default is true).",
      explanation:
        "Twilio gives an identity provider no service-provider signing certificate (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration), so Keycloak cannot verify Twilio's requests and refuses them when 'Client signature required' is on (https://www.keycloak.org/docs/latest/server_admin/#_client-saml-configuration).",
    });
  }

  /** Compliant when `client_signature_required` is false (default applied). */
  public check(args: { [key: string]: any }, _context: ITwilioSsoRuleContext): RuleCompliance {
    if (!clientTarget(args)) return RuleCompliance.NOT_APPLICABLE;
    return clientSetting(args, 'client_signature_required') === false ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}
