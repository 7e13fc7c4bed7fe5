export * from './twilio';
export * from './core';
export * from './checks';
export * from './okta';
export * from './entra';
export * from './salesforce';
export * from './keycloak';
