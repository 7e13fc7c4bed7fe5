import { TerraformStack, Testing } from 'cdktf';
import { KeycloakProvider, KeycloakTwilioSso, KeycloakTwilioSsoProps } from '../../lib/keycloak';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';

// KeycloakTwilioSso for the Console, SendGrid and Segment: the product's Entity ID and ACS URL, NameID
// the email in EmailAddress format, the attributes the product reads, no roles.

const UUID = 'b0b98502-9408-4b24-9e3d-31ed7cb15312';
const SENDGRID_URL = `https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID}`;
const sendgrid = TwilioTarget.sendgrid({ integrationId: UUID });
const segment = TwilioTarget.segment({ connection: 'acme' });
const console_ = TwilioTarget.console({ entityId: 'urn:example:twilio-profile', acsUrl: 'https://sso.example.com/acs/profile' });

function synth(props: Partial<KeycloakTwilioSsoProps> & { target: TwilioTarget }): any {
  const stack = new TerraformStack(Testing.app(), 'test');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
  new KeycloakTwilioSso(stack, 'App', { serverUrl: 'https://sso.example.com', realm: 'staff', ...props });
  return JSON.parse(Testing.synth(stack, true));
}

const client = (json: any): any => Object.values(json.resource.keycloak_saml_client)[0];
const mapperNames = (json: any): string[] => Object.values(json.resource.keycloak_generic_protocol_mapper ?? {}).map((m: any) => m.name).sort();

describe.each([
  ['SendGrid', sendgrid, SENDGRID_URL, SENDGRID_URL, [], `twilio-sendgrid-${UUID}`],
  ['Segment', segment, 'urn:auth0:segment-prod:samlp-acme', 'https://segment-prod.auth0.com/login/callback?connection=acme', ['email'], 'twilio-segment-acme'],
  ['the Console', console_, 'urn:example:twilio-profile', 'https://sso.example.com/acs/profile', [], 'twilio-console'],
])('KeycloakTwilioSso for %s', (_name, target, entityId, acsUrl, attributes, urlName) => {
  const json = synth({ target });

  test('client ID = Entity ID, the ACS as POST endpoint and only redirect URI, NameID the email (format emailAddress), both signed', () => {
    expect(client(json)).toMatchObject({
      client_id: entityId,
      assertion_consumer_post_url: acsUrl,
      valid_redirect_uris: [acsUrl],
      name_id_format: 'email',
      force_name_id_format: true,
      sign_documents: true,
      sign_assertions: true,
      encrypt_assertions: false,
      idp_initiated_sso_url_name: urlName,
    });
  });

  test('sends only the attributes the product reads; no roles attribute, no client roles', () => {
    expect(mapperNames(json)).toEqual(attributes);
    expect(json.resource.keycloak_role).toBeUndefined();
    expect(json.resource.keycloak_group_roles).toBeUndefined();
  });
});

describe('KeycloakTwilioSso input for products without roles', () => {
  test('groups are refused with PRINCIPALS_NOT_SUPPORTED on the props path and addGroup alike', () => {
    const e = ssoError(() => synth({ target: sendgrid, groups: [{ principalId: '6f0e3d1a-0000-4000-8000-000000000001', roles: [] }] }));
    expect(e.violations.map((v) => [v.field, v.code])).toEqual([['groups[0]', SsoErrorCode.PRINCIPALS_NOT_SUPPORTED]]);
    const stack = new TerraformStack(Testing.app(), 'test');
    new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
    const app = new KeycloakTwilioSso(stack, 'App', { target: segment, serverUrl: 'https://sso.example.com', realm: 'staff' });
    const added = ssoError(() => app.addUser({ principalId: '6f0e3d1a-0000-4000-8000-000000000002', roles: [] }));
    expect([added.violations[0].field, added.code]).toEqual(['users[0]', SsoErrorCode.PRINCIPALS_NOT_SUPPORTED]);
    expect(added.message).toMatch(/every user of the realm can sign in/);
  });

  test("nameId other than 'email' is refused: the product identifies users by email", () => {
    const e = ssoError(() => synth({ target: sendgrid, nameId: 'username' }));
    expect([e.code, e.violations[0].field]).toEqual([SsoErrorCode.NAME_ID_INVALID, 'nameId']);
    expect(e.message).toMatch(/nameId must be 'email' \(or left out\): SendGrid .* identifies users by their email/);
  });

  test('Flex output is unchanged: NameID username, email/full_name/roles mappers', () => {
    const json = synth({ target: TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' }) });
    expect(client(json).name_id_format).toBe('username');
    expect(mapperNames(json)).toEqual(['email', 'full_name', 'roles']);
  });
});

describe('KeycloakTwilioSso synth warnings for products without roles', () => {
  const warningsFor = (target: TwilioTarget): string[] => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
    new KeycloakTwilioSso(stack, 'App', { target, serverUrl: 'https://sso.example.com', realm: 'staff' });
    Testing.synth(stack, true);
    return stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data)));
  };

  test('no "nobody can sign in" warning: every user of the realm can (Flex, for contrast, warns)', () => {
    expect(warningsFor(sendgrid).filter((w) => /nobody can sign in/.test(w))).toEqual([]);
    expect(warningsFor(TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' })).filter((w) => /nobody can sign in/.test(w))).toHaveLength(1);
  });
});
