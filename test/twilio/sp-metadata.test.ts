import { MAX_SP_METADATA_BYTES, parseSpMetadata, SpMetadataError } from '../../lib/twilio/sp-metadata';

// Sample documents written for these tests in the shape saml-metadata-2.0-os describes; none is
// copied from a vendor. Host names are example.com/example.net; the certificate is a placeholder.
const EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';

/** An SP profile as a console offers it for download: md: prefix, signing key, one POST ACS. */
const PREFIXED = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="urn:console:example-connection-0001">
  <md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="${PROTOCOL}">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBexamplePlaceholderNotARealCertificate==</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:SingleLogoutService Binding="${REDIRECT}" Location="https://sso.example.com/logout"/>
    <md:NameIDFormat>
      ${EMAIL}
    </md:NameIDFormat>
    <md:AssertionConsumerService Binding="${POST}" Location="https://sso.example.com/saml/acs/example-connection-0001" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
  <md:Organization>
    <md:OrganizationName xml:lang="en">Example</md:OrganizationName>
    <md:OrganizationDisplayName xml:lang="en">Example</md:OrganizationDisplayName>
    <md:OrganizationURL xml:lang="en">https://www.example.com</md:OrganizationURL>
  </md:Organization>
</md:EntityDescriptor>
`;

/** Default namespace, several ACS endpoints, an escaped query string, two NameID formats. */
const DEFAULT_NS = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:example:sp:workspace-42">
  <!-- several endpoints: the POST one marked default wins -->
  <SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:1.1:protocol ${PROTOCOL}">
    <NameIDFormat>${EMAIL}</NameIDFormat>
    <NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</NameIDFormat>
    <AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:PAOS" Location="https://sp.example.net/ecp" index="0"/>
    <AssertionConsumerService Binding="${POST}" Location="https://sp.example.net/login/callback?connection=workspace-42&amp;region=eu" index="1" isDefault="false"/>
    <AssertionConsumerService Binding="${POST}" Location="https://sp.example.net/login/callback?connection=workspace-42" index="2" isDefault="true"/>
  </SPSSODescriptor>
</EntityDescriptor>`;

function sp(entityId: string, acs: string, extra = ''): string {
  return `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}"${extra}>
  <md:SPSSODescriptor protocolSupportEnumeration="${PROTOCOL}">
    <md:AssertionConsumerService Binding="${POST}" Location="${acs}" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;
}

function failure(input: string | Uint8Array, options?: { entityId?: string }): string {
  try {
    parseSpMetadata(input, options);
  } catch (e) {
    expect(e).toBeInstanceOf(SpMetadataError);
    return (e as Error).message;
  }
  throw new Error('expected an SpMetadataError');
}

describe('parseSpMetadata: what it reads', () => {
  test('a prefixed EntityDescriptor: entity ID, POST ACS, NameID format (trimmed)', () => {
    expect(parseSpMetadata(PREFIXED)).toEqual({
      entityId: 'urn:console:example-connection-0001',
      acsUrl: 'https://sso.example.com/saml/acs/example-connection-0001',
      nameIdFormats: [EMAIL],
    });
  });

  test('a default namespace; the POST ACS marked isDefault, with its query string unescaped', () => {
    expect(parseSpMetadata(DEFAULT_NS)).toEqual({
      entityId: 'urn:example:sp:workspace-42',
      acsUrl: 'https://sp.example.net/login/callback?connection=workspace-42',
      nameIdFormats: [EMAIL, 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'],
    });
  });

  test('without isDefault: the first POST endpoint not marked isDefault="false"; entities are unescaped', () => {
    const doc = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sp.example.com/metadata">
      <md:SPSSODescriptor protocolSupportEnumeration="${PROTOCOL}">
        <md:AssertionConsumerService Binding="${POST}" Location="https://sp.example.com/old" index="0" isDefault="false"/>
        <md:AssertionConsumerService Binding="${POST}" Location="https://sp.example.com/acs?a=1&amp;b=2" index="1"/>
      </md:SPSSODescriptor></md:EntityDescriptor>`;
    expect(parseSpMetadata(doc)).toEqual({ entityId: 'https://sp.example.com/metadata', acsUrl: 'https://sp.example.com/acs?a=1&b=2', nameIdFormats: [] });
  });

  test('bytes with a UTF-8 byte-order mark, and a string starting with one', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PREFIXED, 'utf8')]);
    expect(parseSpMetadata(bom).entityId).toBe('urn:console:example-connection-0001');
    expect(parseSpMetadata(new Uint8Array(bom)).acsUrl).toBe('https://sso.example.com/saml/acs/example-connection-0001');
    expect(parseSpMetadata(`\uFEFF${PREFIXED}`).entityId).toBe('urn:console:example-connection-0001');
  });

  test('an element of another namespace with a metadata name is not read as metadata', () => {
    const doc = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:x="urn:example:other" entityID="urn:example:sp">
      <md:SPSSODescriptor protocolSupportEnumeration="${PROTOCOL}">
        <x:AssertionConsumerService Binding="${POST}" Location="https://evil.example.net/acs"/>
        <md:AssertionConsumerService Binding="${POST}" Location="https://sp.example.com/acs" index="0"/>
        <x:NameIDFormat>urn:example:not-a-format</x:NameIDFormat>
      </md:SPSSODescriptor></md:EntityDescriptor>`;
    expect(parseSpMetadata(doc)).toEqual({ entityId: 'urn:example:sp', acsUrl: 'https://sp.example.com/acs', nameIdFormats: [] });
  });

  test('EntitiesDescriptor: the one SP, or the one the entityId option names', () => {
    const one = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${sp('urn:example:a', 'https://a.example.com/acs')}</md:EntitiesDescriptor>`;
    expect(parseSpMetadata(one).entityId).toBe('urn:example:a');
    const two = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${sp('urn:example:a', 'https://a.example.com/acs')}<md:EntitiesDescriptor>${sp('urn:example:b', 'https://b.example.com/acs')}</md:EntitiesDescriptor></md:EntitiesDescriptor>`;
    expect(parseSpMetadata(two, { entityId: 'urn:example:b' }).acsUrl).toBe('https://b.example.com/acs');
    expect(failure(two)).toMatch(/describes 2 service providers; say which with the entityId option/);
    expect(failure(two, { entityId: 'urn:example:c' })).toMatch(/no service provider in the document has the entityID "urn:example:c"; found: "urn:example:a", "urn:example:b"/);
    expect(failure(PREFIXED, { entityId: 'urn:console:other' })).toMatch(/no service provider .* "urn:console:other"/);
  });
});

describe('parseSpMetadata: what it refuses', () => {
  test('a DOCTYPE (entity expansion) is refused before parsing', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>${sp('urn:example:&lol2;', 'https://sp.example.com/acs')}`;
    expect(failure(bomb)).toMatch(/has a DOCTYPE/);
    expect(failure(`<!doctype x>${sp('urn:example:a', 'https://a.example.com/acs')}`)).toMatch(/DOCTYPE/);
  });

  test('an oversized document, as a string or as bytes, is refused before parsing', () => {
    const big = sp('urn:example:a', 'https://a.example.com/acs').replace('<md:SPSSODescriptor', `<!--${'x'.repeat(MAX_SP_METADATA_BYTES)}--><md:SPSSODescriptor`);
    expect(failure(big)).toMatch(/longer than 262144 bytes/);
    expect(failure(Buffer.from(big))).toMatch(/bytes, more than 262144/);
    // Under the limit in UTF-16 units, over it in UTF-8 bytes.
    const wide = sp('urn:example:a', 'https://a.example.com/acs') + `<!--${'é'.repeat(MAX_SP_METADATA_BYTES / 2 + 10)}-->`;
    expect(wide.length).toBeLessThan(MAX_SP_METADATA_BYTES);
    expect(failure(wide)).toMatch(/longer than 262144 bytes/);
  });

  test('not UTF-8, empty, not well-formed, not metadata', () => {
    expect(failure(Buffer.from([0x3c, 0x61, 0xff, 0x3e]))).toMatch(/not UTF-8 text/);
    expect(failure('  \n')).toMatch(/empty/);
    expect(failure('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">')).toMatch(/not well-formed XML/);
    expect(failure('{"entityId": "urn:example:a"}')).toMatch(/not well-formed XML/);
    expect(failure('<EntityDescriptor entityID="urn:example:a"/>')).toMatch(/root element is <EntityDescriptor> in no namespace/);
    expect(failure('<x:EntityDescriptor xmlns:x="urn:example:other" entityID="urn:example:a"/>')).toMatch(/in namespace "urn:example:other"/);
    expect(failure('<md:EntityDescriptor entityID="urn:example:a"/>')).toMatch(/prefix 'md:' without declaring it/);
  });

  test("an identity provider's metadata is named as such", () => {
    const idp = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com">
      <md:IDPSSODescriptor protocolSupportEnumeration="${PROTOCOL}">
        <md:SingleSignOnService Binding="${POST}" Location="https://idp.example.com/sso"/>
      </md:IDPSSODescriptor></md:EntityDescriptor>`;
    expect(failure(idp)).toMatch(/describes an identity provider \(IDPSSODescriptor\), not a service provider/);
  });

  test('a missing or malformed entityID', () => {
    expect(failure(sp('', 'https://a.example.com/acs'))).toMatch(/has no entityID/);
    expect(failure(sp('urn:example:a b', 'https://a.example.com/acs'))).toMatch(/entityID "urn:example:a b" contains white space/);
    expect(failure(sp(`urn:example:${'a'.repeat(1020)}`, 'https://a.example.com/acs'))).toMatch(/entityID is 1032 characters; SAML allows at most 1024/);
  });

  test('no SAML 2.0 protocol, no ACS, no POST ACS', () => {
    expect(failure(sp('urn:example:a', 'https://a.example.com/acs').replace(PROTOCOL, 'urn:oasis:names:tc:SAML:1.1:protocol'))).toMatch(/does not list the SAML 2.0 protocol/);
    const noAcs = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="urn:example:a"><md:SPSSODescriptor protocolSupportEnumeration="${PROTOCOL}"/></md:EntityDescriptor>`;
    expect(failure(noAcs)).toMatch(/has no AssertionConsumerService/);
    const artifactOnly = sp('urn:example:a', 'https://a.example.com/acs').replace(POST, 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact');
    expect(failure(artifactOnly)).toMatch(/no AssertionConsumerService has the HTTP-POST binding .*found: "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"/);
  });

  test('an ACS that is not an absolute https URL without credentials', () => {
    expect(failure(sp('urn:example:a', 'http://a.example.com/acs'))).toMatch(/Location "http:\/\/a.example.com\/acs" is not an https URL/);
    expect(failure(sp('urn:example:a', '/saml/acs'))).toMatch(/is not an absolute URL/);
    expect(failure(sp('urn:example:a', 'https://user:pw@a.example.com/acs'))).toMatch(/carries credentials/);
    expect(failure(sp('urn:example:a', ''))).toMatch(/has no Location/);
  });

  test('error messages escape invisible characters and cut long values', () => {
    const message = failure(sp('urn:example:a', 'http://a.example.com/\u200b' + 'x'.repeat(300)));
    expect(message).toContain('\\u200b');
    expect(message).toContain('...');
    expect(message.length).toBeLessThan(250);
  });
});
