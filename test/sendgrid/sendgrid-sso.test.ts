import { TerraformStack, Testing } from 'cdktf';
import { KeycloakProvider, KeycloakTwilioSso } from '../../lib/keycloak';
import { SendGridSso, SendgridProvider } from '../../lib/sendgrid';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';

// SendGridSso: SendGrid's integration and certificate from an identity-provider app, in one stack.

// A key-shaped value, never a real one: if synthesis read the environment it would show up in the JSON.
const SENTINEL_KEY = 'SG.synth-must-never-contain-this.0123456789abcdefghijklmnopqrstuvwxyz';
const INTEGRATION_ID = 'b0b98502-9408-4b24-9e3d-31ed7cb15312';
const ISSUER = 'https://sso.example.com/realms/staff';

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'sendgrid');
  new KeycloakProvider(s, 'keycloak', { url: 'https://sso.example.com' });
  return s;
}

function synth(s: TerraformStack): { json: any; text: string } {
  const text = Testing.synth(s, true);
  return { json: JSON.parse(text), text };
}

function keycloakApp(s: TerraformStack, target: TwilioTarget): KeycloakTwilioSso {
  return new KeycloakTwilioSso(s, 'Keycloak', { target, serverUrl: 'https://sso.example.com', realm: 'staff' });
}

/** A one-apply stack whose app has a literal display name. */
function named(): TerraformStack {
  const s = stack();
  const sendgrid = new SendGridSso(s, 'SendGrid');
  sendgrid.connect(new KeycloakTwilioSso(s, 'Keycloak', { target: sendgrid.target, serverUrl: 'https://sso.example.com', realm: 'staff', displayName: 'Keycloak staff' }));
  return s;
}

describe('SendGridSso, one apply (Keycloak)', () => {
  const saved = process.env.SENDGRID_API_KEY;
  beforeAll(() => {
    process.env.SENDGRID_API_KEY = SENTINEL_KEY;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.SENDGRID_API_KEY;
    else process.env.SENDGRID_API_KEY = saved;
  });

  const s = stack();
  const sendgrid = new SendGridSso(s, 'SendGrid');
  const app = keycloakApp(s, sendgrid.target);
  sendgrid.connect(app);
  const { json, text } = synth(s);
  const integration: any = Object.values(json.resource.sendgrid_sso_integration)[0];

  test('the integration takes the realm issuer and SAML endpoint, enabled; not named after an app whose name holds its ID', () => {
    expect(Object.keys(json.resource.sendgrid_sso_integration)).toHaveLength(1);
    expect(integration).toMatchObject({
      entity_id: ISSUER,
      signin_url: `${ISSUER}/protocol/saml`,
      signout_url: 'https://app.sendgrid.com/ssologin',
      enabled: true,
      name: 'Twilio SSO (cdktf-twilio-sso)',
    });
    expect(Testing.synth(named(), true)).toContain('"name": "Keycloak staff"');
  });

  test("the Keycloak client's Entity ID and ACS URL are SendGrid's URL with the integration's ID, by reference", () => {
    const client = Object.values(json.resource.keycloak_saml_client)[0] as any;
    const key = Object.keys(json.resource.sendgrid_sso_integration)[0];
    const url = `https://api.sendgrid.com/v3/public/sso/saml/response/id/\${sendgrid_sso_integration.${key}.id}`;
    expect(client.client_id).toBe(url);
    expect(client.assertion_consumer_post_url).toBe(url);
  });

  test("the certificate is the realm's signing certificate, for this integration", () => {
    const certificate = Object.values(json.resource.sendgrid_sso_certificate)[0] as any;
    const key = Object.keys(json.resource.sendgrid_sso_integration)[0];
    expect(certificate.integration_id).toBe(`\${sendgrid_sso_integration.${key}.id}`);
    expect(certificate.public_certificate).toMatch(/-----BEGIN CERTIFICATE-----/);
    expect(certificate.public_certificate).toMatch(/data\.keycloak_realm_keys\./);
    expect(sendgrid.certificate).toBeDefined();
  });

  test('the provider is declared once, with no API key anywhere in the JSON', () => {
    expect(Object.keys(json.provider.sendgrid)).toHaveLength(1);
    expect(json.provider.sendgrid[0].api_key).toBeUndefined();
    expect(text).not.toContain(SENTINEL_KEY);
    expect(json.terraform.required_providers.sendgrid).toEqual({ source: 'kenzo0107/sendgrid', version: SendgridProvider.PROVIDER_VERSION });
  });
});

describe('SendGridSso, two applies (an app whose issuer depends on it, e.g. Okta)', () => {
  test('step 1: the integration is created disabled with the placeholder URL, no certificate', () => {
    const s = stack();
    new SendGridSso(s, 'SendGrid', { placeholderUrl: 'https://example.okta.com' });
    const { json } = synth(s);
    const integration = Object.values(json.resource.sendgrid_sso_integration)[0] as any;
    expect(integration).toMatchObject({ entity_id: 'https://example.okta.com', signin_url: 'https://example.okta.com', enabled: false, name: 'Twilio SSO (cdktf-twilio-sso)' });
    expect(json.resource.sendgrid_sso_certificate).toBeUndefined();
  });

  test('step 2: the app made with the ID from step 1 is given as `app`; same address, enabled, certificate added', () => {
    const s1 = stack();
    new SendGridSso(s1, 'SendGrid', { placeholderUrl: 'https://example.okta.com' });
    const step1 = Object.keys(synth(s1).json.resource.sendgrid_sso_integration);

    const s2 = stack();
    const app = keycloakApp(s2, TwilioTarget.sendgrid({ integrationId: INTEGRATION_ID }));
    new SendGridSso(s2, 'SendGrid', { app, placeholderUrl: 'https://example.okta.com' });
    const { json } = synth(s2);
    expect(Object.keys(json.resource.sendgrid_sso_integration)).toEqual(step1);
    expect(json.resource.sendgrid_sso_integration[step1[0]]).toMatchObject({ entity_id: ISSUER, enabled: true });
    expect(Object.keys(json.resource.sendgrid_sso_certificate)).toHaveLength(1);
    const client = Object.values(json.resource.keycloak_saml_client)[0] as any;
    expect(client.client_id).toBe(`https://api.sendgrid.com/v3/public/sso/saml/response/id/${INTEGRATION_ID}`);
  });
});

describe('SendGridSso input', () => {
  test('refuses an app for another product, naming it', () => {
    const s = stack();
    const flex = keycloakApp(s, TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' }));
    const e = ssoError(() => new SendGridSso(s, 'SendGrid', { app: flex }));
    expect(e.code).toBe(SsoErrorCode.SENDGRID_APP_NOT_SENDGRID);
    expect(e.message).toMatch(/app must sign users in to SendGrid .*got an app for Flex enhanced SSO JQ0123/);
  });

  test('refuses a second app', () => {
    const s = stack();
    const sendgrid = new SendGridSso(s, 'SendGrid');
    sendgrid.connect(keycloakApp(s, sendgrid.target));
    const other = new KeycloakTwilioSso(s, 'Other', { target: sendgrid.target, serverUrl: 'https://sso.example.com', realm: 'other' });
    expect(ssoError(() => sendgrid.connect(other)).code).toBe(SsoErrorCode.SENDGRID_APP_DUPLICATE);
  });

  test('reports every problem at once: http placeholder, empty name, a string for enabled', () => {
    const e = ssoError(() => new SendGridSso(stack(), 'SendGrid', { placeholderUrl: 'http://example.okta.com', name: ' ', enabled: 'yes' as unknown as boolean }));
    expect(e.violations.map((v) => [v.field, v.code])).toEqual([
      ['placeholderUrl', SsoErrorCode.SENDGRID_URL_INVALID],
      ['name', SsoErrorCode.DISPLAY_NAME_EMPTY],
      ['enabled', SsoErrorCode.VALUE_TYPE_INVALID],
    ]);
  });

  test('synth fails when no app is connected and no placeholder is given', () => {
    const s = stack();
    new SendGridSso(s, 'SendGrid');
    expect(() => Testing.synth(s, true)).toThrow(/SENDGRID_APP_MISSING.*connect\(app\)/);
  });

  test('a name with ${ stays literal text in the JSON', () => {
    const s = stack();
    new SendGridSso(s, 'SendGrid', { placeholderUrl: 'https://example.okta.com', name: 'SSO ${file("/etc/passwd")}' });
    const integration = Object.values(synth(s).json.resource.sendgrid_sso_integration)[0] as any;
    expect(integration.name).toBe('SSO $${file("/etc/passwd")}');
  });
});

describe('SendGridSso and Okta', () => {
  test('connecting an Okta app made from SendGridSso.target is refused before synth: a cycle Terraform refuses (terraform validate: "Cycle")', () => {
    const { OktaProvider } = require('@cdktf/provider-okta/lib/provider');
    const { OktaTwilioSso } = require('../../lib/okta');
    const s = new TerraformStack(Testing.app(), 'okta');
    new OktaProvider(s, 'okta', { orgName: 'example', baseUrl: 'okta.com' });
    const sendgrid = new SendGridSso(s, 'SendGrid');
    const app = new OktaTwilioSso(s, 'App', { target: sendgrid.target });
    const e = ssoError(() => sendgrid.connect(app));
    expect(e.code).toBe(SsoErrorCode.SENDGRID_APP_CYCLE);
    expect(e.message).toMatch(/app 'okta\/App' issues its SAML from its own resource \(okta_app_saml\).*two-step apply/);
  });

  test('an Okta app made with a literal integration ID (step 2) connects', () => {
    const { OktaProvider } = require('@cdktf/provider-okta/lib/provider');
    const { OktaTwilioSso } = require('../../lib/okta');
    const s = new TerraformStack(Testing.app(), 'okta');
    new OktaProvider(s, 'okta', { orgName: 'example', baseUrl: 'okta.com' });
    const app = new OktaTwilioSso(s, 'App', { target: TwilioTarget.sendgrid({ integrationId: INTEGRATION_ID }) });
    new SendGridSso(s, 'SendGrid', { app, placeholderUrl: 'https://example.okta.com' });
    const integration = Object.values(synth(s).json.resource.sendgrid_sso_integration)[0] as any;
    expect(integration.entity_id).toMatch(/^\$\{okta_app_saml\.App_[0-9A-F]+\.entity_url\}$/);
    expect(integration.signin_url).toMatch(/^\$\{okta_app_saml\.App_[0-9A-F]+\.http_post_binding\}$/);
  });
});

describe('SendGridSso and Entra ID', () => {
  test('one apply: the tenant issuer and SAML endpoint, the app from SendGridSso.target (terraform validate passes on the real providers)', () => {
    const { AzureadProvider } = require('@cdktf/provider-azuread/lib/provider');
    const { EntraTwilioSso } = require('../../lib/entra');
    const tenant = '11111111-2222-3333-4444-555555555555';
    const s = new TerraformStack(Testing.app(), 'entra');
    new AzureadProvider(s, 'azuread', {});
    const sendgrid = new SendGridSso(s, 'SendGrid');
    sendgrid.connect(new EntraTwilioSso(s, 'App', { target: sendgrid.target, tenantId: tenant, owners: ['11111111-2222-3333-4444-555555555556'] }));
    const { json } = synth(s);
    const integration = Object.values(json.resource.sendgrid_sso_integration)[0] as any;
    expect(integration).toMatchObject({ entity_id: `https://sts.windows.net/${tenant}/`, signin_url: `https://login.microsoftonline.com/${tenant}/saml2`, enabled: true });
    expect(Object.keys(json.resource.sendgrid_sso_certificate)).toHaveLength(1);
  });
});
