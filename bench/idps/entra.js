'use strict';
// Entra ID: EntraTwilioSso (lib) vs. the same resources declared by hand with the provider classes
// (raw: @cdktf/provider-azuread, and for msgraph and time, which have no prebuilt binding, the typed
// classes a user would have to write too: the library's), with attribute references as a user
// writes them. (bench/idps/replay.js, used for Salesforce and Keycloak, replays literal strings
// instead: a lower bound with no tokens at all.)
const { entry, internal } = require('./library');
const { ATTRIBUTE, connectionSid, groups } = require('./twilio-fixture');

const TENANT = '00000000-0000-4000-8000-000000000001';
const providers = (stack) => {
  const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
  const { MsgraphProvider } = internal('entra/msgraph');
  new AzureadProvider(stack, 'azuread', { tenantId: TENANT });
  new MsgraphProvider(stack, 'msgraph', { tenantId: TENANT });
};

exports.lib = () => {
  const { EntraTwilioSso } = entry('entra');
  const { TwilioTarget } = entry('twilio');
  return (stack, n) => {
    providers(stack);
    for (let i = 0; i < n; i++) {
      new EntraTwilioSso(stack, `App${i}`, {
        target: TwilioTarget.flexEnhanced({ connectionSid: connectionSid(i) }),
        tenantId: TENANT,
        groups: groups(i).map((g, k) => ({ principalId: `6f0e3d1a-0000-4000-8000-${String(i * 2 + k).padStart(12, '0')}`, roles: g.roles })),
        attributes: [{ name: ATTRIBUTE.name, value: 'user.department' }],
      });
    }
  };
};

const REPLICATION = ['does not exist or one of its queried reference-property objects are not present'];

exports.raw = () => {
  const dep = (m) => require(`@cdktf/provider-azuread/lib/${m}`);
  const { DataAzureadClientConfig } = dep('data-azuread-client-config');
  const { Application } = dep('application');
  const { ServicePrincipal } = dep('service-principal');
  const { ApplicationIdentifierUri } = dep('application-identifier-uri');
  const { ClaimsMappingPolicy } = dep('claims-mapping-policy');
  const { ServicePrincipalClaimsMappingPolicyAssignment } = dep('service-principal-claims-mapping-policy-assignment');
  const { ServicePrincipalTokenSigningCertificate } = dep('service-principal-token-signing-certificate');
  const { AppRoleAssignment } = dep('app-role-assignment');
  const { MsgraphApiVersion, MsgraphProvider, MsgraphResource, MsgraphUpdateResource } = internal('entra/msgraph');
  const { TimeProvider, TimeSleep } = internal('entra/time');
  // Pure data helpers (no constructs): the same claims and signing-policy JSON and role UUIDs.
  const { twilioAppRoleId } = internal('entra/app-role-id');
  const { claimsMappingDefinition } = internal('entra/claims-mapping-definition');
  const { tokenIssuanceDefinition } = internal('entra/token-issuance-definition');
  const { TwilioTarget } = entry('twilio');
  const { Construct } = require('constructs');
  return (stack, n) => {
    providers(stack);
    const msgraph = stack.node.children.find((c) => c instanceof MsgraphProvider);
    const time = new TimeProvider(stack, 'time');
    const cc = new DataAzureadClientConfig(stack, 'TwilioSsoAzureadClientConfig', {}); // one per stack, as a user would
    for (let i = 0; i < n; i++) {
      const sid = connectionSid(i);
      const target = TwilioTarget.flexEnhanced({ connectionSid: sid });
      const name = `Twilio Flex enhanced SSO ${sid}`;
      const gs = groups(i).map((g, k) => ({ id: `6f0e3d1a-0000-4000-8000-${String(i * 2 + k).padStart(12, '0')}`, roles: g.roles }));
      const wanted = new Set(gs.flatMap((g) => g.roles));
      const scope = new Construct(stack, `App${i}`); // same construct paths (and logical IDs) as lib
      const owners = [cc.objectId];
      const app = new Application(scope, 'Resource', {
        displayName: name,
        owners,
        signInAudience: 'AzureADMyOrg',
        featureTags: [{ enterprise: true, customSingleSignOn: true }],
        web: { redirectUris: [target.acsUrl] },
        appRole: target.allowedRoles
          .filter((r) => wanted.has(r))
          .map((role) => ({ allowedMemberTypes: ['User'], description: `Twilio flex role '${role}', sent in the SAML 'roles' claim`, displayName: role, enabled: true, id: twilioAppRoleId(role), value: role })),
        lifecycle: { ignoreChanges: ['identifier_uris'] },
      });
      const sp = new ServicePrincipal(scope, 'ServicePrincipal', {
        clientId: app.clientId,
        owners,
        appRoleAssignmentRequired: true,
        preferredSingleSignOnMode: 'saml',
        featureTags: [{ enterprise: true, customSingleSignOn: true }],
      });
      const wait = new TimeSleep(scope, 'SamlModePropagation', { createDuration: '60s', dependsOn: [sp], provider: time });
      new ApplicationIdentifierUri(scope, 'IdentifierUri', { applicationId: app.id, identifierUri: target.entityId, dependsOn: [wait] });
      const claims = new ClaimsMappingPolicy(scope, 'ClaimsMappingPolicy', {
        displayName: `${name} claims`,
        definition: [claimsMappingDefinition(target, { nameId: 'user.mail', email: 'user.mail', fullName: 'user.displayname' }, [{ name: ATTRIBUTE.name, value: 'user.department' }])],
      });
      new ServicePrincipalClaimsMappingPolicyAssignment(scope, 'ClaimsMappingPolicyAssignment', { claimsMappingPolicyId: claims.id, servicePrincipalId: sp.id });
      const cert = new ServicePrincipalTokenSigningCertificate(scope, 'Certificate-primary', { servicePrincipalId: sp.id, displayName: `CN=${name}` });
      const spUrl = `servicePrincipals/${sp.objectId}`;
      new MsgraphUpdateResource(scope, 'ActiveCertificate', { provider: msgraph, url: spUrl, body: { preferredTokenSigningKeyThumbprint: cert.thumbprint }, retryErrorMessageRegex: REPLICATION });
      const policy = new MsgraphResource(scope, 'TokenIssuancePolicy', { provider: msgraph, url: 'policies/tokenIssuancePolicies', body: { displayName: `${name} signing`, definition: [tokenIssuanceDefinition()] } });
      new MsgraphResource(scope, 'TokenIssuancePolicyAssignment', {
        provider: msgraph,
        apiVersion: MsgraphApiVersion.BETA,
        url: `${spUrl}/tokenIssuancePolicies/$ref`,
        body: { '@odata.id': `https://graph.microsoft.com/beta/policies/tokenIssuancePolicies/${policy.id}` },
        retryErrorMessageRegex: REPLICATION,
      });
      for (const g of gs) {
        for (const role of g.roles) {
          new AppRoleAssignment(scope, `Group-${g.id}-${role}`, { appRoleId: twilioAppRoleId(role), principalObjectId: g.id, resourceObjectId: sp.objectId });
        }
      }
    }
  };
};
