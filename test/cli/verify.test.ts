/**
 * `twilio-sso verify` and the metadata parser, on documents in the shapes the identity providers
 * publish (test/cli/fixtures):
 *
 * - Okta: one line, `md:` prefix, unsigned, one signing KeyDescriptor, SSO for HTTP-POST and
 *   HTTP-Redirect (the app's "Identity Provider metadata", Okta developer docs
 *   https://developer.okta.com/docs/guides/build-sso-integration/saml2/main/ ).
 * - Microsoft Entra ID: a UTF-8 byte-order mark, the default namespace, a document Signature with
 *   its own certificate, WS-Federation RoleDescriptors with their KeyDescriptors before the
 *   IDPSSODescriptor (https://learn.microsoft.com/en-us/entra/identity-platform/federation-metadata ).
 * - Keycloak: the realm descriptor `<realm>/protocol/saml/descriptor`, pretty-printed, both a
 *   default and an `md:` namespace declaration, a KeyName beside the certificate, SSO for POST,
 *   Redirect, SOAP and Artifact (Keycloak Server Administration Guide, "SAML clients").
 *
 * Certificates are made by openssl for each run and put in the placeholders.
 */
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { MetadataFormatError, parseIdpMetadata } from '../../cli/saml/metadata';
import { verifyAgainstMetadata } from '../../cli/verify/checks';
import { tempDir } from '../support/files';
import { base64Body, cli, fakeTerraform, makeCertificate, opensslFacts, stackOutdir } from './support';

const SIGNING = makeCertificate('/CN=idp-signing', 3650);
const DOCUMENT = makeCertificate('/CN=accounts.accesscontrol.windows.net', 3650);
const WSFED = makeCertificate('/CN=wsfed', 3650);
const SOON = makeCertificate('/CN=soon', 10);
const NOW = new Date();

function fixture(name: string, certs: { signing?: string } = {}): Buffer {
  const raw = readFileSync(join(__dirname, 'fixtures', name));
  return Buffer.from(
    raw
      .toString('utf8')
      .replace('{{SIGNING_CERT}}', base64Body(certs.signing ?? SIGNING))
      .replace('{{DOCUMENT_SIGNING_CERT}}', base64Body(DOCUMENT))
      .replace('{{WSFED_CERT}}', base64Body(WSFED)),
    'utf8',
  );
}

const TENANT = '00000000-0000-4000-8000-000000000001';
const SHAPES = {
  okta: {
    file: 'okta-metadata.xml',
    outputs: {
      identity_provider_issuer: 'http://www.okta.com/exk1fcia6d6EMsf331d8',
      single_sign_on_url: 'https://example-org.okta.com/app/example-org_twilioflex_1/exk1fcia6d6EMsf331d8/sso/saml',
    },
  },
  entra: {
    file: 'entra-metadata.xml',
    outputs: { identity_provider_issuer: `https://sts.windows.net/${TENANT}/`, single_sign_on_url: `https://login.microsoftonline.com/${TENANT}/saml2` },
  },
  keycloak: {
    file: 'keycloak-metadata.xml',
    outputs: { identity_provider_issuer: 'http://127.0.0.1:18080/realms/twilio-demo', sso_url: 'http://127.0.0.1:18080/realms/twilio-demo/protocol/saml' },
  },
} as const;

const outputsOf = (values: Record<string, string>, cert = SIGNING) =>
  Object.fromEntries(Object.entries({ ...values, x509_certificate: cert }).map(([k, v]) => [k, { value: v, sensitive: false }]));

describe('parsing the metadata each identity provider publishes', () => {
  test('Okta: entityID, both browser endpoints, the signing certificate', () => {
    const m = parseIdpMetadata(fixture('okta-metadata.xml'));
    expect(m.entityId).toBe('http://www.okta.com/exk1fcia6d6EMsf331d8');
    expect(m.singleSignOnServices.map((s) => s.binding.replace(/^.*:/, ''))).toEqual(['HTTP-POST', 'HTTP-Redirect']);
    expect(m.signingCertificates).toEqual([base64Body(SIGNING)]);
  });

  test("Entra: the byte-order mark is accepted, and only the IDPSSODescriptor's certificate counts (not the document signature's, not WS-Federation's)", () => {
    const bytes = fixture('entra-metadata.xml');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const m = parseIdpMetadata(bytes);
    expect(m.entityId).toBe(`https://sts.windows.net/${TENANT}/`);
    expect(m.signingCertificates).toEqual([base64Body(SIGNING)]);
  });

  test('Keycloak: default and prefixed namespace, KeyName beside the certificate, four SSO bindings', () => {
    const m = parseIdpMetadata(fixture('keycloak-metadata.xml'));
    expect(m.entityId).toBe('http://127.0.0.1:18080/realms/twilio-demo');
    expect(m.singleSignOnServices).toHaveLength(4);
    expect(m.signingCertificates).toEqual([base64Body(SIGNING)]);
  });

  test('namespaces are resolved, not matched by prefix: a look-alike element in another namespace is ignored', () => {
    const doc = fixture('okta-metadata.xml')
      .toString()
      .replace('<md:IDPSSODescriptor', '<x:IDPSSODescriptor xmlns:x="urn:example:not-saml"><md:KeyDescriptor/></x:IDPSSODescriptor><md:IDPSSODescriptor');
    expect(parseIdpMetadata(doc).signingCertificates).toEqual([base64Body(SIGNING)]);
    const renamed = fixture('okta-metadata.xml').toString().replace(/md:/g, 'saml2md:').replace('xmlns:md=', 'xmlns:saml2md=');
    expect(parseIdpMetadata(renamed).entityId).toBe('http://www.okta.com/exk1fcia6d6EMsf331d8');
  });

  test.each([
    ['a DOCTYPE (entity declarations)', '<!DOCTYPE x [<!ENTITY a "b">]><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>', /DOCTYPE/],
    ['HTML instead of XML', '<html><body>Sign in</body>', /not well-formed XML/],
    ['another root element', '<feed xmlns="http://www.w3.org/2005/Atom"/>', /not a SAML 2.0 metadata EntityDescriptor/],
    ['an undeclared prefix', '<md:EntityDescriptor entityID="x"/>', /without declaring it/],
    ['service-provider metadata', '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><SPSSODescriptor/></EntityDescriptor>', /no IDPSSODescriptor/],
    ['bytes that are not UTF-8', Buffer.from([0x3c, 0x61, 0xff, 0x3e]), /not UTF-8/],
  ])('refuses %s with the reason', (_name, doc, reason) => {
    expect(() => parseIdpMetadata(doc as string)).toThrow(MetadataFormatError);
    expect(() => parseIdpMetadata(doc as string)).toThrow(reason);
  });
});

describe('verify against the outputs', () => {
  test.each(Object.entries(SHAPES))('%s: every check passes when the stack matches what the IdP publishes', (_idp, shape) => {
    const r = verifyAgainstMetadata('t', outputsOf(shape.outputs), parseIdpMetadata(fixture(shape.file)), { now: NOW, metadataSource: shape.file });
    expect(r.checks.map((c) => [c.id, c.ok])).toEqual([
      ['saml2', true],
      ['issuer', true],
      ['sso-url', true],
      ['certificate', true],
      ['certificate-expiry', true],
    ]);
    expect(r.ok).toBe(true);
    // Okta, Entra and Keycloak publish one URL for both browser bindings.
    expect(r.checks.find((c) => c.id === 'sso-url')!.message).toContain('SingleSignOnService for HTTP-Redirect and HTTP-POST');
  });

  test('an issuer without Entra\'s trailing slash is a mismatch, with both values', () => {
    const r = verifyAgainstMetadata('t', outputsOf({ ...SHAPES.entra.outputs, identity_provider_issuer: `https://sts.windows.net/${TENANT}` }), parseIdpMetadata(fixture('entra-metadata.xml')), { now: NOW, metadataSource: 'm' });
    const issuer = r.checks.find((c) => c.id === 'issuer')!;
    expect(issuer).toMatchObject({ ok: false, stack: `https://sts.windows.net/${TENANT}`, metadata: `https://sts.windows.net/${TENANT}/` });
    expect(issuer.message).toContain(`'https://sts.windows.net/${TENANT}'`);
    expect(issuer.message).toContain(`'https://sts.windows.net/${TENANT}/'`);
    expect(r.ok).toBe(false);
  });

  test("the Entra document's own signature certificate is not the signing certificate Twilio needs", () => {
    const r = verifyAgainstMetadata('t', outputsOf(SHAPES.entra.outputs, DOCUMENT), parseIdpMetadata(fixture('entra-metadata.xml')), { now: NOW, metadataSource: 'm' });
    const cert = r.checks.find((c) => c.id === 'certificate')!;
    expect(cert.ok).toBe(false);
    expect(cert.message).toContain(opensslFacts(DOCUMENT).sha256);
    expect(cert.message).toContain(opensslFacts(SIGNING).sha256);
  });

  test('an SSO URL that only an Artifact or SOAP endpoint has is not one Twilio can use', () => {
    const doc = fixture('keycloak-metadata.xml')
      .toString()
      .replace(/(HTTP-POST|HTTP-Redirect)" Location="http:\/\/127.0.0.1:18080\/realms\/twilio-demo\/protocol\/saml"><\/md:SingleSignOnService>/g, '$1" Location="http://127.0.0.1:18080/other"></md:SingleSignOnService>');
    const r = verifyAgainstMetadata('t', outputsOf(SHAPES.keycloak.outputs), parseIdpMetadata(doc), { now: NOW, metadataSource: 'm' });
    const sso = r.checks.find((c) => c.id === 'sso-url')!;
    expect(sso.ok).toBe(false);
    expect(sso.message).toContain("the stack's sso_url is 'http://127.0.0.1:18080/realms/twilio-demo/protocol/saml'");
    expect(sso.message).toContain('http://127.0.0.1:18080/other (HTTP-POST)');
  });

  test('a certificate that is expired, or expires within the warning window, fails certificate-expiry', () => {
    const metadata = parseIdpMetadata(fixture('okta-metadata.xml', { signing: SOON }));
    const soon = verifyAgainstMetadata('t', outputsOf(SHAPES.okta.outputs, SOON), metadata, { now: NOW, metadataSource: 'm' });
    expect(soon.checks.find((c) => c.id === 'certificate-expiry')).toMatchObject({ ok: false, message: expect.stringMatching(/expires on .* \(warning window: 30 days\)/) });
    const notAfter = opensslFacts(SOON).notAfter;
    const later = verifyAgainstMetadata('t', outputsOf(SHAPES.okta.outputs, SOON), metadata, { now: new Date(notAfter.getTime() + 2 * 86400000), metadataSource: 'm' });
    expect(later.checks.find((c) => c.id === 'certificate-expiry')).toMatchObject({ ok: false, message: expect.stringContaining('expired on') });
    const narrow = verifyAgainstMetadata('t', { ...outputsOf(SHAPES.okta.outputs, SOON), x509_certificate_expiry_warning_days: { value: 3, sensitive: false } }, metadata, { now: NOW, metadataSource: 'm' });
    expect(narrow.ok).toBe(true);
  });
});

describe('twilio-sso verify', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/keycloak/descriptor') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(fixture('keycloak-metadata.xml'));
      } else {
        res.writeHead(404);
        res.end('not found');
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const run = async (outputs: Record<string, string>, extra: string[]) => {
    const tf = fakeTerraform(Object.fromEntries(Object.entries({ ...outputs, x509_certificate: SIGNING }).map(([k, v]) => [k, { value: v }])));
    return cli(['verify', 'kc', '--output', stackOutdir('kc'), ...extra], { PATH: tf.path }, NOW);
  };

  test("fetches the stack's idp_metadata_url and passes: exit 0", async () => {
    const r = await run({ ...SHAPES.keycloak.outputs, idp_metadata_url: `${base}/keycloak/descriptor` }, []);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`verify 'kc': all 5 checks passed against ${base}/keycloak/descriptor`);
  });

  test('a tampered copy (--metadata FILE): exit 1, each mismatch with both values; JSON shape', async () => {
    const tampered = join(tempDir(), 'tampered.xml');
    writeFileSync(
      tampered,
      fixture('keycloak-metadata.xml', { signing: WSFED })
        .toString()
        .replace('entityID="http://127.0.0.1:18080/realms/twilio-demo"', 'entityID="http://127.0.0.1:18080/realms/evil"'),
    );
    const r = await run(SHAPES.keycloak.outputs, ['--metadata', tampered, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['version', 'target', 'metadataSource', 'checks', 'ok']);
    expect(report.checks.filter((c: any) => !c.ok).map((c: any) => [c.id, c.stack, c.metadata])).toEqual([
      ['issuer', 'http://127.0.0.1:18080/realms/twilio-demo', 'http://127.0.0.1:18080/realms/evil'],
      ['certificate', opensslFacts(SIGNING).sha256, opensslFacts(WSFED).sha256],
    ]);
    const text = await run(SHAPES.keycloak.outputs, ['--metadata', tampered]);
    expect(text.stdout).toMatch(/^MISMATCH issuer/m);
    expect(text.stdout).toContain('2 of 5 checks failed');
  });

  test('metadata that is not SAML metadata is a finding (exit 1); an unreachable URL is I/O (exit 2)', async () => {
    const html = join(tempDir(), 'login.html');
    writeFileSync(html, '<html><body>Sign in</body></html>');
    const bad = await run(SHAPES.keycloak.outputs, ['--metadata', html]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("the identity provider's metadata cannot be used: the root element is");
    const missing = await run(SHAPES.keycloak.outputs, ['--metadata', `${base}/nope`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('HTTP 404');
    const noUrl = await run(SHAPES.keycloak.outputs, []);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('has no idp_metadata_url output: pass --metadata');
    const scheme = await run(SHAPES.keycloak.outputs, ['--metadata', 'ftp://example.com/x.xml']);
    expect(scheme.code).toBe(2);
  });
});
