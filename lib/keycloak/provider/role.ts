import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { KeycloakResource } from './keycloak-resource';

/** Config for {@link KeycloakRole}. */
export interface KeycloakRoleConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The role name. */
  readonly name: string;
  /**
   * The internal ID of the client that owns the role.
   * @default - a realm role
   */
  readonly clientId?: string;
  /**
   * Description shown in the admin console.
   * @default - none
   */
  readonly description?: string;
}

/** `keycloak_role`: a realm role or a client role. */
export class KeycloakRole extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_role';

  private readonly config: KeycloakRoleConfig;

  constructor(scope: Construct, id: string, config: KeycloakRoleConfig) {
    super(scope, id, KeycloakRole.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return { realm_id: c.realmId, client_id: c.clientId, name: c.name, description: c.description };
  }
}

/** Config for {@link KeycloakGroupRoles}. */
export interface KeycloakGroupRolesConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The group's ID. */
  readonly groupId: string;
  /** The IDs of the roles to grant. */
  readonly roleIds: string[];
  /**
   * When true, roles granted to the group elsewhere are removed.
   * @default true (provider default)
   */
  readonly exhaustive?: boolean;
}

/** `keycloak_group_roles`: roles granted to a group (and so to its members). */
export class KeycloakGroupRoles extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_group_roles';

  private readonly config: KeycloakGroupRolesConfig;

  constructor(scope: Construct, id: string, config: KeycloakGroupRolesConfig) {
    super(scope, id, KeycloakGroupRoles.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return { realm_id: c.realmId, group_id: c.groupId, role_ids: c.roleIds, exhaustive: c.exhaustive };
  }
}

/** Config for {@link KeycloakUserRoles}. */
export interface KeycloakUserRolesConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The user's ID. */
  readonly userId: string;
  /** The IDs of the roles to grant. */
  readonly roleIds: string[];
  /**
   * When true, roles granted to the user elsewhere are removed.
   * @default true (provider default)
   */
  readonly exhaustive?: boolean;
}

/** `keycloak_user_roles`: roles granted to one user directly. */
export class KeycloakUserRoles extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_user_roles';

  private readonly config: KeycloakUserRolesConfig;

  constructor(scope: Construct, id: string, config: KeycloakUserRolesConfig) {
    super(scope, id, KeycloakUserRoles.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return { realm_id: c.realmId, user_id: c.userId, role_ids: c.roleIds, exhaustive: c.exhaustive };
  }
}
