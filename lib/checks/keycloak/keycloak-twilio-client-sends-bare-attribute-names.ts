import { judgeClaimNames } from '../claim-names';
import { ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { clientTarget, mappedAttributeNames } from './keycloak-client';

/**
 * A Keycloak SAML client (`keycloak_saml_client`) whose client ID is a Twilio Entity ID has protocol
 * mappers (generic SAML mappers' `attribute.name`, or the typed SAML mappers' `saml_attribute_name`,
 * whose `client_id` refers to the client) that send every attribute the target requires (`email`,
 * `roles`, and `full_name` for Flex), under bare lowercase names only. Sources: Twilio error 45050,
 * "Missing or invalid required attributes, such as full_name, email or roles"
 * (https://www.twilio.com/docs/api/errors/45050); the attribute names of Twilio's identity-provider
 * guides (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta,
 * https://www.twilio.com/docs/frontline/sso/okta).
 */
export class KeycloakTwilioClientSendsBareAttributeNames extends TwilioSsoRule {
  constructor() {
    super({
      name: 'KeycloakTwilioClientSendsBareAttributeNames',
      resourceType: 'keycloak_saml_client',
      level: RuleLevel.ERROR,
      info: "The Keycloak SAML client for Twilio has no mapper for a required attribute ('email', 'roles', Flex's 'full_name'), or a mapper sends a capitalised, spaced or namespaced attribute name.",
      explanation:
        "Twilio reads bare lowercase attribute names only: Flex fails with error 45050 when full_name, email or roles is missing (https://www.twilio.com/docs/api/errors/45050), and Twilio's guides name them 'email', 'roles' and 'full_name' (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta).",
    });
  }

  /** Judges the attribute names of the client's protocol mappers. */
  public check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance {
    const target = clientTarget(args);
    if (!target) return RuleCompliance.NOT_APPLICABLE;
    return judgeClaimNames(target, mappedAttributeNames(context.address, context));
  }
}
