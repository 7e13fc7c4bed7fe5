import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { KeycloakResource } from './keycloak-resource';

/** Config for {@link KeycloakSamlClient}: the `keycloak_saml_client` arguments this library sets. */
export interface KeycloakSamlClientConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The client ID: for a SAML client, the service provider's Entity ID. */
  readonly clientId: string;
  /**
   * Display name.
   * @default - none
   */
  readonly name?: string;
  /**
   * Description shown in the admin console.
   * @default - none
   */
  readonly description?: string;
  /**
   * Whether the client is enabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * The service provider's assertion consumer service URL for the POST binding.
   * @default - none
   */
  readonly assertionConsumerPostUrl?: string;
  /**
   * Redirect URIs Keycloak accepts for this client.
   * @default - none
   */
  readonly validRedirectUris?: string[];
  /**
   * Sign the whole SAML document (the Response).
   * @default true (provider default)
   */
  readonly signDocuments?: boolean;
  /**
   * Sign the assertion inside the response.
   * @default false (provider default)
   */
  readonly signAssertions?: boolean;
  /**
   * Signature algorithm: `RSA_SHA1`, `RSA_SHA256`, `RSA_SHA256_MGF1`, `RSA_SHA512`, `RSA_SHA512_MGF1`, `DSA_SHA1`.
   * @default - the provider's default (`RSA_SHA256`)
   */
  readonly signatureAlgorithm?: string;
  /**
   * Encrypt assertions.
   * @default false
   */
  readonly encryptAssertions?: boolean;
  /**
   * Require the service provider to sign its requests.
   * @default true (provider default)
   */
  readonly clientSignatureRequired?: boolean;
  /**
   * Always answer with the POST binding.
   * @default true (provider default)
   */
  readonly forcePostBinding?: boolean;
  /**
   * Front-channel logout.
   * @default true (provider default)
   */
  readonly frontChannelLogout?: boolean;
  /**
   * NameID format: `username`, `email`, `transient` or `persistent`.
   * @default - the provider's default (`username`)
   */
  readonly nameIdFormat?: string;
  /**
   * Ignore the NameID policy a request asks for and always use {@link KeycloakSamlClientConfig.nameIdFormat}.
   * @default false
   */
  readonly forceNameIdFormat?: boolean;
  /**
   * Put an AuthnStatement in the assertion.
   * @default true (provider default)
   */
  readonly includeAuthnStatement?: boolean;
  /**
   * Give the client every realm role in scope (false: only the client's own roles and explicit scope mappings).
   * @default true (provider default)
   */
  readonly fullScopeAllowed?: boolean;
  /**
   * URL fragment for IdP-initiated login: `<realm URL>/protocol/saml/clients/<name>`.
   * @default - IdP-initiated login disabled
   */
  readonly idpInitiatedSsoUrlName?: string;
  /**
   * RelayState sent with an IdP-initiated login.
   * @default - none
   */
  readonly idpInitiatedSsoRelayState?: string;
  /**
   * Ask users to consent before Keycloak sends their data to the client.
   * @default false
   */
  readonly consentRequired?: boolean;
}

/** `keycloak_saml_client`: a SAML service provider registered in a realm. */
export class KeycloakSamlClient extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_saml_client';

  private readonly config: KeycloakSamlClientConfig;

  constructor(scope: Construct, id: string, config: KeycloakSamlClientConfig) {
    super(scope, id, KeycloakSamlClient.tfResourceType, config);
    this.config = config;
  }

  /** The client ID as declared (the SP Entity ID). */
  public get clientIdInput(): string {
    return this.config.clientId;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      realm_id: c.realmId,
      client_id: c.clientId,
      name: c.name,
      description: c.description,
      enabled: c.enabled,
      assertion_consumer_post_url: c.assertionConsumerPostUrl,
      valid_redirect_uris: c.validRedirectUris,
      sign_documents: c.signDocuments,
      sign_assertions: c.signAssertions,
      signature_algorithm: c.signatureAlgorithm,
      encrypt_assertions: c.encryptAssertions,
      client_signature_required: c.clientSignatureRequired,
      force_post_binding: c.forcePostBinding,
      front_channel_logout: c.frontChannelLogout,
      name_id_format: c.nameIdFormat,
      force_name_id_format: c.forceNameIdFormat,
      include_authn_statement: c.includeAuthnStatement,
      full_scope_allowed: c.fullScopeAllowed,
      idp_initiated_sso_url_name: c.idpInitiatedSsoUrlName,
      idp_initiated_sso_relay_state: c.idpInitiatedSsoRelayState,
      consent_required: c.consentRequired,
    };
  }
}
