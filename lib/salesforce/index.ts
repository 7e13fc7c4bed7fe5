// The Salesforce construct's public surface. The metadata rendering, the certificate reader and the
// My Domain check are internal (imported by path inside lib/salesforce).
export { SalesforceCertificate } from './certificate';
export { SalesforceAppType, SalesforceDeployOptions, SalesforceSsoBinding, SalesforceTwilioSso, SalesforceTwilioSsoProps } from './salesforce-twilio-sso';
