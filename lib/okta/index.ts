export { OktaRolesSource, OktaTwilioSso, OktaTwilioSsoProps } from './okta-twilio-sso';
