export * from './keycloak-twilio-sso';
export * from './provider';
