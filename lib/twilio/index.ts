// The Twilio model's public surface. Helpers shared with the rest of the library (violations.ts,
// unresolved.ts, attributes.ts, roles.ts) are imported by path, not from here.
export { SsoConfigError, SsoErrorCode, Violation } from './errors';
export {
  FlexEnhancedSsoOptions,
  FlexLegacySsoOptions,
  FrontlineSsoOptions,
  ServiceProviderUrlsOptions,
  SpMetadataOptions,
  TwilioProduct,
  TwilioSsoKind,
  TwilioTarget,
} from './target';
export { ConsoleSsoOptions, SegmentSsoOptions, SendGridSsoOptions } from './products';
