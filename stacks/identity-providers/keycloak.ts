import { TerraformStack } from 'cdktf';
import type * as Keycloak from '../../lib/keycloak';
import { validateServerUrl } from '../../lib/keycloak/server-url';
import { SsoConfigError, SsoErrorCode, Violation } from '../../lib/twilio';
import type { TwilioTarget } from '../../lib/twilio';
import { Violations } from '../../lib/twilio/violations';
import { ASSIGNMENT_PROPS_TO_KEYS, AssignmentConfig, SharedBlockConfig, assignmentListSchema, sharedBlockSchema, sharedProps, toRoleAssignments, idMapSchema } from './config-parts';
import { IdentityProvider } from './identity-provider';

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

function toProps(target: TwilioTarget, c: KeycloakTargetConfig, realm: string): Keycloak.KeycloakTwilioSsoProps {
  return {
    target,
    ...sharedProps(c),
    serverUrl: c.publicUrl ?? c.url,
    realm,
    idpInitiatedSsoUrlName: c.idpInitiatedSsoUrlName,
    adopt: c.adopt ? { clientUuid: c.adopt.clientUuid, roleIds: c.adopt.roleIds, mapperIds: c.adopt.mapperIds } : undefined,
    groups: toRoleAssignments(c.groups),
    users: toRoleAssignments(c.users),
  };
}

/**
 * The construct's `serverUrl` is the block's `publicUrl` when one is given (else `url`, which
 * `propsToKeys` names): its violations then name `publicUrl`.
 */
function asPublicUrl(v: Violation): Violation {
  if (v.field !== 'serverUrl') return v;
  return { ...v, field: 'publicUrl', message: v.message.startsWith('serverUrl') ? `publicUrl${v.message.slice('serverUrl'.length)}` : v.message };
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
      ...sharedBlockSchema({
        nameId: "a Keycloak user property, 'username' or 'email'",
        value: "a Keycloak user property (username, email, firstName, lastName) or user attribute name, e.g. 'department'",
      }),
      idpInitiatedSsoUrlName: { type: 'string', minLength: 1 },
      adopt: {
        type: 'object',
        additionalProperties: false,
        required: ['clientUuid'],
        description: 'bring an existing Keycloak SAML client under code instead of creating one (docs/adopt.md)',
        properties: {
          clientUuid: {
            type: 'string',
            minLength: 1,
            description: "the client's internal ID, a UUID, not its Client ID (admin console: Clients → the client, the URL's …/clients/<ID>/settings)",
          },
          roleIds: idMapSchema("the client's existing client roles by Twilio role name → role ID; roles not listed are created"),
          mapperIds: idMapSchema("the client's existing protocol mappers by the SAML attribute they send (email, full_name, roles, …) → mapper ID; attributes not listed get a new mapper"),
        },
      },
      groups: assignmentListSchema(),
      users: assignmentListSchema(),
    },
  },
  renamedKeys: { clientName: 'displayName', nameIdFormat: 'nameId', 'attributes[].userAttribute': 'value' },
  propsToKeys: { ...ASSIGNMENT_PROPS_TO_KEYS, serverUrl: 'url' },
  validate(target, config) {
    const v = new Violations();
    try {
      keycloak_().KeycloakTwilioSso.validateProps(toProps(target, config, config.realm));
    } catch (e) {
      if (!(e instanceof SsoConfigError)) throw e;
      const found = config.publicUrl === undefined ? e.violations : e.violations.map(asPublicUrl);
      for (const f of found) v.add(f.code, f.field, f.value, f.message);
    }
    if (config.adopt !== undefined && config.createRealm) {
      v.add(
        SsoErrorCode.ADOPT_WITH_CREATE_REALM,
        'createRealm',
        config.createRealm,
        "createRealm cannot be true with 'adopt', got true: the adopted client is in a realm that exists already; remove createRealm (the stack then leaves the realm and its keys alone)",
      );
    }
    if (config.publicUrl !== undefined) {
      try {
        validateServerUrl(config.url, 'url');
      } catch (e) {
        if (!(e instanceof SsoConfigError)) throw e;
        // Terraform may reach the server on an internal http URL when the public one is https.
        if (e.code !== SsoErrorCode.KEYCLOAK_SERVER_URL_NOT_HTTPS) for (const f of e.violations) v.add(f.code, f.field, f.value, f.message);
      }
    }
    v.throwIfAny(`Invalid Keycloak block for ${target.description}`);
  },
  declare(stack: TerraformStack, target, config) {
    const { KeycloakProvider, KeycloakRealm, KeycloakRealmUserProfile, KeycloakTwilioSso } = keycloak_();
    new KeycloakProvider(stack, 'keycloak', { url: config.url, realm: config.adminRealm ?? 'master' });
    if (!config.createRealm) return new KeycloakTwilioSso(stack, 'Sso', toProps(target, config, config.realm));
    const realm = new KeycloakRealm(stack, 'Realm', { realm: config.realm, displayName: `Twilio SSO (${config.realm})` }).realmName;
    const sso = new KeycloakTwilioSso(stack, 'Sso', toProps(target, config, realm));
    // Keycloak 24+ keeps only the user attributes its user profile declares: declare those the client reads.
    new KeycloakRealmUserProfile(stack, 'UserProfile', {
      realmId: realm,
      attributes: [{ name: 'username' }, { name: 'email' }, { name: 'firstName' }, { name: 'lastName' }, ...sso.userAttributes.map((name) => ({ name, view: ['admin', 'user'], edit: ['admin'] }))],
    });
    return sso;
  },
};
