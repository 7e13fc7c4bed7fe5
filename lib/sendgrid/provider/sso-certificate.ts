import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { SendgridResource } from './sendgrid-resource';

/**
 * Config for {@link SendgridSsoCertificate}: the `sendgrid_sso_certificate` arguments of
 * `kenzo0107/sendgrid` 3.1.0 (both required; SendGrid API `POST /v3/sso/certificates`:
 * https://www.twilio.com/docs/sendgrid/api-reference/certificates/create-an-sso-certificate).
 */
export interface SendgridSsoCertificateConfig extends TerraformMetaArguments {
  /**
   * The ID of the integration the certificate belongs to (a UUID; usually
   * `integration.id` of a {@link SendgridSsoIntegration} in the same stack). A token is accepted.
   */
  readonly integrationId: string;
  /**
   * The identity provider's signing certificate (X.509, PEM), which SendGrid uses to verify the
   * SAML responses ("X509 Certificate" in SendGrid's settings page). Public, not a secret; a token
   * is accepted (e.g. the identity provider app's certificate attribute).
   */
  readonly publicCertificate: string;
}

/**
 * `sendgrid_sso_certificate`: an identity provider's signing certificate attached to a SendGrid SSO
 * integration (SendGrid API `/v3/sso/certificates`). The provider creates it enabled. Its `id` is a
 * number written as a string.
 */
export class SendgridSsoCertificate extends SendgridResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'sendgrid_sso_certificate';

  private readonly config: SendgridSsoCertificateConfig;

  constructor(scope: Construct, id: string, config: SendgridSsoCertificateConfig) {
    super(scope, id, SendgridSsoCertificate.tfResourceType, config);
    this.config = config;
  }

  /** The integration ID as declared. */
  public get integrationIdInput(): string {
    return this.config.integrationId;
  }

  /** When the certificate becomes valid, in Unix seconds (computed from the certificate by SendGrid). */
  public get notBefore(): number {
    return this.getNumberAttribute('not_before');
  }

  /** When the certificate expires, in Unix seconds (computed from the certificate by SendGrid). */
  public get notAfter(): number {
    return this.getNumberAttribute('not_after');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { integration_id: this.config.integrationId, public_certificate: this.config.publicCertificate };
  }
}
