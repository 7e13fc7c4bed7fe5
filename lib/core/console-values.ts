import { IConstruct } from 'constructs';
import { TwilioTarget } from '../twilio';

/**
 * What a person pastes into the Twilio Console's SSO page, as produced by an identity provider.
 * Values may be Terraform tokens (known after apply).
 */
export interface TwilioConsoleValues {
  /** "Identity Provider Issuer" (Flex) / "Identity provider issuer" (Frontline). */
  readonly issuer: string;
  /** "Single Sign-On URL" (Flex) / "SSO URL" (Frontline): where Twilio sends the AuthnRequest. */
  readonly ssoUrl: string;
  /** "X.509 Certificate": the IdP signing certificate as a full PEM with BEGIN/END lines. */
  readonly certificatePem: string;
  /**
   * The IdP's SAML metadata URL (not a Console field; handy for checking the values above).
   * @default - the identity provider publishes none
   */
  readonly metadataUrl?: string;
  /**
   * When the signing certificate expires (RFC 3339 or the provider's format), to plan rotation.
   * @default - the identity provider does not expose it
   */
  readonly certificateExpiresAt?: string;
}

/** An identity-provider app configured for one Twilio target. Every IdP construct implements it. */
export interface ITwilioSsoApp extends IConstruct {
  /** The Twilio service provider this app signs users in to. */
  readonly target: TwilioTarget;
  /** The values the Twilio Console needs from this identity provider. */
  readonly consoleValues: TwilioConsoleValues;
  /** Days before the certificate's end from which it is reported as expiring. */
  readonly certificateExpiryWarningDays: number;
}
