import { RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { isTwilioAudience } from './twilio-app';

/** An Okta SAML app for Twilio signs with RSA-SHA256 and digests with SHA-256. */
export const OktaTwilioAppUsesSha256: TwilioSsoRule = {
  name: 'OktaTwilioAppUsesSha256',
  resourceType: 'okta_app_saml',
  level: RuleLevel.ERROR,
  info: 'The Okta SAML app for Twilio does not use RSA_SHA256 signatures with SHA256 digests.',
  explanation: "Twilio's Okta guides set Signature Algorithm RSA-SHA256 and Digest Algorithm SHA256; custom apps must set both explicitly.",
  check: (a) =>
    !isTwilioAudience(a.audience) ? RuleCompliance.NOT_APPLICABLE : a.signature_algorithm === 'RSA_SHA256' && a.digest_algorithm === 'SHA256' ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT,
};
