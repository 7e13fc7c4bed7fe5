// The public index: what a user composes. Each folder is also an entry point of its own
// (`cdktf-twilio-sso/okta`, …) so that an app using one identity provider loads only that one.
export * from './twilio';
export * from './core';
export * from './checks';
export * from './okta';
export * from './entra';
export * from './salesforce';
export * from './keycloak';
export * from './sendgrid';
