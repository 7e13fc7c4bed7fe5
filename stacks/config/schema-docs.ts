import { configSchema } from './schema';

/** Editor help for one config key: what it is (hover text) and example values (completion). */
export interface FieldDoc {
  /** What the key is, its default, and where its value comes from. */
  readonly description: string;
  /** Example values; each is valid for the key (a test checks). */
  readonly examples: readonly unknown[];
}

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const AC = 'ACfedcba9876543210fedcba9876543210';
const ROLES = { description: 'A Twilio role name. Flex: admin, supervisor, agent and the wfo.* Insights roles; Frontline: agent.', examples: ['agent', 'supervisor', 'wfo.team_leader'] };
const BACKEND: Record<string, FieldDoc> = {
  backend: { description: 'Where Terraform keeps this target\'s state: exactly one of local, s3, azurerm, cloud. Each target has its own state; "{target}" in a path, key or workspace becomes the target name.', examples: [{ local: { path: 'terraform.{target}.tfstate' } }, { s3: { bucket: 'my-state', region: 'eu-west-1' } }] },
  'backend.local': { description: 'Local state file.', examples: [{ path: 'terraform.{target}.tfstate' }, {}] },
  'backend.local.path': { description: 'State file path. Default: terraform.<target>.tfstate.', examples: ['terraform.{target}.tfstate', 'state/{target}.tfstate'] },
  'backend.s3': { description: 'Amazon S3 state (Terraform "s3" backend), encrypted at rest by default.', examples: [{ bucket: 'my-state', region: 'eu-west-1', key: 'twilio-sso/{target}.tfstate' }] },
  'backend.s3.bucket': { description: 'The S3 bucket name.', examples: ['my-state'] },
  'backend.s3.key': { description: 'Object key of the state. Default: twilio-sso/<target>.tfstate.', examples: ['twilio-sso/{target}.tfstate'] },
  'backend.s3.region': { description: 'The bucket\'s AWS region.', examples: ['eu-west-1', 'us-east-1'] },
  'backend.s3.dynamodbTable': { description: 'DynamoDB table for state locking. Default: no locking table.', examples: ['terraform-locks'] },
  'backend.s3.encrypt': { description: 'Server-side encryption of the state object. Default: true.', examples: [true] },
  'backend.azurerm': { description: 'Azure Blob Storage state (Terraform "azurerm" backend).', examples: [{ resourceGroupName: 'rg-terraform', storageAccountName: 'tfstate01', containerName: 'tfstate' }] },
  'backend.azurerm.resourceGroupName': { description: 'Resource group of the storage account.', examples: ['rg-terraform'] },
  'backend.azurerm.storageAccountName': { description: 'The storage account name.', examples: ['tfstate01'] },
  'backend.azurerm.containerName': { description: 'The blob container name.', examples: ['tfstate'] },
  'backend.azurerm.key': { description: 'Blob name of the state. Default: twilio-sso/<target>.tfstate.', examples: ['twilio-sso/{target}.tfstate'] },
  'backend.cloud': { description: 'HCP Terraform (Terraform Cloud) workspace state.', examples: [{ organization: 'acme', workspace: 'twilio-sso-{target}' }] },
  'backend.cloud.organization': { description: 'The HCP Terraform organization.', examples: ['acme'] },
  'backend.cloud.workspace': { description: 'The workspace name. Default: the target name.', examples: ['twilio-sso-{target}'] },
  'backend.cloud.hostname': { description: 'The HCP Terraform / Terraform Enterprise host. Default: app.terraform.io.', examples: ['app.terraform.io', 'tfe.example.com'] },
};
const assignments = (idp: string, idHelp: string, idExample: string, rolesRequired: boolean): Record<string, FieldDoc> => {
  const out: Record<string, FieldDoc> = {};
  for (const [list, who] of [['groups', 'Groups'], ['users', 'Users']] as const) {
    out[`${idp}.${list}`] = { description: `${who} given access to the app, each with its Twilio roles.`, examples: [[{ id: idExample, roles: ['agent'] }]] };
    out[`${idp}.${list}[]`] = { description: `One ${list === 'groups' ? 'group' : 'user'} and its Twilio roles.`, examples: [{ id: idExample, roles: ['agent'] }] };
    out[`${idp}.${list}[].id`] = { description: `${idHelp} (the ${list === 'groups' ? 'group' : 'user'}'s ID, not its name).`, examples: [idExample] };
    out[`${idp}.${list}[].roles`] = { description: `The Twilio roles its members get${rolesRequired ? '' : ' (none with rolesSource userType)'}.`, examples: [['agent'], ['supervisor', 'wfo.team_leader']] };
    out[`${idp}.${list}[].roles[]`] = ROLES;
  }
  return out;
};
/** The keys every identity provider shares (README, "One vocabulary"), with its own defaults and examples. */
const shared = (
  idp: string,
  d: { displayName: string; nameId: [string, unknown[]]; email: [string, unknown[]]; fullName: [string, unknown[]]; value: [string, string] },
): Record<string, FieldDoc> => ({
  [`${idp}.displayName`]: { description: `The app's name as people see it in ${d.displayName}.`, examples: ['Twilio Flex'] },
  [`${idp}.nameId`]: { description: `Where the NameID (Flex's unique user ID) comes from: ${d.nameId[0]}.`, examples: d.nameId[1] },
  [`${idp}.email`]: { description: `Where the email attribute comes from: ${d.email[0]}.`, examples: d.email[1] },
  [`${idp}.fullName`]: { description: `Where full_name comes from (Flex only): ${d.fullName[0]}.`, examples: d.fullName[1] },
  [`${idp}.certificateExpiryWarningDays`]: { description: 'Warn (at synth where the end is known, and in twilio-sso console/verify) when the signing certificate ends within this many days (0–3650). Default: 30.', examples: [30] },
  ...attributes(idp, 'value', d.value[0], d.value[1]),
});
const attributes = (idp: string, valueKey: string, valueHelp: string, valueExample: string): Record<string, FieldDoc> => ({
  [`${idp}.attributes`]: { description: 'Extra SAML attributes besides email, full_name and roles (Flex Insights, capacity, …).', examples: [[{ name: 'department', [valueKey]: valueExample }]] },
  [`${idp}.attributes[]`]: { description: 'One extra attribute: its claim name and where its value comes from.', examples: [{ name: 'department', [valueKey]: valueExample }] },
  [`${idp}.attributes[].name`]: { description: 'Claim name as Twilio reads it: lowercase, no spaces, not namespaced; Flex typed claims end in .string, .int, .boolean, .stringarray, .intarray or .booleanarray.', examples: ['department', 'channel.voice.capacity.int'] },
  [`${idp}.attributes[].${valueKey}`]: { description: valueHelp, examples: [valueExample] },
});

/**
 * Hover text and examples for every key of the config file, by its path with `targets[].` and
 * `defaults.` left off (`okta.groups[].roles`, `backend.s3.bucket`). The published JSON Schema
 * ({@link publishedConfigSchema}) carries them; a test fails when a key has none or when an entry
 * names no key.
 */
export const FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  defaults: { description: 'Values every target inherits unless it sets its own.', examples: [{ backend: { local: { path: 'terraform.{target}.tfstate' } } }] },
  targets: { description: 'One entry per stack: a Twilio service provider on one identity provider.', examples: [[{ name: 'flex-okta', twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'example-org' } }]] },
  'targets[]': { description: 'One target: its name, its Twilio block and exactly one identity provider block (okta, salesforce, entra or keycloak).', examples: [{ name: 'flex-okta', twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'example-org' } }] },
  name: { description: 'The stack name (the Terraform working directory cdktf.out/stacks/<name>): lowercase letters, digits and dashes, unique in the file.', examples: ['flex-okta', 'frontline-entra'] },
  twilio: { description: 'The Twilio service provider, exactly one of flexEnhanced, flexLegacy, frontline or serviceProvider, with the SIDs from the Twilio Console.', examples: [{ flexEnhanced: { connectionSid: JQ } }, { frontline: { realmSid: JB } }] },
  'twilio.flexEnhanced': { description: 'Flex enhanced SSO (Console → Flex → Single sign-on).', examples: [{ connectionSid: JQ, runtimeDomain: 'kiwi-owl-1234.twil.io' }] },
  'twilio.flexEnhanced.connectionSid': { description: 'The SSO connection SID the Console shows under "Set up your identity provider": JQ followed by 32 lowercase hex characters.', examples: [JQ] },
  'twilio.flexEnhanced.acsUrl': { description: 'The whole ACS URL as the Console shows it, when its host is not login.flex.us1.twilio.com; it must carry the same connection SID. Default: https://login.flex.us1.twilio.com/login/callback?connection=<connectionSid>.', examples: [`https://login.flex.us1.twilio.com/login/callback?connection=${JQ}`] },
  'twilio.flexEnhanced.runtimeDomain': { description: 'The Flex runtime domain (Flex Configuration API runtime_domain); gives the Console\'s Default Redirect URL https://flex.twilio.com/<runtimeDomain>. Default: no login link.', examples: ['kiwi-owl-1234.twil.io'] },
  'twilio.flexLegacy': { description: 'Flex legacy SSO (Account SID, iam.twilio.com/v1). Twilio retires it: migrate to flexEnhanced.', examples: [{ accountSid: AC }] },
  'twilio.flexLegacy.accountSid': { description: 'The Twilio Account SID: AC followed by 32 lowercase hex characters.', examples: [AC] },
  'twilio.flexLegacy.runtimeDomain': { description: 'The Flex runtime domain, for the Default Redirect URL. Default: no login link.', examples: ['kiwi-owl-1234.twil.io'] },
  'twilio.frontline': { description: 'Twilio Frontline SSO (iam.twilio.com/v2).', examples: [{ realmSid: JB }] },
  'twilio.frontline.realmSid': { description: 'The Frontline Realm SID the Console shows: JB followed by 32 lowercase hex characters.', examples: [JB] },
  'twilio.serviceProvider': { description: 'The Entity ID and ACS URL exactly as copied from the Console, when you have the URLs rather than the SID.', examples: [{ product: 'flex', entityId: `https://login.flex.us1.twilio.com/login/callback?connection=${JQ}`, acsUrl: `https://login.flex.us1.twilio.com/login/callback?connection=${JQ}` }] },
  'twilio.serviceProvider.product': { description: 'Which product the URLs are for; Frontline URLs are refused for Flex and vice versa.', examples: ['flex', 'frontline'] },
  'twilio.serviceProvider.entityId': { description: 'The SP Entity ID (SAML audience) from the Console.', examples: [`https://iam.twilio.com/v1/Accounts/${AC}/saml2/metadata`] },
  'twilio.serviceProvider.acsUrl': { description: 'The ACS URL (single sign-on URL, recipient, destination) from the Console.', examples: [`https://iam.twilio.com/v1/Accounts/${AC}/saml2`] },
  'twilio.serviceProvider.runtimeDomain': { description: 'The Flex runtime domain, for the Default Redirect URL (Flex only). Default: no login link.', examples: ['kiwi-owl-1234.twil.io'] },
  ...BACKEND,

  okta: { description: 'Okta as the identity provider: a custom SAML 2.0 app. Credentials come from OKTA_API_TOKEN (or OAuth variables), never from this file.', examples: [{ orgName: 'example-org', groups: [{ id: '00g1agents0000000001', roles: ['agent'] }] }] },
  'okta.orgName': { description: 'The Okta org name: the first label of <org>.okta.com.', examples: ['example-org'] },
  'okta.baseUrl': { description: 'The Okta domain after the org name. Default: okta.com.', examples: ['okta.com', 'oktapreview.com'] },
  ...shared('okta', {
    displayName: 'the Okta dashboard (the app label). Default: "Twilio " + the target\'s description',
    nameId: ['an Okta expression (the library writes Okta\'s ${…} template). Default: user.userName', ['user.userName', 'user.email']],
    email: ['an Okta expression. Default: user.email', ['user.email']],
    fullName: ['an Okta expression. Default: String.join(" ", user.firstName, user.lastName)', ['String.join(" ", user.firstName, user.lastName)', 'user.displayName']],
    value: ['Okta expression for the value.', 'user.department'],
  }),
  'okta.adopt': { description: 'Bring an Okta app made by hand under code (docs/adopt.md): the stack imports it instead of creating one, and keeps its signing key.', examples: [{ appId: '0oa6a9uwbalsZ4enC0x7' }] },
  'okta.adopt.appId': { description: 'The existing app\'s ID (0oa…): Admin Console → Applications → the app, the URL\'s …/instance/<app ID>/.', examples: ['0oa6a9uwbalsZ4enC0x7'] },
  'okta.rolesSource': { description: 'Where roles come from: "assignments" (each group\'s and user\'s roles, combined across groups) or "userType" (user.userType, as Twilio\'s Okta guides do). Default: assignments.', examples: ['assignments', 'userType'] },
  'okta.keyYearsValid': { description: 'Validity of the app\'s signing key in years (2–10). Changing it rotates the key at once: sign-in fails until the Console has the new certificate. Default: Okta\'s 10 years.', examples: [10] },
  ...assignments('okta', 'An Okta ID: 00g… for a group, 00u… for a user', '00g1agents0000000001', false),

  salesforce: { description: 'Salesforce as the identity provider: the stack writes a Salesforce DX project (External Client App by default) into its synth output.', examples: [{ myDomain: 'example-org', certificateFile: 'salesforce-idp-cert.pem', profiles: ['System Administrator'] }] },
  'salesforce.myDomain': { description: 'The org\'s My Domain: its name or host.', examples: ['example-org', 'example-org.my.salesforce.com'] },
  'salesforce.certificateFile': { description: 'The Identity Provider certificate (PEM or DER) downloaded from Setup → Certificate and Key Management, relative to this config file. The certificate only, never the key.', examples: ['salesforce-idp-cert.pem'] },
  'salesforce.roles': { description: 'The Twilio roles every user of the app gets. Default: [agent] unless rolesFormula is given.', examples: [['agent'], ['supervisor', 'wfo.team_leader']] },
  'salesforce.roles[]': ROLES,
  'salesforce.rolesFormula': { description: 'A Salesforce formula for roles instead of a fixed list; not with roles.', examples: ['$User.Twilio_Roles__c'] },
  'salesforce.profiles': { description: 'Profiles given access, by name. At least one profile or permission set is needed.', examples: [['System Administrator'], ['Twilio Flex Agent']] },
  'salesforce.profiles[]': { description: 'A profile name.', examples: ['Twilio Flex Agent'] },
  'salesforce.permissionSets': { description: 'Permission sets given access, by API name.', examples: [['Twilio_Flex_Supervisors']] },
  'salesforce.permissionSets[]': { description: 'A permission set API name.', examples: ['Twilio_Flex_Supervisors'] },
  'salesforce.useConnectedApp': { description: 'Generate a Connected App (needs contactEmail) instead of an External Client App. Default: false.', examples: [false, true] },
  'salesforce.appName': { description: 'API name of the app: letters, digits and single underscores, starting with a letter, at most 40 characters. Default: Twilio_Flex or Twilio_Frontline.', examples: ['Twilio_Flex'] },
  'salesforce.contactEmail': { description: 'Contact email; required with useConnectedApp. Default: none.', examples: ['it@example.com'] },
  ...shared('salesforce', {
    displayName: 'Setup (the app label). Default: Twilio Flex or Twilio Frontline',
    nameId: ['a Salesforce user field: $User.Username (default), $User.FederationIdentifier or $User.Id', ['$User.Username', '$User.FederationIdentifier']],
    email: ['a Salesforce formula. Default: $User.Email', ['$User.Email']],
    fullName: ['a Salesforce formula. Default: $User.FirstName & " " & $User.LastName', ['$User.FirstName & " " & $User.LastName']],
    value: ['Salesforce formula for the value.', '$User.Department'],
  }),
  'salesforce.startUrl': { description: 'Start URL of the app; "" for none. Default: https://flex.twilio.com/agent-desktop for Flex, none for Frontline.', examples: ['https://flex.twilio.com/agent-desktop', ''] },
  'salesforce.ssoBinding': { description: 'Which IdP endpoint the Console\'s SSO URL points at: /idp/endpoint/HttpRedirect or /HttpPost. Default: HttpRedirect.', examples: ['HttpRedirect', 'HttpPost'] },
  'salesforce.issuerTrailingSlash': { description: 'Write the issuer with a trailing slash (https://<my-domain>.my.salesforce.com/). Default: false.', examples: [false] },
  'salesforce.apiVersion': { description: 'Metadata API version of the generated project. Default: 63.0.', examples: ['63.0'] },
  'salesforce.deploy': { description: 'Deploy the project from Terraform with the sf CLI (a terraform_data step). Default: not deployed by Terraform.', examples: [{ targetOrg: 'my-org' }] },
  'salesforce.deploy.targetOrg': { description: 'The org alias or username already authorised with sf org login.', examples: ['my-org'] },
  'salesforce.deploy.useSfOnPath': { description: 'Run sf from PATH instead of a pinned @salesforce/cli through npx. Default: false.', examples: [false] },
  'salesforce.deploy.cliVersion': { description: 'The exact @salesforce/cli version npx runs. Default: the version this package pins.', examples: ['2.150.6'] },

  entra: { description: 'Microsoft Entra ID as the identity provider: an enterprise application. Credentials come from ARM_* variables, never from this file.', examples: [{ tenantId: '00000000-0000-4000-8000-000000000001', groups: [{ id: '6f0e3d1a-0000-4000-8000-000000000001', roles: ['agent'] }] }] },
  'entra.tenantId': { description: 'The tenant ID (a UUID, not its domain name). Not a secret. Default: the tenant the azuread provider signs in to.', examples: ['00000000-0000-4000-8000-000000000001'] },
  ...shared('entra', {
    displayName: 'the Entra admin center (the enterprise application). Default: "Twilio " + the target\'s description',
    nameId: ['an Entra user attribute: user.mail (default), user.userprincipalname, user.objectid, user.employeeid or user.onpremisessamaccountname', ['user.mail', 'user.userprincipalname']],
    email: ['an Entra user attribute. Default: user.mail', ['user.mail']],
    fullName: ['an Entra user attribute. Default: user.displayname', ['user.displayname']],
    value: ['The Entra user attribute for the value, written user.<attribute>.', 'user.department'],
  }),
  'entra.adopt': { description: 'Bring an Entra enterprise app made by hand under code (docs/adopt.md): the stack imports it, keeps its active signing certificate and reuses its app-role IDs.', examples: [{ applicationObjectId: 'a1a1a1a1-0000-4000-8000-000000000001', servicePrincipalObjectId: 'b2b2b2b2-0000-4000-8000-000000000002', signingCertificateKeyId: 'c3c3c3c3-0000-4000-8000-000000000003' }] },
  'entra.adopt.applicationObjectId': { description: 'The app registration\'s Object ID (App registrations → the app → Overview), not its client ID.', examples: ['a1a1a1a1-0000-4000-8000-000000000001'] },
  'entra.adopt.servicePrincipalObjectId': { description: 'The enterprise application\'s Object ID (Enterprise applications → the app → Overview).', examples: ['b2b2b2b2-0000-4000-8000-000000000002'] },
  'entra.adopt.signingCertificateKeyId': { description: 'The keyId of the active signing certificate\'s Verify key credential (Microsoft Graph servicePrincipal keyCredentials; docs/adopt.md).', examples: ['c3c3c3c3-0000-4000-8000-000000000003'] },
  'entra.adopt.appRoleIds': { description: 'The IDs of the app roles the app already has, by Twilio role. Default: generated IDs (the app\'s own roles are then replaced).', examples: [{ agent: 'd4d4d4d4-0000-4000-8000-000000000004' }] },
  'entra.adopt.appRoleAssignmentIds': { description: 'Existing assignments to import, "<principal object ID>/<role>" → assignment ID. Default: assignments are created.', examples: [{ '11111111-1111-4111-8111-111111111111/agent': '41W1zT6z1U-kJxf62svfp1HFE8pMZhxDun-ThPczmJE' }] },
  'entra.adopt.importIdentifierUri': { description: 'Import the Entity ID as the app\'s existing identifier URI (false when the app does not have it yet). Default: true.', examples: [true] },
  'entra.owners': { description: 'Object IDs of the app\'s owners. Default: the principal that runs Terraform.', examples: [['6f0e3d1a-0000-4000-8000-0000000000aa']] },
  'entra.owners[]': { description: 'The object ID (a UUID) of a user or service principal.', examples: ['6f0e3d1a-0000-4000-8000-0000000000aa'] },
  'entra.notificationEmails': { description: 'Addresses Entra notifies before the signing certificate expires. Default: none.', examples: [['it@example.com']] },
  'entra.notificationEmails[]': { description: 'An email address.', examples: ['it@example.com'] },
  'entra.roles': { description: 'Twilio roles to declare as app roles besides those the assignments use. Default: only the roles assignments use.', examples: [['agent', 'supervisor']] },
  'entra.roles[]': ROLES,
  ...assignments('entra', 'The Entra object ID (a UUID)', '6f0e3d1a-0000-4000-8000-000000000001', true),
  'entra.certificates': { description: 'Token signing certificates; each is created inactive except activeCertificate. Default: one certificate named primary, valid 3 years.', examples: [[{ name: 'primary', validityYears: 3 }]] },
  'entra.certificates[]': { description: 'One signing certificate.', examples: [{ name: 'y2026', validityYears: 3 }] },
  'entra.certificates[].name': { description: 'A short name (lowercase letters, digits, _). Part of Terraform addresses and output names: never rename one, add a new one.', examples: ['primary', 'y2026'] },
  'entra.certificates[].displayName': { description: 'The certificate subject, starting with CN=. Default: CN= + the app\'s display name.', examples: ['CN=Twilio Flex'] },
  'entra.certificates[].endDate': { description: 'Expiry, RFC 3339, at most 3 years out; not with validityYears. Default: validityYears from creation.', examples: ['2028-06-30T00:00:00Z'] },
  'entra.certificates[].validityYears': { description: 'Validity in whole years from creation (1–3). Default: 3.', examples: [3] },
  'entra.activeCertificate': { description: 'The name of the certificate Entra signs with (the one the Twilio Console holds). Default: the only certificate; required when there are several.', examples: ['primary'] },
  'entra.identifierUriDelaySeconds': { description: 'Seconds to wait before setting the Entity ID, while Entra replicates the SAML mode (0–600). Default: 60.', examples: [60] },

  keycloak: { description: 'Keycloak as the identity provider: a SAML client in a realm. Credentials come from KEYCLOAK_* variables, never from this file.', examples: [{ url: 'https://sso.example.com', realm: 'staff' }] },
  'keycloak.url': { description: 'The Keycloak server URL before /realms, as Terraform reaches it (also the public URL unless publicUrl is given); https except on a loopback host.', examples: ['https://sso.example.com', 'http://127.0.0.1:18080'] },
  'keycloak.publicUrl': { description: 'The server URL as users\' browsers reach it (issuer, SSO URL, metadata URL), when it differs from url. Default: url.', examples: ['https://sso.example.com'] },
  'keycloak.realm': { description: 'The realm that holds the users.', examples: ['staff'] },
  'keycloak.createRealm': { description: 'Create the realm too, with a user profile declaring the attributes the client reads (for a local demo). Default: false.', examples: [false] },
  'keycloak.adminRealm': { description: 'The realm the provider\'s credentials belong to. Default: master.', examples: ['master'] },
  ...shared('keycloak', {
    displayName: 'the Keycloak admin console (the client name). Default: "Twilio " + the target\'s description',
    nameId: ['a Keycloak user property: username (default) or email', ['username', 'email']],
    email: ['a Keycloak user property or attribute. Default: email', ['email']],
    fullName: ['a Keycloak user attribute (declare it in the realm\'s user profile). Default: full_name', ['full_name']],
    value: ['The Keycloak user property or attribute for the value.', 'department'],
  }),
  'keycloak.adopt': { description: 'Bring a Keycloak SAML client made by hand under code (docs/adopt.md): the stack imports it (and the roles and mappers named here); the realm and its keys are untouched.', examples: [{ clientUuid: 'dcbc4c73-e478-4928-ae2e-d5e420223352' }] },
  'keycloak.adopt.clientUuid': { description: 'The client\'s internal ID: Clients → the client, the URL\'s …/clients/<uuid>/settings (not its Client ID).', examples: ['dcbc4c73-e478-4928-ae2e-d5e420223352'] },
  'keycloak.adopt.roleIds': { description: 'Client roles the client already has, by name → role ID, imported. Default: roles are created.', examples: [{ agent: '7e8cf32a-8acb-4d34-89c4-04fb1d10ccad' }] },
  'keycloak.adopt.mapperIds': { description: 'Protocol mappers the client already has, by the attribute they send → mapper ID, imported (each keeps its name). Default: mappers are created.', examples: [{ email: '71602afa-f7d1-4788-8c49-ef8fd00af0f4' }] },
  'keycloak.idpInitiatedSsoUrlName': { description: 'IdP-initiated login name: users start at <issuer>/protocol/saml/clients/<name>. Default: twilio- + the target\'s SID in lowercase.', examples: ['twilio-flex'] },
  ...assignments('keycloak', 'A Keycloak ID', 'a3f2c1d0-0000-4000-8000-000000000001', false),
};

/** The key of {@link FIELD_DOCS} for a schema path (`targets[].okta.groups[].id` → `okta.groups[].id`). */
export function docKey(path: string): string {
  if (path === 'targets' || path === 'targets[]' || path === 'defaults') return path;
  return path.replace(/^targets\[\]\./, '').replace(/^defaults\./, '');
}

/**
 * The config's JSON Schema as shipped in the package (`schema/twilio-sso.schema.json`, printed by
 * `twilio-sso schema`): the schema the config is validated with, plus a description and examples
 * on every key for editors (yaml-language-server, VS Code). Annotations only: it accepts exactly
 * what the validator accepts.
 */
export function publishedConfigSchema(): Record<string, unknown> {
  // A JSON copy, not structuredClone: the schema shares sub-schemas between keys (a list of strings,
  // an ID map), and each key gets its own description.
  const schema = JSON.parse(JSON.stringify(configSchema())) as Record<string, any>;
  const annotate = (s: any, path: string): void => {
    if (!s || typeof s !== 'object') return;
    const doc = path === '' ? undefined : FIELD_DOCS[docKey(path)];
    if (doc) {
      s.description = doc.description;
      s.examples = structuredClone(doc.examples);
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) annotate(v, path === '' ? k : `${path}.${k}`);
    if (s.items) annotate(s.items, `${path}[]`);
    for (const branch of s.oneOf ?? []) for (const [k, v] of Object.entries(branch.properties ?? {})) annotate(v, `${path}.${k}`);
  };
  annotate(schema, '');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'cdktf-twilio-sso config (twilio-sso.yaml)',
    description: 'Twilio Flex and Frontline SAML single sign-on on Okta, Microsoft Entra ID, Salesforce and Keycloak: one target per stack. Validate with `twilio-sso validate`.',
    ...schema,
  };
}

/** The published schema as the file holds it: two-space JSON with a final newline. */
export function publishedConfigSchemaText(): string {
  return `${JSON.stringify(publishedConfigSchema(), null, 2)}\n`;
}
