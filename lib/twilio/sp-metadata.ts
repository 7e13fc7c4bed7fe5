import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reading a service provider's SAML 2.0 metadata: the document a product's SSO page offers for
 * download (the Twilio Console's SSO profile offers "SP Metadata", which Twilio's Entra guide uploads
 * into Entra: https://www.twilio.com/docs/iam/single-sign-on/configuring-azure-active-directory-with-twilio-sso).
 * Element and attribute names follow "Metadata for the OASIS Security Assertion Markup Language (SAML)
 * V2.0" (saml-metadata-2.0-os: §2.3.2 EntityDescriptor, §2.4.4 SPSSODescriptor, §2.4.2 SSODescriptorType
 * NameIDFormat, §2.2.3 IndexedEndpointType): https://docs.oasis-open.org/security/saml/v2.0/saml-metadata-2.0-os.pdf
 *
 * Pure: no cdktf (lib/twilio imports nothing from it). A metadata document is a file the user gives,
 * so it is always a literal, never a Terraform token.
 */

/** What an identity provider's app needs from a service provider's metadata. */
export interface SpMetadata {
  /** `EntityDescriptor/@entityID`: the SP Entity ID, the Audience of the assertion. */
  readonly entityId: string;
  /**
   * The `Location` of the `SPSSODescriptor/AssertionConsumerService` with the HTTP-POST binding: the
   * ACS URL. With several, the one the metadata marks `isDefault="true"`, else the first without
   * `isDefault="false"`, else the first (saml-metadata-2.0-os §2.2.3).
   */
  readonly acsUrl: string;
  /** Every `SPSSODescriptor/NameIDFormat`, in document order (possibly none). */
  readonly nameIdFormats: string[];
}

/** Options of {@link parseSpMetadata}. */
export interface ParseSpMetadataOptions {
  /**
   * The Entity ID to pick from a document that describes several service providers
   * (`EntitiesDescriptor`); when given, a document whose SP has another Entity ID is refused.
   * @default - the document must describe exactly one service provider
   */
  readonly entityId?: string;
}

/** The document is not (readable, usable) SAML service provider metadata. */
export class SpMetadataError extends Error {
  constructor(message: string) {
    super(`SP metadata: ${message}`);
    this.name = 'SpMetadataError';
  }
}

/** The SAML 2.0 metadata namespace. */
export const SAML_METADATA_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
/** The SAML 2.0 protocol, as `protocolSupportEnumeration` names it. */
export const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
/** The HTTP-POST binding (saml-bindings-2.0-os §3.5), the one Twilio's products receive responses on. */
export const HTTP_POST_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/**
 * Largest document read, in bytes. An SP's metadata is a few kilobytes (an entity ID, endpoints,
 * perhaps two certificates); 256 KiB leaves room for signed metadata and long certificate chains.
 */
export const MAX_SP_METADATA_BYTES = 256 * 1024;

/** `entityID` is at most 1024 characters (saml-metadata-2.0-os §2.3.2). */
const MAX_ENTITY_ID_LENGTH = 1024;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** An element with its namespace resolved. */
interface Element {
  readonly ns: string;
  readonly local: string;
  readonly attrs: Record<string, string>;
  readonly children: Element[];
  readonly text: string;
}

/** A value for an error message: quoted, escaped, cut to a readable length. */
function shown(value: string): string {
  const cut = value.length > 120 ? `${value.slice(0, 117)}...` : value;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Namespace-resolved elements from fast-xml-parser's ordered output: prefixes are resolved through
 * the `xmlns` declarations in scope, so `md:`, another prefix or a default namespace read the same,
 * and an element of another namespace with the same local name is not taken for a metadata one.
 */
function resolve(nodes: any[], scope: Record<string, string>): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ':@');
    if (tag === undefined || tag === '#text' || tag.startsWith('?') || tag === '#comment') continue;
    const raw: Record<string, unknown> = node[':@'] ?? {};
    const inner = { ...scope };
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k === 'xmlns') inner[''] = String(v);
      else if (k.startsWith('xmlns:')) inner[k.slice(6)] = String(v);
      else attrs[k] = String(v);
    }
    const colon = tag.indexOf(':');
    const prefix = colon < 0 ? '' : tag.slice(0, colon);
    const local = colon < 0 ? tag : tag.slice(colon + 1);
    const ns = prefix === '' ? (inner[''] ?? '') : inner[prefix];
    if (ns === undefined) throw new SpMetadataError(`the element <${tag}> uses the prefix '${prefix}:' without declaring it`);
    const kids: any[] = Array.isArray(node[tag]) ? node[tag] : [];
    const text = kids
      .filter((k) => typeof k['#text'] === 'string' || typeof k['#text'] === 'number')
      .map((k) => String(k['#text']))
      .join('');
    out.push({ ns, local, attrs, children: resolve(kids, inner), text });
  }
  return out;
}

const mdChildren = (e: Element, local: string): Element[] => e.children.filter((c) => c.ns === SAML_METADATA_NS && c.local === local);

function entitiesIn(e: Element): Element[] {
  return mdChildren(e, 'EntityDescriptor').concat(...mdChildren(e, 'EntitiesDescriptor').map(entitiesIn));
}

/** The document's text: bounded, UTF-8, without a byte-order mark, no DOCTYPE, well-formed. */
function readText(input: string | Uint8Array): string {
  let text: string;
  if (typeof input === 'string') {
    // Checked in UTF-16 code units first, so a huge string is refused before it is encoded.
    if (input.length > MAX_SP_METADATA_BYTES) throw new SpMetadataError(`the document is longer than ${MAX_SP_METADATA_BYTES} bytes; SP metadata is a few kilobytes`);
    if (Buffer.byteLength(input, 'utf8') > MAX_SP_METADATA_BYTES) throw new SpMetadataError(`the document is longer than ${MAX_SP_METADATA_BYTES} bytes; SP metadata is a few kilobytes`);
    text = input;
  } else {
    if (input.byteLength > MAX_SP_METADATA_BYTES) throw new SpMetadataError(`the document is ${input.byteLength} bytes, more than ${MAX_SP_METADATA_BYTES}; SP metadata is a few kilobytes`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new SpMetadataError('the document is not UTF-8 text');
    }
  }
  // A UTF-8 byte-order mark (some consoles and editors write one); TextDecoder already drops it from bytes.
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new SpMetadataError('the document is empty');
  if (/<!DOCTYPE/i.test(text)) throw new SpMetadataError('the document has a DOCTYPE, which SAML metadata never needs (refused: a DOCTYPE can declare entities)');
  if (/<!ENTITY/i.test(text)) throw new SpMetadataError('the document declares an entity (refused)');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw new SpMetadataError(`the document is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  return text;
}

function checkEntityId(entityId: string | undefined): string {
  if (entityId === undefined || entityId === '') throw new SpMetadataError('the EntityDescriptor has no entityID');
  if (entityId.length > MAX_ENTITY_ID_LENGTH) throw new SpMetadataError(`the entityID is ${entityId.length} characters; SAML allows at most ${MAX_ENTITY_ID_LENGTH}`);
  if (/[\s\u0000-\u001f\u007f]/.test(entityId)) throw new SpMetadataError(`the entityID ${shown(entityId)} contains white space or control characters`);
  return entityId;
}

function checkAcsUrl(location: string | undefined): string {
  if (location === undefined || location === '') throw new SpMetadataError('the HTTP-POST AssertionConsumerService has no Location');
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new SpMetadataError(`the AssertionConsumerService Location ${shown(location)} is not an absolute URL`);
  }
  if (url.protocol !== 'https:') throw new SpMetadataError(`the AssertionConsumerService Location ${shown(location)} is not an https URL`);
  if (url.username !== '' || url.password !== '') throw new SpMetadataError(`the AssertionConsumerService Location ${shown(location)} carries credentials`);
  if (/[\s\u0000-\u001f\u007f]/.test(location)) throw new SpMetadataError(`the AssertionConsumerService Location ${shown(location)} contains white space or control characters`);
  return location;
}

/** The HTTP-POST ACS the way saml-metadata-2.0-os §2.2.3 picks a default among indexed endpoints. */
function postAcs(sp: Element): Element {
  const all = mdChildren(sp, 'AssertionConsumerService');
  const post = all.filter((a) => a.attrs.Binding === HTTP_POST_BINDING);
  if (post.length === 0) {
    const bindings = [...new Set(all.map((a) => a.attrs.Binding ?? '(none)'))];
    throw new SpMetadataError(
      all.length === 0
        ? 'the SPSSODescriptor has no AssertionConsumerService'
        : `no AssertionConsumerService has the HTTP-POST binding (${HTTP_POST_BINDING}); found: ${bindings.map(shown).join(', ')}`,
    );
  }
  return post.find((a) => a.attrs.isDefault === 'true') ?? post.find((a) => a.attrs.isDefault !== 'false') ?? post[0];
}

/**
 * Parses a service provider's SAML 2.0 metadata into its Entity ID, HTTP-POST ACS URL and NameID
 * formats, or throws an {@link SpMetadataError} that says what is wrong. Accepts a string or the
 * file's bytes (UTF-8, with or without a byte-order mark). Refuses: documents over
 * {@link MAX_SP_METADATA_BYTES}, a DOCTYPE or entity declaration, XML that is not well-formed, a
 * root other than a metadata `EntityDescriptor`/`EntitiesDescriptor`, metadata without an
 * `SPSSODescriptor` supporting SAML 2.0, several SPs when no `entityId` option picks one, an ACS that
 * is not an absolute https URL.
 */
export function parseSpMetadata(input: string | Uint8Array, options: ParseSpMetadataOptions = {}): SpMetadata {
  const text = readText(input);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const root = resolve(parser.parse(text), { xml: XML_NS })[0];
  if (!root) throw new SpMetadataError('the document has no root element');
  let entities: Element[];
  if (root.ns === SAML_METADATA_NS && root.local === 'EntityDescriptor') entities = [root];
  else if (root.ns === SAML_METADATA_NS && root.local === 'EntitiesDescriptor') entities = entitiesIn(root);
  else throw new SpMetadataError(`the root element is <${root.local}>${root.ns ? ` in namespace ${shown(root.ns)}` : ' in no namespace'}, not a SAML 2.0 metadata EntityDescriptor (${SAML_METADATA_NS})`);

  const sps = entities.filter((e) => mdChildren(e, 'SPSSODescriptor').length > 0);
  if (sps.length === 0) {
    const idp = entities.some((e) => mdChildren(e, 'IDPSSODescriptor').length > 0);
    throw new SpMetadataError(idp ? "the metadata describes an identity provider (IDPSSODescriptor), not a service provider: give the product's SP metadata" : 'the metadata has no SPSSODescriptor');
  }
  let entity: Element;
  if (options.entityId !== undefined) {
    const found = sps.find((e) => e.attrs.entityID === options.entityId);
    if (!found) throw new SpMetadataError(`no service provider in the document has the entityID ${shown(options.entityId)}; found: ${sps.map((e) => shown(e.attrs.entityID ?? '')).join(', ')}`);
    entity = found;
  } else {
    if (sps.length > 1) throw new SpMetadataError(`the document describes ${sps.length} service providers; say which with the entityId option`);
    entity = sps[0];
  }
  const entityId = checkEntityId(entity.attrs.entityID);
  const sp = mdChildren(entity, 'SPSSODescriptor').find((d) => (d.attrs.protocolSupportEnumeration ?? '').split(/\s+/).includes(SAML2_PROTOCOL));
  if (!sp) throw new SpMetadataError(`the SPSSODescriptor does not list the SAML 2.0 protocol (${SAML2_PROTOCOL}) in protocolSupportEnumeration`);
  const acsUrl = checkAcsUrl(postAcs(sp).attrs.Location);
  const nameIdFormats = mdChildren(sp, 'NameIDFormat')
    .map((n) => n.text.trim())
    .filter((f) => f !== '');
  return { entityId, acsUrl, nameIdFormats };
}
