import { readFileSync } from 'fs';
import { join } from 'path';
import { SsoErrorCode } from '../../lib/twilio';
import { configError, synthConfig } from '../support/config';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';

function stackJson(out: string, name: string): any {
  return JSON.parse(readFileSync(join(out, 'stacks', name, 'cdk.tf.json'), 'utf8'));
}

/** One Flex target with this `keycloak` block. */
const flexTarget = (keycloak: object) => ({ targets: [{ name: 'flex-kc', twilio: { flexEnhanced: { connectionSid: JQ } }, keycloak }] });

describe('keycloak config block', () => {
  test('declares the provider (no credentials), the client and the Console outputs', () => {
    const out = synthConfig({
      targets: [
        {
          name: 'frontline-kc',
          twilio: { frontline: { realmSid: JB } },
          keycloak: { url: 'https://kc.internal.example.com', publicUrl: 'https://sso.example.com', realm: 'staff', groups: [{ id: 'g-1', roles: ['agent'] }] },
        },
      ],
    });
    const json = stackJson(out, 'frontline-kc');
    expect(json.provider.keycloak).toEqual([{ url: 'https://kc.internal.example.com', realm: 'master' }]);
    expect(Object.keys(json.resource.keycloak_saml_client)).toEqual(['Sso_A0A4D89C']);
    expect(json.resource.keycloak_realm).toBeUndefined();
    expect(json.output.identity_provider_issuer.value).toBe('https://sso.example.com/realms/staff');
    expect(json.output.sso_url.value).toBe('https://sso.example.com/realms/staff/protocol/saml');
    expect(JSON.stringify(json)).not.toMatch(/password|secret/i);
  });

  test('the shared keys set the client: displayName, nameId, email, fullName, attribute values', () => {
    const out = synthConfig(
      flexTarget({
        url: 'https://sso.example.com',
        realm: 'staff',
        displayName: 'Contact center',
        nameId: 'email',
        email: 'work_email',
        fullName: 'firstName',
        attributes: [{ name: 'department', value: 'dept' }],
        certificateExpiryWarningDays: 60,
      }),
    );
    const json = stackJson(out, 'flex-kc');
    const client: any = Object.values(json.resource.keycloak_saml_client)[0];
    expect([client.name, client.name_id_format]).toEqual(['Contact center', 'email']);
    const mappers = Object.fromEntries(Object.values(json.resource.keycloak_generic_protocol_mapper).map((m: any) => [m.name, [m.protocol_mapper, m.config['user.attribute']]]));
    expect(mappers.email).toEqual(['saml-user-attribute-mapper', 'work_email']);
    expect(mappers.full_name).toEqual(['saml-user-property-mapper', 'firstName']);
    expect(mappers.department).toEqual(['saml-user-attribute-mapper', 'dept']);
    expect(json.output.x509_certificate_expiry_warning_days.value).toBe(60);
  });

  test('createRealm declares the realm and a user profile with the user attributes the client reads', () => {
    const out = synthConfig(flexTarget({ url: 'http://127.0.0.1:18080', realm: 'demo', createRealm: true, attributes: [{ name: 'department', value: 'dept' }] }));
    const json = stackJson(out, 'flex-kc');
    expect(Object.values(json.resource.keycloak_realm)).toMatchObject([{ realm: 'demo', display_name: 'Twilio SSO (demo)' }]);
    const profile: any = Object.values(json.resource.keycloak_realm_user_profile)[0];
    expect(profile.attribute.map((a: any) => a.name)).toEqual(['username', 'email', 'firstName', 'lastName', 'dept', 'full_name']);
    expect(Object.values(json.resource.keycloak_saml_client).map((c: any) => c.realm_id)).toEqual(['${keycloak_realm.Realm.realm}']);
  });

  test('createRealm declares no user property as an attribute, and an attribute read twice once', () => {
    const out = synthConfig(
      flexTarget({ url: 'http://127.0.0.1:18080', realm: 'demo', createRealm: true, email: 'work_email', fullName: 'lastName', attributes: [{ name: 'location', value: 'work_email' }, { name: 'manager', value: 'username' }] }),
    );
    const profile: any = Object.values(stackJson(out, 'flex-kc').resource.keycloak_realm_user_profile)[0];
    expect(profile.attribute.map((a: any) => a.name)).toEqual(['username', 'email', 'firstName', 'lastName', 'work_email']);
  });

  test('fails naming the url key (not the construct prop serverUrl), and the value', () => {
    const e = configError(flexTarget({ url: 'http://sso.example.com', realm: 'staff', users: [{ id: 'u', roles: ['owner'] }] }));
    expect(e.violations.map((v) => v.field)).toEqual(['targets[0].keycloak.url', 'targets[0].keycloak.users[0].roles[0]']);
    expect(e.violations[0].code).toBe(SsoErrorCode.KEYCLOAK_SERVER_URL_NOT_HTTPS);
    expect(e.message).toContain("targets[0].keycloak.url must use https (users' browsers post credentials to it), got 'http://sso.example.com'");
    expect(e.message).not.toContain('serverUrl');
    expect(e.message).toContain("'owner'");
  });

  test('with publicUrl, a bad public URL names publicUrl; an internal http url is accepted, a broken one is not', () => {
    const bad = configError(flexTarget({ url: 'http://kc.internal:8080', publicUrl: 'http://sso.example.com', realm: 'staff' }));
    expect(bad.violations.map((v) => [v.field, v.code])).toEqual([['targets[0].keycloak.publicUrl', SsoErrorCode.KEYCLOAK_SERVER_URL_NOT_HTTPS]]);
    expect(bad.message).toContain("targets[0].keycloak.publicUrl must use https");
    const broken = configError(flexTarget({ url: 'ftp://kc.internal', publicUrl: 'https://sso.example.com', realm: 'staff' }));
    expect(broken.violations.map((v) => [v.field, v.code])).toEqual([['targets[0].keycloak.url', SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID]]);
    expect(() => synthConfig(flexTarget({ url: 'http://kc.internal:8080', publicUrl: 'https://sso.example.com', realm: 'staff' }))).not.toThrow();
  });

  test('names the id key of a group listed twice, and a bad nameId with the accepted values', () => {
    const e = configError(flexTarget({ url: 'https://sso.example.com', realm: 'staff', nameId: 'persistent', groups: [{ id: 'g', roles: ['agent'] }, { id: 'g', roles: ['admin'] }] }));
    expect(e.violations.map((v) => [v.field, v.code])).toEqual([
      ['targets[0].keycloak.nameId', SsoErrorCode.NAME_ID_INVALID],
      ['targets[0].keycloak.groups[1].id', SsoErrorCode.PRINCIPAL_DUPLICATE],
    ]);
    expect(e.message).toContain("targets[0].keycloak.nameId must be one of 'username', 'email'");
  });

  test("refuses fullName 'firstAndLastName' of earlier releases, and an object fullName", () => {
    const e = configError(flexTarget({ url: 'https://sso.example.com', realm: 'staff', fullName: 'firstAndLastName' }));
    expect([e.violations[0].field, e.violations[0].code]).toEqual(['targets[0].keycloak.fullName', SsoErrorCode.ATTRIBUTE_VALUE_INVALID]);
    expect(configError(flexTarget({ url: 'https://sso.example.com', realm: 'staff', fullName: { userAttribute: 'full_name' } })).message).toMatch(/targets\[0\]\.keycloak\.fullName: must be string/);
  });

  test('reports the keys of earlier releases as unknown, naming their new names', () => {
    const e = configError(flexTarget({ url: 'https://sso.example.com', realm: 'staff', clientName: 'Flex', nameIdFormat: 'email', attributes: [{ name: 'department', userAttribute: 'dept' }] }));
    expect(e.message).toContain("targets[0].keycloak: unknown key 'clientName' (renamed to 'displayName')");
    expect(e.message).toContain("targets[0].keycloak: unknown key 'nameIdFormat' (renamed to 'nameId')");
    expect(e.message).toContain("targets[0].keycloak.attributes[0]: unknown key 'userAttribute' (renamed to 'value')");
  });

  test('fails on an unknown key in the block', () => {
    const e = configError({ targets: [{ name: 'k', twilio: { frontline: { realmSid: JB } }, keycloak: { url: 'https://sso.example.com', realm: 'r', password: 'x' } }] });
    expect(e.message).toMatch(/unknown key 'password'/);
  });
});
