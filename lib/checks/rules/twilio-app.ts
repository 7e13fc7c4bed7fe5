/** True when a SAML audience (SP Entity ID) is one of Twilio's: only such apps are checked. */
export function isTwilioAudience(audience: unknown): boolean {
  return typeof audience === 'string' && (audience.startsWith('urn:flex:') || audience.startsWith('https://iam.twilio.com/'));
}
