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

const SHARED = new WeakMap<TerraformStack, StackClientConfig>();

/**
 * The stack's `data.azuread_client_config` (who the azuread provider signs in as, and to which tenant),
 * one per stack for every {@link EntraTwilioSso} in it: the construct uses the stack's default azuread
 * provider, so every app would read the same thing. One per app cost a read per app at every plan and
 * a data source per app at synth (1,000 more at N=1000 in BENCHMARKS.md). A data source holds no state:
 * its address can move without touching anything in the tenant. Its attributes are read once per
 * stack too: every read creates a cdktf token with a captured stack trace.
 */
export function stackClientConfig(scope: IConstruct): StackClientConfig {
  const stack = TerraformStack.of(scope);
  let config = SHARED.get(stack);
  if (!config) {
    const dataSource = new DataAzureadClientConfig(stack, CLIENT_CONFIG_ID, {});
    config = { dataSource, tenantId: dataSource.tenantId, objectId: dataSource.objectId };
    SHARED.set(stack, config);
  }
  return config;
}
