import { Testing } from 'cdktf';
import { TwilioConsoleOutputs } from '../../lib/core';
import { EntraConsoleOutputs, EntraTwilioSso } from '../../lib/entra';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { addresses, entraStack, error, only, synthJson, warnings } from './support';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const AC = 'AC0123456789abcdef0123456789abcdef';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const GROUP_AGENTS = '11111111-1111-4111-8111-111111111111';
const GROUP_ADMINS = '22222222-2222-4222-8222-222222222222';
const USER = '33333333-3333-4333-8333-333333333333';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ, runtimeDomain: 'kiwi-owl-1234.twil.io' });
const frontline = TwilioTarget.frontline({ realmSid: JB });
const ACS = `https://login.flex.us1.twilio.com/login/callback?connection=${JQ}`;
const NAMEID = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';
const NAME_ID_ONE_OF = "nameId must be one of 'user.mail', 'user.userprincipalname', 'user.objectid', 'user.employeeid', 'user.onpremisessamaccountname'";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');

function flexStack() {
  const stack = entraStack();
  const sso = new EntraTwilioSso(stack, 'Sso', {
    target: flex,
    groups: [
      { principalId: GROUP_AGENTS, roles: ['agent'] },
      { principalId: GROUP_ADMINS, roles: ['admin', 'wfo.full_access'] },
    ],
    users: [{ principalId: USER, roles: ['supervisor'] }],
    notificationEmails: ['identity-team@example.com'],
  });
  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  new EntraConsoleOutputs(stack, 'EntraConsole', { app: sso });
  return { stack, sso };
}

describe('EntraTwilioSso for Flex enhanced SSO', () => {
  const { stack, sso } = flexStack();
  const json = synthJson(stack);
  const app = 'azuread_application.Sso_A0A4D89C';
  const sp = 'azuread_service_principal.Sso_ServicePrincipal_634D9441';
  const cert = 'azuread_service_principal_token_signing_certificate.Sso_Certificate-primary_F0ADEA8F';
  // One per stack, shared by every app in it (a data source: its address holds no state).
  const cfg = 'data.azuread_client_config.TwilioSsoAzureadClientConfig';

  test('pins every Terraform address (construct IDs are public contract)', () => {
    expect(addresses(json)).toEqual([
      'azuread_app_role_assignment.Sso_Group-11111111-1111-4111-8111-111111111111-agent_8E127AAE',
      'azuread_app_role_assignment.Sso_Group-22222222-2222-4222-8222-222222222222-admin_8ABBA6C6',
      'azuread_app_role_assignment.Sso_Group-22222222-2222-4222-8222-222222222222-wfofull_access_C61E9D94',
      'azuread_app_role_assignment.Sso_User-33333333-3333-4333-8333-333333333333-supervisor_E4586C23',
      app,
      'azuread_application_identifier_uri.Sso_IdentifierUri_FCA01E39',
      'azuread_claims_mapping_policy.Sso_ClaimsMappingPolicy_C66CCEC8',
      sp,
      'azuread_service_principal_claims_mapping_policy_assignment.Sso_ClaimsMappingPolicyAssignment_E5E26F1B',
      cert,
      cfg,
      'msgraph_resource.Sso_TokenIssuancePolicyAssignment_3E17AA09',
      'msgraph_resource.Sso_TokenIssuancePolicy_B078702A',
      'msgraph_update_resource.Sso_ActiveCertificate_52076C03',
      'time_sleep.Sso_SamlModePropagation_EF5D94A4',
    ]);
  });

  test('pins the providers, each at its exact version', () => {
    expect(json.terraform.required_providers).toEqual({
      azuread: { source: 'hashicorp/azuread', version: '3.7.0' },
      msgraph: { source: 'microsoft/msgraph', version: '0.2.0' },
      time: { source: 'hashicorp/time', version: '0.13.1' },
    });
    // No credentials in the synthesized configuration: they come from the environment.
    expect(json.provider).toEqual({ azuread: [{}], msgraph: [{}], time: [{}] });
  });

  test('declares the application: feature tags, Reply URL, one app role per wanted role, owners', () => {
    const role = (value: string) => ({
      allowed_member_types: ['User'],
      description: `Twilio flex role '${value}', sent in the SAML 'roles' claim`,
      display_name: value,
      enabled: true,
      id: EntraTwilioSso.appRoleId(value),
      value,
    });
    expect(only(json, 'azuread_application')).toEqual({
      display_name: `Twilio Flex enhanced SSO ${JQ}`,
      owners: [`\${${cfg}.object_id}`],
      sign_in_audience: 'AzureADMyOrg',
      feature_tags: [{ enterprise: true, custom_single_sign_on: true }],
      web: { redirect_uris: [ACS] },
      // In Flex's role order, whatever the order of the assignments.
      app_role: [role('admin'), role('supervisor'), role('agent'), role('wfo.full_access')],
      lifecycle: { ignore_changes: ['identifier_uris'] },
    });
    expect(sso.appRoles).toEqual(['admin', 'supervisor', 'agent', 'wfo.full_access']);
  });

  test('app role IDs are UUIDv5 in the fixed namespace, so they survive lost state', () => {
    expect(EntraTwilioSso.appRoleId('agent')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(EntraTwilioSso.appRoleId('agent')).toBe('8ed8479d-ab71-5862-b2c1-bd93b2cb3c90');
    expect(EntraTwilioSso.appRoleId('wfo.full_access')).toBe('2247f688-f416-5b0d-89fe-857b23e30c4a');
  });

  test('declares the service principal in SAML mode with assignment required', () => {
    expect(only(json, 'azuread_service_principal')).toEqual({
      client_id: `\${${app}.client_id}`,
      owners: [`\${${cfg}.object_id}`],
      app_role_assignment_required: true,
      preferred_single_sign_on_mode: 'saml',
      feature_tags: [{ enterprise: true, custom_single_sign_on: true }],
      login_url: 'https://flex.twilio.com/kiwi-owl-1234.twil.io',
      notification_email_addresses: ['identity-team@example.com'],
    });
  });

  test('sets the Entity ID as the only identifier, after SAML mode and a propagation wait', () => {
    expect(only(json, 'time_sleep')).toEqual({ create_duration: '60s', depends_on: [sp], provider: 'time' });
    expect(only(json, 'azuread_application_identifier_uri')).toEqual({
      application_id: `\${${app}.id}`,
      identifier_uri: `urn:flex:${JQ}`,
      depends_on: ['time_sleep.Sso_SamlModePropagation_EF5D94A4'],
    });
  });

  test('maps NameID ← mail, email, full_name, roles with bare names and no default claims', () => {
    const policy = only(json, 'azuread_claims_mapping_policy');
    expect(policy.display_name).toBe(`Twilio Flex enhanced SSO ${JQ} claims`);
    expect(policy.definition.map((d: string) => JSON.parse(d))).toEqual([
      {
        ClaimsMappingPolicy: {
          Version: 1,
          IncludeBasicClaimSet: 'false',
          ClaimsSchema: [
            { Source: 'user', ID: 'mail', SamlClaimType: NAMEID },
            { Source: 'user', ID: 'mail', SamlClaimType: 'email' },
            { Source: 'user', ID: 'displayname', SamlClaimType: 'full_name' },
            { Source: 'user', ID: 'assignedroles', SamlClaimType: 'roles' },
          ],
        },
      },
    ]);
    expect(only(json, 'azuread_service_principal_claims_mapping_policy_assignment')).toEqual({
      claims_mapping_policy_id: '${azuread_claims_mapping_policy.Sso_ClaimsMappingPolicy_C66CCEC8.id}',
      service_principal_id: `\${${sp}.id}`,
    });
  });

  test('creates a 3-year CN= signing certificate and activates it through Graph', () => {
    expect(only(json, 'azuread_service_principal_token_signing_certificate')).toEqual({
      display_name: `CN=Twilio Flex enhanced SSO ${JQ}`,
      service_principal_id: `\${${sp}.id}`,
    });
    expect(only(json, 'msgraph_update_resource')).toEqual({
      provider: 'msgraph',
      url: `servicePrincipals/\${${sp}.object_id}`,
      body: { preferredTokenSigningKeyThumbprint: `\${${cert}.thumbprint}` },
      retry: { error_message_regex: ['does not exist or one of its queried reference-property objects are not present'] },
    });
  });

  test('signs response and assertion with RSA-SHA256 through a token issuance policy on the service principal', () => {
    const policies = json.resource.msgraph_resource;
    const policy = { ...policies.Sso_TokenIssuancePolicy_B078702A };
    delete policy['//'];
    expect(policy).toEqual({
      provider: 'msgraph',
      url: 'policies/tokenIssuancePolicies',
      body: {
        displayName: `Twilio Flex enhanced SSO ${JQ} signing`,
        definition: [expect.any(String)],
      },
    });
    expect(JSON.parse(policy.body.definition[0])).toEqual({
      TokenIssuancePolicy: {
        Version: 1,
        SigningAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
        TokenResponseSigningPolicy: 'ResponseAndToken',
        SamlTokenVersion: '2.0',
      },
    });
    const link = { ...policies.Sso_TokenIssuancePolicyAssignment_3E17AA09 };
    delete link['//'];
    expect(link).toEqual({
      provider: 'msgraph',
      api_version: 'beta',
      url: `servicePrincipals/\${${sp}.object_id}/tokenIssuancePolicies/$ref`,
      body: { '@odata.id': 'https://graph.microsoft.com/beta/policies/tokenIssuancePolicies/${msgraph_resource.Sso_TokenIssuancePolicy_B078702A.id}' },
      retry: { error_message_regex: ['does not exist or one of its queried reference-property objects are not present'] },
    });
  });

  test('assigns one app role per principal and role', () => {
    const assignments = Object.values<any>(json.resource.azuread_app_role_assignment).map(({ ['//']: _m, ...a }) => a);
    const sps = `\${${sp}.object_id}`;
    expect(assignments).toEqual([
      { app_role_id: EntraTwilioSso.appRoleId('agent'), principal_object_id: GROUP_AGENTS, resource_object_id: sps },
      { app_role_id: EntraTwilioSso.appRoleId('admin'), principal_object_id: GROUP_ADMINS, resource_object_id: sps },
      { app_role_id: EntraTwilioSso.appRoleId('wfo.full_access'), principal_object_id: GROUP_ADMINS, resource_object_id: sps },
      { app_role_id: EntraTwilioSso.appRoleId('supervisor'), principal_object_id: USER, resource_object_id: sps },
    ]);
  });

  test('exposes the Console values as properties and outputs named after the Console fields', () => {
    const tenant = `\${${cfg}.tenant_id}`;
    expect(Object.keys(json.output).sort()).toEqual([
      'default_redirect_url',
      'entra_active_certificate',
      'identity_provider_issuer',
      'idp_metadata_url',
      'single_sign_on_url',
      'sp_acs_url',
      'sp_entity_id',
      'x509_certificate',
      'x509_certificate_base64',
      'x509_certificate_expires_at',
      'x509_certificate_expiry_warning_days',
      'x509_certificate_thumbprint',
    ]);
    const out = (n: string) => json.output[n].value;
    expect(out('x509_certificate_expiry_warning_days')).toBe(30);
    expect(out('identity_provider_issuer')).toBe(`https://sts.windows.net/${tenant}/`);
    expect(out('single_sign_on_url')).toBe(`https://login.microsoftonline.com/${tenant}/saml2`);
    expect(out('idp_metadata_url')).toBe(`https://login.microsoftonline.com/${tenant}/federationmetadata/2007-06/federationmetadata.xml?appid=\${${app}.client_id}`);
    expect(out('x509_certificate')).toBe(`-----BEGIN CERTIFICATE-----\n\${join("\\n", regexall(".{1,64}", ${cert}.value))}\n-----END CERTIFICATE-----\n`);
    expect(out('x509_certificate_base64')).toBe(`\${${cert}.value}`);
    expect(out('x509_certificate_thumbprint')).toBe(`\${${cert}.thumbprint}`);
    expect(out('x509_certificate_expires_at')).toBe(`\${${cert}.end_date}`);
    expect(out('entra_active_certificate')).toBe('primary');
    expect(Testing.synth(stack)).toContain('sts.windows.net');
    expect(sso.issuer.endsWith('/')).toBe(true);
    expect(sso.activeCertificateName).toBe('primary');
    expect(Testing.fullSynth).toBeDefined();
  });

  test('a second synth is byte-identical', () => {
    expect(Testing.synth(flexStack().stack, true)).toBe(Testing.synth(flexStack().stack, true));
  });

  test('no warning for a certificate without a literal end date', () => {
    expect(warnings(sso)).toEqual([]);
  });
});

describe('EntraTwilioSso for Frontline and Flex legacy', () => {
  test('Frontline: Reply URL and Entity ID from the realm, email and roles only, agent only', () => {
    const stack = entraStack();
    new EntraTwilioSso(stack, 'Sso', { target: frontline, groups: [{ principalId: GROUP_AGENTS, roles: ['agent'] }] });
    const json = synthJson(stack);
    expect(only(json, 'azuread_application').web).toEqual({ redirect_uris: [`https://iam.twilio.com/v2/saml2/authenticate/${JB}`] });
    expect(only(json, 'azuread_application').app_role.map((r: any) => r.value)).toEqual(['agent']);
    expect(only(json, 'azuread_application_identifier_uri').identifier_uri).toBe(`https://iam.twilio.com/v2/saml2/metadata/${JB}`);
    const schema = JSON.parse(only(json, 'azuread_claims_mapping_policy').definition[0]).ClaimsMappingPolicy.ClaimsSchema;
    expect(schema.map((e: any) => e.SamlClaimType)).toEqual([NAMEID, 'email', 'roles']);
    expect(only(json, 'azuread_service_principal').login_url).toBeUndefined();
  });

  test('Flex legacy: the iam.twilio.com/v1 pair', () => {
    const stack = entraStack();
    new EntraTwilioSso(stack, 'Sso', { target: TwilioTarget.flexLegacy({ accountSid: AC }) });
    const json = synthJson(stack);
    expect(only(json, 'azuread_application').web.redirect_uris).toEqual([`https://iam.twilio.com/v1/Accounts/${AC}/saml2`]);
    expect(only(json, 'azuread_application_identifier_uri').identifier_uri).toBe(`https://iam.twilio.com/v1/Accounts/${AC}/saml2/metadata`);
    // No assignments, no roles asked for: no app roles.
    expect(only(json, 'azuread_application').app_role).toEqual([]);
  });
});

describe('EntraTwilioSso options', () => {
  test('a literal tenant and owners need no client-config lookup; outputs are known at plan', () => {
    const stack = entraStack();
    const sso = new EntraTwilioSso(stack, 'Sso', { target: flex, tenantId: TENANT, owners: [USER] });
    const json = synthJson(stack);
    expect(json.data).toBeUndefined();
    expect(only(json, 'azuread_application').owners).toEqual([USER]);
    expect(sso.issuer).toBe(`https://sts.windows.net/${TENANT}/`);
    expect(sso.ssoUrl).toBe(`https://login.microsoftonline.com/${TENANT}/saml2`);
    expect(sso.federationMetadataUrl).toMatch(new RegExp(`^https://login\\.microsoftonline\\.com/${TENANT}/federationmetadata/2007-06/federationmetadata\\.xml\\?appid=\\$\\{TfToken`));
  });

  test('nameId, email, fullName and attributes are Entra user attributes; explicit roles, display name and propagation delay', () => {
    const stack = entraStack();
    const sso = new EntraTwilioSso(stack, 'Sso', {
      target: flex,
      displayName: 'Contact center',
      nameId: 'user.userprincipalname',
      email: 'user.otherMail',
      fullName: 'user.givenname',
      roles: ['agent'],
      attributes: [{ name: 'department', value: 'user.department' }],
      identifierUriDelaySeconds: 120,
    });
    // Added after construction: still in the policy, which is rendered at synth.
    expect(sso.addAttribute({ name: 'channel.chat.capacity.int', value: 'user.extension_abc_chatCapacity' })).toEqual({ name: 'channel.chat.capacity.int', value: 'user.extension_abc_chatCapacity' });
    expect(sso.attributes.map((a) => a.name)).toEqual(['department', 'channel.chat.capacity.int']);
    const json = synthJson(stack);
    const schema = JSON.parse(only(json, 'azuread_claims_mapping_policy').definition[0]).ClaimsMappingPolicy.ClaimsSchema;
    // The ClaimsSchema ID is the part after `user.`, as written.
    expect(schema).toEqual([
      { Source: 'user', ID: 'userprincipalname', SamlClaimType: NAMEID },
      { Source: 'user', ID: 'otherMail', SamlClaimType: 'email' },
      { Source: 'user', ID: 'givenname', SamlClaimType: 'full_name' },
      { Source: 'user', ID: 'assignedroles', SamlClaimType: 'roles' },
      { Source: 'user', ID: 'department', SamlClaimType: 'department' },
      { Source: 'user', ID: 'extension_abc_chatCapacity', SamlClaimType: 'channel.chat.capacity.int' },
    ]);
    expect(only(json, 'azuread_application').display_name).toBe('Contact center');
    expect(only(json, 'azuread_application').app_role.map((r: any) => r.value)).toEqual(['agent']);
    expect(only(json, 'azuread_service_principal_token_signing_certificate').display_name).toBe('CN=Contact center');
    expect(only(json, 'time_sleep').create_duration).toBe('120s');
  });

  test('a validity under 3 years is fixed once with time_offset', () => {
    const stack = entraStack();
    new EntraTwilioSso(stack, 'Sso', { target: flex, certificates: [{ name: 'y1', validityYears: 1, displayName: 'CN=twilio-flex' }] });
    const json = synthJson(stack);
    expect(Object.keys(json.resource.time_offset)).toEqual(['Sso_Certificate-y1-EndDate_DD07255F']);
    expect(only(json, 'time_offset')).toEqual({ offset_years: 1, provider: 'time' });
    expect(only(json, 'azuread_service_principal_token_signing_certificate')).toEqual({
      display_name: 'CN=twilio-flex',
      end_date: '${time_offset.Sso_Certificate-y1-EndDate_DD07255F.rfc3339}',
      service_principal_id: '${azuread_service_principal.Sso_ServicePrincipal_634D9441.id}',
    });
  });

  test('rotation: a staged certificate is created but not activated, and its PEM is an output', () => {
    const stack = entraStack();
    const oldEnd = inDays(200);
    const newEnd = inDays(900);
    const sso = new EntraTwilioSso(stack, 'Sso', {
      target: flex,
      groups: [{ principalId: GROUP_AGENTS, roles: ['agent'] }],
      certificates: [
        { name: 'y2025', endDate: oldEnd },
        { name: 'y2027', endDate: newEnd },
      ],
      activeCertificate: 'y2025',
    });
    new EntraConsoleOutputs(stack, 'EntraConsole', { app: sso });
    const json = synthJson(stack);
    expect(Object.keys(json.resource.azuread_service_principal_token_signing_certificate)).toEqual([
      'Sso_Certificate-y2025_24D6DE43',
      'Sso_Certificate-y2027_B37B3D20',
    ]);
    expect(json.resource.azuread_service_principal_token_signing_certificate['Sso_Certificate-y2025_24D6DE43'].end_date).toBe(oldEnd);
    expect(only(json, 'msgraph_update_resource').body).toEqual({
      preferredTokenSigningKeyThumbprint: '${azuread_service_principal_token_signing_certificate.Sso_Certificate-y2025_24D6DE43.thumbprint}',
    });
    expect(Object.keys(json.output).sort()).toEqual([
      'entra_active_certificate',
      'staged_x509_certificate_y2027',
      'staged_x509_certificate_y2027_expires_at',
      'staged_x509_certificate_y2027_thumbprint',
      'x509_certificate_base64',
      'x509_certificate_thumbprint',
    ]);
    expect(json.output.staged_x509_certificate_y2027.value).toContain('Sso_Certificate-y2027_B37B3D20.value');
    expect(sso.signingCertificates.map((c) => c.name)).toEqual(['y2025', 'y2027']);
    expect(warnings(sso)).toEqual([]);
  });

  test('warns at synth when a certificate ends within the warning window (default 30 days)', () => {
    const stack = entraStack();
    const end = inDays(20);
    const sso = new EntraTwilioSso(stack, 'Sso', { target: flex, certificates: [{ name: 'old', endDate: end }] });
    const iso = new Date(end).toISOString();
    expect(warnings(sso)).toEqual([
      expect.stringMatching(new RegExp(`^Certificate 'old' \\(the active signing certificate\\) ends on ${iso}, in 1[89] days \\(warning threshold 30\\): rotate it \\(docs/entra\\.md`)),
    ]);
    const quiet = new EntraTwilioSso(entraStack(), 'Sso', { target: flex, certificates: [{ name: 'old', endDate: end }], certificateExpiryWarningDays: 10 });
    expect(warnings(quiet)).toEqual([]);
    expect(quiet.certificateExpiryWarningDays).toBe(10);
    const expired = new EntraTwilioSso(entraStack(), 'Sso', { target: flex, certificates: [{ name: 'old', endDate: inDays(-2) }] });
    expect(warnings(expired)).toEqual([expect.stringMatching(/^Certificate 'old' \(the active signing certificate\) expired on .*: Twilio rejects every sign-in/)]);
  });

  test('the warning threshold is inclusive: a certificate ending in exactly the threshold days warns, one day more does not', () => {
    // 10 whole days and a bit: daysLeft 10. With a threshold of 10 it warns; with 9 it does not.
    const end = new Date(Date.now() + 10 * 86_400_000 + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const at = (days: number) => warnings(new EntraTwilioSso(entraStack(), 'Sso', { target: flex, certificates: [{ name: 'c', endDate: end }], certificateExpiryWarningDays: days }));
    expect(at(10)).toEqual([expect.stringContaining('in 10 days (warning threshold 10)')]);
    expect(at(9)).toEqual([]);
  });

  test('a staged certificate warns too, and once expired says it can no longer be made active (it never signed)', () => {
    const staged = (endDate: string) =>
      warnings(
        new EntraTwilioSso(entraStack(), 'Sso', {
          target: flex,
          certificates: [{ name: 'current', endDate: inDays(400) }, { name: 'next', endDate }],
          activeCertificate: 'current',
        }),
      );
    expect(staged(inDays(5))).toEqual([expect.stringMatching(/^Certificate 'next' \(a staged, inactive signing certificate\) ends on .*, in [45] days \(warning threshold 30\): stage a later one/)]);
    const expired = staged(inDays(-1));
    expect(expired).toEqual([expect.stringMatching(/^Certificate 'next' \(a staged, inactive signing certificate\) expired on .*: it can no longer be made active/)]);
    expect(expired[0]).not.toContain('rejects every sign-in');
  });
});

describe('EntraTwilioSso bad input', () => {
  test('fails if a group has a role Frontline does not have, and declares nothing', () => {
    const stack = entraStack();
    const e = error(() => new EntraTwilioSso(stack, 'Sso', { target: frontline, groups: [{ principalId: GROUP_AGENTS, roles: ['agent', 'admin'] }] }));
    expect(e.code).toBe('ROLE_UNKNOWN');
    expect(e.field).toBe('groups[0].roles[1]');
    expect(e.message).toContain("groups[0].roles[1] is not a frontline role, got 'admin'");
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('fails if a user has an unknown Flex role, or is listed twice', () => {
    expect(error(() => new EntraTwilioSso(entraStack(), 'Sso', { target: flex, users: [{ principalId: USER, roles: ['boss'] }] })).message).toContain(
      "users[0].roles[0] is not a flex role, got 'boss'",
    );
    const e = error(() => new EntraTwilioSso(entraStack(), 'Sso', { target: flex, groups: [{ principalId: USER, roles: ['agent'] }, { principalId: USER, roles: ['admin'] }] }));
    expect(e.code).toBe('PRINCIPAL_DUPLICATE');
    expect([e.field, e.value]).toEqual(['groups[1].principalId', USER]);
    expect(e.message).toContain(`groups[1].principalId '${USER}' is already listed at groups[0]`);
  });

  test('fails on unknown roles in roles', () => {
    const e = error(() => new EntraTwilioSso(entraStack(), 'Sso', { target: flex, roles: ['agent', 'Agent'] }));
    expect([e.code, e.field]).toEqual(['ROLE_UNKNOWN', 'roles[1]']);
    expect(e.message).toContain("roles[1] is not a flex role, got 'Agent'");
  });

  test.each([
    [{ tenantId: 'contoso.onmicrosoft.com' }, 'ENTRA_TENANT_ID_INVALID', 'tenantId', "tenantId must be the tenant's ID (a UUID), not its domain name, got 'contoso.onmicrosoft.com'"],
    [{ owners: ['alice@contoso.com'] }, 'ENTRA_OWNER_INVALID', 'owners[0]', "owners[0] must be an object ID (a UUID), got 'alice@contoso.com'"],
    [{ owners: [] }, 'ENTRA_OWNERS_EMPTY', 'owners', 'owners must name at least one object ID, got []'],
    [{ displayName: ' ' }, 'DISPLAY_NAME_EMPTY', 'displayName', "displayName must not be empty, got ' '"],
    [{ notificationEmails: ['nobody'] }, 'ENTRA_NOTIFICATION_EMAIL_INVALID', 'notificationEmails[0]', "notificationEmails[0] must be an email address, got 'nobody'"],
    [
      { nameId: 'user.email' },
      'NAME_ID_INVALID',
      'nameId',
      `${NAME_ID_ONE_OF} (the NameID is Flex's unique user ID, so only attributes unique per user are accepted), got 'user.email'`,
    ],
    [{ nameId: 'userprincipalname' }, 'NAME_ID_INVALID', 'nameId', `${NAME_ID_ONE_OF} (write it as the Entra admin center shows it: 'user.userprincipalname'), got 'userprincipalname'`],
    [{ nameId: 'user.Mail' }, 'NAME_ID_INVALID', 'nameId', `${NAME_ID_ONE_OF} (write it as the Entra admin center shows it: 'user.mail'), got 'user.Mail'`],
    [{ email: 'mail' }, 'ATTRIBUTE_VALUE_INVALID', 'email', "email must be an Entra user attribute such as 'user.department' (write it with 'user.', as the Entra admin center shows it: 'user.mail'), got 'mail'"],
    [{ fullName: 'user.display name' }, 'ATTRIBUTE_VALUE_INVALID', 'fullName', "fullName must be an Entra user attribute such as 'user.department' (the part after 'user.' must be an attribute ID: a letter, then letters, digits, '_' or '.'), got 'user.display name'"],
    [{ fullName: '' }, 'ATTRIBUTE_VALUE_INVALID', 'fullName', "fullName must be an Entra user attribute such as 'user.department', got ''"],
    [{ attributes: [{ name: 'Department', value: 'user.department' }] }, 'CLAIM_NAME_CAPITALISED', 'attributes[0].name', "attributes[0].name must be lowercase (Twilio claim names are case-sensitive), got 'Department'"],
    [{ attributes: [{ name: 'http://schemas.xmlsoap.org/claims/department', value: 'user.department' }] }, 'CLAIM_NAME_NAMESPACED', 'attributes[0].name', 'attributes[0].name must not be namespaced'],
    [{ attributes: [{ name: 'roles', value: 'user.jobtitle' }] }, 'ATTRIBUTE_RESERVED', 'attributes[0].name', "attributes[0].name re-declares the required attribute 'roles'"],
    [
      { attributes: [{ name: 'department', value: 'department' }] },
      'ATTRIBUTE_VALUE_INVALID',
      'attributes[0].value',
      "attributes[0].value must be an Entra user attribute such as 'user.department' (write it with 'user.', as the Entra admin center shows it: 'user.department'), got 'department'",
    ],
    [{ attributes: [{ name: 'department', value: '${user.department}' }] }, 'ATTRIBUTE_VALUE_INVALID', 'attributes[0].value', "attributes[0].value must be an Entra user attribute such as 'user.department' (write 'user.' and the attribute's ID), got '${user.department}'"],
    [{ attributes: [{ name: 'location', value: 'user.city' }, { name: 'location', value: 'user.state' }] }, 'ATTRIBUTE_DUPLICATE', 'attributes[1].name', "attributes[1].name 'location' is already declared at attributes[0]"],
    [{ certificates: [] }, 'ENTRA_CERTIFICATES_EMPTY', 'certificates', 'certificates must list at least one certificate, got []'],
    [{ certificates: [{ name: 'Primary' }] }, 'ENTRA_CERTIFICATE_NAME_INVALID', 'certificates[0].name', "certificates[0].name must be lowercase letters, digits and '_' (it names Terraform resources and outputs), got 'Primary'"],
    [{ certificates: [{ name: 'a' }, { name: 'a' }], activeCertificate: 'a' }, 'ENTRA_CERTIFICATE_NAME_DUPLICATE', 'certificates[1].name', "certificates[1].name 'a' is already used by certificates[0]"],
    [{ certificates: [{ name: 'a', displayName: 'Twilio' }] }, 'ENTRA_CERTIFICATE_DISPLAY_NAME_INVALID', 'certificates[0].displayName', "certificates[0].displayName must start with 'CN=' followed by a name (Entra rejects others), got 'Twilio'"],
    [{ certificates: [{ name: 'a', validityYears: 5 }] }, 'ENTRA_CERTIFICATE_VALIDITY_INVALID', 'certificates[0].validityYears', 'certificates[0].validityYears must be a whole number of years from 1 to 3, got 5'],
    [{ certificates: [{ name: 'a', validityYears: 1, endDate: '2027-01-01T00:00:00Z' }] }, 'ENTRA_CERTIFICATE_VALIDITY_CONFLICT', 'certificates[0].validityYears', "certificates[0].validityYears cannot be used together with 'certificates[0].endDate' ('2027-01-01T00:00:00Z'), got 1; give one"],
    [{ certificates: [{ name: 'a', endDate: '2027-01-01' }] }, 'ENTRA_CERTIFICATE_END_DATE_INVALID', 'certificates[0].endDate', "certificates[0].endDate must be an RFC 3339 timestamp such as '2028-06-30T00:00:00Z', got '2027-01-01'"],
    [{ certificates: [{ name: 'a', endDate: '2999-01-01T00:00:00Z' }] }, 'ENTRA_CERTIFICATE_END_DATE_TOO_LATE', 'certificates[0].endDate', 'certificates[0].endDate must be at most 3 years from now'],
    [{ certificates: [{ name: 'a' }, { name: 'b' }] }, 'ENTRA_ACTIVE_CERTIFICATE_REQUIRED', 'activeCertificate', "activeCertificate must be given when there are 2 certificates ('a', 'b')"],
    [{ certificates: [{ name: 'a' }], activeCertificate: 'b' }, 'ENTRA_ACTIVE_CERTIFICATE_UNKNOWN', 'activeCertificate', "activeCertificate must name one of certificates[].name ('a'), got 'b'"],
    [{ certificateExpiryWarningDays: -1 }, 'CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID', 'certificateExpiryWarningDays', 'certificateExpiryWarningDays must be a whole number of days from 0 to 3650, got -1'],
    [{ identifierUriDelaySeconds: 1.5 }, 'ENTRA_IDENTIFIER_URI_DELAY_INVALID', 'identifierUriDelaySeconds', 'identifierUriDelaySeconds must be a whole number of seconds from 0 to 600, got 1.5'],
  ])('fails on %j', (over, code, field, message) => {
    const stack = entraStack();
    const e = error(() => new EntraTwilioSso(stack, 'Sso', { target: flex, ...(over as object) }));
    expect([e.code, e.field]).toEqual([code, field]);
    expect(e.message).toContain(`Invalid Entra app for Flex enhanced SSO ${JQ}: ${message}`);
    expect(synthJson(stack).resource).toBeUndefined();
  });

  test('reports every problem at once', () => {
    const e = error(
      () =>
        new EntraTwilioSso(entraStack(), 'Sso', {
          target: flex,
          tenantId: 'contoso',
          nameId: 'user.email',
          email: 'mail',
          groups: [{ principalId: GROUP_AGENTS, roles: ['boss'] }],
          attributes: [{ name: 'department', value: 'department' }],
          certificates: [{ name: 'a', validityYears: 9 }],
          certificateExpiryWarningDays: 5000,
        }),
    );
    expect(e.message).toMatch(/: 7 problems:\n/);
    expect(e.code).toBe('NAME_ID_INVALID');
    expect(e.violations.map((v) => [v.code, v.field])).toEqual([
      [SsoErrorCode.NAME_ID_INVALID, 'nameId'],
      [SsoErrorCode.ATTRIBUTE_VALUE_INVALID, 'email'],
      [SsoErrorCode.ATTRIBUTE_VALUE_INVALID, 'attributes[0].value'],
      [SsoErrorCode.CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID, 'certificateExpiryWarningDays'],
      [SsoErrorCode.ROLE_UNKNOWN, 'groups[0].roles[0]'],
      [SsoErrorCode.ENTRA_TENANT_ID_INVALID, 'tenantId'],
      [SsoErrorCode.ENTRA_CERTIFICATE_VALIDITY_INVALID, 'certificates[0].validityYears'],
    ]);
  });

  test('addGroup, addUser and addAttribute refuse duplicates and unknown roles', () => {
    const sso = new EntraTwilioSso(entraStack(), 'Sso', { target: flex });
    sso.addUser({ principalId: USER, roles: ['agent'] });
    expect(() => sso.addUser({ principalId: USER, roles: ['admin'] })).toThrow(`users[1].principalId '${USER}' is already listed at users[0]; list each user once with all its roles`);
    expect(error(() => sso.addGroup({ principalId: GROUP_AGENTS, roles: ['root'] })).message).toContain("groups[0].roles[0] is not a flex role, got 'root'");
    sso.addAttribute({ name: 'location', value: 'user.city' });
    expect(error(() => sso.addAttribute({ name: 'location', value: 'user.city' })).code).toBe('ATTRIBUTE_DUPLICATE');
    const bad = error(() => sso.addAttribute({ name: 'manager', value: 'manager' }));
    expect([bad.code, bad.field, bad.value]).toEqual([SsoErrorCode.ATTRIBUTE_VALUE_INVALID, 'attributes[1].value', 'manager']);
    expect(bad.message).toBe("attributes[1].value must be an Entra user attribute such as 'user.department' (write it with 'user.', as the Entra admin center shows it: 'user.manager'), got 'manager' [ATTRIBUTE_VALUE_INVALID]");
    expect(sso.attributes).toEqual([{ name: 'location', value: 'user.city' }]);
  });

  test('tokens pass validation unresolved', () => {
    const stack = entraStack();
    const { TerraformVariable } = require('cdktf');
    const tenant = new TerraformVariable(stack, 'tenant', { type: 'string' });
    expect(() => new EntraTwilioSso(stack, 'Sso', { target: flex, tenantId: tenant.stringValue, owners: [tenant.stringValue] })).not.toThrow();
  });
});

describe('several apps in one stack', () => {
  test('share one azuread_client_config (same provider, same answer); apps given tenantId and owners read none', () => {
    const stack = entraStack();
    new EntraTwilioSso(stack, 'Flex', { target: flex });
    new EntraTwilioSso(stack, 'Frontline', { target: TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' }) });
    const json = synthJson(stack);
    expect(Object.keys(json.data.azuread_client_config)).toEqual(['TwilioSsoAzureadClientConfig']);
    const owners = Object.values<any>(json.resource.azuread_application).map((a) => a.owners);
    expect(owners).toEqual([['${data.azuread_client_config.TwilioSsoAzureadClientConfig.object_id}'], ['${data.azuread_client_config.TwilioSsoAzureadClientConfig.object_id}']]);

    const explicit = entraStack();
    new EntraTwilioSso(explicit, 'Sso', { target: flex, tenantId: '00000000-0000-4000-8000-000000000001', owners: ['00000000-0000-4000-8000-000000000002'] });
    expect(synthJson(explicit).data).toBeUndefined();
  });
});
