import { TerraformStack } from 'cdktf';
import { isAbsolute, resolve } from 'path';
import type * as Salesforce from '../../lib/salesforce';
import type { TwilioTarget } from '../../lib/twilio';
import { SharedBlockConfig, sharedBlockSchema, sharedProps } from './config-parts';
import { IdentityProvider, ValidationContext } from './identity-provider';

/** The `salesforce` block of a config target. */
export interface SalesforceTargetConfig extends SharedBlockConfig {
  myDomain: string;
  certificateFile: string;
  roles?: string[];
  rolesFormula?: string;
  profiles?: string[];
  permissionSets?: string[];
  useConnectedApp?: boolean;
  appName?: string;
  contactEmail?: string;
  startUrl?: string;
  ssoBinding?: 'HttpRedirect' | 'HttpPost';
  issuerTrailingSlash?: boolean;
  apiVersion?: string;
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
    ...sharedProps(c),
    myDomain: c.myDomain,
    // Relative to the config file, so the config works from any working directory.
    certificateFile: isAbsolute(c.certificateFile) ? c.certificateFile : resolve(context.configDir, c.certificateFile),
    roles: c.roles,
    rolesFormula: c.rolesFormula,
    profiles: c.profiles,
    permissionSets: c.permissionSets,
    appType: c.useConnectedApp ? SalesforceAppType.CONNECTED_APP : SalesforceAppType.EXTERNAL_CLIENT_APP,
    appName: c.appName,
    contactEmail: c.contactEmail,
    startUrl: c.startUrl,
    ssoBinding: c.ssoBinding === 'HttpPost' ? SalesforceSsoBinding.HTTP_POST : SalesforceSsoBinding.HTTP_REDIRECT,
    issuerTrailingSlash: c.issuerTrailingSlash,
    apiVersion: c.apiVersion,
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
      ...sharedBlockSchema({
        nameId: "'$User.Username', '$User.FederationIdentifier' or '$User.Id'",
        value: `a Salesforce formula, e.g. '$User.Department' or '"agent"'`,
      }),
      roles: { type: 'array', items: { type: 'string' } },
      rolesFormula: { type: 'string', minLength: 1 },
      profiles: names,
      permissionSets: names,
      useConnectedApp: { type: 'boolean' },
      appName: { type: 'string', minLength: 1 },
      contactEmail: { type: 'string', minLength: 3 },
      startUrl: { type: 'string' },
      ssoBinding: { type: 'string', enum: ['HttpRedirect', 'HttpPost'] },
      issuerTrailingSlash: { type: 'boolean' },
      apiVersion: { type: 'string', pattern: '^[0-9]{2,3}\\.0$', description: "a Metadata API version such as '63.0'" },
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
  renamedKeys: { label: 'displayName', emailFormula: 'email', fullNameFormula: 'fullName', 'attributes[].formula': 'value' },
  propsToKeys: { appType: 'useConnectedApp' },
  validate(target, config, context) {
    salesforce_().SalesforceTwilioSso.validateProps(toProps(target, config, context));
  },
  declare(stack: TerraformStack, target, config, context) {
    return new (salesforce_().SalesforceTwilioSso)(stack, 'Sso', toProps(target, config, context));
  },
};
