import { entra } from './entra';
import { IdentityProvider } from './identity-provider';
import { keycloak } from './keycloak';
import { okta } from './okta';
import { salesforce } from './salesforce';

export * from './identity-provider';
export * from './prop-mapping';

/** Every identity provider a config target may use, by its config key. */
export const IDENTITY_PROVIDERS: readonly IdentityProvider[] = [okta, salesforce, entra, keycloak];
