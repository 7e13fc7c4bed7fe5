import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { defaultProvider } from '../../core/default-provider';

/** The `keycloak/keycloak` provider version these constructs were written and checked against. */
export const KEYCLOAK_PROVIDER_VERSION = '5.9.0';

/** Generator metadata shared by every resource of this provider. */
export const KEYCLOAK_GENERATOR_METADATA = { providerName: 'keycloak', providerVersion: KEYCLOAK_PROVIDER_VERSION };

/** Props for {@link KeycloakProvider}. */
export interface KeycloakProviderProps {
  /**
   * The Keycloak server's base URL, before `/realms` (e.g. `https://sso.example.com`). Not a secret.
   * @default - from `KEYCLOAK_URL` in the environment
   */
  readonly url?: string;
  /**
   * The realm the provider signs in to (where its admin user or client lives).
   * @default - from `KEYCLOAK_REALM` in the environment, else `master`
   */
  readonly realm?: string;
  /**
   * The provider alias, for a stack that talks to two Keycloak servers.
   * @default - the default (unaliased) provider
   */
  readonly alias?: string;
}

/**
 * The `keycloak/keycloak` Terraform provider (https://github.com/keycloak/terraform-provider-keycloak),
 * pinned to {@link KeycloakProvider.PROVIDER_VERSION}. No prebuilt CDKTF binding exists, so it is written by
 * hand. It deliberately takes no credentials: the provider reads `KEYCLOAK_CLIENT_ID` with
 * `KEYCLOAK_CLIENT_SECRET` (client credentials), or with `KEYCLOAK_USER` + `KEYCLOAK_PASSWORD`
 * (password grant, e.g. client `admin-cli`), or `KEYCLOAK_ACCESS_TOKEN`, from the environment
 * (provider schema, `provider/provider.go`), so nothing secret is synthesized.
 */
export class KeycloakProvider extends TerraformProvider {
  /** The provider's Terraform type name. */
  public static readonly tfResourceType = 'keycloak';

  /** The `keycloak/keycloak` provider version these constructs were written and checked against. */
  public static readonly PROVIDER_VERSION = KEYCLOAK_PROVIDER_VERSION;

  /**
   * The stack's default keycloak provider: the first unaliased one already declared, or a new one
   * with id `keycloak` (everything from the environment).
   */
  public static of(scope: Construct): KeycloakProvider {
    return defaultProvider(scope, KeycloakProvider.tfResourceType, (stack) => new KeycloakProvider(stack, 'keycloak'));
  }

  private readonly url?: string;
  private readonly realm?: string;

  constructor(scope: Construct, id: string, props: KeycloakProviderProps = {}) {
    super(scope, id, {
      terraformResourceType: KeycloakProvider.tfResourceType,
      terraformGeneratorMetadata: KEYCLOAK_GENERATOR_METADATA,
      terraformProviderSource: 'keycloak/keycloak',
    });
    this.url = props.url;
    this.realm = props.realm;
    this.alias = props.alias;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { url: this.url, realm: this.realm, alias: this.alias };
  }
}
