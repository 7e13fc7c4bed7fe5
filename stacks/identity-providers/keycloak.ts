import { TerraformStack } from 'cdktf';
import type * as Keycloak from '../../lib/keycloak';
import { SsoConfigError } from '../../lib/twilio';
import type { TwilioTarget } from '../../lib/twilio';
import { AssignmentConfig, assignmentListSchema, attributeListSchema, toRoleAssignments } from './config-parts';
import { IdentityProvider } from './identity-provider';

/** The `keycloak` block of a config target. */
export interface KeycloakTargetConfig {
  url: string;
  publicUrl?: string;
  realm: string;
  createRealm?: boolean;
  adminRealm?: string;
  clientName?: string;
  nameIdFormat?: 'username' | 'email';
  fullName?: 'firstAndLastName' | { userAttribute: string };
  idpInitiatedSsoUrlName?: string;
  groups?: AssignmentConfig[];
  users?: AssignmentConfig[];
  attributes?: Array<{ name: string; userAttribute: string }>;
}

/** The Keycloak construct and bindings, loaded on first use: a config without Keycloak targets never loads them. */
function keycloak_(): typeof Keycloak {
  return require('../../lib/keycloak');
}

function fullName(c: KeycloakTargetConfig): Keycloak.KeycloakFullName | undefined {
  if (c.fullName === undefined) return undefined;
  const { KeycloakFullName } = keycloak_();
  return c.fullName === 'firstAndLastName' ? KeycloakFullName.firstAndLastName() : KeycloakFullName.userAttribute(c.fullName.userAttribute);
}

function toProps(target: TwilioTarget, c: KeycloakTargetConfig, realm: string): Keycloak.KeycloakTwilioSsoProps {
  const { KeycloakNameIdFormat } = keycloak_();
  return {
    target,
    serverUrl: c.publicUrl ?? c.url,
    realm,
    clientName: c.clientName,
    nameIdFormat: c.nameIdFormat === 'email' ? KeycloakNameIdFormat.EMAIL : KeycloakNameIdFormat.USERNAME,
    fullName: fullName(c),
    idpInitiatedSsoUrlName: c.idpInitiatedSsoUrlName,
    groups: toRoleAssignments(c.groups),
    users: toRoleAssignments(c.users),
    attributes: c.attributes,
  };
}

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
      url: { type: 'string', minLength: 1, description: 'Keycloak server URL before /realms, as Terraform reaches it' },
      publicUrl: { type: 'string', minLength: 1, description: "Keycloak server URL as users' browsers reach it (issuer, SSO URL)" },
      realm: { type: 'string', minLength: 1 },
      createRealm: { type: 'boolean' },
      adminRealm: { type: 'string', minLength: 1 },
      clientName: { type: 'string', minLength: 1 },
      nameIdFormat: { type: 'string', enum: ['username', 'email'] },
      fullName: {
        oneOf: [
          { type: 'string', enum: ['firstAndLastName'] },
          { type: 'object', additionalProperties: false, required: ['userAttribute'], properties: { userAttribute: { type: 'string', minLength: 1 } } },
        ],
      },
      idpInitiatedSsoUrlName: { type: 'string', minLength: 1 },
      groups: assignmentListSchema(),
      users: assignmentListSchema(),
      attributes: attributeListSchema('userAttribute'),
    },
  },
  validate(target, config) {
    const { KeycloakTwilioSso, validateServerUrl } = keycloak_();
    KeycloakTwilioSso.validateProps(toProps(target, config, config.realm));
    if (config.publicUrl !== undefined) {
      try {
        validateServerUrl(config.url, 'url');
      } catch (e) {
        if (!(e instanceof SsoConfigError)) throw e;
        // Terraform may reach the server on an internal http URL when the public one is https.
        if (e.code !== 'KEYCLOAK_SERVER_URL_NOT_HTTPS') throw e;
      }
    }
  },
  declare(stack: TerraformStack, target, config) {
    const { KeycloakFullName, KeycloakProvider, KeycloakRealm, KeycloakRealmUserProfile, KeycloakTwilioSso } = keycloak_();
    new KeycloakProvider(stack, 'keycloak', { url: config.url, realm: config.adminRealm ?? 'master' });
    let realm = config.realm;
    if (config.createRealm) {
      const created = new KeycloakRealm(stack, 'Realm', { realm: config.realm, displayName: `Twilio SSO (${config.realm})` });
      realm = created.realmName;
      const userAttributes = new Set<string>();
      const fn = fullName(config) ?? KeycloakFullName.userAttribute();
      if (target.isFlex && fn.userAttributeName) userAttributes.add(fn.userAttributeName);
      for (const a of config.attributes ?? []) userAttributes.add(a.userAttribute);
      new KeycloakRealmUserProfile(stack, 'UserProfile', {
        realmId: realm,
        attributes: [{ name: 'username' }, { name: 'email' }, { name: 'firstName' }, { name: 'lastName' }, ...[...userAttributes].sort().map((name) => ({ name, view: ['admin', 'user'], edit: ['admin'] }))],
      });
    }
    return new KeycloakTwilioSso(stack, 'Sso', toProps(target, config, realm));
  },
};
