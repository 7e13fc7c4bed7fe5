import { App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  KeycloakGroup,
  KeycloakGroupMemberships,
  KeycloakRealm,
  KeycloakRealmUserProfile,
  KeycloakTwilioSso,
  KeycloakUser,
  TwilioConsoleOutputs,
  TwilioTarget,
} from '../../lib';
import { TestUser, keycloakTestStack } from './harness';

/** The test user the end-to-end test signs in as, and what Twilio must receive for it. */
export interface E2eUser extends TestUser {
  /** Roles expected per target key. */
  roles: { flex: string[]; frontline: string[] };
}

/** What the e2e stack declares. */
export interface E2eStackSpec {
  keycloakUrl: string;
  realm: string;
  flex: TwilioTarget;
  frontline: TwilioTarget;
  user: E2eUser;
  stateFile: string;
}

/**
 * A throwaway realm with one user and one group, a Flex enhanced SSO client and a Frontline client
 * declared by {@link KeycloakTwilioSso}, and the Console outputs of each (prefixed `flex_` and
 * `frontline_`). Roles: the group `twilio-agents` gets `agent` on both clients, and the user gets
 * `supervisor` on the Flex client directly, so the Flex response must carry both.
 */
export function buildE2eStack(app: App, spec: E2eStackSpec): TerraformStack {
  const stack = keycloakTestStack(app, 'keycloak-e2e', spec.keycloakUrl, spec.stateFile);

  const realm = new KeycloakRealm(stack, 'Realm', { realm: spec.realm, displayName: 'Twilio SSO end-to-end test', sslRequired: 'none' });
  const realmName = realm.realmName;
  // Keycloak 24+ keeps only declared user attributes: declare full_name (the default full_name source).
  const profile = new KeycloakRealmUserProfile(stack, 'UserProfile', {
    realmId: realmName,
    attributes: [
      { name: 'username', view: ['admin', 'user'], edit: ['admin', 'user'] },
      { name: 'email' },
      { name: 'firstName' },
      { name: 'lastName' },
      { name: 'full_name', displayName: 'Full name' },
    ],
  });
  const u = spec.user;
  const user = new KeycloakUser(stack, 'User', {
    realmId: realmName,
    username: u.username,
    email: u.email,
    emailVerified: true,
    firstName: u.firstName,
    lastName: u.lastName,
    attributes: { full_name: u.fullName },
    initialPassword: u.password,
    dependsOn: [profile],
  });
  const group = new KeycloakGroup(stack, 'AgentsGroup', { realmId: realmName, name: 'twilio-agents' });
  new KeycloakGroupMemberships(stack, 'AgentsMembers', { realmId: realmName, groupId: group.id, members: [u.username], dependsOn: [user] });

  const flex = new KeycloakTwilioSso(stack, 'Flex', {
    target: spec.flex,
    serverUrl: spec.keycloakUrl,
    realm: realmName,
    groups: [{ principalId: group.id, roles: ['agent'] }],
    users: [{ principalId: user.id, roles: ['supervisor'] }],
  });
  const frontline = new KeycloakTwilioSso(stack, 'Frontline', {
    target: spec.frontline,
    serverUrl: spec.keycloakUrl,
    realm: realmName,
    groups: [{ principalId: group.id, roles: ['agent'] }],
  });
  new TwilioConsoleOutputs(stack, 'FlexConsole', { app: flex, prefix: 'flex_' });
  new TwilioConsoleOutputs(stack, 'FrontlineConsole', { app: frontline, prefix: 'frontline_' });
  new TerraformOutput(stack, 'flex_idp_initiated_url', { value: flex.idpInitiatedLoginUrl }).overrideLogicalId('flex_idp_initiated_url');
  new TerraformOutput(stack, 'frontline_idp_initiated_url', { value: frontline.idpInitiatedLoginUrl }).overrideLogicalId('frontline_idp_initiated_url');
  return stack;
}
