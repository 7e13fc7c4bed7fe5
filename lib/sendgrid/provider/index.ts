export * from './sendgrid-provider';
export * from './sendgrid-resource';
export * from './sso-certificate';
export * from './sso-integration';
