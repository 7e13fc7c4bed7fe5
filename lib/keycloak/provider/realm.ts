import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { KeycloakResource } from './keycloak-resource';

/** Config for {@link KeycloakRealm}. */
export interface KeycloakRealmConfig extends TerraformMetaArguments {
  /** The realm's name (also its ID in every `realm_id` argument). */
  readonly realm: string;
  /**
   * Display name on the login page.
   * @default - the realm name
   */
  readonly displayName?: string;
  /**
   * Whether the realm is enabled.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * When HTTPS is required: `none`, `external` (not for private addresses) or `all`.
   * @default 'external' (provider default)
   */
  readonly sslRequired?: string;
  /**
   * SSO session maximum lifespan, e.g. `10h` (Keycloak derives the assertion's SessionNotOnOrAfter from it).
   * @default - Keycloak's default (10 hours)
   */
  readonly ssoSessionMaxLifespan?: string;
}

/** `keycloak_realm`: a realm. Used by the end-to-end test and the demo; the SSO construct takes an existing realm's name. */
export class KeycloakRealm extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_realm';

  private readonly config: KeycloakRealmConfig;

  constructor(scope: Construct, id: string, config: KeycloakRealmConfig) {
    super(scope, id, KeycloakRealm.tfResourceType, config);
    this.config = config;
  }

  /** The realm name, as a reference (so that resources using it wait for the realm). */
  public get realmName(): string {
    return this.getStringAttribute('realm');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      realm: c.realm,
      display_name: c.displayName,
      enabled: c.enabled,
      ssl_required: c.sslRequired,
      sso_session_max_lifespan: c.ssoSessionMaxLifespan,
    };
  }
}

/** One attribute of a realm's user profile. */
export interface KeycloakUserProfileAttribute {
  /** The attribute name, e.g. `full_name`. */
  readonly name: string;
  /**
   * Label in forms.
   * @default - the name
   */
  readonly displayName?: string;
  /**
   * Who may view it: `admin`, `user`.
   * @default ['admin', 'user']
   */
  readonly view?: string[];
  /**
   * Who may edit it: `admin`, `user`.
   * @default ['admin', 'user']
   */
  readonly edit?: string[];
}

/** Config for {@link KeycloakRealmUserProfile}. */
export interface KeycloakRealmUserProfileConfig extends TerraformMetaArguments {
  /** The realm (its name). */
  readonly realmId: string;
  /** Every attribute of the profile (authoritative: include `username`, `email`, `firstName`, `lastName`). */
  readonly attributes: KeycloakUserProfileAttribute[];
  /**
   * What happens to attributes not in the profile: `ENABLED`, `ADMIN_EDIT`, `ADMIN_VIEW`.
   * @default - unmanaged attributes are disabled
   */
  readonly unmanagedAttributePolicy?: string;
}

/**
 * `keycloak_realm_user_profile`: the realm's declarative user profile (Keycloak 24+ keeps only the
 * attributes declared here). A realm that sends `full_name` from a user attribute must declare it.
 */
export class KeycloakRealmUserProfile extends KeycloakResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'keycloak_realm_user_profile';

  private readonly config: KeycloakRealmUserProfileConfig;

  constructor(scope: Construct, id: string, config: KeycloakRealmUserProfileConfig) {
    super(scope, id, KeycloakRealmUserProfile.tfResourceType, config);
    this.config = config;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      realm_id: c.realmId,
      unmanaged_attribute_policy: c.unmanagedAttributePolicy,
      attribute: c.attributes.map((a) => ({
        name: a.name,
        display_name: a.displayName,
        permissions: { view: a.view ?? ['admin', 'user'], edit: a.edit ?? ['admin', 'user'] },
      })),
    };
  }
}
