import { SAML } from '@node-saml/node-saml';
// Both come with @node-saml/node-saml (its own XML dependencies), so no extra install is needed.
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { TwilioTarget } from '../../lib';

/** The Console values our construct output (read from `terraform output`). */
export interface IdpValues {
  issuer: string;
  ssoUrl: string;
  certificatePem: string;
}

/** What Twilio must receive for the signed-in user. */
export interface ExpectedUser {
  nameId: string;
  email: string;
  roles: string[];
  /** Flex only. */
  fullName?: string;
}

const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
};
const select = xpath.useNamespaces(NS);
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/**
 * The service provider as Twilio would be configured from our outputs: the IdP certificate is the PEM
 * our construct output, the SP Entity ID and ACS come from the Twilio target, and both the response
 * and the assertion must be signed. `audience` may be overridden only to prove a wrong-audience
 * response is refused.
 */
export function twilioServiceProvider(target: TwilioTarget, idp: IdpValues, audience = target.entityId): SAML {
  return new SAML({
    callbackUrl: target.acsUrl,
    entryPoint: idp.ssoUrl,
    issuer: target.entityId,
    audience,
    idpCert: idp.certificatePem,
    wantAuthnResponseSigned: true,
    wantAssertionsSigned: true,
    acceptedClockSkewMs: 5_000,
  });
}

function one(doc: Node, path: string, what: string): any {
  const nodes = select(path, doc) as any[];
  if (nodes.length !== 1) throw new Error(`expected exactly one ${what} (${path}), found ${nodes.length}`);
  return nodes[0];
}

function equal(actual: unknown, expected: unknown, what: string): string {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
  return `${what} = ${e}`;
}

/**
 * Verifies a base64 SAMLResponse the way Twilio's service provider must: signatures (response and
 * assertion) against our certificate, audience, then — on the verified document — Destination,
 * Recipient, issuers, algorithms, NameID and the attributes. Returns the checks made; throws on the
 * first failure.
 */
export async function verifyResponse(samlResponse: string, target: TwilioTarget, idp: IdpValues, user: ExpectedUser): Promise<string[]> {
  const checks: string[] = [];
  const { profile } = await twilioServiceProvider(target, idp).validatePostResponseAsync({ SAMLResponse: samlResponse });
  if (!profile) throw new Error('node-saml returned no profile');
  checks.push('node-saml: response and assertion signatures valid for our x509_certificate output, audience = Entity ID, time conditions valid');

  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
  const response = one(doc, '/samlp:Response', 'Response');
  if ((select('//saml:EncryptedAssertion', doc) as any[]).length > 0) throw new Error('the assertion is encrypted: Twilio does not support encryption');
  const assertion = one(doc, '/samlp:Response/saml:Assertion', 'Assertion');
  checks.push(equal(response.getAttribute('Destination'), target.acsUrl, 'Response Destination'));
  checks.push(equal(one(assertion, 'saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData', 'SubjectConfirmationData').getAttribute('Recipient'), target.acsUrl, 'SubjectConfirmationData Recipient'));
  checks.push(equal(one(response, 'saml:Issuer', 'Response Issuer').textContent, idp.issuer, 'Response Issuer'));
  checks.push(equal(one(assertion, 'saml:Issuer', 'Assertion Issuer').textContent, idp.issuer, 'Assertion Issuer'));
  checks.push(equal(one(assertion, 'saml:Conditions/saml:AudienceRestriction/saml:Audience', 'Audience').textContent, target.entityId, 'Audience'));
  for (const [where, node] of [['Response', response], ['Assertion', assertion]] as const) {
    const sig = one(node, 'ds:Signature', `${where} Signature`);
    checks.push(equal(one(sig, 'ds:SignedInfo/ds:SignatureMethod', 'SignatureMethod').getAttribute('Algorithm'), RSA_SHA256, `${where} SignatureMethod`));
    checks.push(equal(one(sig, 'ds:SignedInfo/ds:Reference/ds:DigestMethod', 'DigestMethod').getAttribute('Algorithm'), SHA256, `${where} DigestMethod`));
  }
  const nameId = one(assertion, 'saml:Subject/saml:NameID', 'NameID');
  checks.push(equal(nameId.textContent, user.nameId, 'NameID'));
  checks.push(equal(nameId.getAttribute('Format'), NAMEID_UNSPECIFIED, 'NameID Format'));
  checks.push(equal(profile.nameID, user.nameId, 'node-saml profile nameID'));

  const attributes = select('saml:AttributeStatement/saml:Attribute', assertion) as any[];
  const names = attributes.map((a) => a.getAttribute('Name') as string);
  checks.push(equal([...names].sort(), [...target.requiredAttributes].sort(), 'attribute names (exactly the required ones, bare)'));
  for (const n of names) if (/[:/]/.test(n) || n !== n.toLowerCase()) throw new Error(`attribute name '${n}' is namespaced or capitalised`);
  const values = (name: string): string[] => {
    const attr = attributes.filter((a) => a.getAttribute('Name') === name);
    if (attr.length !== 1) throw new Error(`expected one '${name}' attribute, found ${attr.length}`);
    return (select('saml:AttributeValue', attr[0]) as any[]).map((v) => v.textContent as string);
  };
  checks.push(equal(values('email'), [user.email], 'email'));
  checks.push(equal(values('roles').sort(), [...user.roles].sort(), 'roles (one attribute, one value per role)'));
  checks.push(equal((profile as any).email, user.email, 'node-saml profile email'));
  if (target.isFlex) {
    checks.push(equal(values('full_name'), [user.fullName], 'full_name'));
  }
  const authn = one(assertion, 'saml:AuthnStatement', 'AuthnStatement');
  const notOnOrAfter = authn.getAttribute('SessionNotOnOrAfter');
  if (notOnOrAfter) {
    const hours = (Date.parse(notOnOrAfter) - Date.now()) / 3_600_000;
    if (hours < 1) throw new Error(`SessionNotOnOrAfter is ${hours.toFixed(2)} h away: Flex needs at least 1 hour`);
    checks.push(`SessionNotOnOrAfter ${hours.toFixed(1)} h away (>= 1 h)`);
  }
  return checks;
}

/** Expects `check` to reject; returns the error message. */
export async function expectRejected(what: string, check: () => Promise<unknown>, pattern: RegExp): Promise<string> {
  try {
    await check();
  } catch (e) {
    const message = (e as Error).message;
    if (!pattern.test(message)) throw new Error(`${what} was rejected, but not for the expected reason (${pattern}): ${message}`);
    return `${what} rejected: ${message.split('\n')[0]}`;
  }
  throw new Error(`${what} was ACCEPTED: the check does not protect against it`);
}

/** The same response with one attribute value changed in the XML (signatures left as they were). */
export function tamperAttribute(samlResponse: string, from: string, to: string): string {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const needle = `>${from}</`;
  const at = xml.indexOf(needle, xml.indexOf('AttributeStatement'));
  if (at < 0) throw new Error(`cannot tamper: value '${from}' not found in the AttributeStatement`);
  return Buffer.from(xml.slice(0, at) + `>${to}</` + xml.slice(at + needle.length), 'utf8').toString('base64');
}
