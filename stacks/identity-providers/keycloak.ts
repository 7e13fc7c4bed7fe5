import { TerraformStack } from 'cdktf';
import { literal } from '../../lib/core/literal';
import type * as Keycloak from '../../lib/keycloak';
import { validateServerUrl } from '../../lib/keycloak/server-url';
import { SsoErrorCode, Violation } from '../../lib/twilio';
import { violation } from '../../lib/twilio/rules';
import { violationsOf } from '../../lib/twilio/violations';
import { ASSIGNMENT_ITEMS, AssignmentConfig, SharedBlockConfig, assignmentListSchema, idMapSchema, sharedBlockSchema } from './config-parts';
import { IdentityProvider } from './identity-provider';
import { PropMapping, propsFrom } from './prop-mapping';

/** The `keycloak` block of a config target. */
export interface KeycloakTargetConfig extends SharedBlockConfig {
  url: string;
  publicUrl?: string;
  realm: string;
  createRealm?: boolean;
  adminRealm?: string;
  idpInitiatedSsoUrlName?: string;
  adopt?: { clientUuid: string; roleIds?: Record<string, string>; mapperIds?: Record<string, string> };
  groups?: AssignmentConfig[];
  users?: AssignmentConfig[];
}

/** The Keycloak construct and bindings, loaded on first use: a config without Keycloak targets never loads them. */
function keycloak_(): typeof Keycloak {
  return require('../../lib/keycloak');
}

// The construct's serverUrl is the URL users' browsers reach: publicUrl when given, else url (which
// is also where Terraform reaches the server). A violation of serverUrl names whichever was written.
const PROPS: PropMapping = {
  configOnly: ['createRealm', 'adminRealm'],
  props: { serverUrl: { key: ['publicUrl', 'url'] } },
  items: ASSIGNMENT_ITEMS,
};

/**
 * Keycloak targets. `url` is where Terraform reaches the server (also the public URL unless
 * `publicUrl` is given). Credentials never come from the config: the keycloak provider reads
 * `KEYCLOAK_CLIENT_ID` with `KEYCLOAK_CLIENT_SECRET`, or with `KEYCLOAK_USER` + `KEYCLOAK_PASSWORD`
 * (e.g. client `admin-cli`), or `KEYCLOAK_ACCESS_TOKEN`, from the environment. With
 * `createRealm: true` the stack also creates the realm, with a user profile declaring the user
 * attributes the client reads (a local demo; production realms are usually managed elsewhere).
 */
export const keycloak: IdentityProvider<KeycloakTargetConfig> = {
  key: 'keycloak',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['url', 'realm'],
    properties: {
      url: { type: 'string' },
      publicUrl: { type: 'string' },
      realm: { type: 'string' },
      createRealm: { type: 'boolean' },
      adminRealm: { type: 'string', minLength: 1 },
      ...sharedBlockSchema(),
      idpInitiatedSsoUrlName: { type: 'string' },
      adopt: {
        type: 'object',
        additionalProperties: false,
        required: ['clientUuid'],
        properties: { clientUuid: { type: 'string' }, roleIds: idMapSchema, mapperIds: idMapSchema },
      },
      groups: assignmentListSchema(),
      users: assignmentListSchema(),
    },
  },
  renamedKeys: { clientName: 'displayName', nameIdFormat: 'nameId', 'attributes[].userAttribute': 'value' },
  props: PROPS,
  findProblems(target, props) {
    return keycloak_().KeycloakTwilioSso.findProblems({ ...props, target } as unknown as Keycloak.KeycloakTwilioSsoProps);
  },
  configProblems(config) {
    const out: Violation[] = [];
    if (config.adopt !== undefined && config.createRealm === true) {
      out.push(
        violation(
          SsoErrorCode.ADOPT_WITH_CREATE_REALM,
          'createRealm',
          true,
          "cannot be true with 'adopt', got true: the adopted client is in a realm that exists already; remove createRealm (the stack then leaves the realm and its keys alone)",
        ),
      );
    }
    // With publicUrl, url is only where Terraform reaches the server: the construct never sees it, so
    // it is judged here by the construct's own URL rule, except that an internal http URL is fine.
    if (config.publicUrl !== undefined && typeof config.url === 'string') {
      out.push(...violationsOf(() => validateServerUrl(config.url, 'url')).filter((v) => v.code !== SsoErrorCode.KEYCLOAK_SERVER_URL_NOT_HTTPS));
    }
    return out;
  },
  declare(stack: TerraformStack, target, config, context) {
    const { KeycloakProvider, KeycloakRealm, KeycloakRealmUserProfile, KeycloakTwilioSso } = keycloak_();
    const props = { ...propsFrom(config, PROPS, context), target } as unknown as Keycloak.KeycloakTwilioSsoProps;
    new KeycloakProvider(stack, 'keycloak', literal({ url: config.url, realm: config.adminRealm ?? 'master' }));
    if (!config.createRealm) return new KeycloakTwilioSso(stack, 'Sso', props);
    const realm = new KeycloakRealm(stack, 'Realm', literal({ realm: config.realm, displayName: `Twilio SSO (${config.realm})` })).realmName;
    const sso = new KeycloakTwilioSso(stack, 'Sso', { ...props, realm });
    // Keycloak 24+ keeps only the user attributes its user profile declares: declare those the client reads.
    new KeycloakRealmUserProfile(stack, 'UserProfile', {
      realmId: realm,
      attributes: [{ name: 'username' }, { name: 'email' }, { name: 'firstName' }, { name: 'lastName' }, ...sso.userAttributes.map((name) => ({ name, view: ['admin', 'user'], edit: ['admin'] }))],
    });
    return sso;
  },
};
