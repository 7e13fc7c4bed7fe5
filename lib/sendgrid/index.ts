// The SendGrid entry point: the hand-written bindings of the `kenzo0107/sendgrid` provider's single
// sign-on resources. The base class of the resources (SendgridResource) is internal and not exported.
export { SENDGRID_PROVIDER_VERSION, SendgridProvider, SendgridProviderProps } from './provider/sendgrid-provider';
export { SendgridSsoCertificate, SendgridSsoCertificateConfig } from './provider/sso-certificate';
export { SendgridSsoIntegration, SendgridSsoIntegrationConfig } from './provider/sso-integration';
export { SendGridSso, SendGridSsoProps } from './sendgrid-sso';
