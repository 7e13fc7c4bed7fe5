import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { HandWrittenResource } from '../../core/hand-written-resource';
import { KEYCLOAK_GENERATOR_METADATA } from './keycloak-provider';

/**
 * Base of the hand-written `keycloak_*` resources (their `id` is a UUID for clients, roles, groups,
 * users, mappers). A hidden base class (`@internal`): in the API they extend {@link HandWrittenResource}.
 * @internal
 */
export abstract class KeycloakResource extends HandWrittenResource {
  constructor(scope: Construct, id: string, type: string, meta: TerraformMetaArguments) {
    super(scope, id, type, KEYCLOAK_GENERATOR_METADATA, meta);
  }
}
