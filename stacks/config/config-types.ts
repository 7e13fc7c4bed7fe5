// The config file's shape as the command reads it (stacks/config/check-config.ts checks a file and
// reports every problem at the user's keys).

/** A state backend block: exactly one of these keys. */
export interface BackendConfig {
  local?: { path?: string };
  s3?: { bucket: string; key?: string; region: string; dynamodbTable?: string; encrypt?: boolean };
  azurerm?: { resourceGroupName: string; storageAccountName: string; containerName: string; key?: string };
  cloud?: { organization: string; workspace?: string; hostname?: string };
}

/** One target: a Twilio service provider on one identity provider, synthesized as one stack. */
export interface TargetConfig {
  name: string;
  twilio: {
    flexEnhanced?: { connectionSid: string; acsUrl?: string; runtimeDomain?: string };
    flexLegacy?: { accountSid: string; runtimeDomain?: string };
    frontline?: { realmSid: string };
    serviceProvider?: { product: 'flex' | 'frontline'; entityId: string; acsUrl: string; runtimeDomain?: string };
  };
  backend?: BackendConfig;
  [identityProvider: string]: unknown;
}

/** The whole config file. */
export interface SsoConfig {
  defaults?: { backend?: BackendConfig };
  targets: TargetConfig[];
}
