// The Keycloak entry point: the construct, and the hand-written provider bindings a user needs to
// compose it (the provider, a realm with its user profile, groups, users and their roles). Internal
// pieces (the realm-keys data source, default scopes, protocol mappers, URL checks) are not exported.
export { KeycloakAdoptOptions } from './adopt-options';
export { KeycloakTwilioSso, KeycloakTwilioSsoProps } from './keycloak-twilio-sso';
export { KeycloakProvider, KeycloakProviderProps } from './provider/keycloak-provider';
export { KeycloakRealm, KeycloakRealmConfig, KeycloakRealmUserProfile, KeycloakRealmUserProfileConfig, KeycloakUserProfileAttribute } from './provider/realm';
export { KeycloakGroupRoles, KeycloakGroupRolesConfig, KeycloakRole, KeycloakRoleConfig, KeycloakUserRoles, KeycloakUserRolesConfig } from './provider/role';
export { KeycloakSamlClient, KeycloakSamlClientConfig } from './provider/saml-client';
export { KeycloakGroup, KeycloakGroupConfig, KeycloakGroupMemberships, KeycloakGroupMembershipsConfig, KeycloakUser, KeycloakUserConfig } from './provider/user';
