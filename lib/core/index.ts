import './tokens';
// What every identity-provider construct shares. Internal helpers (default-provider, pem, literal,
// the attribute and assignment rules) are imported by path, not from here.
export { CertificateExpiry, CertificateExpiryStatus } from './certificate-expiry';
export { ITwilioSsoApp, TwilioConsoleValues } from './console-values';
export { TwilioConsoleOutputs, TwilioConsoleOutputsProps } from './console-outputs';
export { GeneratedFiles, GeneratedFilesProps } from './generated-files';
export { HandWrittenResource } from './hand-written-resource';
export { RoleAssignment, RoleAssignmentProps } from './role-assignment';
export { SamlAttribute } from './saml-attribute';
export { TerraformData, TerraformDataConfig } from './terraform-data';
export { TwilioSsoApp, TwilioSsoAppProps } from './twilio-sso-app';
export { TwilioSsoAppWithAssignments } from './twilio-sso-app-with-assignments';
