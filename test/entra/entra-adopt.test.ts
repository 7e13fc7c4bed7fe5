import { withoutChildProcesses } from '../support/no-processes';
import { readFileSync } from 'fs';
import { join } from 'path';
import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable } from 'cdktf';
import { dump as stringify } from 'js-yaml';
import { EntraAdoptOptions, EntraTwilioSso, EntraTwilioSsoProps } from '../../lib/entra';
import { AdoptionChange } from '../../lib/core/adoption';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { synthesizeOrThrow } from '../../cli/synthesize';
import { cli } from '../cli/support';
import { configError } from '../support/config';
import { tempDir, writeConfig } from '../support/files';
import { entraStack, error, only, synthJson, warnings } from './support';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP_OBJECT = 'a1a1a1a1-0000-4000-8000-000000000001';
const SP_OBJECT = 'b2b2b2b2-0000-4000-8000-000000000002';
const KEY_ID = 'c3c3c3c3-0000-4000-8000-000000000003';
const AGENT_ROLE_ID = 'd4d4d4d4-0000-4000-8000-000000000004';
const ADMIN_ROLE_ID = 'e5e5e5e5-0000-4000-8000-000000000005';
const GROUP_AGENTS = '11111111-1111-4111-8111-111111111111';
const GROUP_ADMINS = '22222222-2222-4222-8222-222222222222';
const ASSIGNMENT_ID = '41W1zT6z1U-kJxf62svfp1HFE8pMZhxDun-ThPczmJE';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const frontline = TwilioTarget.frontline({ realmSid: JB });
const ENTITY_ID = `urn:flex:${JQ}`;
const ADOPTION_PREFIX = 'Adopting an existing Entra app: the first apply changes in place: ';

const ADOPT: EntraAdoptOptions = { applicationObjectId: APP_OBJECT, servicePrincipalObjectId: SP_OBJECT, signingCertificateKeyId: KEY_ID };

function adopted(props: Partial<EntraTwilioSsoProps> = {}, adopt: Partial<EntraAdoptOptions> = {}): { stack: TerraformStack; sso: EntraTwilioSso } {
  const stack = entraStack();
  const sso = new EntraTwilioSso(stack, 'Sso', { target: flex, tenantId: TENANT, ...props, adopt: { ...ADOPT, ...adopt } });
  return { stack, sso };
}

/** The adoption warnings on the construct, without the common prefix (after a synth). */
function adoptionWarnings(stack: TerraformStack): string[] {
  return warnings(stack)
    .filter((w) => w.startsWith(ADOPTION_PREFIX))
    .map((w) => w.slice(ADOPTION_PREFIX.length));
}


/** `<type>.<name>` of the one resource of a type whose name starts with `prefix`. */
function address(json: any, type: string, prefix = 'Sso'): string {
  const names = Object.keys(json.resource[type] ?? {}).filter((n) => n.startsWith(prefix));
  if (names.length !== 1) throw new Error(`expected one ${type} named ${prefix}…, found ${names.length}`);
  return `${type}.${names[0]}`;
}

describe('EntraTwilioSso adopt: import blocks', () => {
  const { stack } = adopted({
    groups: [
      { principalId: GROUP_AGENTS, roles: ['agent'] },
      { principalId: GROUP_ADMINS, roles: ['admin'] },
    ],
  }, {
    appRoleIds: { agent: AGENT_ROLE_ID, admin: ADMIN_ROLE_ID },
    appRoleAssignmentIds: { [`${GROUP_AGENTS}/agent`]: ASSIGNMENT_ID },
  });
  const json = synthJson(stack);

  test('imports the app, the enterprise app, the Entity ID, the active certificate and the assignments given, with the azuread import IDs', () => {
    expect(json.import).toEqual([
      { id: `/applications/${APP_OBJECT}`, to: 'azuread_application.Sso_A0A4D89C' },
      { id: `/servicePrincipals/${SP_OBJECT}`, to: 'azuread_service_principal.Sso_ServicePrincipal_634D9441' },
      {
        id: `/applications/${APP_OBJECT}/identifierUris/${Buffer.from(ENTITY_ID).toString('base64')}`,
        to: 'azuread_application_identifier_uri.Sso_IdentifierUri_FCA01E39',
      },
      { id: `${SP_OBJECT}/tokenSigningCertificate/${KEY_ID}`, to: 'azuread_service_principal_token_signing_certificate.Sso_Certificate-primary_F0ADEA8F' },
      { id: `/servicePrincipals/${SP_OBJECT}/appRoleAssignedTo/${ASSIGNMENT_ID}`, to: address(json, 'azuread_app_role_assignment', `Sso_Group-${GROUP_AGENTS}-agent`) },
    ]);
  });

  test('the identifier URI import ID is the Entity ID in standard Base64', () => {
    const id: string = json.import.find((i: any) => i.to.startsWith('azuread_application_identifier_uri.')).id;
    expect(Buffer.from(id.split('/identifierUris/')[1], 'base64').toString('utf8')).toBe(ENTITY_ID);
  });

  test('keeps the signing certificate: no display_name, no end_date, no time_offset on the adopted one', () => {
    expect(only(json, 'azuread_service_principal_token_signing_certificate')).toEqual({
      service_principal_id: '${azuread_service_principal.Sso_ServicePrincipal_634D9441.id}',
    });
    expect(json.resource.time_offset).toBeUndefined();
  });

  test('keeps activating the same certificate (its own thumbprint)', () => {
    const patch = only(json, 'msgraph_update_resource');
    expect(patch.body.preferredTokenSigningKeyThumbprint).toBe('${azuread_service_principal_token_signing_certificate.Sso_Certificate-primary_F0ADEA8F.thumbprint}');
  });

  test('app roles and assignments use the existing role IDs', () => {
    const roles = only(json, 'azuread_application').app_role.map((r: any) => [r.value, r.id]);
    expect(roles).toEqual([
      ['admin', ADMIN_ROLE_ID],
      ['agent', AGENT_ROLE_ID],
    ]);
    const assignments = Object.entries<any>(json.resource.azuread_app_role_assignment).map(([name, a]) => [name.replace(/_[0-9A-F]{8}$/, ''), a.app_role_id]);
    expect(assignments).toEqual([
      [`Sso_Group-${GROUP_AGENTS}-agent`, AGENT_ROLE_ID],
      [`Sso_Group-${GROUP_ADMINS}-admin`, ADMIN_ROLE_ID],
    ]);
  });
});

describe('EntraTwilioSso adopt: what it declares', () => {
  test('the same resources as without adopt, except the adopted certificate subject (only the imports differ)', () => {
    const groups = [{ principalId: GROUP_AGENTS, roles: ['agent', 'supervisor'] }];
    const a = synthJson(adopted({ groups }).stack);
    const plain = entraStack();
    new EntraTwilioSso(plain, 'Sso', { target: flex, tenantId: TENANT, groups });
    const p = synthJson(plain);
    expect(p.import).toBeUndefined();
    const strip = (j: any) => {
      const copy = JSON.parse(JSON.stringify(j.resource));
      for (const c of Object.values<any>(copy.azuread_service_principal_token_signing_certificate)) delete c.display_name;
      return copy;
    };
    expect(strip(a)).toEqual(strip(p));
    expect(Object.keys(a.resource).sort()).toEqual(Object.keys(p.resource).sort());
  });

  test('a role given in appRoleIds is kept on the app even when no assignment uses it', () => {
    const json = synthJson(adopted({ groups: [{ principalId: GROUP_AGENTS, roles: ['agent'] }] }, { appRoleIds: { supervisor: ADMIN_ROLE_ID } }).stack);
    expect(only(json, 'azuread_application').app_role.map((r: any) => [r.value, r.id])).toEqual([
      ['supervisor', ADMIN_ROLE_ID],
      ['agent', EntraTwilioSso.appRoleId('agent')],
    ]);
  });

  test('roleId gives the existing ID or the generated one', () => {
    const { sso } = adopted({}, { appRoleIds: { agent: AGENT_ROLE_ID } });
    expect(sso.roleId('agent')).toBe(AGENT_ROLE_ID);
    expect(sso.roleId('admin')).toBe(EntraTwilioSso.appRoleId('admin'));
  });

  test('only the active certificate is imported; a staged one is created with its options', () => {
    const json = synthJson(
      adopted({ certificates: [{ name: 'current' }, { name: 'next', displayName: 'CN=Twilio next', validityYears: 2 }], activeCertificate: 'current' }).stack,
    );
    const certs = json.resource.azuread_service_principal_token_signing_certificate;
    const current = Object.entries<any>(certs).find(([n]) => n.startsWith('Sso_Certificate-current_'))!;
    const next = Object.entries<any>(certs).find(([n]) => n.startsWith('Sso_Certificate-next_'))!;
    expect(current[1]).not.toHaveProperty('display_name');
    expect(current[1]).not.toHaveProperty('end_date');
    expect(next[1].display_name).toBe('CN=Twilio next');
    expect(next[1].end_date).toMatch(/^\$\{time_offset\./);
    const certImports = json.import.filter((i: any) => i.to.startsWith('azuread_service_principal_token_signing_certificate.'));
    expect(certImports).toEqual([{ id: `${SP_OBJECT}/tokenSigningCertificate/${KEY_ID}`, to: `azuread_service_principal_token_signing_certificate.${current[0]}` }]);
  });

  test('importIdentifierUri false: the Entity ID is added, not imported', () => {
    const json = synthJson(adopted({}, { importIdentifierUri: false }).stack);
    expect(json.resource.azuread_application_identifier_uri).toBeDefined();
    expect(json.import.map((i: any) => i.to.split('.')[0])).toEqual(['azuread_application', 'azuread_service_principal', 'azuread_service_principal_token_signing_certificate']);
  });

  test('IDs that are tokens go into the import blocks as references', () => {
    const stack = entraStack();
    const v = (name: string) => new TerraformVariable(stack, name, { type: 'string' }).stringValue;
    new EntraTwilioSso(stack, 'Sso', {
      target: flex,
      tenantId: TENANT,
      adopt: { applicationObjectId: v('app'), servicePrincipalObjectId: v('sp'), signingCertificateKeyId: v('key'), appRoleIds: { agent: v('agent_role') } },
      roles: ['agent'],
    });
    const json = synthJson(stack);
    expect(json.import.map((i: any) => i.id)).toEqual([
      '/applications/${var.app}',
      '/servicePrincipals/${var.sp}',
      `/applications/\${var.app}/identifierUris/${Buffer.from(ENTITY_ID).toString('base64')}`,
      '${var.sp}/tokenSigningCertificate/${var.key}',
    ]);
    expect(only(json, 'azuread_application').app_role[0].id).toBe('${var.agent_role}');
  });

  test('an Entity ID that is a token is Base64-encoded by Terraform in the import ID', () => {
    const stack = entraStack();
    const sid = new TerraformVariable(stack, 'sid', { type: 'string' });
    new EntraTwilioSso(stack, 'Sso', { target: TwilioTarget.flexEnhanced({ connectionSid: sid.stringValue }), tenantId: TENANT, adopt: ADOPT });
    const json = synthJson(stack);
    const id = json.import.find((i: any) => i.to.startsWith('azuread_application_identifier_uri.')).id;
    expect(id).toBe(`/applications/${APP_OBJECT}/identifierUris/\${base64encode("urn:flex:\${var.sid}")}`);
  });

  test('the synthesized stack is the same on every run', () => {
    const run = () => synthJson(adopted({ groups: [{ principalId: GROUP_AGENTS, roles: ['agent'] }] }, { appRoleIds: { agent: AGENT_ROLE_ID } }).stack);
    expect(run()).toEqual(run());
  });
});

describe('EntraTwilioSso adopt: what the first apply changes, as data (rendered once as synth warnings)', () => {
  const change = (changes: AdoptionChange[], topic: string): string => changes.find((c) => c.topic === topic)!.change;

  test('names the app registration, the enterprise app, the roles, the claims, the signing and the assignments created', () => {
    const { sso } = adopted({
      displayName: 'Flex (managed)',
      owners: [GROUP_ADMINS],
      notificationEmails: ['identity@example.com'],
      groups: [
        { principalId: GROUP_AGENTS, roles: ['agent'] },
        { principalId: GROUP_ADMINS, roles: ['admin'] },
      ],
      attributes: [{ name: 'department', value: 'user.department' }],
    }, { appRoleIds: { agent: AGENT_ROLE_ID }, appRoleAssignmentIds: { [`${GROUP_AGENTS}/agent`]: ASSIGNMENT_ID } });
    const changes = sso._adoptionChanges();
    expect(changes.map((c) => c.topic)).toEqual(['app registration', 'enterprise application', 'app roles', 'app role IDs', 'claims', 'SAML signing', 'app role assignments']);
    expect(change(changes, 'app registration')).toContain("display name becomes 'Flex (managed)'");
    expect(change(changes, 'app registration')).toContain(`owners exactly '${GROUP_ADMINS}' (other owners are removed)`);
    expect(change(changes, 'enterprise application')).toContain("notification emails exactly 'identity@example.com'");
    expect(change(changes, 'app roles')).toBe(
      `they become exactly admin (generated ID '${EntraTwilioSso.appRoleId('admin')}'), agent (ID from adopt.appRoleIds '${AGENT_ROLE_ID}'); ` +
        "every other app role on the app registration (a hand-made app's default 'User' and 'msiam_access' among them) is disabled and removed, and the users and groups assigned it lose it; " +
        'a kept role whose display name or description differs is disabled for a moment and rewritten',
    );
    expect(change(changes, 'app role IDs')).toMatch(/^'admin' is not in adopt\.appRoleIds and gets a generated ID: /);
    expect(change(changes, 'app role IDs')).toContain(`Graph GET /applications/${APP_OBJECT}?$select=appRoles`);
    expect(change(changes, 'claims')).toBe(
      "the claims-mapping policy 'Flex (managed) claims' is assigned to the enterprise application and takes over from the claims on its Attributes & Claims page; " +
        "Entra then sends exactly NameID = user.mail, email = user.mail, full_name = user.displayname, roles = the user's app roles on this app, department = user.department, and none of its default claims",
    );
    expect(change(changes, 'SAML signing')).toContain('response and assertion signed, RSA-SHA256');
    // The imported assignment is not listed; the created one is.
    expect(change(changes, 'app role assignments')).toMatch(new RegExp(`^created for '${GROUP_ADMINS}' \\(admin\\); creating one the enterprise application already has fails the apply`));
  });

  test('with every role ID and assignment ID given: no role-ID or assignment change; Frontline sends no full_name', () => {
    const sso = new EntraTwilioSso(entraStack(), 'Sso', {
      target: frontline,
      tenantId: TENANT,
      users: [{ principalId: GROUP_AGENTS, roles: ['agent'] }],
      adopt: { ...ADOPT, appRoleIds: { agent: AGENT_ROLE_ID }, appRoleAssignmentIds: { [`${GROUP_AGENTS}/agent`]: ASSIGNMENT_ID } },
    });
    const changes = sso._adoptionChanges();
    expect(changes.map((c) => c.topic)).toEqual(['app registration', 'enterprise application', 'app roles', 'claims', 'SAML signing']);
    expect(change(changes, 'enterprise application')).toContain("notification emails none (Entra then warns no one before the certificate expires: set 'notificationEmails')");
    expect(change(changes, 'claims')).toContain("Entra then sends exactly NameID = user.mail, email = user.mail, roles = the user's app roles on this app, and none");
  });

  test('groups and attributes added after construction are in the changes', () => {
    const { sso } = adopted();
    sso.addAttribute({ name: 'location', value: 'user.city' });
    sso.addGroup({ principalId: GROUP_AGENTS, roles: ['agent'] });
    const changes = sso._adoptionChanges();
    expect(change(changes, 'claims')).toContain('location = user.city');
    expect(change(changes, 'app role assignments')).toContain(`'${GROUP_AGENTS}' (agent)`);
  });

  test('rendered once at synth, one warning per change (`<topic>: <change>`), and not repeated by a second synth', () => {
    const { stack, sso } = adopted({ groups: [{ principalId: GROUP_AGENTS, roles: ['agent'] }] });
    synthJson(stack);
    synthJson(stack);
    expect(adoptionWarnings(stack)).toEqual(sso._adoptionChanges().map((c) => `${c.topic}: ${c.change}`));
  });

  test('an assignment ID whose key matches no declared assignment is warned about and not imported', () => {
    const { stack } = adopted({ groups: [{ principalId: GROUP_AGENTS, roles: ['agent'] }] }, { appRoleAssignmentIds: { [`${GROUP_AGENTS}/admin`]: ASSIGNMENT_ID } });
    const json = synthJson(stack);
    expect(json.import.some((i: any) => i.to.startsWith('azuread_app_role_assignment.'))).toBe(false);
    expect(warnings(stack)).toContain(`adopt.appRoleAssignmentIds.${GROUP_AGENTS}/admin matches no declared assignment (a group or user with that object ID and role): it is not imported`);
  });

  test('an app that is not adopted has no adoption changes and gets no adoption warning', () => {
    const stack = entraStack();
    const sso = new EntraTwilioSso(stack, 'Sso', { target: flex, tenantId: TENANT, groups: [{ principalId: GROUP_AGENTS, roles: ['agent'] }] });
    expect(sso._adoptionChanges()).toEqual([]);
    synthJson(stack);
    expect(adoptionWarnings(stack)).toEqual([]);
    expect(warnings(stack).filter((w) => w.includes('adopt'))).toEqual([]);
  });

  test('warnings are synth annotations (WARN), one per item', () => {
    const { stack } = adopted();
    synthJson(stack);
    const entries = stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => String(m.data).startsWith(ADOPTION_PREFIX));
    expect(entries.every((m) => m.type === AnnotationMetadataEntryType.WARN)).toBe(true);
    expect(entries.length).toBe(adoptionWarnings(stack).length);
  });
});

describe('EntraTwilioSso adopt: bad input', () => {
  test.each([
    ['applicationObjectId', 'an object ID in braces', '{a1a1a1a1-0000-4000-8000-000000000001}'],
    ['applicationObjectId', 'the app name', 'Twilio Flex'],
    ['servicePrincipalObjectId', 'an empty string', ''],
    ['signingCertificateKeyId', 'the certificate thumbprint', '3B8F5D3C0A1E7A1F6B1E5C2D9A4F6E1B2C3D4E5F'],
  ] as const)('fails if adopt.%s is %s', (key, _what, value) => {
    const e = error(() => adopted({}, { [key]: value }));
    expect(e.code).toBe(SsoErrorCode.ADOPT_ID_INVALID);
    expect(e.field).toBe(`adopt.${key}`);
    expect(e.value).toBe(value);
    expect(e.message).toContain(`adopt.${key} must be a UUID (`);
    expect(e.message).toContain(`got '${value}'`);
  });

  test('fails if the enterprise application is given the app registration object ID', () => {
    const e = error(() => adopted({}, { servicePrincipalObjectId: APP_OBJECT }));
    expect(e.code).toBe(SsoErrorCode.ADOPT_ID_INVALID);
    expect(e.field).toBe('adopt.servicePrincipalObjectId');
    expect(e.message).toContain("must be the enterprise application's own object ID");
  });

  test('fails on an appRoleIds key that is not a role of the product, and on a role ID that is not a UUID or is repeated', () => {
    const e = error(() => adopted({}, { appRoleIds: { Agent: AGENT_ROLE_ID, admin: 'msiam_access', supervisor: AGENT_ROLE_ID.toUpperCase() } }));
    expect(e.violations.map((v) => [v.code, v.field, v.value])).toEqual([
      [SsoErrorCode.ROLE_UNKNOWN, 'adopt.appRoleIds.Agent', 'Agent'],
      [SsoErrorCode.ADOPT_ID_INVALID, 'adopt.appRoleIds.admin', 'msiam_access'],
      [SsoErrorCode.ADOPT_ID_INVALID, 'adopt.appRoleIds.supervisor', AGENT_ROLE_ID.toUpperCase()],
    ]);
    expect(e.violations[0].message).toContain("adopt.appRoleIds.Agent is not a flex role, got 'Agent'; flex accepts: admin, supervisor, agent");
    expect(e.violations[2].message).toContain("is already the ID of role 'Agent'");
  });

  test('fails on an appRoleAssignmentIds key that is not <principal>/<role>, and on an ID with other characters', () => {
    const e = error(() => adopted({}, { appRoleAssignmentIds: { [GROUP_AGENTS]: ASSIGNMENT_ID, [`${GROUP_AGENTS}/boss`]: ASSIGNMENT_ID, [`${GROUP_AGENTS}/agent`]: 'a/b' } }));
    expect(e.violations.map((v) => [v.code, v.field, v.value])).toEqual([
      [SsoErrorCode.ADOPT_KEY_INVALID, `adopt.appRoleAssignmentIds.${GROUP_AGENTS}`, GROUP_AGENTS],
      [SsoErrorCode.ROLE_UNKNOWN, `adopt.appRoleAssignmentIds.${GROUP_AGENTS}/boss`, 'boss'],
      [SsoErrorCode.ADOPT_ID_INVALID, `adopt.appRoleAssignmentIds.${GROUP_AGENTS}/agent`, 'a/b'],
    ]);
    expect(e.violations[0].message).toContain("the key must be '<principal object ID>/<role>'");
  });

  test.each([
    ['displayName', 'CN=Twilio Flex'],
    ['endDate', '2027-01-01T00:00:00Z'],
    ['validityYears', 2],
  ] as const)('fails if the adopted (active) certificate sets %s', (key, value) => {
    const e = error(() => adopted({ certificates: [{ name: 'primary', [key]: value }] }));
    expect(e.code).toBe(SsoErrorCode.ADOPT_CERTIFICATE_OPTIONS);
    expect(e.field).toBe(`certificates[0].${key}`);
    expect(e.value).toBe(value);
    expect(e.message).toContain(`certificates[0].${key} cannot be set with 'adopt'`);
    expect(e.message).toContain("certificate 'primary' is the imported one Entra signs with");
  });

  test('the adopted certificate is the active one: options on a staged certificate are fine, on the active one they are not', () => {
    expect(() => adopted({ certificates: [{ name: 'old' }, { name: 'new', validityYears: 1 }], activeCertificate: 'old' })).not.toThrow();
    const e = error(() => adopted({ certificates: [{ name: 'old' }, { name: 'new', validityYears: 1 }], activeCertificate: 'new' }));
    expect(e.code).toBe(SsoErrorCode.ADOPT_CERTIFICATE_OPTIONS);
    expect(e.field).toBe('certificates[1].validityYears');
  });

  test('reports every adopt problem together', () => {
    const e = error(() => adopted({ certificates: [{ name: 'primary', endDate: '2027-01-01T00:00:00Z' }] }, { applicationObjectId: 'x', signingCertificateKeyId: 'y' }));
    expect(e.violations.map((v) => v.field)).toEqual(['adopt.applicationObjectId', 'adopt.signingCertificateKeyId', 'certificates[0].endDate']);
  });
});

describe('config: entra.adopt', () => {
  const target = (entra: object) => ({ name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ } }, entra: { tenantId: TENANT, ...entra } });
  const adopt = { applicationObjectId: APP_OBJECT, servicePrincipalObjectId: SP_OBJECT, signingCertificateKeyId: KEY_ID };

  test('imports at the stack addresses the construct IDs pin, with role and assignment IDs', () => {
    const out = tempDir();
    const config = {
      targets: [
        target({
          adopt: { ...adopt, appRoleIds: { agent: AGENT_ROLE_ID }, appRoleAssignmentIds: { [`${GROUP_AGENTS}/agent`]: ASSIGNMENT_ID } },
          groups: [{ id: GROUP_AGENTS, roles: ['agent'] }],
        }),
      ],
    };
    synthesizeOrThrow(writeConfig(stringify(config)), out);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'flex', 'cdk.tf.json'), 'utf8'));
    expect(json.import).toEqual([
      { id: `/applications/${APP_OBJECT}`, to: 'azuread_application.Sso_A0A4D89C' },
      { id: `/servicePrincipals/${SP_OBJECT}`, to: 'azuread_service_principal.Sso_ServicePrincipal_634D9441' },
      { id: `/applications/${APP_OBJECT}/identifierUris/${Buffer.from(ENTITY_ID).toString('base64')}`, to: 'azuread_application_identifier_uri.Sso_IdentifierUri_FCA01E39' },
      { id: `${SP_OBJECT}/tokenSigningCertificate/${KEY_ID}`, to: 'azuread_service_principal_token_signing_certificate.Sso_Certificate-primary_F0ADEA8F' },
      { id: `/servicePrincipals/${SP_OBJECT}/appRoleAssignedTo/${ASSIGNMENT_ID}`, to: address(json, 'azuread_app_role_assignment') },
    ]);
    expect(only(json, 'azuread_application').app_role[0].id).toBe(AGENT_ROLE_ID);
  });

  test('twilio-sso synth prints each adoption warning', async () => {
    const { code, stderr: text } = await cli(['synth', '--config', writeConfig(stringify({ targets: [target({ adopt, groups: [{ id: GROUP_AGENTS, roles: ['agent'] }] })] })), '--output', tempDir()]);
    expect(code).toBe(0);
    const prefix = `Warning: [flex/Sso] ${ADOPTION_PREFIX}`;
    const lines = text.split('\n').filter((l) => l.startsWith(prefix));
    // One line per adoption change, `<topic>: <change>`.
    expect(lines.map((l) => l.slice(prefix.length, l.indexOf(':', prefix.length)))).toEqual(['app registration', 'enterprise application', 'app roles', 'app role IDs', 'claims', 'SAML signing', 'app role assignments']);
  });

  test('fails if an adopt ID is not a UUID, naming the config path', () => {
    const e = configError({ targets: [target({ adopt: { ...adopt, applicationObjectId: 'Twilio Flex' } })] });
    expect(e.code).toBe(SsoErrorCode.ADOPT_ID_INVALID);
    expect(e.field).toBe('targets[0].entra.adopt.applicationObjectId');
    expect(e.message).toContain('targets[0].entra.adopt.applicationObjectId must be a UUID');
  });

  test('fails if the adopted certificate has options, naming the config path', () => {
    const e = configError({ targets: [target({ adopt, certificates: [{ name: 'primary', validityYears: 2 }] })] });
    expect(e.code).toBe(SsoErrorCode.ADOPT_CERTIFICATE_OPTIONS);
    expect(e.field).toBe('targets[0].entra.certificates[0].validityYears');
  });

  test('fails if a role key is not a role, naming the config path', () => {
    const e = configError({ targets: [target({ adopt: { ...adopt, appRoleIds: { 'wfo.boss': AGENT_ROLE_ID } } })] });
    expect(e.code).toBe(SsoErrorCode.ROLE_UNKNOWN);
    // The deepest key the file has (the role is a key of appRoleIds), and the role named in the message.
    expect(e.field).toBe('targets[0].entra.adopt.appRoleIds');
    expect(e.message).toContain("'wfo.boss'");
  });

  test('fails on a missing ID or an unknown key in adopt', () => {
    expect(configError({ targets: [target({ adopt: { applicationObjectId: APP_OBJECT, servicePrincipalObjectId: SP_OBJECT } })] }).message).toContain('signingCertificateKeyId');
    expect(configError({ targets: [target({ adopt: { ...adopt, thumbprint: 'abc' } })] }).message).toContain("targets[0].entra.adopt: unknown key 'thumbprint'");
  });
});

describe('offline synth of an adopted Entra app needs no Terraform binary', () => {
  const spawned = withoutChildProcesses();

  test('the config app synthesizes an adopted Entra target without starting any process', () => {
    const out = tempDir();
    const config = {
      targets: [{ name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ } }, entra: { tenantId: TENANT, adopt: { applicationObjectId: APP_OBJECT, servicePrincipalObjectId: SP_OBJECT, signingCertificateKeyId: KEY_ID } } }],
    };
    synthesizeOrThrow(writeConfig(stringify(config)), out);
    expect(spawned()).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'stacks', 'flex', 'cdk.tf.json'), 'utf8')).import).toHaveLength(4);
  });
});
