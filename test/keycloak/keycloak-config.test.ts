import { readFileSync } from 'fs';
import { join } from 'path';
import { configError, synthConfig } from '../support/config';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';

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
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'frontline-kc', 'cdk.tf.json'), 'utf8'));
    expect(json.provider.keycloak).toEqual([{ url: 'https://kc.internal.example.com', realm: 'master' }]);
    expect(Object.keys(json.resource.keycloak_saml_client)).toEqual(['Sso_A0A4D89C']);
    expect(json.resource.keycloak_realm).toBeUndefined();
    expect(json.output.identity_provider_issuer.value).toBe('https://sso.example.com/realms/staff');
    expect(json.output.sso_url.value).toBe('https://sso.example.com/realms/staff/protocol/saml');
    expect(JSON.stringify(json)).not.toMatch(/password|secret/i);
  });

  test('createRealm declares the realm and a user profile with the full_name attribute', () => {
    const out = synthConfig({
      targets: [{ name: 'flex-kc', twilio: { flexEnhanced: { connectionSid: JQ } }, keycloak: { url: 'http://127.0.0.1:18080', realm: 'demo', createRealm: true, attributes: [{ name: 'department', userAttribute: 'dept' }] } }],
    });
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'flex-kc', 'cdk.tf.json'), 'utf8'));
    expect(Object.values(json.resource.keycloak_realm)).toMatchObject([{ realm: 'demo', display_name: 'Twilio SSO (demo)' }]);
    const profile: any = Object.values(json.resource.keycloak_realm_user_profile)[0];
    expect(profile.attribute.map((a: any) => a.name)).toEqual(['username', 'email', 'firstName', 'lastName', 'dept', 'full_name']);
    expect(Object.values(json.resource.keycloak_saml_client).map((c: any) => c.realm_id)).toEqual(['${keycloak_realm.Realm.realm}']);
  });

  test('fails if a block is wrong, naming the config path and the value', () => {
    const e = configError({
      targets: [{ name: 'flex-kc', twilio: { flexEnhanced: { connectionSid: JQ } }, keycloak: { url: 'http://sso.example.com', realm: 'staff', users: [{ id: 'u', roles: ['owner'] }] } }],
    });
    // The key the user wrote (`url`), not the construct prop it feeds (`serverUrl`).
    expect(e.violations.map((v) => v.field)).toEqual(['targets[0].keycloak.url', 'targets[0].keycloak.users[0].roles[0]']);
    expect(e.message).toContain("'http://sso.example.com'");
    expect(e.message).toContain("'owner'");
  });

  test('fails on an unknown key in the block', () => {
    const e = configError({ targets: [{ name: 'k', twilio: { frontline: { realmSid: JB } }, keycloak: { url: 'https://sso.example.com', realm: 'r', password: 'x' } }] });
    expect(e.message).toMatch(/password/);
  });
});
