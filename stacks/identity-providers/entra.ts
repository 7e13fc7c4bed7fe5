import { TerraformStack } from 'cdktf';
import type * as Entra from '../../lib/entra';
import type { TwilioTarget } from '../../lib/twilio';
import { ASSIGNMENT_PROPS_TO_KEYS, AssignmentConfig, SharedBlockConfig, assignmentListSchema, sharedBlockSchema, sharedProps, toRoleAssignments, idMapSchema } from './config-parts';
import { IdentityProvider } from './identity-provider';

/** The `entra` block of a config target. */
export interface EntraTargetConfig extends SharedBlockConfig {
  tenantId?: string;
  owners?: string[];
  notificationEmails?: string[];
  roles?: string[];
  groups?: AssignmentConfig[];
  users?: AssignmentConfig[];
  certificates?: Array<{ name: string; displayName?: string; endDate?: string; validityYears?: number }>;
  activeCertificate?: string;
  identifierUriDelaySeconds?: number;
  adopt?: {
    applicationObjectId: string;
    servicePrincipalObjectId: string;
    signingCertificateKeyId: string;
    appRoleIds?: Record<string, string>;
    appRoleAssignmentIds?: Record<string, string>;
    importIdentifierUri?: boolean;
  };
}

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const assignments = assignmentListSchema({ id: { type: 'string', pattern: UUID, description: 'the Entra object ID (a UUID) of the group or user' }, rolesRequired: true });

/** The Entra construct and providers, loaded on first use: a config without Entra targets never loads them. */
function entra_(): typeof Entra & typeof import('@cdktf/provider-azuread/lib/provider') {
  return { ...require('../../lib/entra'), ...require('@cdktf/provider-azuread/lib/provider') };
}

function toProps(target: TwilioTarget, c: EntraTargetConfig): Entra.EntraTwilioSsoProps {
  return {
    target,
    ...sharedProps(c),
    tenantId: c.tenantId,
    owners: c.owners,
    notificationEmails: c.notificationEmails,
    roles: c.roles,
    groups: toRoleAssignments(c.groups),
    users: toRoleAssignments(c.users),
    certificates: c.certificates,
    activeCertificate: c.activeCertificate,
    identifierUriDelaySeconds: c.identifierUriDelaySeconds,
    adopt: c.adopt
      ? {
          applicationObjectId: c.adopt.applicationObjectId,
          servicePrincipalObjectId: c.adopt.servicePrincipalObjectId,
          signingCertificateKeyId: c.adopt.signingCertificateKeyId,
          appRoleIds: c.adopt.appRoleIds,
          appRoleAssignmentIds: c.adopt.appRoleAssignmentIds,
          importIdentifierUri: c.adopt.importIdentifierUri,
        }
      : undefined,
  };
}

/**
 * Microsoft Entra ID targets. Credentials never come from the config: the azuread and msgraph
 * providers read `ARM_TENANT_ID`, `ARM_CLIENT_ID` and `ARM_CLIENT_SECRET` (or `ARM_USE_OIDC` +
 * `ARM_OIDC_TOKEN`, or the Azure CLI login) from the environment when they run (docs/entra.md).
 */
export const entra: IdentityProvider<EntraTargetConfig> = {
  key: 'entra',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      tenantId: { type: 'string', pattern: UUID, description: "the tenant's ID, a UUID, not its domain name" },
      ...sharedBlockSchema({
        nameId: "an Entra user attribute: 'user.mail', 'user.userprincipalname', 'user.objectid', 'user.employeeid' or 'user.onpremisessamaccountname'",
        value: "an Entra user attribute as the admin center shows it, e.g. 'user.department'",
      }),
      owners: { type: 'array', minItems: 1, items: { type: 'string', pattern: UUID, description: 'the object ID (a UUID) of a user or service principal' } },
      notificationEmails: { type: 'array', items: { type: 'string', minLength: 3 } },
      roles: { type: 'array', items: { type: 'string' } },
      groups: assignments,
      users: assignments,
      certificates: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_]*$', description: 'a name of lowercase letters, digits and underscores' },
            displayName: { type: 'string', pattern: '^CN=', description: "a subject starting with 'CN='" },
            endDate: { type: 'string', description: 'RFC 3339, at most 3 years out' },
            validityYears: { type: 'integer', minimum: 1, maximum: 3 },
          },
        },
      },
      activeCertificate: { type: 'string' },
      identifierUriDelaySeconds: { type: 'integer', minimum: 0, maximum: 600 },
      adopt: {
        type: 'object',
        additionalProperties: false,
        required: ['applicationObjectId', 'servicePrincipalObjectId', 'signingCertificateKeyId'],
        description: 'bring an existing Entra enterprise application under code instead of creating one (docs/adopt.md)',
        properties: {
          applicationObjectId: {
            type: 'string',
            minLength: 1,
            description: 'the app registration\'s object ID, a UUID (App registrations → the app → Overview → "Object ID", not the client ID)',
          },
          servicePrincipalObjectId: {
            type: 'string',
            minLength: 1,
            description: 'the enterprise application\'s object ID, a UUID (Enterprise applications → the app → Overview → "Object ID")',
          },
          signingCertificateKeyId: {
            type: 'string',
            minLength: 1,
            description: "the keyId of the active signing certificate's Verify key credential (Graph GET /servicePrincipals/<id>?$select=keyCredentials)",
          },
          appRoleIds: idMapSchema("the app's existing app role IDs by Twilio role, e.g. { agent: '<UUID>' } (Graph GET /applications/<id>?$select=appRoles); roles not listed get a generated ID"),
          appRoleAssignmentIds: idMapSchema("existing app role assignment IDs, keyed '<group or user object ID>/<role>' (Graph GET /servicePrincipals/<id>/appRoleAssignedTo); assignments not listed are created"),
          importIdentifierUri: {
            type: 'boolean',
            description: 'whether the app already has the Entity ID as its identifier (default true: imported; false: added)',
          },
        },
      },
    },
  },
  renamedKeys: { nameIdSource: 'nameId', warnDaysBeforeExpiry: 'certificateExpiryWarningDays', 'attributes[].source': 'value' },
  propsToKeys: ASSIGNMENT_PROPS_TO_KEYS,
  validate(target, config) {
    entra_().EntraTwilioSso.validateProps(toProps(target, config));
  },
  declare(stack: TerraformStack, target, config) {
    const { AzureadProvider, EntraConsoleOutputs, EntraTwilioSso, MsgraphProvider } = entra_();
    // Tenant ID only (not a secret); every credential comes from the environment.
    new AzureadProvider(stack, 'azuread', { tenantId: config.tenantId });
    new MsgraphProvider(stack, 'msgraph', { tenantId: config.tenantId });
    const sso = new EntraTwilioSso(stack, 'Sso', toProps(target, config));
    new EntraConsoleOutputs(stack, 'EntraConsole', { app: sso });
    return sso;
  },
};
