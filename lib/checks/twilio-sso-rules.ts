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
 * The built-in rules, by identity provider. The lists are frozen (rules hold no state, so one
 * instance serves every check): to add your own, make a new list, e.g.
 * `[...TwilioSsoRules.ALL, new MyRule()]` (Python: `TwilioSsoRules.ALL + [MyRule()]`), and pass it as
 * `TwilioSsoChecksProps.rules`.
 */
export class TwilioSsoRules {
  /** The Okta rules (`okta_app_saml`). */
  public static readonly OKTA: ITwilioSsoRule[] = frozen([
    new OktaTwilioAppSignsResponseAndAssertion(),
    new OktaTwilioAppUsesSha256(),
    new OktaTwilioAppTargetsOneAcs(),
    new OktaTwilioAppSendsBareClaimNames(),
  ]);

  /** The Microsoft Entra ID rules (`azuread_application`, `azuread_service_principal`). */
  public static readonly ENTRA: ITwilioSsoRule[] = frozen([
    new EntraTwilioAppUsesSamlMode(),
    new EntraTwilioAppRepliesToOneAcs(),
    new EntraTwilioAppSignsResponseAndAssertion(),
    new EntraTwilioAppUsesSha256(),
    new EntraTwilioAppSendsBareClaimNames(),
  ]);

  /** The Keycloak rules (`keycloak_saml_client`). */
  public static readonly KEYCLOAK: ITwilioSsoRule[] = frozen([
    new KeycloakTwilioClientSignsDocumentsAndAssertions(),
    new KeycloakTwilioClientUsesSha256(),
    new KeycloakTwilioClientDoesNotEncryptAssertions(),
    new KeycloakTwilioClientRequiresNoClientSignature(),
    new KeycloakTwilioClientSendsBareAttributeNames(),
  ]);

  /** Every rule: Okta, then Entra, then Keycloak. {@link TwilioSsoChecks} applies these by default. */
  public static readonly ALL: ITwilioSsoRule[] = frozen([...TwilioSsoRules.OKTA, ...TwilioSsoRules.ENTRA, ...TwilioSsoRules.KEYCLOAK]);

  private constructor() {}
}

/** A list no caller can change under another (a `readonly` array type is not jsii's; freezing is). */
function frozen(rules: ITwilioSsoRule[]): ITwilioSsoRule[] {
  return Object.freeze(rules) as ITwilioSsoRule[];
}
