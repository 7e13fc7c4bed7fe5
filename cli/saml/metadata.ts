import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The parts of an identity provider's SAML 2.0 metadata that Twilio's configuration depends on.
 * Element and attribute names follow "Metadata for the OASIS Security Assertion Markup Language
 * (SAML) V2.0" (saml-metadata-2.0-os, §2.3.2 EntityDescriptor, §2.4.3 IDPSSODescriptor, §2.4.1.1
 * KeyDescriptor, §2.2.2 EndpointType): https://docs.oasis-open.org/security/saml/v2.0/saml-metadata-2.0-os.pdf
 */
export interface IdpMetadata {
  /** `EntityDescriptor/@entityID`: the issuer the IdP puts in its responses. */
  readonly entityId: string;
  /** `IDPSSODescriptor/@protocolSupportEnumeration`, split on whitespace. */
  readonly protocols: string[];
  /** Every `IDPSSODescriptor/SingleSignOnService`, in document order. */
  readonly singleSignOnServices: Array<{ readonly binding: string; readonly location: string }>;
  /**
   * The Base64 DER of every certificate the IDPSSODescriptor offers for signing: `KeyDescriptor`
   * with `use="signing"` or with no `use` (which means both uses, §2.4.1.1), in document order.
   */
  readonly signingCertificates: string[];
}

/** The SAML 2.0 metadata namespace. */
export const MD_NS = 'urn:oasis:names:tc:SAML:2.0:metadata';
/** The XML Signature namespace (KeyInfo, X509Data, X509Certificate). */
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** The SAML 2.0 protocol, as `protocolSupportEnumeration` names it. */
export const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
/** SAML 2.0 binding URIs (saml-bindings-2.0-os §3.4, §3.5). */
export const BINDINGS = {
  HTTP_REDIRECT: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  HTTP_POST: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
} as const;

/** The document is not (readable) SAML IdP metadata. */
export class MetadataFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetadataFormatError';
  }
}

/** An element with its namespace resolved. */
interface Element {
  readonly ns: string;
  readonly local: string;
  readonly attrs: Record<string, string>;
  readonly children: Element[];
  readonly text: string;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Builds namespace-resolved elements from fast-xml-parser's ordered output. Prefixes are resolved
 * through the `xmlns` declarations in scope, so `md:`, `saml2md:` or a default namespace all read
 * the same, and an element of another namespace with the same local name is not mistaken for one.
 */
function resolve(nodes: any[], scope: Record<string, string>): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const tag = Object.keys(node).find((k) => k !== ':@');
    if (tag === undefined || tag === '#text' || tag.startsWith('?')) continue;
    const rawAttrs: Record<string, string> = node[':@'] ?? {};
    const inner = { ...scope };
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) {
      if (k === 'xmlns') inner[''] = String(v);
      else if (k.startsWith('xmlns:')) inner[k.slice(6)] = String(v);
    }
    for (const [k, v] of Object.entries(rawAttrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      // Unprefixed attributes (entityID, Binding, Location, use) have no namespace: keep their name.
      attrs[k] = String(v);
    }
    const colon = tag.indexOf(':');
    const prefix = colon < 0 ? '' : tag.slice(0, colon);
    const local = colon < 0 ? tag : tag.slice(colon + 1);
    // An unprefixed element with no default namespace in scope is in no namespace ('').
    const ns = prefix === 'xml' ? XML_NS : prefix === '' ? (inner[''] ?? '') : inner[prefix];
    if (ns === undefined) throw new MetadataFormatError(`the XML uses the prefix '${prefix}:' (element <${tag}>) without declaring it`);
    const kids: any[] = Array.isArray(node[tag]) ? node[tag] : [];
    const text = kids
      .filter((k) => typeof k['#text'] === 'string' || typeof k['#text'] === 'number')
      .map((k) => String(k['#text']))
      .join('');
    out.push({ ns, local, attrs, children: resolve(kids, inner), text });
  }
  return out;
}

const children = (e: Element, ns: string, local: string): Element[] => e.children.filter((c) => c.ns === ns && c.local === local);

/** Largest metadata document read, in bytes (real ones are a few kilobytes; Entra's ≈ 20 KB). */
export const MAX_METADATA_BYTES = 5 * 1024 * 1024;

/**
 * Parses IdP metadata. `expectedEntityId`, when given, picks the EntityDescriptor of a multi-entity
 * document (`EntitiesDescriptor`); otherwise the first one with an IDPSSODescriptor is used.
 * A UTF-8 byte-order mark (which Microsoft Entra's federation metadata starts with) is accepted.
 * Documents with a DOCTYPE are refused: IdP metadata has no use for one, and every entity-expansion
 * attack needs one.
 */
export function parseIdpMetadata(input: Buffer | string, expectedEntityId?: string): IdpMetadata {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (bytes.length > MAX_METADATA_BYTES) throw new MetadataFormatError(`the document is ${bytes.length} bytes; SAML metadata is at most a few hundred kilobytes (limit ${MAX_METADATA_BYTES})`);
  let text: string;
  try {
    // TextDecoder drops a leading byte-order mark (its `ignoreBOM` is false by default).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new MetadataFormatError('the document is not UTF-8 text');
  }
  text = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(text)) throw new MetadataFormatError('the document has a DOCTYPE, which SAML metadata never has (refused: it could declare entities)');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw new MetadataFormatError(`the document is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
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
  const roots = resolve(parser.parse(text), { xml: XML_NS });
  const root = roots[0];
  if (!root) throw new MetadataFormatError('the document has no root element');
  let entities: Element[];
  if (root.ns === MD_NS && root.local === 'EntityDescriptor') entities = [root];
  else if (root.ns === MD_NS && root.local === 'EntitiesDescriptor') entities = collectEntities(root);
  else throw new MetadataFormatError(`the root element is <${root.local}>${root.ns ? ` in namespace ${root.ns}` : ''}, not a SAML 2.0 metadata EntityDescriptor (${MD_NS})`);
  const idps = entities.filter((e) => children(e, MD_NS, 'IDPSSODescriptor').length > 0);
  if (idps.length === 0) throw new MetadataFormatError('the metadata has no IDPSSODescriptor: it does not describe an identity provider');
  const entity = (expectedEntityId !== undefined ? idps.find((e) => e.attrs.entityID === expectedEntityId) : undefined) ?? idps[0];
  const entityId = entity.attrs.entityID;
  if (!entityId) throw new MetadataFormatError('the EntityDescriptor has no entityID attribute');
  const idp = children(entity, MD_NS, 'IDPSSODescriptor')[0];
  const signingCertificates = children(idp, MD_NS, 'KeyDescriptor')
    .filter((k) => k.attrs.use === undefined || k.attrs.use === 'signing')
    .flatMap((k) => children(k, DS_NS, 'KeyInfo'))
    .flatMap((ki) => children(ki, DS_NS, 'X509Data'))
    .flatMap((xd) => children(xd, DS_NS, 'X509Certificate'))
    .map((c) => c.text.replace(/\s+/g, ''))
    .filter((b) => b !== '');
  return {
    entityId,
    protocols: (idp.attrs.protocolSupportEnumeration ?? '').split(/\s+/).filter((p) => p !== ''),
    singleSignOnServices: children(idp, MD_NS, 'SingleSignOnService').map((s) => ({ binding: s.attrs.Binding ?? '', location: s.attrs.Location ?? '' })),
    signingCertificates,
  };
}

function collectEntities(e: Element): Element[] {
  return e.children.flatMap((c) => (c.ns !== MD_NS ? [] : c.local === 'EntityDescriptor' ? [c] : c.local === 'EntitiesDescriptor' ? collectEntities(c) : []));
}
