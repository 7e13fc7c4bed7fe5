import { readFileSync } from 'fs';
import { join } from 'path';
import { tempDir } from '../support/files';

// examples/compose-keycloak.ts (also synthesized twice by test/examples.test.ts): the realm, group and
// user are declared in the same stack and the connection SID is a Terraform variable.
const { synthExample } = require('../../examples/compose-keycloak');

/** A resource type's resources by construct ID (without cdktf's hash suffix). */
function byId(json: any, type: string): Record<string, any> {
  return Object.fromEntries(Object.entries<any>(json.resource[type] ?? {}).map(([k, v]) => [k.replace(/_[0-9A-F]{8}$/, ''), v]));
}

describe('examples/compose-keycloak.ts', () => {
  const out = tempDir();
  synthExample(out);
  const json = JSON.parse(readFileSync(join(out, 'stacks', 'contact-center-keycloak', 'cdk.tf.json'), 'utf8'));

  test('the group and the user of the same stack are granted roles by reference, named ref0', () => {
    expect(byId(json, 'keycloak_group_roles')).toEqual({
      'Flex_Group-ref0': expect.objectContaining({ group_id: '${keycloak_group.Agents.id}', realm_id: '${keycloak_realm.Realm.realm}', exhaustive: false }),
    });
    expect(byId(json, 'keycloak_user_roles')).toEqual({ 'Flex_User-ref0': expect.objectContaining({ user_id: '${keycloak_user.OpsLead.id}' }) });
  });

  test('the connection SID variable flows into the client and the outputs', () => {
    expect(json.variable.connection_sid.type).toBe('string');
    const client = byId(json, 'keycloak_saml_client').Flex;
    expect(client).toMatchObject({
      realm_id: '${keycloak_realm.Realm.realm}',
      client_id: 'urn:flex:${var.connection_sid}',
      assertion_consumer_post_url: 'https://login.flex.us1.twilio.com/login/callback?connection=${var.connection_sid}',
      valid_redirect_uris: ['https://login.flex.us1.twilio.com/login/callback?connection=${var.connection_sid}'],
      idp_initiated_sso_url_name: 'twilio-${lower(var.connection_sid)}',
      name: 'Twilio Flex',
    });
    expect(json.output.sp_entity_id.value).toBe('urn:flex:${var.connection_sid}');
    expect(json.output.identity_provider_issuer.value).toBe('https://sso.example.com/realms/${keycloak_realm.Realm.realm}');
  });

  test('the user profile declares the user attributes the client reads', () => {
    const profile = Object.values<any>(json.resource.keycloak_realm_user_profile)[0];
    expect(profile.attribute.map((a: any) => a.name)).toEqual(['username', 'email', 'firstName', 'lastName', 'department', 'full_name']);
    expect(byId(json, 'keycloak_user').OpsLead.depends_on).toEqual([expect.stringMatching(/^keycloak_realm_user_profile\.UserProfile/)]);
  });
});
