import { TwilioTarget } from '../../lib';
import { TestUser } from './harness';
import { KeycloakAdmin } from './keycloak-admin';

/** What was made by hand: the IDs an admin would look up in the console to adopt it. */
export interface HandMadeClient {
  realm: string;
  /** The client's internal ID (the UUID in the admin console's URL), not its Client ID. */
  clientUuid: string;
  /** Client role name → role ID, for the roles made by hand. */
  roleIds: Record<string, string>;
  /** SAML attribute name → protocol mapper ID, for the mappers made by hand. */
  mapperIds: Record<string, string>;
  /** Protocol mapper names as made by hand, by SAML attribute name. */
  mapperNames: Record<string, string>;
  /** The IdP-initiated login name given by hand. */
  idpInitiatedSsoUrlName: string;
  userId: string;
  groupId: string;
  /** The roles the user ends up with: the group's plus the user's own. */
  userRoles: string[];
}

/** The group made by hand and the role it is given; the user also gets `USER_ROLE` directly. */
export const GROUP_NAME = 'twilio-agents';
export const GROUP_ROLE = 'agent';
export const USER_ROLE = 'supervisor';
/** The roles created by hand (Twilio's three main Flex roles; the construct adds the rest). */
export const HAND_MADE_ROLES = ['admin', 'supervisor', 'agent'];

/**
 * Makes, through the admin REST API, a realm with a Twilio Flex SAML client as a person following
 * Twilio's generic SAML guidance (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration)
 * would in the admin console: client ID = the Entity ID, the ACS as the POST binding URL and the only
 * redirect URI, documents and assertions signed with RSA-SHA256, client signature off (Twilio does
 * not sign its requests), NameID from the username, no full scope (so `roles` carries only this
 * client's roles); mappers for `email`, `full_name` and `roles` named as a person names them (not
 * after the attribute: the first is "email", the others "Full name" and "Twilio roles"); client
 * roles; a group with `agent` and a user in it who also has `supervisor`. Keycloak attaches its
 * default SAML client scopes (`role_list`, `saml_organization`) on its own, as the console does; the
 * person then takes `role_list` off (see below), and `saml_organization` stays for adoption to remove.
 */
export async function makeClientByHand(admin: KeycloakAdmin, realm: string, target: TwilioTarget, user: TestUser): Promise<HandMadeClient> {
  await admin.post('', { realm, enabled: true, displayName: 'Twilio SSO adoption test', sslRequired: 'none' });

  // Keycloak 24+ keeps only the user attributes its user profile declares.
  const profile = await admin.get(`/${realm}/users/profile`);
  profile.attributes.push({ name: 'full_name', displayName: 'Full name', permissions: { view: ['admin', 'user'], edit: ['admin'] }, multivalued: false });
  await admin.put(`/${realm}/users/profile`, profile);

  const userId = await admin.post(`/${realm}/users`, {
    username: user.username,
    email: user.email,
    emailVerified: true,
    firstName: user.firstName,
    lastName: user.lastName,
    enabled: true,
    attributes: { full_name: [user.fullName] },
    credentials: [{ type: 'password', value: user.password, temporary: false }],
  });
  const groupId = await admin.post(`/${realm}/groups`, { name: GROUP_NAME });
  await admin.put(`/${realm}/users/${userId}/groups/${groupId}`, {});

  const idpInitiatedSsoUrlName = 'twilio-flex';
  const mapperNames = { email: 'email', full_name: 'Full name', roles: 'Twilio roles' };
  const basic = { 'attribute.nameformat': 'Basic', 'friendly.name': '' };
  const clientUuid = await admin.post(`/${realm}/clients`, {
    clientId: target.entityId,
    name: 'Twilio Flex',
    protocol: 'saml',
    enabled: true,
    redirectUris: [target.acsUrl],
    fullScopeAllowed: false,
    frontchannelLogout: true,
    attributes: {
      saml_assertion_consumer_url_post: target.acsUrl,
      'saml.server.signature': 'true',
      'saml.assertion.signature': 'true',
      'saml.signature.algorithm': 'RSA_SHA256',
      'saml.client.signature': 'false',
      'saml.encrypt': 'false',
      'saml.force.post.binding': 'true',
      saml_name_id_format: 'username',
      saml_force_name_id_format: 'true',
      'saml.authnstatement': 'true',
      saml_idp_initiated_sso_url_name: idpInitiatedSsoUrlName,
    },
    protocolMappers: [
      { name: mapperNames.email, protocol: 'saml', protocolMapper: 'saml-user-property-mapper', config: { ...basic, 'user.attribute': 'email', 'attribute.name': 'email' } },
      { name: mapperNames.full_name, protocol: 'saml', protocolMapper: 'saml-user-attribute-mapper', config: { ...basic, 'user.attribute': 'full_name', 'attribute.name': 'full_name' } },
      { name: mapperNames.roles, protocol: 'saml', protocolMapper: 'saml-role-list-mapper', config: { ...basic, 'attribute.name': 'roles', single: 'true' } },
    ],
  });

  // Keycloak applies one role-list mapper per response: with the default `role_list` scope still on
  // the client, roles came as its `Role` attribute in one run and as our `roles` in the next. A person
  // whose Twilio sign-in works has taken `role_list` off the client; `saml_organization` stays.
  const defaults = await admin.get<Array<{ id: string; name: string }>>(`/${realm}/clients/${clientUuid}/default-client-scopes`);
  const roleList = defaults.find((d) => d.name === 'role_list');
  if (roleList) await admin.delete(`/${realm}/clients/${clientUuid}/default-client-scopes/${roleList.id}`);

  const roleIds: Record<string, string> = {};
  for (const role of HAND_MADE_ROLES) {
    await admin.post(`/${realm}/clients/${clientUuid}/roles`, { name: role });
    roleIds[role] = (await admin.get<{ id: string }>(`/${realm}/clients/${clientUuid}/roles/${encodeURIComponent(role)}`)).id;
  }
  const roleRep = async (name: string): Promise<unknown> => admin.get(`/${realm}/clients/${clientUuid}/roles/${encodeURIComponent(name)}`);
  await admin.post(`/${realm}/groups/${groupId}/role-mappings/clients/${clientUuid}`, [await roleRep(GROUP_ROLE)]);
  await admin.post(`/${realm}/users/${userId}/role-mappings/clients/${clientUuid}`, [await roleRep(USER_ROLE)]);

  const mappers = await admin.get<Array<{ id: string; name: string; config: Record<string, string> }>>(`/${realm}/clients/${clientUuid}/protocol-mappers/models`);
  const mapperIds: Record<string, string> = {};
  for (const m of mappers) mapperIds[m.config['attribute.name']] = m.id;
  for (const attribute of Object.keys(mapperNames)) {
    if (!mapperIds[attribute]) throw new Error(`the hand-made client has no mapper for '${attribute}' (mappers: ${mappers.map((m) => m.name).join(', ')})`);
  }

  return { realm, clientUuid, roleIds, mapperIds, mapperNames, idpInitiatedSsoUrlName, userId, groupId, userRoles: [GROUP_ROLE, USER_ROLE] };
}
