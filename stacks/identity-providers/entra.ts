import { TerraformStack } from 'cdktf';
import { literal } from '../../lib/core/literal';
import type * as Entra from '../../lib/entra';
import { ASSIGNMENT_ITEMS, AssignmentConfig, SharedBlockConfig, assignmentListSchema, idMapSchema, sharedBlockSchema, stringListSchema } from './config-parts';
import { IdentityProvider } from './identity-provider';
import { PropMapping, propsFrom } from './prop-mapping';

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

/** The Entra construct and providers, loaded on first use: a config without Entra targets never loads them. */
function entra_(): typeof Entra & typeof import('@cdktf/provider-azuread/lib/provider') {
  return { ...require('../../lib/entra'), ...require('@cdktf/provider-azuread/lib/provider') };
}

// Every key is the prop of the same name (tenantId also configures the providers).
const PROPS: PropMapping = { items: ASSIGNMENT_ITEMS };

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
      tenantId: { type: 'string' },
      ...sharedBlockSchema(),
      owners: stringListSchema,
      notificationEmails: stringListSchema,
      roles: stringListSchema,
      groups: assignmentListSchema({ rolesRequired: true }),
      users: assignmentListSchema({ rolesRequired: true }),
      certificates: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: { name: { type: 'string' }, displayName: { type: 'string' }, endDate: { type: 'string' }, validityYears: { type: 'number' } },
        },
      },
      activeCertificate: { type: 'string' },
      identifierUriDelaySeconds: { type: 'number' },
      adopt: {
        type: 'object',
        additionalProperties: false,
        required: ['applicationObjectId', 'servicePrincipalObjectId', 'signingCertificateKeyId'],
        properties: {
          applicationObjectId: { type: 'string' },
          servicePrincipalObjectId: { type: 'string' },
          signingCertificateKeyId: { type: 'string' },
          appRoleIds: idMapSchema,
          appRoleAssignmentIds: idMapSchema,
          importIdentifierUri: { type: 'boolean' },
        },
      },
    },
  },
  renamedKeys: { nameIdSource: 'nameId', warnDaysBeforeExpiry: 'certificateExpiryWarningDays', 'attributes[].source': 'value' },
  props: PROPS,
  findProblems(target, props) {
    return entra_().EntraTwilioSso.findProblems({ ...props, target } as unknown as Entra.EntraTwilioSsoProps);
  },
  declare(stack: TerraformStack, target, config, context) {
    const { AzureadProvider, EntraConsoleOutputs, EntraTwilioSso, MsgraphProvider } = entra_();
    // Tenant ID only (not a secret); every credential comes from the environment.
    new AzureadProvider(stack, 'azuread', literal({ tenantId: config.tenantId }));
    new MsgraphProvider(stack, 'msgraph', literal({ tenantId: config.tenantId }));
    const sso = new EntraTwilioSso(stack, 'Sso', { ...propsFrom(config, PROPS, context), target } as unknown as Entra.EntraTwilioSsoProps);
    new EntraConsoleOutputs(stack, 'EntraConsole', { app: sso });
    return sso;
  },
};
