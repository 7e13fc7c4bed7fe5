import { TwilioProduct, TwilioTarget } from '../../twilio';
import { RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { isTwilioAudience } from './twilio-app';

/**
 * An Okta SAML app for Twilio sends to one ACS URL (SSO URL = recipient = destination), and that URL
 * belongs to the same Twilio target as the audience.
 */
export const OktaTwilioAppTargetsOneAcs: TwilioSsoRule = {
  name: 'OktaTwilioAppTargetsOneAcs',
  resourceType: 'okta_app_saml',
  level: RuleLevel.ERROR,
  info: "The Okta SAML app's SSO URL, recipient and destination differ, or do not match its Twilio audience.",
  explanation: "Twilio checks the Destination and Recipient against its ACS URL, and the ACS and Entity ID come from one Twilio SSO page (twilio-sso-facts.md §1.1).",
  check: (a) => {
    if (!isTwilioAudience(a.audience)) return RuleCompliance.NOT_APPLICABLE;
    if (a.sso_url !== a.recipient || a.sso_url !== a.destination) return RuleCompliance.NON_COMPLIANT;
    const product = a.audience.includes('/v2/') ? TwilioProduct.FRONTLINE : TwilioProduct.FLEX;
    try {
      TwilioTarget.fromServiceProvider({ product, entityId: a.audience, acsUrl: a.sso_url });
      return RuleCompliance.COMPLIANT;
    } catch {
      return RuleCompliance.NON_COMPLIANT;
    }
  },
};
