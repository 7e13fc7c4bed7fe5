import { IResolvable, TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { SendgridResource } from './sendgrid-resource';

/**
 * Config for {@link SendgridSsoIntegration}: the `sendgrid_sso_integration` arguments of
 * `kenzo0107/sendgrid` 3.1.0, all required by the provider's schema (and by SendGrid's API,
 * `POST /v3/sso/integrations`: https://www.twilio.com/docs/sendgrid/api-reference/single-sign-on-settings/create-an-sso-integration).
 * Every string accepts a token, e.g. an attribute of the identity provider's app.
 */
export interface SendgridSsoIntegrationConfig extends TerraformMetaArguments {
  /** The integration's name, shown in SendGrid's SSO settings (e.g. `Okta`). */
  readonly name: string;
  /**
   * Whether the integration is enabled. The provider's schema has no default.
   */
  readonly enabled: boolean | IResolvable;
  /**
   * The identity provider's SAML sign-in endpoint, where SendGrid sends users to start a login
   * ("Embed Link" in SendGrid's settings page).
   */
  readonly signinUrl: string;
  /**
   * Where SendGrid sends users when they log out; relevant for IdP-initiated logins only. The
   * provider's schema requires it.
   */
  readonly signoutUrl: string;
  /**
   * The identity provider's Entity ID, the Issuer of its SAML responses ("SAML Issuer ID" in
   * SendGrid's settings page).
   */
  readonly entityId: string;
}

/**
 * `sendgrid_sso_integration`: one SAML identity provider configured in Twilio SendGrid's Settings →
 * SSO Settings (SendGrid API `/v3/sso/integrations`). Its computed {@link SendgridSsoIntegration.singleSignonUrl}
 * and {@link SendgridSsoIntegration.audienceUrl} are the same URL,
 * `https://api.sendgrid.com/v3/public/sso/saml/response/id/<integration id>`: the identity provider's
 * ACS URL and SP Entity ID (twilio/sendgrid-oai `spec/json/tsg_sso_v3.json`, "Get All SSO Integrations" example).
 */
export class SendgridSsoIntegration extends SendgridResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'sendgrid_sso_integration';

  private readonly config: SendgridSsoIntegrationConfig;

  constructor(scope: Construct, id: string, config: SendgridSsoIntegrationConfig) {
    super(scope, id, SendgridSsoIntegration.tfResourceType, config);
    this.config = config;
  }

  /** The Entity ID as declared (the identity provider's issuer). */
  public get entityIdInput(): string {
    return this.config.entityId;
  }

  /** The sign-in URL as declared (the identity provider's SSO endpoint). */
  public get signinUrlInput(): string {
    return this.config.signinUrl;
  }

  /**
   * Where the identity provider posts its SAML response (the ACS URL), computed by SendGrid:
   * `https://api.sendgrid.com/v3/public/sso/saml/response/id/<integration id>`.
   */
  public get singleSignonUrl(): string {
    return this.getStringAttribute('single_signon_url');
  }

  /**
   * The audience SendGrid expects in the assertion (the SP Entity ID), computed by SendGrid: the
   * same URL as {@link SendgridSsoIntegration.singleSignonUrl}.
   */
  public get audienceUrl(): string {
    return this.getStringAttribute('audience_url');
  }

  /** Whether SendGrid considers the integration complete (computed; the provider never sets it). */
  public get completedIntegration(): IResolvable {
    return this.getBooleanAttribute('completed_integration');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      name: c.name,
      enabled: c.enabled,
      signin_url: c.signinUrl,
      signout_url: c.signoutUrl,
      entity_id: c.entityId,
    };
  }
}
