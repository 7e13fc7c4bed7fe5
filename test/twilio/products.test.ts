import { Token } from 'cdktf';
import '../../lib/core';
import { SsoErrorCode, TwilioProduct, TwilioSsoKind, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';

// The Entity ID / ACS / NameID rules of the Console, SendGrid and Segment targets. Expected URLs are
// written from the products' documentation (cited in lib/twilio/products.ts), not from the output.

const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const UUID = 'b0b98502-9408-4b24-9e3d-31ed7cb15312';
const UUID2 = '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';
const token = (): string => Token.asString({ resolve: () => 'x' });
const codes = (fn: () => unknown): string[] => ssoError(fn).violations.map((v) => v.code);

/** An SP metadata document in the shape saml-metadata-2.0-os describes (written for this test). */
function metadata(entityId: string, acsUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:NameIDFormat>${EMAIL_FORMAT}</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acsUrl.replace(/&/g, '&amp;')}" index="0"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;
}

describe('TwilioTarget.sendgrid', () => {
  test('Entity ID and ACS URL are the same URL carrying the integration ID; NameID email; no roles or attributes', () => {
    const t = TwilioTarget.sendgrid({ integrationId: UUID });
    expect(t.kind).toBe(TwilioSsoKind.SENDGRID);
    expect(t.product).toBe(TwilioProduct.SENDGRID);
    expect(t.entityId).toBe('https://api.sendgrid.com/v3/public/sso/saml/response/id/b0b98502-9408-4b24-9e3d-31ed7cb15312');
    expect(t.acsUrl).toBe(t.entityId);
    expect(t.sid).toBe(UUID);
    expect(t.nameIdFormat).toBe(EMAIL_FORMAT);
    expect(t.nameIdIsEmail).toBe(true);
    expect(t.hasRoles).toBe(false);
    expect(t.allowedRoles).toEqual([]);
    expect(t.requiredAttributes).toEqual([]);
    expect(t.isFlex).toBe(false);
    expect(t.description).toBe(`SendGrid ${UUID}`);
  });

  test('accepts an upper-case UUID and a token', () => {
    expect(TwilioTarget.sendgrid({ integrationId: UUID.toUpperCase() }).sid).toBe(UUID.toUpperCase());
    const id = token();
    const t = TwilioTarget.sendgrid({ integrationId: id });
    expect(Token.isUnresolved(t.acsUrl)).toBe(true);
  });

  test.each([['not-a-uuid'], [''], [`${UUID} `], ['b0b98502940844b249e3d31ed7cb15312']])('refuses integration ID %j', (id) => {
    const e = ssoError(() => TwilioTarget.sendgrid({ integrationId: id }));
    expect(e.code).toBe(SsoErrorCode.SENDGRID_INTEGRATION_ID_INVALID);
    expect(e.message).toMatch(/^integrationId must be a SendGrid SSO integration ID, a UUID/);
  });

  test('refuses null and a number as violations, not TypeErrors', () => {
    expect(codes(() => TwilioTarget.sendgrid({ integrationId: null as unknown as string }))).toEqual([SsoErrorCode.VALUE_REQUIRED]);
    expect(codes(() => TwilioTarget.sendgrid({ integrationId: 42 as unknown as string }))).toEqual([SsoErrorCode.VALUE_TYPE_INVALID]);
    expect(codes(() => TwilioTarget.sendgrid(undefined as never))).toEqual([SsoErrorCode.VALUE_REQUIRED]);
  });

  test('fromServiceProvider reads the integration ID and refuses two different ones', () => {
    const url = `https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID}`;
    const t = TwilioTarget.fromServiceProvider({ product: TwilioProduct.SENDGRID, entityId: url, acsUrl: url });
    expect(t.kind).toBe(TwilioSsoKind.SENDGRID);
    expect(t.sid).toBe(UUID);
    const other = `https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID2}`;
    expect(codes(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.SENDGRID, entityId: url, acsUrl: other }))).toEqual([SsoErrorCode.SP_SID_MISMATCH]);
    expect(codes(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.SENDGRID, entityId: 'urn:flex:x', acsUrl: url }))).toEqual([SsoErrorCode.SP_URL_UNRECOGNISED]);
  });

  test('fromEntityId recognises a SendGrid Entity ID; isAcsUrl compares the integration ID', () => {
    const url = `https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID}`;
    const t = TwilioTarget.fromEntityId(url);
    expect(t?.kind).toBe(TwilioSsoKind.SENDGRID);
    expect(t?.isAcsUrl(url)).toBe(true);
    expect(t?.isAcsUrl(`https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID2}`)).toBe(false);
  });
});

describe('TwilioTarget.segment', () => {
  test('Entity ID and ACS URL from the connection value; NameID email; the email attribute; no roles', () => {
    const t = TwilioTarget.segment({ connection: 'acme-prod' });
    expect(t.kind).toBe(TwilioSsoKind.SEGMENT);
    expect(t.product).toBe(TwilioProduct.SEGMENT);
    expect(t.entityId).toBe('urn:auth0:segment-prod:samlp-acme-prod');
    expect(t.acsUrl).toBe('https://segment-prod.auth0.com/login/callback?connection=acme-prod');
    expect(t.nameIdFormat).toBe(EMAIL_FORMAT);
    expect(t.nameIdIsEmail).toBe(true);
    expect(t.requiredAttributes).toEqual(['email']);
    expect(t.hasRoles).toBe(false);
    expect(t.requiresSignedResponse).toBe(true);
    expect(t.requiresSignedAssertion).toBe(true);
  });

  test.each([['acme prod'], [''], ['acme&x=1'], ['a'.repeat(129)]])('refuses connection %j', (connection) => {
    expect(ssoError(() => TwilioTarget.segment({ connection })).code).toBe(SsoErrorCode.SEGMENT_CONNECTION_INVALID);
  });

  test('accepts a token', () => {
    expect(Token.isUnresolved(TwilioTarget.segment({ connection: token() }).entityId)).toBe(true);
  });

  test('fromServiceProvider accepts both readings of the Entity ID and refuses another connection', () => {
    const acsUrl = 'https://segment-prod.auth0.com/login/callback?connection=acme';
    expect(TwilioTarget.fromServiceProvider({ product: TwilioProduct.SEGMENT, entityId: 'urn:auth0:segment-prod:samlp-acme', acsUrl }).sid).toBe('acme');
    const prefixed = TwilioTarget.fromServiceProvider({
      product: TwilioProduct.SEGMENT,
      entityId: 'urn:auth0:segment-prod:samlp-acme',
      acsUrl: 'https://segment-prod.auth0.com/login/callback?connection=samlp-acme',
    });
    expect(prefixed.acsUrl).toBe('https://segment-prod.auth0.com/login/callback?connection=samlp-acme');
    expect(codes(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.SEGMENT, entityId: 'urn:auth0:segment-prod:samlp-other', acsUrl }))).toEqual([SsoErrorCode.SP_SID_MISMATCH]);
  });
});

describe('TwilioTarget.console', () => {
  const entityId = 'urn:example:twilio-sso-profile-1';
  const acsUrl = 'https://sso.example.com/saml/acs/profile-1';

  test('takes the profile values as given; NameID EmailAddress; response and assertion signed; no roles or attributes', () => {
    const t = TwilioTarget.console({ entityId, acsUrl });
    expect(t.kind).toBe(TwilioSsoKind.CONSOLE);
    expect(t.product).toBe(TwilioProduct.CONSOLE);
    expect([t.entityId, t.acsUrl]).toEqual([entityId, acsUrl]);
    expect(t.nameIdFormat).toBe(EMAIL_FORMAT);
    expect(t.nameIdIsEmail).toBe(true);
    expect(t.requiresSignedResponse && t.requiresSignedAssertion).toBe(true);
    expect(t.hasRoles).toBe(false);
    expect(t.requiredAttributes).toEqual([]);
    expect(t.isAcsUrl(acsUrl)).toBe(true);
  });

  test('reports every problem at once: a spaced Entity ID, an http ACS URL', () => {
    const e = ssoError(() => TwilioTarget.console({ entityId: 'my profile', acsUrl: 'http://sso.example.com/acs' }));
    expect(e.violations.map((v) => [v.field, v.code])).toEqual([
      ['entityId', SsoErrorCode.SP_ENTITY_ID_INVALID],
      ['acsUrl', SsoErrorCode.SP_ACS_URL_INVALID],
    ]);
  });

  test("refuses another product's URLs", () => {
    const e = ssoError(() => TwilioTarget.console({ entityId, acsUrl: `https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID}` }));
    expect(e.code).toBe(SsoErrorCode.SP_PRODUCT_MISMATCH);
    expect(e.message).toMatch(/^acsUrl is a SendGrid URL, not the Twilio Console's/);
  });

  test('accepts tokens', () => {
    const t = TwilioTarget.console({ entityId: token(), acsUrl: token() });
    expect(Token.isUnresolved(t.entityId)).toBe(true);
  });

  test('consoleFromSpMetadata reads the Entity ID and the POST ACS URL', () => {
    const t = TwilioTarget.consoleFromSpMetadata(metadata(entityId, acsUrl));
    expect([t.kind, t.entityId, t.acsUrl]).toEqual([TwilioSsoKind.CONSOLE, entityId, acsUrl]);
  });

  test('consoleFromSpMetadata refuses an identity provider document and a DOCTYPE, with one code', () => {
    const idp = '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></EntityDescriptor>';
    const e = ssoError(() => TwilioTarget.consoleFromSpMetadata(idp));
    expect(e.code).toBe(SsoErrorCode.SP_METADATA_INVALID);
    expect(e.message).toMatch(/^metadata is not usable SAML SP metadata: the metadata describes an identity provider/);
    expect(ssoError(() => TwilioTarget.consoleFromSpMetadata('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).code).toBe(SsoErrorCode.SP_METADATA_INVALID);
  });
});

describe('TwilioTarget.fromSpMetadata', () => {
  test('applies the product rules: a Flex document gives a Flex target, a SendGrid document a SendGrid one', () => {
    const jq = 'JQ0123456789abcdef0123456789abcdef';
    const flex = TwilioTarget.fromSpMetadata({ product: TwilioProduct.FLEX, metadata: metadata(`urn:flex:${jq}`, `https://login.flex.us1.twilio.com/login/callback?connection=${jq}`) });
    expect([flex.kind, flex.sid]).toEqual([TwilioSsoKind.FLEX_ENHANCED, jq]);
    const url = `https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID}`;
    expect(TwilioTarget.fromSpMetadata({ product: TwilioProduct.SENDGRID, metadata: metadata(url, url) }).sid).toBe(UUID);
    const seg = TwilioTarget.fromSpMetadata({ product: TwilioProduct.SEGMENT, metadata: metadata('urn:auth0:segment-prod:samlp-acme', 'https://segment-prod.auth0.com/login/callback?connection=acme') });
    expect(seg.sid).toBe('acme');
  });

  test("refuses a document whose URLs are another product's", () => {
    const url = `https://api.sendgrid.com/v3/public/sso/saml/response/id/${UUID}`;
    expect(ssoError(() => TwilioTarget.fromSpMetadata({ product: TwilioProduct.SEGMENT, metadata: metadata(url, url) })).code).toBe(SsoErrorCode.SP_URL_UNRECOGNISED);
  });

  test('refuses a token: the document must be known at synth', () => {
    expect(ssoError(() => TwilioTarget.fromSpMetadata({ product: TwilioProduct.CONSOLE, metadata: token() })).code).toBe(SsoErrorCode.SP_METADATA_INVALID);
  });
});

describe('roles for products without roles', () => {
  test('validateRoles and validateRole refuse any role with ROLES_NOT_SUPPORTED', () => {
    const t = TwilioTarget.segment({ connection: 'acme' });
    const e = ssoError(() => t.validateRoles(['agent'], 'groups[0].roles'));
    expect(e.code).toBe(SsoErrorCode.ROLES_NOT_SUPPORTED);
    expect(e.message).toMatch(/groups\[0\]\.roles must be left out: segment has no roles in SAML/);
    expect(ssoError(() => t.validateRole('agent', 'role')).code).toBe(SsoErrorCode.ROLES_NOT_SUPPORTED);
  });

  test('Flex still has roles, NameID format unspecified', () => {
    const t = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
    expect(t.hasRoles).toBe(true);
    expect(t.nameIdFormat).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified');
  });
});

describe('fromEntityId for Segment', () => {
  test('recognises a Segment Entity ID and judges ACS URLs by connection', () => {
    const t = TwilioTarget.fromEntityId('urn:auth0:segment-prod:samlp-acme');
    expect([t?.kind, t?.sid, t?.acsUrl]).toEqual([TwilioSsoKind.SEGMENT, 'acme', 'https://segment-prod.auth0.com/login/callback?connection=acme']);
    expect(t?.isAcsUrl('https://segment-prod.auth0.com/login/callback?connection=other')).toBe(false);
  });

  test('a Console-looking Entity ID is not recognised (its shape is not published)', () => {
    expect(TwilioTarget.fromEntityId('urn:console:abc')).toBeUndefined();
  });
});

describe('assignments for products without roles', () => {
  test('no roles or an empty list is fine; any role is refused', () => {
    const { rolesProblems } = require('../../lib/twilio/role-rules');
    const t = TwilioTarget.sendgrid({ integrationId: UUID });
    expect(rolesProblems(undefined, 'groups[0].roles', t)).toEqual([]);
    expect(rolesProblems([], 'groups[0].roles', t)).toEqual([]);
    expect(rolesProblems(['admin'], 'groups[0].roles', t).map((v: any) => v.code)).toEqual([SsoErrorCode.ROLES_NOT_SUPPORTED]);
  });
});
