import { TerraformStack } from 'cdktf';
import { literal } from '../../lib/core/literal';
import type * as Okta from '../../lib/okta';
import { ASSIGNMENT_ITEMS, AssignmentConfig, SharedBlockConfig, assignmentListSchema, sharedBlockSchema } from './config-parts';
import { IdentityProvider } from './identity-provider';
import { PropMapping, propsFrom } from './prop-mapping';

/** The `okta` block of a config target. */
export interface OktaTargetConfig extends SharedBlockConfig {
  orgName: string;
  baseUrl?: string;
  rolesSource?: 'assignments' | 'userType';
  keyYearsValid?: number;
  adopt?: { appId: string };
  groups?: AssignmentConfig[];
  users?: AssignmentConfig[];
}

/** The Okta construct and provider, loaded on first use: a config without Okta targets never loads them. */
function okta_(): typeof Okta & typeof import('@cdktf/provider-okta/lib/provider') {
  return { ...require('../../lib/okta'), ...require('@cdktf/provider-okta/lib/provider') };
}

// rolesSource's words are OktaRolesSource's values: the key sets the prop as written.
const PROPS: PropMapping = { configOnly: ['orgName', 'baseUrl'], items: ASSIGNMENT_ITEMS };

/**
 * Okta targets. Credentials never come from the config: the okta provider reads `OKTA_API_TOKEN`, or
 * `OKTA_ACCESS_TOKEN`, or `OKTA_API_CLIENT_ID` + `OKTA_API_PRIVATE_KEY` + `OKTA_API_SCOPES` from the
 * environment when it runs.
 */
export const okta: IdentityProvider<OktaTargetConfig> = {
  key: 'okta',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orgName'],
    properties: {
      // The org name is read by the provider only (no construct judges it): its shape is the config's rule.
      orgName: { type: 'string', pattern: '^[A-Za-z0-9-]+$' },
      baseUrl: { type: 'string', enum: ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil', 'trexcloud.com'] },
      ...sharedBlockSchema(),
      rolesSource: { type: 'string', enum: ['assignments', 'userType'] },
      keyYearsValid: { type: 'number' },
      adopt: { type: 'object', additionalProperties: false, required: ['appId'], properties: { appId: { type: 'string' } } },
      groups: assignmentListSchema(),
      users: assignmentListSchema(),
    },
  },
  renamedKeys: { label: 'displayName', nameIdTemplate: 'nameId', emailExpression: 'email', fullNameExpression: 'fullName', 'attributes[].expression': 'value' },
  props: PROPS,
  findProblems(target, props) {
    return okta_().OktaTwilioSso.findProblems({ ...props, target } as unknown as Okta.OktaTwilioSsoProps);
  },
  declare(stack: TerraformStack, target, config, context) {
    const { OktaProvider, OktaTwilioSso } = okta_();
    new OktaProvider(stack, 'okta', literal({ orgName: config.orgName, baseUrl: config.baseUrl ?? 'okta.com' }));
    return new OktaTwilioSso(stack, 'Sso', { ...propsFrom(config, PROPS, context), target } as unknown as Okta.OktaTwilioSsoProps);
  },
};
