import { readFileSync } from 'fs';
import { join } from 'path';
import { configError, synthConfig as synth } from '../support/config';
import { readTree, tempDir } from '../support/files';
import { synthesizeOrThrow } from '../../cli/synthesize';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const TENANT = '00000000-0000-4000-8000-000000000001';
const GROUP = '6f0e3d1a-0000-4000-8000-000000000001';

const flexTarget = (entra: object) => ({ targets: [{ name: 'flex-entra', twilio: { flexEnhanced: { connectionSid: JQ } }, entra }] });

describe('entra config block', () => {
  test('synthesizes one stack per target with providers, the app and both output sets, no secrets', () => {
    const out = synth({
      targets: [
        { name: 'flex-entra', twilio: { flexEnhanced: { connectionSid: JQ } }, entra: { tenantId: TENANT, groups: [{ id: GROUP, roles: ['agent'] }], nameId: 'user.userprincipalname', attributes: [{ name: 'department', value: 'user.department' }], certificateExpiryWarningDays: 45 } },
        { name: 'frontline-entra', twilio: { frontline: { realmSid: JB } }, entra: { users: [{ id: GROUP, roles: ['agent'] }] } },
      ],
    });
    const text = readFileSync(join(out, 'stacks', 'flex-entra', 'cdk.tf.json'), 'utf8');
    const json = JSON.parse(text);
    expect(json.provider).toEqual({ azuread: [{ tenant_id: TENANT }], msgraph: [{ tenant_id: TENANT }], time: [{}] });
    expect(text).not.toMatch(/client_secret|password|oidc_token/);
    expect(json.output.identity_provider_issuer.value).toBe(`https://sts.windows.net/${TENANT}/`);
    expect(json.output.single_sign_on_url.value).toBe(`https://login.microsoftonline.com/${TENANT}/saml2`);
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining(['x509_certificate', 'x509_certificate_base64', 'x509_certificate_thumbprint', 'x509_certificate_expires_at', 'idp_metadata_url']));
    const policy = Object.values<any>(json.resource.azuread_claims_mapping_policy)[0];
    const schema = JSON.parse(policy.definition[0]).ClaimsMappingPolicy.ClaimsSchema;
    expect(schema[0].ID).toBe('userprincipalname');
    expect(schema.at(-1)).toEqual({ Source: 'user', ID: 'department', SamlClaimType: 'department' });
    expect(json.output.x509_certificate_expiry_warning_days.value).toBe(45);
    expect(Object.keys(json.resource.azuread_application)).toEqual(['Sso_A0A4D89C']);
    const frontline = JSON.parse(readFileSync(join(out, 'stacks', 'frontline-entra', 'cdk.tf.json'), 'utf8'));
    expect(frontline.provider.azuread).toEqual([{}]);
    expect(Object.keys(frontline.data.azuread_client_config)).toEqual(['TwilioSsoAzureadClientConfig']);
  });

  test('the example config synthesizes the Entra stacks identically twice', () => {
    const run = () => {
      const out = tempDir();
      synthesizeOrThrow('examples/config/twilio-sso.yaml', out);
      return readTree(join(out, 'stacks'));
    };
    const a = run();
    expect(Object.keys(a).filter((f) => f.includes('entra'))).toEqual(['flex-entra/cdk.tf.json', 'frontline-entra/cdk.tf.json']);
    expect(run()).toEqual(a);
  });

  test('fails on an unknown key, naming its path', () => {
    expect(configError(flexTarget({ clientSecret: 'x' })).message).toContain("targets[0].entra: unknown key 'clientSecret'");
  });

  test('fails on a tenant domain instead of an ID', () => {
    const e = configError(flexTarget({ tenantId: 'contoso.onmicrosoft.com' }));
    expect(e.message).toContain("targets[0].entra.tenantId: must be the tenant's ID, a UUID, not its domain name (pattern ");
    expect(e.message).toContain('got "contoso.onmicrosoft.com"');
  });

  test('fails on an unknown NameID and a bare attribute ID, naming the keys, the values and what is accepted', () => {
    const e = configError(flexTarget({ nameId: 'user.email', attributes: [{ name: 'department', value: 'department' }] }));
    expect(e.violations.map((v) => [v.code, v.field, v.value])).toEqual([
      ['NAME_ID_INVALID', 'targets[0].entra.nameId', 'user.email'],
      ['ATTRIBUTE_VALUE_INVALID', 'targets[0].entra.attributes[0].value', 'department'],
    ]);
    expect(e.message).toContain(
      "targets[0].entra.nameId must be one of 'user.mail', 'user.userprincipalname', 'user.objectid', 'user.employeeid', 'user.onpremisessamaccountname' (the NameID is Flex's unique user ID, so only attributes unique per user are accepted), got 'user.email'",
    );
    expect(e.message).toContain("targets[0].entra.attributes[0].value must be an Entra user attribute such as 'user.department' (write it with 'user.', as the Entra admin center shows it: 'user.department'), got 'department'");
  });

  test('keys of earlier releases are reported as unknown, naming the new key', () => {
    const e = configError(flexTarget({ nameIdSource: 'user.mail', warnDaysBeforeExpiry: 30, attributes: [{ name: 'department', source: 'department' }] }));
    expect(e.message).toContain("targets[0].entra: unknown key 'nameIdSource' (renamed to 'nameId')");
    expect(e.message).toContain("targets[0].entra: unknown key 'warnDaysBeforeExpiry' (renamed to 'certificateExpiryWarningDays')");
    expect(e.message).toContain("targets[0].entra.attributes[0]: unknown key 'source' (renamed to 'value')");
  });

  test('a principal listed twice is named by its config key, id', () => {
    const e = configError(flexTarget({ groups: [{ id: GROUP, roles: ['agent'] }, { id: GROUP, roles: ['admin'] }] }));
    expect([e.code, e.field]).toEqual(['PRINCIPAL_DUPLICATE', 'targets[0].entra.groups[1].id']);
    expect(e.message).toContain(`targets[0].entra.groups[1].id '${GROUP}' is already listed at groups[0]`);
  });

  test('fails on an unknown role with the full path to it', () => {
    const e = configError(flexTarget({ groups: [{ id: GROUP, roles: ['agent', 'manager'] }] }));
    expect(e.code).toBe('ROLE_UNKNOWN');
    expect(e.message).toContain("targets[0].entra.groups[0].roles[1] is not a flex role, got 'manager'");
  });

  test('fails when several certificates are given without the active one', () => {
    const e = configError(flexTarget({ certificates: [{ name: 'a' }, { name: 'b' }] }));
    expect(e.code).toBe('ENTRA_ACTIVE_CERTIFICATE_REQUIRED');
    expect(e.message).toContain("targets[0].entra.activeCertificate must be given when there are 2 certificates ('a', 'b')");
  });
});
