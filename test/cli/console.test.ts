import { readFileSync } from 'fs';
import { join } from 'path';
import { OUTPUTS } from '../../cli/console/sheet';
import { synthConfig } from '../support/config';
import { cli, fakeTerraform, makeCertificate, opensslFacts, stackOutdir } from './support';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const CERT = makeCertificate('/CN=okta-idp/O=Example Org', 400);
const SOON = makeCertificate('/CN=soon', 10);
const SECRET = 'S3CR3T-value-that-must-never-print';
const NOW = new Date();

const flexOutputs = (cert = CERT): Record<string, { value: unknown; sensitive?: boolean }> => ({
  identity_provider_issuer: { value: 'http://www.okta.com/exk1abc' },
  single_sign_on_url: { value: 'https://example-org.okta.com/app/example-org_twilioflex_1/exk1abc/sso/saml' },
  x509_certificate: { value: cert },
  x509_certificate_expires_at: { value: '2030-01-01T00:00:00.000Z' },
  idp_metadata_url: { value: 'https://example-org.okta.com/api/v1/apps/0oa1/sso/saml/metadata' },
  default_redirect_url: { value: 'https://flex.twilio.com/kiwi-owl-1234' },
  sp_entity_id: { value: `https://login.flex.us1.twilio.com/login/callback?connection=${JQ}` },
  sp_acs_url: { value: `https://login.flex.us1.twilio.com/login/callback?connection=${JQ}` },
  // Not a Console output, and sensitive: neither may ever be printed.
  okta_api_token_echo: { value: SECRET, sensitive: true },
});

async function consoleRun(outputs: Record<string, { value: unknown; sensitive?: boolean }>, extra: string[] = [], target = 'flex-okta', binary = 'terraform') {
  const tf = fakeTerraform(outputs, binary);
  const out = stackOutdir(target);
  const r = await cli(['console', target, '--output', out, ...extra], { PATH: tf.path }, NOW);
  return { ...r, out, log: (() => { try { return readFileSync(tf.log, 'utf8'); } catch { return ''; } })() };
}

describe('the outputs the sheet reads are the ones the stacks declare', () => {
  test('every Console output name of a synthesized Flex and Frontline stack is one the CLI knows', () => {
    const out = synthConfig({
      targets: [
        { name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ, runtimeDomain: 'kiwi-owl-1234.twil.io' } }, okta: { orgName: 'acme' } },
        { name: 'fl', twilio: { frontline: { realmSid: 'JB00112233445566778899aabbccddeeff' } }, keycloak: { url: 'https://sso.example.com', realm: 'r' } },
      ],
    });
    const names = (stack: string) => Object.keys(JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8')).output).sort();
    const known = new Set<string>(Object.values(OUTPUTS));
    expect(names('flex').filter((n) => !known.has(n))).toEqual([]);
    expect(names('flex')).toEqual(expect.arrayContaining(['identity_provider_issuer', 'single_sign_on_url', 'x509_certificate', 'default_redirect_url', 'idp_metadata_url']));
    expect(names('fl')).toEqual(expect.arrayContaining(['identity_provider_issuer', 'sso_url', 'x509_certificate']));
    expect(names('fl')).not.toContain('single_sign_on_url');
  });
});

describe('twilio-sso console', () => {
  test('Flex: every Console field with its value, the PEM whole, from `terraform output -json` in the stack directory', async () => {
    const r = await consoleRun(flexOutputs());
    expect(r.code).toBe(0);
    expect(r.log.trim()).toBe(`${join(r.out, 'stacks', 'flex-okta')} output -json -no-color`);
    expect(r.stdout).toMatch(/Identity Provider Issuer +http:\/\/www\.okta\.com\/exk1abc\n/);
    expect(r.stdout).toMatch(/Single Sign-On URL +https:\/\/example-org\.okta\.com\/app\/example-org_twilioflex_1\/exk1abc\/sso\/saml\n/);
    expect(r.stdout).toMatch(/Default Redirect URL +https:\/\/flex\.twilio\.com\/kiwi-owl-1234\n/);
    expect(r.stdout).toContain(CERT.trimEnd());
    expect(r.stdout).toContain('Console → Flex → Single sign-on');
  });

  test("the certificate's subject, fingerprints and days to expiry, as openssl computes them", async () => {
    const facts = opensslFacts(CERT);
    const r = await consoleRun(flexOutputs(), ['--format', 'json']);
    const sheet = JSON.parse(r.stdout);
    expect(sheet.certificate).toMatchObject({
      sha256Fingerprint: facts.sha256,
      sha1Fingerprint: facts.sha1,
      notAfter: facts.notAfter.toISOString(),
      daysToExpiry: Math.floor((facts.notAfter.getTime() - NOW.getTime()) / 86400000),
      status: 'valid',
      warningDays: 30,
    });
    // openssl's RFC 2253 order is the reverse of the certificate's; the attributes are the same.
    expect(sheet.certificate.subject.split(', ').sort()).toEqual(facts.subject.split(',').sort());
    expect(sheet.warnings).toEqual([]);
    const text = (await consoleRun(flexOutputs())).stdout;
    expect(text).toContain(`SHA-256      ${facts.sha256}`);
  });

  test('a certificate close to expiry gets a warning (window from x509_certificate_expiry_warning_days, default 30)', async () => {
    const r = await consoleRun(flexOutputs(SOON));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Warning: the X\.509 certificate expires on \d{4}-\d{2}-\d{2}, in (9|10) days \(warning window: 30 days\)/);
    const narrow = await consoleRun({ ...flexOutputs(SOON), x509_certificate_expiry_warning_days: { value: 5 } }, ['--format', 'json']);
    expect(JSON.parse(narrow.stdout).warnings).toEqual([]);
    expect(JSON.parse(narrow.stdout).certificate.warningDays).toBe(5);
  });

  test('no secret is ever printed: unknown outputs are not shown, a Console output marked sensitive shows no value', async () => {
    const outputs = { ...flexOutputs(), identity_provider_issuer: { value: SECRET, sensitive: true } };
    for (const format of ['text', 'json']) {
      const r = await consoleRun(outputs, ['--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toContain(SECRET);
      expect(r.stdout).toContain('marked sensitive in Terraform: not shown');
    }
  });

  test('Frontline: its three fields and the Workspace ID note', async () => {
    const r = await consoleRun(
      {
        identity_provider_issuer: { value: 'https://sso.example.com/realms/staff' },
        sso_url: { value: 'https://sso.example.com/realms/staff/protocol/saml' },
        x509_certificate: { value: CERT },
      },
      ['--format', 'json'],
      'frontline-kc',
    );
    const sheet = JSON.parse(r.stdout);
    expect(sheet.product).toBe('frontline');
    expect(sheet.fields.map((f: any) => [f.field, f.output, f.value === null ? null : f.value.slice(0, 30)])).toEqual([
      ['Identity provider issuer', 'identity_provider_issuer', 'https://sso.example.com/realms'],
      ['SSO URL', 'sso_url', 'https://sso.example.com/realms'],
      ['X.509 Certificate', 'x509_certificate', '-----BEGIN CERTIFICATE-----\nMI'],
    ]);
    expect((await consoleRun({ sso_url: { value: 'https://x' } }, [], 'frontline-kc')).stdout).toContain('Workspace ID is a name you choose');
  });

  test('--prefix reads a stack with several apps (TwilioConsoleOutputs prefix)', async () => {
    const prefixed = Object.fromEntries(Object.entries(flexOutputs()).map(([k, v]) => [`flex_${k}`, v]));
    expect((await consoleRun(prefixed)).code).toBe(1);
    const r = await consoleRun(prefixed, ['--prefix', 'flex_', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fields[0]).toEqual({ field: 'Identity Provider Issuer', output: 'flex_identity_provider_issuer', value: 'http://www.okta.com/exk1abc' });
  });

  test('tofu when terraform is not installed; --binary to choose', async () => {
    const viaTofu = await consoleRun(flexOutputs(), [], 'flex-okta', 'tofu');
    expect(viaTofu.code).toBe(0);
    expect(viaTofu.log).toContain('output -json');
    const tf = fakeTerraform(flexOutputs(), 'my-terraform');
    const out = stackOutdir('flex-okta');
    const chosen = await cli(['console', 'flex-okta', '--output', out, '--binary', join(tf.path, 'my-terraform')], { PATH: '/nonexistent' }, NOW);
    expect(chosen.code).toBe(0);
    const none = await cli(['console', 'flex-okta', '--output', out], { PATH: '/nonexistent' }, NOW);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('neither terraform nor tofu is on PATH');
  });

  test('usage and I/O problems exit 2; outputs that are not a Twilio SSO stack exit 1', async () => {
    const missing = await cli(['console', 'flex-okta', '--output', '/nonexistent'], {}, NOW);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no stack directory '/nonexistent/stacks/flex-okta'");
    expect((await cli(['console', '../etc', '--output', '/tmp'], {}, NOW)).code).toBe(2);
    const empty = await consoleRun({});
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('has no outputs: has it been applied');
  });
});
