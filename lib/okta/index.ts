export { OktaAdoptOptions, OktaRolesSource, OktaTwilioSso, OktaTwilioSsoProps } from './okta-twilio-sso';
