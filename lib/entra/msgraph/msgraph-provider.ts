import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { defaultProvider } from '../../core/default-provider';

/** The `microsoft/msgraph` provider version these constructs were written and validated against. */
export const MSGRAPH_PROVIDER_VERSION = '0.2.0';

/** Props for {@link MsgraphProvider}. */
export interface MsgraphProviderProps {
  /**
   * The Entra tenant to sign in to. Not a secret; credentials never go here.
   * @default - from `ARM_TENANT_ID` in the environment
   */
  readonly tenantId?: string;
  /**
   * Provider alias, for a stack that talks to two tenants.
   * @default - the default (unaliased) provider
   */
  readonly alias?: string;
}

/**
 * The `microsoft/msgraph` Terraform provider (https://github.com/microsoft/terraform-provider-msgraph),
 * pinned to {@link MSGRAPH_PROVIDER_VERSION}. No prebuilt CDKTF binding exists, so this is written by
 * hand. It deliberately takes no credentials: the provider reads `ARM_CLIENT_ID`, `ARM_TENANT_ID` and
 * `ARM_CLIENT_SECRET`, or `ARM_USE_OIDC` + `ARM_OIDC_TOKEN`, or the Azure CLI login, from the
 * environment when it runs (see its provider schema), so nothing secret is synthesized.
 */
export class MsgraphProvider extends TerraformProvider {
  /** The provider's Terraform type name. */
  public static readonly tfResourceType = 'msgraph';

  /**
   * The stack's default msgraph provider: the first unaliased one already declared, or a new one
   * with id `msgraph` (credentials from the environment).
   */
  public static of(scope: Construct): MsgraphProvider {
    return defaultProvider(scope, MsgraphProvider.tfResourceType, (stack) => new MsgraphProvider(stack, 'msgraph'));
  }

  private readonly tenantId?: string;

  constructor(scope: Construct, id: string, props: MsgraphProviderProps = {}) {
    super(scope, id, {
      terraformResourceType: MsgraphProvider.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'msgraph', providerVersion: MSGRAPH_PROVIDER_VERSION },
      terraformProviderSource: 'microsoft/msgraph',
    });
    this.tenantId = props.tenantId;
    this.alias = props.alias;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { tenant_id: this.tenantId, alias: this.alias };
  }
}
