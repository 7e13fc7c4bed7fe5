// The policy checks' public surface: the aspect, the rule interface and the built-in rules.
// Internal helpers (stack-resources, claim-names, the per-IdP readers) are not exported.
export { ITwilioSsoRule, ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoResource, TwilioSsoRule, TwilioSsoRuleProps } from './rule';
export { RuleFinding, RuleSuppression, TwilioSsoChecks, TwilioSsoChecksProps } from './twilio-sso-checks';
export { TwilioSsoRules } from './twilio-sso-rules';
export { OktaTwilioAppSendsBareClaimNames } from './okta/okta-twilio-app-sends-bare-claim-names';
export { OktaTwilioAppSignsResponseAndAssertion } from './okta/okta-twilio-app-signs-response-and-assertion';
export { OktaTwilioAppTargetsOneAcs } from './okta/okta-twilio-app-targets-one-acs';
export { OktaTwilioAppUsesSha256 } from './okta/okta-twilio-app-uses-sha256';
export { EntraTwilioAppRepliesToOneAcs } from './entra/entra-twilio-app-replies-to-one-acs';
export { EntraTwilioAppSendsBareClaimNames } from './entra/entra-twilio-app-sends-bare-claim-names';
export { EntraTwilioAppSignsResponseAndAssertion } from './entra/entra-twilio-app-signs-response-and-assertion';
export { EntraTwilioAppUsesSamlMode } from './entra/entra-twilio-app-uses-saml-mode';
export { EntraTwilioAppUsesSha256 } from './entra/entra-twilio-app-uses-sha256';
export { KeycloakTwilioClientDoesNotEncryptAssertions } from './keycloak/keycloak-twilio-client-does-not-encrypt-assertions';
export { KeycloakTwilioClientRequiresNoClientSignature } from './keycloak/keycloak-twilio-client-requires-no-client-signature';
export { KeycloakTwilioClientSendsBareAttributeNames } from './keycloak/keycloak-twilio-client-sends-bare-attribute-names';
export { KeycloakTwilioClientSignsDocumentsAndAssertions } from './keycloak/keycloak-twilio-client-signs-documents-and-assertions';
export { KeycloakTwilioClientUsesSha256 } from './keycloak/keycloak-twilio-client-uses-sha256';
