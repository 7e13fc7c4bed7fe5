import { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'fs';
import { CORE_SCHEMA, load as parseYaml } from 'js-yaml';
import { SsoConfigError, SsoErrorCode } from '../../lib/twilio';
import { IDENTITY_PROVIDERS } from '../identity-providers';
import { loadConfigValidator } from './config-validator';

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

/** `/targets/2/okta/groups/0` → `targets[2].okta.groups[0]` */
export function toFieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function describe(e: ErrorObject): string {
  const at = toFieldPath(e.instancePath) || '(top level)';
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as any).additionalProperty;
      const renamed = RENAMED_KEYS.get(`${at.replace(/^targets\[\d+\]\./, '').replace(/\[\d+\]/g, '[]')}.${key}`);
      return `${at}: unknown key '${key}'${renamed ? ` (renamed to '${renamed}')` : ''}`;
    }
    case 'required':
      return `${at}: missing required key '${(e.params as any).missingProperty}'`;
    case 'enum':
      return `${at}: must be one of ${(e.params as any).allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(e.data)}`;
    case 'pattern': {
      // A pattern says little to a person; the schema's description says what the value is.
      const what = (e.parentSchema as { description?: string } | undefined)?.description;
      return `${at}: ${what ? `must be ${what} (pattern ${(e.params as any).pattern})` : e.message}, got ${JSON.stringify(e.data)}`;
    }
    default:
      return `${at}: ${e.message}, got ${JSON.stringify(e.data)}`;
  }
}

/** `okta.label` → `displayName`: keys of earlier releases, named in the unknown-key message. */
const RENAMED_KEYS = new Map<string, string>(
  IDENTITY_PROVIDERS.flatMap((p) => Object.entries(p.renamedKeys ?? {}).map(([from, to]) => [`${p.key}.${from}`, to] as [string, string])),
);

let validator: ValidateFunction | undefined;

/**
 * Validates a parsed config against the schema. Throws one `SsoConfigError` listing every problem,
 * each with its path in the file (e.g. `targets[2].okta.groups[0].roles[1]`).
 */
export function validateConfig(raw: unknown, source: string): SsoConfig {
  validator ??= loadConfigValidator();
  const problems: string[] = [];
  if (!validator(raw)) problems.push(...(validator.errors ?? []).map(describe));
  const targets = (raw as SsoConfig)?.targets;
  // Exactly one identity provider per target (one stack = one IdP + one Twilio target): checked here
  // rather than with a schema `oneOf`, whose errors would list every branch.
  if (Array.isArray(targets)) {
    const names = new Map<string, number>();
    targets.forEach((t, i) => {
      if (typeof t !== 'object' || t === null) return;
      const idps = IDENTITY_PROVIDERS.map((p) => p.key).filter((k) => k in t);
      if (idps.length !== 1) {
        problems.push(`targets[${i}]: must have exactly one identity provider block (${IDENTITY_PROVIDERS.map((p) => p.key).join(', ')}), got ${idps.length === 0 ? 'none' : idps.join(' and ')}`);
      }
      if (names.has(t.name)) problems.push(`targets[${i}].name: '${t.name}' is already used by targets[${names.get(t.name)}]; stack names must be unique`);
      names.set(t.name, i);
    });
  }
  if (problems.length > 0) {
    const first = problems[0].split(':')[0];
    throw new SsoConfigError(SsoErrorCode.CONFIG_INVALID, first, undefined, `Invalid config ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return raw as SsoConfig;
}

/** Reads a YAML or JSON config file (YAML is a superset of JSON) and validates it. */
export function loadConfig(path: string): SsoConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SsoConfigError(SsoErrorCode.CONFIG_NOT_FOUND, 'config', path, `Cannot read config file '${path}': ${(e as Error).message}. Set TWILIO_SSO_CONFIG or pass --config.`);
  }
  let raw: unknown;
  try {
    // YAML 1.2 core schema: `2027-01-01` stays a string and `yes` is not a boolean. js-yaml rather
    // than `yaml`: ≈10 ms to load and parse instead of ≈30 ms on every synth (BENCHMARKS.md).
    raw = parseYaml(text, { filename: path, schema: CORE_SCHEMA });
  } catch (e) {
    throw new SsoConfigError(SsoErrorCode.CONFIG_PARSE, 'config', path, `Cannot parse config file '${path}': ${(e as Error).message}`);
  }
  return validateConfig(raw, `'${path}'`);
}
