export * from './okta-twilio-sso';
