import { readFileSync } from 'fs';
import { join } from 'path';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { SENDGRID_PROVIDER_VERSION, SendgridProvider, SendgridSsoCertificate, SendgridSsoIntegration } from '../../lib/sendgrid';

// A key-shaped value, never a real one: if synthesis read the environment it would show up in the JSON.
const SENTINEL_KEY = 'SG.synth-must-never-contain-this.0123456789abcdefghijklmnopqrstuvwxyz';
const INTEGRATION_ID = 'b0b98502-9408-4b24-9e3d-31ed7cb15312';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUexample\n-----END CERTIFICATE-----\n';

function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'sendgrid');
}

/** An integration and its certificate, wired the way a stack uses them. */
function declareBoth(stack: TerraformStack): { integration: SendgridSsoIntegration; certificate: SendgridSsoCertificate } {
  SendgridProvider.of(stack);
  const integration = new SendgridSsoIntegration(stack, 'integration', {
    name: 'Okta',
    enabled: true,
    signinUrl: 'https://example.okta.com/app/example_sendgrid_1/exk1a2b3c4d5e6f7g8h9/sso/saml',
    signoutUrl: 'https://example.okta.com/login/signout',
    entityId: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9',
  });
  const certificate = new SendgridSsoCertificate(stack, 'certificate', { integrationId: integration.id, publicCertificate: CERT });
  return { integration, certificate };
}

function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

describe('SendgridProvider', () => {
  const saved = process.env.SENDGRID_API_KEY;
  beforeEach(() => {
    process.env.SENDGRID_API_KEY = SENTINEL_KEY;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SENDGRID_API_KEY;
    else process.env.SENDGRID_API_KEY = saved;
  });

  test('pins kenzo0107/sendgrid at the checked version', () => {
    const stack = newStack();
    SendgridProvider.of(stack);
    const json = synth(stack);
    expect(SENDGRID_PROVIDER_VERSION).toBe('3.1.0');
    expect(json.terraform.required_providers.sendgrid).toEqual({ source: 'kenzo0107/sendgrid', version: '3.1.0' });
  });

  test('the default provider has no arguments at all: the API key comes from SENDGRID_API_KEY when Terraform runs', () => {
    const stack = newStack();
    SendgridProvider.of(stack);
    const text = Testing.synth(stack, true);
    expect(JSON.parse(text).provider.sendgrid).toEqual([{}]);
    expect(text).not.toContain(SENTINEL_KEY);
    expect(text).not.toContain('api_key');
  });

  test('region, subuser and alias are written; nothing else', () => {
    const stack = newStack();
    new SendgridProvider(stack, 'eu', { region: 'eu', subuser: 'eu-marketing', alias: 'eu' });
    expect(synth(stack).provider.sendgrid).toEqual([{ region: 'eu', subuser: 'eu-marketing', alias: 'eu' }]);
  });

  test('a token is accepted for the region', () => {
    const stack = newStack();
    const region = new TerraformVariable(stack, 'sendgrid_region', { type: 'string' });
    new SendgridProvider(stack, 'sendgrid', { region: region.stringValue });
    expect(synth(stack).provider.sendgrid[0].region).toBe('${var.sendgrid_region}');
  });

  test('of() returns the one unaliased provider, declared once', () => {
    const stack = newStack();
    const declared = new SendgridProvider(stack, 'mine');
    new SendgridProvider(stack, 'other', { alias: 'other' });
    expect(SendgridProvider.of(stack)).toBe(declared);
    expect(SendgridProvider.of(stack)).toBe(declared);
    expect(synth(stack).provider.sendgrid).toHaveLength(2);
  });
});

describe('SendgridSsoIntegration and SendgridSsoCertificate', () => {
  test('write the schema 3.1.0 argument names, and only the arguments (no computed attribute)', () => {
    const stack = newStack();
    declareBoth(stack);
    const json = synth(stack);
    expect(json.resource.sendgrid_sso_integration.integration).toEqual({
      name: 'Okta',
      enabled: true,
      signin_url: 'https://example.okta.com/app/example_sendgrid_1/exk1a2b3c4d5e6f7g8h9/sso/saml',
      signout_url: 'https://example.okta.com/login/signout',
      entity_id: 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9',
    });
    expect(json.resource.sendgrid_sso_certificate.certificate).toEqual({
      integration_id: '${sendgrid_sso_integration.integration.id}',
      public_certificate: CERT,
    });
  });

  test('computed attributes are references, for the identity provider side and the outputs', () => {
    const stack = newStack();
    const { integration, certificate } = declareBoth(stack);
    const outputs = {
      acs: integration.singleSignonUrl,
      audience: integration.audienceUrl,
      completed: integration.completedIntegration,
      integration_id: integration.id,
      not_after: certificate.notAfter,
      not_before: certificate.notBefore,
      certificate_id: certificate.id,
    };
    for (const [name, value] of Object.entries(outputs)) new TerraformOutput(stack, name, { value });
    const json = synth(stack);
    const value = (name: string): unknown => json.output[name].value;
    expect(value('acs')).toBe('${sendgrid_sso_integration.integration.single_signon_url}');
    expect(value('audience')).toBe('${sendgrid_sso_integration.integration.audience_url}');
    expect(value('completed')).toBe('${sendgrid_sso_integration.integration.completed_integration}');
    expect(value('integration_id')).toBe('${sendgrid_sso_integration.integration.id}');
    expect(value('not_after')).toBe('${sendgrid_sso_certificate.certificate.not_after}');
    expect(value('not_before')).toBe('${sendgrid_sso_certificate.certificate.not_before}');
    expect(value('certificate_id')).toBe('${sendgrid_sso_certificate.certificate.id}');
    expect(integration.entityIdInput).toBe('http://www.okta.com/exk1a2b3c4d5e6f7g8h9');
    expect(integration.signinUrlInput).toBe('https://example.okta.com/app/example_sendgrid_1/exk1a2b3c4d5e6f7g8h9/sso/saml');
    expect(certificate.integrationIdInput).toMatch(/^\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  test('every argument accepts a token (an ID or a value from another resource or a variable)', () => {
    const stack = newStack();
    SendgridProvider.of(stack);
    const v = (name: string, type = 'string') => new TerraformVariable(stack, name, { type });
    new SendgridSsoIntegration(stack, 'integration', {
      name: v('name').stringValue,
      enabled: v('enabled', 'bool').booleanValue,
      signinUrl: v('signin_url').stringValue,
      signoutUrl: v('signout_url').stringValue,
      entityId: v('entity_id').stringValue,
    });
    new SendgridSsoCertificate(stack, 'certificate', { integrationId: v('integration_id').stringValue, publicCertificate: v('public_certificate').stringValue });
    const json = synth(stack);
    expect(json.resource.sendgrid_sso_integration.integration).toEqual({
      name: '${var.name}',
      enabled: '${var.enabled}',
      signin_url: '${var.signin_url}',
      signout_url: '${var.signout_url}',
      entity_id: '${var.entity_id}',
    });
    expect(json.resource.sendgrid_sso_certificate.certificate).toEqual({ integration_id: '${var.integration_id}', public_certificate: '${var.public_certificate}' });
  });

  test('a literal integration ID (an integration made elsewhere) is written as given', () => {
    const stack = newStack();
    SendgridProvider.of(stack);
    new SendgridSsoCertificate(stack, 'certificate', { integrationId: INTEGRATION_ID, publicCertificate: CERT });
    expect(synth(stack).resource.sendgrid_sso_certificate.certificate.integration_id).toBe(INTEGRATION_ID);
  });

  test('meta-arguments pass through (provider alias, depends_on, lifecycle)', () => {
    const stack = newStack();
    const eu = new SendgridProvider(stack, 'eu', { region: 'eu', alias: 'eu' });
    const integration = new SendgridSsoIntegration(stack, 'integration', {
      provider: eu,
      name: 'Entra',
      enabled: false,
      signinUrl: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/saml2',
      signoutUrl: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/saml2',
      entityId: 'https://sts.windows.net/00000000-0000-0000-0000-000000000000/',
      lifecycle: { preventDestroy: true },
    });
    new SendgridSsoCertificate(stack, 'certificate', { provider: eu, integrationId: integration.id, publicCertificate: CERT, dependsOn: [integration] });
    const json = synth(stack);
    expect(json.resource.sendgrid_sso_integration.integration.provider).toBe('sendgrid.eu');
    expect(json.resource.sendgrid_sso_integration.integration.lifecycle).toEqual({ prevent_destroy: true });
    expect(json.resource.sendgrid_sso_certificate.certificate.depends_on).toEqual(['sendgrid_sso_integration.integration']);
  });

  test('synthesis is deterministic', () => {
    const a = newStack();
    const b = newStack();
    declareBoth(a);
    declareBoth(b);
    expect(Testing.synth(b, true)).toBe(Testing.synth(a, true));
  });

  test('the full synthesized stack (cdk.tf.json on disk) carries no API key, even with one in the environment', () => {
    const saved = process.env.SENDGRID_API_KEY;
    process.env.SENDGRID_API_KEY = SENTINEL_KEY;
    try {
      const stack = newStack();
      declareBoth(stack);
      const outdir = Testing.fullSynth(stack);
      const text = readFileSync(join(outdir, 'stacks', 'sendgrid', 'cdk.tf.json'), 'utf8');
      const json = JSON.parse(text);
      expect(Object.keys(json.resource).sort()).toEqual(['sendgrid_sso_certificate', 'sendgrid_sso_integration']);
      expect(json.provider.sendgrid).toEqual([{}]);
      expect(text).not.toContain(SENTINEL_KEY);
      expect(text).not.toMatch(/api_key|SG\./);
    } finally {
      if (saved === undefined) delete process.env.SENDGRID_API_KEY;
      else process.env.SENDGRID_API_KEY = saved;
    }
  });
});
