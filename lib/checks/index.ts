export * from './rule';
export * from './rules';
export * from './twilio-sso-checks';
