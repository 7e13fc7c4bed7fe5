import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { KeycloakResource } from './keycloak-resource';

/** Config for {@link KeycloakGenericProtocolMapper}. */
export interface KeycloakGenericProtocolMapperConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The internal ID (not the client ID) of the client the mapper belongs to. */
  readonly clientId: string;
  /** The mapper's name, unique within the client. */
  readonly name: string;
  /** `saml` or `openid-connect`. */
  readonly protocol: string;
  /** The mapper type, e.g. `saml-user-property-mapper` (listed by the server's `/admin/serverinfo`). */
  readonly protocolMapper: string;
  /** The mapper type's configuration, as Keycloak stores it (string values). */
  readonly config: { [key: string]: string };
}

/**
 * `keycloak_generic_protocol_mapper`: any protocol mapper type, configured by its raw config map.
 * Used for every SAML attribute this library sends, so that the exact Keycloak configuration
 * (`attribute.name`, `attribute.nameformat`, `single`, …) is visible in one place and in the tests.
 */
export class KeycloakGenericProtocolMapper extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_generic_protocol_mapper';

  private readonly config: KeycloakGenericProtocolMapperConfig;

  constructor(scope: Construct, id: string, config: KeycloakGenericProtocolMapperConfig) {
    super(scope, id, KeycloakGenericProtocolMapper.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      realm_id: c.realmId,
      client_id: c.clientId,
      name: c.name,
      protocol: c.protocol,
      protocol_mapper: c.protocolMapper,
      config: c.config,
    };
  }
}
