import { IDENTITY_PROVIDERS } from '../identity-providers';
import { CONFIG_LIMITS } from './config-limits';

// The config file's shape: types, required keys, vocabulary enums and unknown keys. The Twilio and
// identity-provider blocks' values are judged by the library (TwilioTarget's factories, each
// construct's findProblems), never restated here; the rules left in this file are those of keys only
// the stacks read (the stack name, the backend). What each key means is in schema-docs.ts.

const backend = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    local: { type: 'object', additionalProperties: false, properties: { path: { type: 'string', minLength: 1 } } },
    s3: {
      type: 'object',
      additionalProperties: false,
      required: ['bucket', 'region'],
      properties: {
        bucket: { type: 'string', minLength: 1 },
        key: { type: 'string', minLength: 1 },
        region: { type: 'string', minLength: 1 },
        dynamodbTable: { type: 'string', minLength: 1 },
        encrypt: { type: 'boolean' },
      },
    },
    azurerm: {
      type: 'object',
      additionalProperties: false,
      required: ['resourceGroupName', 'storageAccountName', 'containerName'],
      properties: {
        resourceGroupName: { type: 'string', minLength: 1 },
        storageAccountName: { type: 'string', minLength: 1 },
        containerName: { type: 'string', minLength: 1 },
        key: { type: 'string', minLength: 1 },
      },
    },
    cloud: {
      type: 'object',
      additionalProperties: false,
      required: ['organization'],
      properties: {
        organization: { type: 'string', minLength: 1 },
        workspace: { type: 'string', minLength: 1 },
        hostname: { type: 'string', minLength: 1 },
      },
    },
  },
};

const twilio = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    flexEnhanced: {
      type: 'object',
      additionalProperties: false,
      required: ['connectionSid'],
      properties: { connectionSid: { type: 'string' }, acsUrl: { type: 'string' }, runtimeDomain: { type: 'string' } },
    },
    flexLegacy: {
      type: 'object',
      additionalProperties: false,
      required: ['accountSid'],
      properties: { accountSid: { type: 'string' }, runtimeDomain: { type: 'string' } },
    },
    frontline: { type: 'object', additionalProperties: false, required: ['realmSid'], properties: { realmSid: { type: 'string' } } },
    serviceProvider: {
      type: 'object',
      additionalProperties: false,
      required: ['product', 'entityId', 'acsUrl'],
      properties: {
        product: { type: 'string', enum: ['flex', 'frontline'] },
        entityId: { type: 'string' },
        acsUrl: { type: 'string' },
        runtimeDomain: { type: 'string' },
      },
    },
  },
};

/** The JSON Schema of the config file. Each identity provider contributes the schema of its block. */
export function configSchema(): object {
  const idps = Object.fromEntries(IDENTITY_PROVIDERS.map((p) => [p.key, p.schema]));
  return {
    type: 'object',
    additionalProperties: false,
    required: ['targets'],
    properties: {
      defaults: { type: 'object', additionalProperties: false, properties: { backend } },
      targets: {
        type: 'array',
        minItems: 1,
        maxItems: CONFIG_LIMITS.maxTargets,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'twilio'],
          properties: {
            // A folder name under cdktf.out/stacks and part of state keys: the stacks' own rule.
            name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
            twilio,
            backend,
            ...idps,
          },
        },
      },
    },
  };
}
