import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { KeycloakResource } from './keycloak-resource';

/** Config for {@link KeycloakUser}. */
export interface KeycloakUserConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The username. */
  readonly username: string;
  /**
   * Email address.
   * @default - none
   */
  readonly email?: string;
  /**
   * Whether the email address is verified.
   * @default false
   */
  readonly emailVerified?: boolean;
  /**
   * First name.
   * @default - none
   */
  readonly firstName?: string;
  /**
   * Last name.
   * @default - none
   */
  readonly lastName?: string;
  /**
   * User attributes (each must be declared in the realm's user profile).
   * @default - none
   */
  readonly attributes?: { [name: string]: string };
  /**
   * Initial password (kept in the Terraform state: for test users only).
   * @default - no password
   */
  readonly initialPassword?: string;
}

/** `keycloak_user`: a user. Used by the end-to-end test and the demo for their test user. */
export class KeycloakUser extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_user';

  private readonly config: KeycloakUserConfig;

  constructor(scope: Construct, id: string, config: KeycloakUserConfig) {
    super(scope, id, KeycloakUser.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      realm_id: c.realmId,
      username: c.username,
      email: c.email,
      email_verified: c.emailVerified,
      first_name: c.firstName,
      last_name: c.lastName,
      enabled: true,
      attributes: c.attributes,
      initial_password: c.initialPassword === undefined ? undefined : { value: c.initialPassword, temporary: false },
    };
  }
}

/** Config for {@link KeycloakGroup}. */
export interface KeycloakGroupConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The group name. */
  readonly name: string;
}

/** `keycloak_group`: a group. */
export class KeycloakGroup extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_group';

  private readonly config: KeycloakGroupConfig;

  constructor(scope: Construct, id: string, config: KeycloakGroupConfig) {
    super(scope, id, KeycloakGroup.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { realm_id: this.config.realmId, name: this.config.name };
  }
}

/** Config for {@link KeycloakGroupMemberships}. */
export interface KeycloakGroupMembershipsConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** The group's ID. */
  readonly groupId: string;
  /** Usernames of the members (authoritative). */
  readonly members: string[];
}

/** `keycloak_group_memberships`: a group's members, by username. */
export class KeycloakGroupMemberships extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_group_memberships';

  private readonly config: KeycloakGroupMembershipsConfig;

  constructor(scope: Construct, id: string, config: KeycloakGroupMembershipsConfig) {
    super(scope, id, KeycloakGroupMemberships.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { realm_id: this.config.realmId, group_id: this.config.groupId, members: this.config.members };
  }
}
