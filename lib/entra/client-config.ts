import { DataAzureadClientConfig } from '@cdktf/provider-azuread/lib/data-azuread-client-config';
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Construct ID of the shared client-config data source, at the top of the stack. */
export const CLIENT_CONFIG_ID = 'TwilioSsoAzureadClientConfig';

const SHARED = new WeakMap<TerraformStack, DataAzureadClientConfig>();

/**
 * The stack's `data.azuread_client_config` (who the azuread provider signs in as, and to which tenant),
 * one per stack for every {@link EntraTwilioSso} in it: the construct uses the stack's default azuread
 * provider, so every app would read the same thing. One per app cost a read per app at every plan and
 * a data source per app at synth (1,000 more at N=1000 in BENCHMARKS.md). A data source holds no state:
 * its address can move without touching anything in the tenant.
 */
export function stackClientConfig(scope: IConstruct): DataAzureadClientConfig {
  const stack = TerraformStack.of(scope);
  let config = SHARED.get(stack);
  if (!config) {
    config = new DataAzureadClientConfig(stack, CLIENT_CONFIG_ID, {});
    SHARED.set(stack, config);
  }
  return config;
}
