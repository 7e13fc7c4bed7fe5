import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { defaultProvider } from '../../core/default-provider';

/** The `hashicorp/time` provider version these constructs were validated against. */
export const TIME_PROVIDER_VERSION = '0.13.1';

/**
 * The `hashicorp/time` provider (no configuration). Written by hand rather than taken from
 * `@cdktf/provider-time` so that the library needs no extra runtime dependency for two resources.
 */
export class TimeProvider extends TerraformProvider {
  /** The provider's Terraform type name. */
  public static readonly tfResourceType = 'time';

  /** The stack's time provider: the one already declared with id `time`, or a new one. */
  public static of(scope: Construct): TimeProvider {
    return defaultProvider(scope, 'time', (stack) => new TimeProvider(stack, 'time'));
  }

  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: TimeProvider.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'time', providerVersion: TIME_PROVIDER_VERSION },
      terraformProviderSource: 'hashicorp/time',
    });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {};
  }
}
