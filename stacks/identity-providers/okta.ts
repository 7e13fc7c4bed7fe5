import { TerraformStack } from 'cdktf';
import type * as Okta from '../../lib/okta';
import type { TwilioTarget } from '../../lib/twilio';
import { ASSIGNMENT_PROPS_TO_KEYS, AssignmentConfig, SharedBlockConfig, assignmentListSchema, sharedBlockSchema, sharedProps, toRoleAssignments } from './config-parts';
import { IdentityProvider } from './identity-provider';

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

function toProps(target: TwilioTarget, c: OktaTargetConfig): Okta.OktaTwilioSsoProps {
  const { OktaRolesSource } = okta_();
  return {
    target,
    ...sharedProps(c),
    rolesSource: c.rolesSource === 'userType' ? OktaRolesSource.USER_TYPE : OktaRolesSource.ASSIGNMENTS,
    keyYearsValid: c.keyYearsValid,
    adopt: c.adopt ? { appId: c.adopt.appId } : undefined,
    groups: toRoleAssignments(c.groups),
    users: toRoleAssignments(c.users),
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
      ...sharedBlockSchema({ nameId: "an Okta expression, e.g. 'user.userName'", value: "an Okta expression, e.g. 'user.department'" }),
      rolesSource: { type: 'string', enum: ['assignments', 'userType'] },
      keyYearsValid: { type: 'integer' },
      adopt: {
        type: 'object',
        additionalProperties: false,
        required: ['appId'],
        description: 'bring an existing Okta SAML app under code instead of creating one (docs/adopt.md)',
        properties: {
          appId: {
            type: 'string',
            minLength: 1,
            description: "the existing app's ID, 0oa… (Admin Console → Applications → the app: the URL's …/instance/<app ID>/)",
          },
        },
      },
      groups: assignmentListSchema(),
      users: assignmentListSchema(),
    },
  },
  renamedKeys: { label: 'displayName', nameIdTemplate: 'nameId', emailExpression: 'email', fullNameExpression: 'fullName', 'attributes[].expression': 'value' },
  propsToKeys: ASSIGNMENT_PROPS_TO_KEYS,
  validate(target, config) {
    okta_().OktaTwilioSso.validateProps(toProps(target, config));
  },
  declare(stack: TerraformStack, target, config) {
    const { OktaProvider, OktaTwilioSso } = okta_();
    new OktaProvider(stack, 'okta', { orgName: config.orgName, baseUrl: config.baseUrl ?? 'okta.com' });
    return new OktaTwilioSso(stack, 'Sso', toProps(target, config));
  },
};
