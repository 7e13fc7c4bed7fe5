import { TerraformStack } from 'cdktf';
import type * as Okta from '../../lib/okta';
import type { TwilioTarget } from '../../lib/twilio';
import { AssignmentConfig, assignmentListSchema, attributeListSchema, toRoleAssignments } from './config-parts';
import { IdentityProvider } from './identity-provider';

/** The `okta` block of a config target. */
export interface OktaTargetConfig {
  orgName: string;
  baseUrl?: string;
  label?: string;
  nameIdTemplate?: string;
  emailExpression?: string;
  fullNameExpression?: string;
  rolesSource?: 'assignments' | 'userType';
  keyYearsValid?: number;
  groups?: AssignmentConfig[];
  users?: AssignmentConfig[];
  attributes?: Array<{ name: string; expression: string }>;
}

/** The Okta construct and provider, loaded on first use: a config without Okta targets never loads them. */
function okta_(): typeof Okta & typeof import('@cdktf/provider-okta/lib/provider') {
  return { ...require('../../lib/okta'), ...require('@cdktf/provider-okta/lib/provider') };
}

function toProps(target: TwilioTarget, c: OktaTargetConfig): Okta.OktaTwilioSsoProps {
  const { OktaRolesSource } = okta_();
  return {
    target,
    label: c.label,
    nameIdTemplate: c.nameIdTemplate,
    emailExpression: c.emailExpression,
    fullNameExpression: c.fullNameExpression,
    rolesSource: c.rolesSource === 'userType' ? OktaRolesSource.USER_TYPE : OktaRolesSource.ASSIGNMENTS,
    keyYearsValid: c.keyYearsValid,
    groups: toRoleAssignments(c.groups),
    users: toRoleAssignments(c.users),
    attributes: c.attributes,
  };
}

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
      orgName: { type: 'string', pattern: '^[A-Za-z0-9-]+$', description: 'the Okta org name, the first label of <org>.okta.com' },
      baseUrl: { type: 'string', enum: ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil', 'trexcloud.com'] },
      label: { type: 'string', minLength: 1 },
      nameIdTemplate: { type: 'string', minLength: 1 },
      emailExpression: { type: 'string', minLength: 1 },
      fullNameExpression: { type: 'string', minLength: 1 },
      rolesSource: { type: 'string', enum: ['assignments', 'userType'] },
      keyYearsValid: { type: 'integer' },
      groups: assignmentListSchema(),
      users: assignmentListSchema(),
      attributes: attributeListSchema('expression'),
    },
  },
  validate(target, config) {
    okta_().OktaTwilioSso.validateProps(toProps(target, config));
  },
  declare(stack: TerraformStack, target, config) {
    const { OktaProvider, OktaTwilioSso } = okta_();
    new OktaProvider(stack, 'okta', { orgName: config.orgName, baseUrl: config.baseUrl ?? 'okta.com' });
    return new OktaTwilioSso(stack, 'Sso', toProps(target, config));
  },
};
