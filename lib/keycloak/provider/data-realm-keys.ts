import { TerraformDataSource, TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { metaArguments } from '../../core/hand-written-resource';
import { KEYCLOAK_GENERATOR_METADATA } from './keycloak-provider';

/** Config for {@link DataKeycloakRealmKeys}. */
export interface DataKeycloakRealmKeysConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /**
   * Only keys with these algorithms, e.g. `RS256`.
   * @default - every algorithm
   */
  readonly algorithms?: string[];
  /**
   * Only keys with these statuses: `ACTIVE`, `PASSIVE`, `DISABLED`.
   * @default - every status
   */
  readonly status?: string[];
}

/** `data.keycloak_realm_keys`: a realm's keys and certificates, as the admin console's Keys tab lists them. */
export class DataKeycloakRealmKeys extends TerraformDataSource {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'keycloak_realm_keys';

  private readonly config: DataKeycloakRealmKeysConfig;

  constructor(scope: Construct, id: string, config: DataKeycloakRealmKeysConfig) {
    super(scope, id, {
      terraformResourceType: DataKeycloakRealmKeys.tfResourceType,
      terraformGeneratorMetadata: KEYCLOAK_GENERATOR_METADATA,
      ...metaArguments(config),
    });
    this.config = config;
  }

  /** The certificate (base64 DER, no PEM header) of key `index` of the filtered list. */
  public certificate(index: number): string {
    return this.getStringAttribute(`keys[${index}].certificate`);
  }

  /** The key ID (`kid`) of key `index` of the filtered list. */
  public kid(index: number): string {
    return this.getStringAttribute(`keys[${index}].kid`);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return { realm_id: c.realmId, algorithms: c.algorithms, status: c.status };
  }
}
