import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { defaultProvider } from '../../core/default-provider';

/** The `kenzo0107/sendgrid` provider version these constructs were written and checked against. */
export const SENDGRID_PROVIDER_VERSION = '3.1.0';

/** Generator metadata shared by every resource of this provider. */
export const SENDGRID_GENERATOR_METADATA = { providerName: 'sendgrid', providerVersion: SENDGRID_PROVIDER_VERSION };

/** Props for {@link SendgridProvider}. None of them is a secret: the API key never goes here. */
export interface SendgridProviderProps {
  /**
   * The SendGrid API region: `global` or `eu`. `eu` sends the provider's calls to
   * `https://api.eu.sendgrid.com`, which SendGrid's API reference gives "for EU regional subusers"
   * (https://www.twilio.com/docs/sendgrid/api-reference/single-sign-on-settings/create-an-sso-integration).
   * A token is accepted.
   * @default - from `SENDGRID_REGION` in the environment, else `global`
   */
  readonly region?: string;
  /**
   * The subuser (its username) to act on behalf of, through SendGrid's `on-behalf-of` header.
   * Single sign-on is configured on the parent account, so this is normally left unset.
   * @default - from `SENDGRID_SUBUSER` in the environment, else the parent account
   */
  readonly subuser?: string;
  /**
   * The provider alias, for a stack that talks to two SendGrid accounts.
   * @default - the default (unaliased) provider
   */
  readonly alias?: string;
}

/**
 * The `kenzo0107/sendgrid` Terraform provider (https://github.com/kenzo0107/terraform-provider-sendgrid,
 * registry https://registry.terraform.io/providers/kenzo0107/sendgrid), pinned to
 * {@link SendgridProvider.PROVIDER_VERSION}. No prebuilt CDKTF binding exists, so it is written by hand.
 *
 * It deliberately takes no API key: the provider reads `SENDGRID_API_KEY` from the environment when
 * its own `api_key` argument is unset (provider schema, `internal/provider/provider.go`: "May also be
 * provided via SENDGRID_API_KEY environment variable"), so nothing secret is synthesized. The key
 * needs the `sso.settings.*` scopes (SendGrid API: "Single Sign-On Settings",
 * https://www.twilio.com/docs/sendgrid/api-reference/single-sign-on-settings).
 */
export class SendgridProvider extends TerraformProvider {
  /** The provider's Terraform type name. */
  public static readonly tfResourceType = 'sendgrid';

  /** The registry source address of the provider. */
  public static readonly PROVIDER_SOURCE = 'kenzo0107/sendgrid';

  /** The `kenzo0107/sendgrid` provider version these constructs were written and checked against. */
  public static readonly PROVIDER_VERSION = SENDGRID_PROVIDER_VERSION;

  /**
   * The stack's default sendgrid provider: the first unaliased one already declared, or a new one
   * with id `sendgrid` (everything from the environment).
   */
  public static of(scope: Construct): SendgridProvider {
    return defaultProvider(scope, SendgridProvider.tfResourceType, (stack) => new SendgridProvider(stack, 'sendgrid'));
  }

  private readonly region?: string;
  private readonly subuser?: string;
  // cdktf's TerraformProvider declares `alias` as a getter/setter pair that stores nothing (its
  // generated bindings override both), so a provider must keep the alias itself: assigning
  // `this.alias` without this override is silently lost.
  private _alias?: string;

  constructor(scope: Construct, id: string, props: SendgridProviderProps = {}) {
    super(scope, id, {
      terraformResourceType: SendgridProvider.tfResourceType,
      terraformGeneratorMetadata: SENDGRID_GENERATOR_METADATA,
      terraformProviderSource: SendgridProvider.PROVIDER_SOURCE,
    });
    this.region = props.region;
    this.subuser = props.subuser;
    this.alias = props.alias;
  }

  /** The provider alias (`sendgrid.<alias>` in resources' `provider`), if any. */
  public get alias(): string | undefined {
    return this._alias;
  }

  /** Sets the provider alias. */
  public set alias(value: string | undefined) {
    this._alias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    // api_key is never written: it comes from SENDGRID_API_KEY when Terraform runs.
    return { region: this.region, subuser: this.subuser, alias: this.alias };
  }
}
