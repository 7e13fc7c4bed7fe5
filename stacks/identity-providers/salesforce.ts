import { TerraformStack } from 'cdktf';
import { isAbsolute, resolve } from 'path';
import type * as Salesforce from '../../lib/salesforce';
import type { TwilioTarget } from '../../lib/twilio';
import { attributeListSchema } from './config-parts';
import { IdentityProvider, ValidationContext } from './identity-provider';

/** The `salesforce` block of a config target. */
export interface SalesforceTargetConfig {
  myDomain: string;
  certificateFile: string;
  roles?: string[];
  rolesFormula?: string;
  profiles?: string[];
  permissionSets?: string[];
  useConnectedApp?: boolean;
  appName?: string;
  label?: string;
  contactEmail?: string;
  fullNameFormula?: string;
  emailFormula?: string;
  startUrl?: string;
  ssoBinding?: 'HttpRedirect' | 'HttpPost';
  issuerTrailingSlash?: boolean;
  certificateExpiryWarningDays?: number;
  apiVersion?: string;
  attributes?: Array<{ name: string; formula: string }>;
  deploy?: { targetOrg: string; useSfOnPath?: boolean; cliVersion?: string };
}

/** The Salesforce construct, loaded on first use: a config without Salesforce targets never loads it. */
function salesforce_(): typeof Salesforce {
  return require('../../lib/salesforce');
}

function toProps(target: TwilioTarget, c: SalesforceTargetConfig, context: ValidationContext): Salesforce.SalesforceTwilioSsoProps {
  const { SalesforceAppType, SalesforceSsoBinding } = salesforce_();
  return {
    target,
    myDomain: c.myDomain,
    // Relative to the config file, so the config works from any working directory.
    certificateFile: isAbsolute(c.certificateFile) ? c.certificateFile : resolve(context.configDir, c.certificateFile),
    roles: c.roles,
    rolesFormula: c.rolesFormula,
    profiles: c.profiles,
    permissionSets: c.permissionSets,
    appType: c.useConnectedApp ? SalesforceAppType.CONNECTED_APP : SalesforceAppType.EXTERNAL_CLIENT_APP,
    appName: c.appName,
    label: c.label,
    contactEmail: c.contactEmail,
    fullNameFormula: c.fullNameFormula,
    emailFormula: c.emailFormula,
    startUrl: c.startUrl,
    ssoBinding: c.ssoBinding === 'HttpPost' ? SalesforceSsoBinding.HTTP_POST : SalesforceSsoBinding.HTTP_REDIRECT,
    issuerTrailingSlash: c.issuerTrailingSlash,
    certificateExpiryWarningDays: c.certificateExpiryWarningDays,
    apiVersion: c.apiVersion,
    attributes: c.attributes,
    deploy: c.deploy,
  };
}

const names = { type: 'array', items: { type: 'string', minLength: 1 } };

/**
 * Salesforce targets. No Terraform provider exists for the Salesforce side: the stack writes a
 * Salesforce DX project into its synth output and, with `deploy`, runs the Salesforce CLI from a
 * built-in `terraform_data` resource (no provider block). Credentials never come from the config:
 * the CLI uses the org already authorised under the `deploy.targetOrg` alias.
 */
export const salesforce: IdentityProvider<SalesforceTargetConfig> = {
  key: 'salesforce',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['myDomain', 'certificateFile'],
    properties: {
      myDomain: { type: 'string', minLength: 1, description: "My Domain name ('acme') or host ('acme.my.salesforce.com')" },
      certificateFile: { type: 'string', minLength: 1, description: 'IdP certificate (PEM), relative to this config file' },
      roles: { type: 'array', items: { type: 'string' } },
      rolesFormula: { type: 'string', minLength: 1 },
      profiles: names,
      permissionSets: names,
      useConnectedApp: { type: 'boolean' },
      appName: { type: 'string', minLength: 1 },
      label: { type: 'string', minLength: 1 },
      contactEmail: { type: 'string', minLength: 3 },
      fullNameFormula: { type: 'string', minLength: 1 },
      emailFormula: { type: 'string', minLength: 1 },
      startUrl: { type: 'string' },
      ssoBinding: { type: 'string', enum: ['HttpRedirect', 'HttpPost'] },
      issuerTrailingSlash: { type: 'boolean' },
      certificateExpiryWarningDays: { type: 'integer', minimum: 0 },
      apiVersion: { type: 'string', pattern: '^[0-9]{2,3}\\.0$', description: "a Metadata API version such as '63.0'" },
      attributes: attributeListSchema('formula'),
      deploy: {
        type: 'object',
        additionalProperties: false,
        required: ['targetOrg'],
        properties: {
          targetOrg: { type: 'string', minLength: 1 },
          useSfOnPath: { type: 'boolean' },
          cliVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$', description: "an exact version such as '2.150.6'" },
        },
      },
    },
  },
  validate(target, config, context) {
    salesforce_().SalesforceTwilioSso.validateProps(toProps(target, config, context));
  },
  declare(stack: TerraformStack, target, config, context) {
    return new (salesforce_().SalesforceTwilioSso)(stack, 'Sso', toProps(target, config, context));
  },
};
