import { TerraformStack } from 'cdktf';
import { isAbsolute, resolve } from 'path';
import type * as Salesforce from '../../lib/salesforce';
import { SharedBlockConfig, sharedBlockSchema, stringListSchema } from './config-parts';
import { IdentityProvider } from './identity-provider';
import { PropMapping, propsFrom } from './prop-mapping';

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

// ssoBinding's words are SalesforceSsoBinding's values: the key sets the prop as written.
const PROPS: PropMapping = {
  props: {
    // Relative to the config file, so the config works from any working directory.
    certificateFile: { key: 'certificateFile', value: (v, context) => (typeof v === 'string' && v !== '' && !isAbsolute(v) ? resolve(context.configDir, v) : v) },
    appType: {
      key: 'useConnectedApp',
      value: (v) => {
        const { SalesforceAppType } = salesforce_();
        return v === true ? SalesforceAppType.CONNECTED_APP : v === false || v === undefined ? SalesforceAppType.EXTERNAL_CLIENT_APP : v;
      },
    },
  },
};

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
      myDomain: { type: 'string' },
      certificateFile: { type: 'string' },
      ...sharedBlockSchema(),
      roles: stringListSchema,
      rolesFormula: { type: 'string' },
      profiles: stringListSchema,
      permissionSets: stringListSchema,
      useConnectedApp: { type: 'boolean' },
      appName: { type: 'string' },
      contactEmail: { type: 'string' },
      startUrl: { type: 'string' },
      ssoBinding: { type: 'string', enum: ['HttpRedirect', 'HttpPost'] },
      issuerTrailingSlash: { type: 'boolean' },
      apiVersion: { type: 'string' },
      deploy: {
        type: 'object',
        additionalProperties: false,
        required: ['targetOrg'],
        properties: { targetOrg: { type: 'string' }, useSfOnPath: { type: 'boolean' }, cliVersion: { type: 'string' } },
      },
    },
  },
  renamedKeys: { label: 'displayName', emailFormula: 'email', fullNameFormula: 'fullName', 'attributes[].formula': 'value' },
  props: PROPS,
  findProblems(target, props) {
    const { SalesforceTwilioSso } = salesforce_();
    // The certificate file is judged in a step of its own (the props check reads no file).
    const certificate = typeof props.certificateFile === 'string' ? SalesforceTwilioSso.findCertificateProblems(props.certificateFile) : [];
    return [...SalesforceTwilioSso.findProblems({ ...props, target } as unknown as Salesforce.SalesforceTwilioSsoProps), ...certificate];
  },
  declare(stack: TerraformStack, target, config, context) {
    return new (salesforce_().SalesforceTwilioSso)(stack, 'Sso', { ...propsFrom(config, PROPS, context), target } as unknown as Salesforce.SalesforceTwilioSsoProps);
  },
};
