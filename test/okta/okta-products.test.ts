import { OktaRolesSource, OktaTwilioSso } from '../../lib/okta';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';
import { oktaStack, onlyResource, synthJson } from '../support/synth';

// OktaTwilioSso for the Console, SendGrid and Segment: NameID EmailAddress carrying the email, the
// attributes the product reads, groups and users assigned without roles, no roles property.

const UUID = 'b0b98502-9408-4b24-9e3d-31ed7cb15312';
const SENDGRID_URL = `https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID}`;
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

describe.each([
  ['SendGrid', TwilioTarget.sendgrid({ integrationId: UUID }), SENDGRID_URL, SENDGRID_URL, []],
  ['Segment', TwilioTarget.segment({ connection: 'acme' }), 'urn:auth0:segment-prod:samlp-acme', 'https://segment-prod.auth0.com/login/callback?connection=acme', ['email']],
  ['the Console', TwilioTarget.console({ entityId: 'urn:example:twilio-profile', acsUrl: 'https://sso.example.com/acs/profile' }), 'urn:example:twilio-profile', 'https://sso.example.com/acs/profile', []],
])('OktaTwilioSso for %s', (_name, target, entityId, acsUrl, attributes) => {
  const stack = oktaStack();
  new OktaTwilioSso(stack, 'App', { target, groups: [{ principalId: '00gstaff', roles: [] }], users: [{ principalId: '00uops', roles: [] }] });
  const json = synthJson(stack);
  const app = onlyResource(json, 'okta_app_saml');

  test('ACS = recipient = destination, audience = Entity ID, NameID the email in EmailAddress format, both signed', () => {
    expect(app).toMatchObject({
      sso_url: acsUrl,
      recipient: acsUrl,
      destination: acsUrl,
      audience: entityId,
      subject_name_id_template: '$${user.email}',
      subject_name_id_format: EMAIL_FORMAT,
      response_signed: true,
      assertion_signed: true,
    });
  });

  test('sends only the attributes the product reads (no roles statement)', () => {
    expect((app.attribute_statements ?? []).map((a: any) => a.name)).toEqual(attributes);
  });

  test('groups and users are assigned without roles; no roles property', () => {
    expect(json.resource.okta_app_user_schema_property).toBeUndefined();
    expect(onlyResource(json, 'okta_app_group_assignments').group).toEqual([{ id: '00gstaff', priority: 0, profile: '{}' }]);
    expect(onlyResource(json, 'okta_app_user').profile).toBeUndefined();
  });
});

describe('OktaTwilioSso input for products without roles', () => {
  const target = TwilioTarget.segment({ connection: 'acme' });

  test('a role is refused with ROLES_NOT_SUPPORTED on the props path and addGroup alike', () => {
    const e = ssoError(() => new OktaTwilioSso(oktaStack(), 'App', { target, groups: [{ principalId: '00gstaff', roles: ['agent'] }] }));
    expect(e.violations.map((v) => [v.field, v.code])).toEqual([['groups[0].roles', SsoErrorCode.ROLES_NOT_SUPPORTED]]);
    const app = new OktaTwilioSso(oktaStack(), 'App', { target });
    expect(ssoError(() => app.addGroup({ principalId: '00gstaff', roles: ['agent'] })).violations[0].message).toBe(e.violations[0].message);
  });

  test('rolesSource is refused', () => {
    const e = ssoError(() => new OktaTwilioSso(oktaStack(), 'App', { target, rolesSource: OktaRolesSource.USER_TYPE }));
    expect([e.code, e.violations[0].field]).toEqual([SsoErrorCode.ROLES_NOT_SUPPORTED, 'rolesSource']);
  });
});

describe('extra attributes for products without naming rules', () => {
  test("SendGrid takes 'FirstName' (Microsoft's tutorial's claim), refuses a spaced name; Flex still refuses capitals", () => {
    const stack = oktaStack();
    const app = new OktaTwilioSso(stack, 'App', { target: TwilioTarget.sendgrid({ integrationId: UUID }), attributes: [{ name: 'FirstName', value: 'user.firstName' }] });
    expect(app.attributes).toEqual([{ name: 'FirstName', value: 'user.firstName' }]);
    expect(ssoError(() => app.addAttribute({ name: 'Last Name', value: 'user.lastName' })).code).toBe(SsoErrorCode.CLAIM_NAME_SPACES);
    const flex = new OktaTwilioSso(oktaStack(), 'App', { target: TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' }) });
    expect(ssoError(() => flex.addAttribute({ name: 'FirstName', value: 'user.firstName' })).code).toBe(SsoErrorCode.CLAIM_NAME_CAPITALISED);
  });
});
