import { TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { KEYCLOAK_GENERATOR_METADATA } from './keycloak-provider';

/**
 * Base of the hand-written `keycloak_*` resources: passes the meta-arguments through and gives the
 * `id` every resource exports. Subclasses map their typed config to the provider's snake_case
 * arguments in `synthesizeAttributes`, one line per argument, so the synthesized JSON is explicit.
 */
export abstract class KeycloakResource extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, meta: TerraformMetaArguments) {
    super(scope, id, {
      terraformResourceType: type,
      terraformGeneratorMetadata: KEYCLOAK_GENERATOR_METADATA,
      provider: meta.provider,
      dependsOn: meta.dependsOn,
      count: meta.count,
      lifecycle: meta.lifecycle,
      forEach: meta.forEach,
    });
  }

  /** The resource's ID in Keycloak (a UUID for clients, roles, groups, users, mappers). */
  public get id(): string {
    return this.getStringAttribute('id');
  }
}
