import { EntraTwilioAppRepliesToOneAcs } from './entra/entra-twilio-app-replies-to-one-acs';
import { EntraTwilioAppSendsBareClaimNames } from './entra/entra-twilio-app-sends-bare-claim-names';
import { EntraTwilioAppSignsResponseAndAssertion } from './entra/entra-twilio-app-signs-response-and-assertion';
import { EntraTwilioAppUsesSamlMode } from './entra/entra-twilio-app-uses-saml-mode';
import { EntraTwilioAppUsesSha256 } from './entra/entra-twilio-app-uses-sha256';
import { KeycloakTwilioClientDoesNotEncryptAssertions } from './keycloak/keycloak-twilio-client-does-not-encrypt-assertions';
import { KeycloakTwilioClientRequiresNoClientSignature } from './keycloak/keycloak-twilio-client-requires-no-client-signature';
import { KeycloakTwilioClientSendsBareAttributeNames } from './keycloak/keycloak-twilio-client-sends-bare-attribute-names';
import { KeycloakTwilioClientSignsDocumentsAndAssertions } from './keycloak/keycloak-twilio-client-signs-documents-and-assertions';
import { KeycloakTwilioClientUsesSha256 } from './keycloak/keycloak-twilio-client-uses-sha256';
import { OktaTwilioAppSendsBareClaimNames } from './okta/okta-twilio-app-sends-bare-claim-names';
import { OktaTwilioAppSignsResponseAndAssertion } from './okta/okta-twilio-app-signs-response-and-assertion';
import { OktaTwilioAppTargetsOneAcs } from './okta/okta-twilio-app-targets-one-acs';
import { OktaTwilioAppUsesSha256 } from './okta/okta-twilio-app-uses-sha256';
import { ITwilioSsoRule } from './rule';

/**
 * The built-in rules, by identity provider. Each list is a fresh copy: add your own rules to it and
 * pass it as `TwilioSsoChecksProps.rules`.
 */
export class TwilioSsoRules {
  /** The Okta rules (`okta_app_saml`). */
  public static get OKTA(): ITwilioSsoRule[] {
    return [new OktaTwilioAppSignsResponseAndAssertion(), new OktaTwilioAppUsesSha256(), new OktaTwilioAppTargetsOneAcs(), new OktaTwilioAppSendsBareClaimNames()];
  }

  /** The Microsoft Entra ID rules (`azuread_application`, `azuread_service_principal`). */
  public static get ENTRA(): ITwilioSsoRule[] {
    return [
      new EntraTwilioAppUsesSamlMode(),
      new EntraTwilioAppRepliesToOneAcs(),
      new EntraTwilioAppSignsResponseAndAssertion(),
      new EntraTwilioAppUsesSha256(),
      new EntraTwilioAppSendsBareClaimNames(),
    ];
  }

  /** The Keycloak rules (`keycloak_saml_client`). */
  public static get KEYCLOAK(): ITwilioSsoRule[] {
    return [
      new KeycloakTwilioClientSignsDocumentsAndAssertions(),
      new KeycloakTwilioClientUsesSha256(),
      new KeycloakTwilioClientDoesNotEncryptAssertions(),
      new KeycloakTwilioClientRequiresNoClientSignature(),
      new KeycloakTwilioClientSendsBareAttributeNames(),
    ];
  }

  /** Every rule: Okta, then Entra, then Keycloak. {@link TwilioSsoChecks} applies these by default. */
  public static get ALL(): ITwilioSsoRule[] {
    return [...TwilioSsoRules.OKTA, ...TwilioSsoRules.ENTRA, ...TwilioSsoRules.KEYCLOAK];
  }

  private constructor() {}
}
