/**
 * Which stacks can be planned with no network, and the environment their plan needs. Established by
 * running plan under `unshare -rn` with the real provider binaries (docs/terraform-check.md).
 */
import { RequiredProvider, StackJson, requiredProviders } from './stack-json';

/** How to plan with a provider offline. */
interface OfflinePlan {
  /** Set for the plan. */
  readonly env: Readonly<Record<string, string>>;
  /** Removed for the plan (credentials that would make the provider call its API at configure). */
  readonly unsetEnv?: readonly string[];
  /** Provider-block arguments that make it call the API at configure: a stack setting one is not planned. */
  readonly conflictingConfig?: readonly string[];
}

/** Providers that configure and plan without contacting anything. Anything not listed is validated only. */
export const OFFLINE_PLAN: Readonly<Record<string, OfflinePlan>> = {
  // okta 4.20.0 skips its GET /api/v1/users/me check when configured with an OAuth access token;
  // with an API token it calls it at configure (and retries with a 30 s backoff).
  'registry.terraform.io/okta/okta': {
    env: { OKTA_ACCESS_TOKEN: 'offline-check-not-a-real-token' },
    unsetEnv: ['OKTA_API_TOKEN', 'OKTA_CLIENT_ID', 'OKTA_PRIVATE_KEY', 'OKTA_PRIVATE_KEY_ID', 'OKTA_SCOPES'],
    conflictingConfig: ['api_token', 'client_id', 'private_key', 'private_key_id', 'scopes'],
  },
  'registry.terraform.io/hashicorp/time': { env: {} },
  'registry.terraform.io/hashicorp/null': { env: {} },
};

/** Why the others cannot plan offline (printed in the summary). */
export const NO_OFFLINE_PLAN_REASON: Readonly<Record<string, string>> = {
  'registry.terraform.io/hashicorp/azuread':
    'azuread authenticates when it configures (no credentials: tries the Azure CLI; client secret: POSTs to login.microsoftonline.com), and data.azuread_client_config reads the tenant',
  'registry.terraform.io/microsoft/msgraph': 'msgraph gets an Entra token when it configures',
  'registry.terraform.io/keycloak/keycloak': 'keycloak logs in to the Keycloak server when it configures (initial_login)',
};

/** Something that keeps a stack from planning offline. */
export interface PlanBlocker {
  /** The provider source, or `import blocks`. */
  readonly provider: string;
  readonly reason: string;
}

/** The provider blocks a stack declares for one local provider name. */
function providerBlocks(stack: StackJson, r: RequiredProvider): Array<Record<string, unknown>> {
  const blocks = stack.provider?.[r.name];
  return blocks === undefined ? [] : Array.isArray(blocks) ? blocks : [blocks];
}

/** Which providers (or import blocks) keep this stack from planning offline; [] = it can plan. */
export function offlinePlanBlockers(stack: StackJson): PlanBlocker[] {
  const blockers: PlanBlocker[] = [];
  // An import block makes plan read the existing object from the identity provider's API.
  if ((stack.import ?? []).length > 0) blockers.push({ provider: 'import blocks', reason: 'planning an import reads the existing object from the identity provider' });
  for (const r of requiredProviders(stack)) {
    const plan = OFFLINE_PLAN[r.address];
    if (!plan) {
      blockers.push({ provider: r.source, reason: NO_OFFLINE_PLAN_REASON[r.address] ?? 'not known to configure without the network' });
      continue;
    }
    const configs = providerBlocks(stack, r);
    const conflict = (plan.conflictingConfig ?? []).find((k) => configs.some((c) => c && c[k] !== undefined));
    if (conflict) blockers.push({ provider: r.source, reason: `its provider block sets ${conflict}, which makes it call the API at configure` });
  }
  return blockers;
}

/**
 * The environment for planning a stack offline: each provider's fake credentials, its real ones
 * removed, and proxies pointed at a closed local port (a safety net if a provider tried a real
 * endpoint anyway).
 */
export function planEnv(base: NodeJS.ProcessEnv, stack: StackJson): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const r of requiredProviders(stack)) {
    const p = OFFLINE_PLAN[r.address];
    if (!p) continue;
    for (const k of p.unsetEnv ?? []) delete env[k];
    Object.assign(env, p.env);
  }
  for (const k of ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy']) env[k] = 'http://127.0.0.1:9';
  for (const k of ['NO_PROXY', 'no_proxy']) delete env[k];
  return env;
}
