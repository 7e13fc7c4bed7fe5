import { DataAzureadClientConfig } from '@cdktf/provider-azuread/lib/data-azuread-client-config';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Construct ID of the shared client-config data source, at the top of the stack. */
export const CLIENT_CONFIG_ID = 'TwilioSsoAzureadClientConfig';

/** The stack's shared client config and its two attributes, each read once. */
export interface StackClientConfig {
  /** The data source. */
  readonly dataSource: DataAzureadClientConfig;
  /** The tenant the azuread provider signs in to. */
  readonly tenantId: string;
  /** The object ID of the principal the azuread provider signs in as. */
  readonly objectId: string;
}

/** The shared data source, with its two attributes read once (each read makes a token with a stack trace). */
class SharedClientConfig extends DataAzureadClientConfig {
  public readonly shared: StackClientConfig = { dataSource: this, tenantId: this.tenantId, objectId: this.objectId };
}

/**
 * The stack's `data.azuread_client_config` (who the azuread provider signs in as, and to which tenant),
 * one per stack for every {@link EntraTwilioSso} in it: the construct uses the stack's default azuread
 * provider, so every app would read the same thing. One per app cost a read per app at every plan and
 * a data source per app at synth (1,000 more at N=1000 in BENCHMARKS.md). A data source holds no state:
 * its address can move without touching anything in the tenant. Found in the construct tree (a child
 * of the stack with a fixed ID), not in module state.
 */
export function stackClientConfig(scope: IConstruct): StackClientConfig {
  const stack = TerraformStack.of(scope);
  const found = stack.node.tryFindChild(CLIENT_CONFIG_ID);
  return (found instanceof SharedClientConfig ? found : new SharedClientConfig(stack, CLIENT_CONFIG_ID, {})).shared;
}
