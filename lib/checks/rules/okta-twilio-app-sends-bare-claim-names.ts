import { validateClaimName } from '../../twilio';
import { RuleCompliance, RuleLevel, TwilioSsoRule } from '../rule';
import { isTwilioAudience } from './twilio-app';

/** An Okta SAML app for Twilio sends `email` and `roles` and only lowercase, un-namespaced claim names. */
export const OktaTwilioAppSendsBareClaimNames: TwilioSsoRule = {
  name: 'OktaTwilioAppSendsBareClaimNames',
  resourceType: 'okta_app_saml',
  level: RuleLevel.ERROR,
  info: "The Okta SAML app for Twilio misses 'email' or 'roles', or sends a capitalised, spaced or namespaced claim name.",
  explanation: 'Twilio reads lowercase, un-namespaced claim names only; Frontline fails with error 70252 on Email/Roles, Flex says the response has no role attribute.',
  check: (a) => {
    if (!isTwilioAudience(a.audience)) return RuleCompliance.NOT_APPLICABLE;
    const names: string[] = (a.attribute_statements ?? []).map((s: { name: string }) => s.name);
    if (!names.includes('email') || !names.includes('roles')) return RuleCompliance.NON_COMPLIANT;
    try {
      names.forEach((n) => validateClaimName(n, 'name', a.audience.startsWith('urn:flex:') || a.audience.includes('/v1/')));
      return RuleCompliance.COMPLIANT;
    } catch {
      return RuleCompliance.NON_COMPLIANT;
    }
  },
};
