import { TerraformProvider, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

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
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild('time');
    if (existing instanceof TerraformProvider) return existing as TimeProvider;
    return new TimeProvider(stack, 'time');
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
