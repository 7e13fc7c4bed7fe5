import { RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { isTwilioAudience } from './twilio-app';

/** An Okta SAML app for Twilio signs both the SAML response and the assertion. */
export const OktaTwilioAppSignsResponseAndAssertion: TwilioSsoRule = {
  name: 'OktaTwilioAppSignsResponseAndAssertion',
  resourceType: 'okta_app_saml',
  level: RuleLevel.ERROR,
  info: 'The Okta SAML app for Twilio does not sign both the response and the assertion.',
  explanation: "Twilio's SSO guides require a signed response and a signed assertion; Twilio rejects anything less at login.",
  check: (a) =>
    !isTwilioAudience(a.audience) ? RuleCompliance.NOT_APPLICABLE : a.response_signed === true && a.assertion_signed === true ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT,
};
