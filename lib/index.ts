export * from './twilio';
export * from './core';
export * from './okta';
export * from './entra';
export * from './salesforce';
