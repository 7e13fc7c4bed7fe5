// The Entra ID entry point (`cdktf-twilio-sso/entra`): what a user composes. The msgraph resources,
// the time resources, the claims-mapping and token-issuance helpers and the shared client config are
// internal, imported by path.
export { EntraAdoptOptions } from './adopt-options';
export { EntraCertificateOptions } from './certificate-options';
export { EntraConsoleOutputs, EntraConsoleOutputsProps } from './entra-console-outputs';
export { EntraSigningCertificate, EntraTwilioSso, EntraTwilioSsoProps } from './entra-twilio-sso';
export { MsgraphProvider, MsgraphProviderProps } from './msgraph/msgraph-provider';
