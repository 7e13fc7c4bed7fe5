import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { KeycloakResource } from './keycloak-resource';

/** Config for {@link KeycloakSamlClientDefaultScopes}. */
export interface KeycloakSamlClientDefaultScopesConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The internal ID of the SAML client. */
  readonly clientId: string;
  /** The names of the client scopes the client gets by default (authoritative: others are removed). */
  readonly defaultScopes: string[];
}

/** `keycloak_saml_client_default_scopes`: the client scopes (and so the mappers) a SAML client gets. */
export class KeycloakSamlClientDefaultScopes extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_saml_client_default_scopes';

  private readonly config: KeycloakSamlClientDefaultScopesConfig;

  constructor(scope: Construct, id: string, config: KeycloakSamlClientDefaultScopesConfig) {
    super(scope, id, KeycloakSamlClientDefaultScopes.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return { realm_id: c.realmId, client_id: c.clientId, default_scopes: c.defaultScopes };
  }
}
