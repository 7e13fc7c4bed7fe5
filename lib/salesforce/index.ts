export * from './certificate';
export * from './metadata';
export * from './my-domain';
export * from './salesforce-twilio-sso';
