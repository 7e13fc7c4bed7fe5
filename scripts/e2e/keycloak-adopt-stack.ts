import { App, TerraformStack } from 'cdktf';
import { KeycloakAdoptOptions, KeycloakTwilioSso, TwilioConsoleOutputs, TwilioTarget } from '../../lib';
import { GROUP_ROLE, HandMadeClient, USER_ROLE } from './hand-made-client';
import { keycloakTestStack } from './harness';

/** What the adoption stack declares. */
export interface AdoptStackSpec {
  keycloakUrl: string;
  target: TwilioTarget;
  handMade: HandMadeClient;
  stateFile: string;
}

/**
 * The stack a person writes to bring the hand-made client under code: `KeycloakTwilioSso` for the
 * same target in the same realm, the same groups and users with the same roles, the hand-made
 * IdP-initiated login name kept, and `adopt` with the IDs from the admin console (the client's
 * internal ID, its roles' IDs, its mappers' IDs by the attribute each sends).
 */
export function buildAdoptStack(app: App, spec: AdoptStackSpec): TerraformStack {
  const stack = keycloakTestStack(app, 'keycloak-adopt', spec.keycloakUrl, spec.stateFile);
  const h = spec.handMade;
  const adopt: KeycloakAdoptOptions = { clientUuid: h.clientUuid, roleIds: h.roleIds, mapperIds: h.mapperIds };
  const sso = new KeycloakTwilioSso(stack, 'Flex', {
    target: spec.target,
    serverUrl: spec.keycloakUrl,
    realm: h.realm,
    displayName: 'Twilio Flex',
    idpInitiatedSsoUrlName: h.idpInitiatedSsoUrlName,
    groups: [{ principalId: h.groupId, roles: [GROUP_ROLE] }],
    users: [{ principalId: h.userId, roles: [USER_ROLE] }],
    adopt,
  });
  new TwilioConsoleOutputs(stack, 'FlexConsole', { app: sso, prefix: 'flex_' });
  return stack;
}
