import { SsoErrorCode, Violation } from './errors';
import { isRecord, recordProblems, show, stringProblems, violation } from './rules';
import { parseSpMetadata, SpMetadata, SpMetadataError } from './sp-metadata';
import { isUnresolved } from './unresolved';

// Internal to the library: the rules and facts of Twilio's SAML service providers other than Flex and
// Frontline — the Twilio Console's SSO profile, Twilio SendGrid and Twilio Segment. TwilioTarget's
// factories (target.ts) run these rules; each rule is a pure function that never throws.

/** Options for {@link TwilioTarget.console}: the values the Console's SSO profile shows. */
export interface ConsoleSsoOptions {
  /**
   * The SP Entity ID ("Audience URI") the SSO profile shows in Admin Center → Single Sign-On. Its shape
   * is not published by Twilio, so any SAML entity ID is accepted (no spaces, at most 1024
   * characters); a token is accepted.
   */
  readonly entityId: string;
  /**
   * The ACS URL ("Single sign-on URL") the SSO profile shows: an absolute `https` URL; a token is
   * accepted.
   */
  readonly acsUrl: string;
}

/** Options for {@link TwilioTarget.sendgrid}. */
export interface SendGridSsoOptions {
  /**
   * The SendGrid SSO integration ID: a UUID, as SendGrid's Settings → SSO Settings shows it in the
   * Single Sign-On URL (or `SendgridSsoIntegration.id` in the same stack: a token is accepted).
   */
  readonly integrationId: string;
}

/** Options for {@link TwilioTarget.segment}. */
export interface SegmentSsoOptions {
  /**
   * The value Segment puts in the workspace's SAML connection URLs (Settings → Authentication →
   * Connections): `<value>` in `https://segment-prod.auth0.com/login/callback?connection=<value>`.
   * A token is accepted.
   */
  readonly connection: string;
}

// ---------------------------------------------------------------------------------------------------
// The facts, each with its public source.

/** SAML 2.0 NameID format `emailAddress` (saml-core-2.0-os §8.3.1). */
export const NAME_ID_FORMAT_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
/** SAML 2.0 NameID format `unspecified` (saml-core-2.0-os §8.3.1). */
export const NAME_ID_FORMAT_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/**
 * SendGrid's ACS URL and SP Entity ID are one URL carrying the integration ID: "Single Sign-On URL"
 * = "Audience URL (SP Entity ID)" (https://www.twilio.com/docs/sendgrid/ui/account-and-settings/sso
 * and …/sso-okta: "This is the same URL as the Audience URL"; example values in twilio/sendgrid-oai
 * `spec/json/tsg_sso_v3.json`, "single_signon_url"/"audience_url").
 */
export const SENDGRID_ACS_PREFIX = 'https://api.sendgrid.com/v3/public/sso/saml/response/id/';
/**
 * The integration ID is a UUID (example `b0b98502-9408-4b24-9e3d-31ed7cb15312` in tsg_sso_v3.json;
 * the same shape in Microsoft Learn "Tutorial: Microsoft Entra SSO integration with Twilio SendGrid").
 * SendGrid does not state the case, so both are accepted.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SENDGRID_URL = /^https:\/\/api\.sendgrid\.com\/v3\/public\/sso\/saml\/response\/id\/([^/?#]+)$/;

/**
 * Segment's SP values come from its Auth0 tenant `segment-prod`: Entity ID
 * `urn:auth0:segment-prod:samlp-<value>`, Reply (ACS) URL
 * `https://segment-prod.auth0.com/login/callback?connection=<value>` (Microsoft Learn "Tutorial:
 * Microsoft Entra SSO integration with Segment", MicrosoftDocs/azure-docs
 * `articles/active-directory/saas-apps/segment-tutorial.md`, Basic SAML Configuration).
 */
export const SEGMENT_ENTITY_PREFIX = 'urn:auth0:segment-prod:samlp-';
/** See {@link SEGMENT_ENTITY_PREFIX}. */
export const SEGMENT_ACS_PREFIX = 'https://segment-prod.auth0.com/login/callback?connection=';
const SEGMENT_ENTITY = /^urn:auth0:segment-prod:(.+)$/;
const SEGMENT_ACS = /^https:\/\/segment-prod\.auth0\.com\/login\/callback\?connection=([^&#]+)$/;
/**
 * The connection value's shape is not published; it is an Auth0 connection name carried in a query
 * string, so: URL-safe characters only, no spaces, at most 128 characters.
 */
const SEGMENT_CONNECTION = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$/;

/** The longest SAML entity ID (saml-metadata-2.0-os §2.3.2: "at most 1024 characters"). */
const MAX_ENTITY_ID_LENGTH = 1024;

/** What an identity provider must do for one product, besides the Entity ID and ACS URL. */
export interface ProductProfile {
  /** How the product is named in messages and labels. */
  readonly name: string;
  /** The NameID format the product asks for. */
  readonly nameIdFormat: string;
  /** Whether the NameID must carry the user's email address. */
  readonly nameIdIsEmail: boolean;
  /** Whether roles are sent in SAML (a `roles` attribute and per-role assignments). */
  readonly hasRoles: boolean;
  /** The attributes the product requires, besides the NameID. */
  readonly requiredAttributes: readonly string[];
  /** The attributes the product is documented to read when sent. */
  readonly optionalAttributes: readonly string[];
  /** Whether the product requires the SAML Response to be signed. */
  readonly requiresSignedResponse: boolean;
  /** Whether the product requires the Assertion to be signed. */
  readonly requiresSignedAssertion: boolean;
}

/**
 * The Twilio Console's SSO profile (self-service SSO for an Organization's managed users): NameID
 * format EmailAddress carrying the user's email, "'Signed' SAML Response as well as 'Signed' SAML
 * Assertion", no encrypted responses
 * (https://www.twilio.com/docs/iam/single-sign-on/configuring-sso-with-other-saml2-idp); Twilio "uses
 * the user's email address as the unique identifier (NameID)" and manages access in the Console, not
 * in SAML (https://www.twilio.com/docs/iam/single-sign-on): no roles, no attributes.
 */
export const CONSOLE_PROFILE: ProductProfile = Object.freeze({
  name: 'Twilio Console SSO',
  nameIdFormat: NAME_ID_FORMAT_EMAIL,
  nameIdIsEmail: true,
  hasRoles: false,
  requiredAttributes: [],
  optionalAttributes: [],
  requiresSignedResponse: true,
  requiresSignedAssertion: true,
});

/**
 * Twilio SendGrid: the application username is the email ("Application username: Email",
 * https://www.twilio.com/docs/sendgrid/ui/account-and-settings/sso-okta) and an SSO teammate's email
 * "must match the address assigned to the user in your IdP" (tsg_sso_v3.json, /v3/sso/teammates), so
 * the NameID is the email in EmailAddress format. No roles: a teammate's permissions are set in
 * SendGrid. SendGrid documents no attribute it reads; Microsoft's tutorial sends `FirstName` and
 * `LastName` claims, which SendGrid's own pages do not mention, so none is required here (add them
 * with `addAttribute` if your account shows names from them). SendGrid documents no signing
 * requirement beyond the X.509 certificate it verifies with; the constructs sign both anyway.
 */
export const SENDGRID_PROFILE: ProductProfile = Object.freeze({
  name: 'SendGrid',
  nameIdFormat: NAME_ID_FORMAT_EMAIL,
  nameIdIsEmail: true,
  hasRoles: false,
  requiredAttributes: [],
  optionalAttributes: [],
  requiresSignedResponse: false,
  requiresSignedAssertion: false,
});

/**
 * Twilio Segment: NameID `emailAddress`; "Signed Response & Assertion Signature with SHA256,
 * Unencrypted Assertions"; "The only attribute mapping we require is … `email`"; JIT users join as
 * minimal-access members, so no roles in SAML (segmentio/segment-docs `src/segment-app/iam/sso.md`,
 * https://segment.com/docs/segment-app/iam/sso/).
 */
export const SEGMENT_PROFILE: ProductProfile = Object.freeze({
  name: 'Segment',
  nameIdFormat: NAME_ID_FORMAT_EMAIL,
  nameIdIsEmail: true,
  hasRoles: false,
  requiredAttributes: ['email'],
  optionalAttributes: [],
  requiresSignedResponse: true,
  requiresSignedAssertion: true,
});

// ---------------------------------------------------------------------------------------------------
// Rules.

/** The problems of a literal SP Entity ID that is not one of a known shape: empty, spaces, too long. */
export function entityIdProblems(value: unknown, field: string): Violation[] {
  if (isUnresolved(value)) return [];
  const type = stringProblems(value, field, 'the SP Entity ID');
  if (type.length > 0) return type;
  const s = value as string;
  if (s === '' || /[\s\u0000-\u001f\u007f]/.test(s) || s.length > MAX_ENTITY_ID_LENGTH) {
    return [violation(SsoErrorCode.SP_ENTITY_ID_INVALID, field, value, `must be a SAML entity ID: not empty, no spaces or control characters, at most ${MAX_ENTITY_ID_LENGTH} characters, got ${show(value)}`)];
  }
  return [];
}

/** The problems of a literal ACS URL of no known shape: not an absolute https URL, credentials, spaces. */
export function acsUrlProblems(value: unknown, field: string): Violation[] {
  if (isUnresolved(value)) return [];
  const type = stringProblems(value, field, 'the ACS URL');
  if (type.length > 0) return type;
  const s = value as string;
  let url: URL | undefined;
  try {
    url = new URL(s);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.username !== '' || url.password !== '' || /[\s\u0000-\u001f\u007f]/.test(s)) {
    return [violation(SsoErrorCode.SP_ACS_URL_INVALID, field, value, `must be an absolute https URL without credentials or spaces, got ${show(value)}`)];
  }
  return [];
}

/** The problems of {@link ConsoleSsoOptions}. */
export function consoleProblems(options: unknown): Violation[] {
  const shape = recordProblems(options, 'options', 'Console SSO options { entityId, acsUrl }');
  if (shape.length > 0 || !isRecord(options)) return shape;
  const out = [...entityIdProblems(options.entityId, 'entityId'), ...acsUrlProblems(options.acsUrl, 'acsUrl')];
  // Another product's URLs are never the Console's.
  for (const [field, value] of [['entityId', options.entityId], ['acsUrl', options.acsUrl]] as const) {
    const other = typeof value === 'string' && !isUnresolved(value) ? productOfUrl(value) : undefined;
    if (other !== undefined) {
      out.push(violation(SsoErrorCode.SP_PRODUCT_MISMATCH, field, value, `is a ${other} URL, not the Twilio Console's, got ${show(value)}; copy the values from Admin Center → Single Sign-On → your SSO profile`));
    }
  }
  return out;
}

/** The problems of a SendGrid integration ID at `field`. */
export function integrationIdProblems(value: unknown, field: string): Violation[] {
  if (isUnresolved(value)) return [];
  const type = stringProblems(value, field, 'the SendGrid SSO integration ID (a UUID)');
  if (type.length > 0 || UUID.test(value as string)) return type;
  return [
    violation(SsoErrorCode.SENDGRID_INTEGRATION_ID_INVALID, field, value,
      `must be a SendGrid SSO integration ID, a UUID such as 'b0b98502-9408-4b24-9e3d-31ed7cb15312' (the last part of the Single Sign-On URL), got ${show(value)}`),
  ];
}

/** The problems of {@link SendGridSsoOptions}. */
export function sendgridProblems(options: unknown): Violation[] {
  const shape = recordProblems(options, 'options', 'SendGrid options { integrationId }');
  if (shape.length > 0 || !isRecord(options)) return shape;
  return integrationIdProblems(options.integrationId, 'integrationId');
}

/** The problems of a Segment connection value at `field`. */
export function segmentConnectionProblems(value: unknown, field: string): Violation[] {
  if (isUnresolved(value)) return [];
  const type = stringProblems(value, field, "the Segment workspace's SAML connection value");
  if (type.length > 0 || SEGMENT_CONNECTION.test(value as string)) return type;
  return [
    violation(SsoErrorCode.SEGMENT_CONNECTION_INVALID, field, value,
      `must be the connection value from Segment's Single Sign-On URL (after 'connection='): letters, digits, '.', '_', '~' and '-', at most 128 characters, got ${show(value)}`),
  ];
}

/** The problems of {@link SegmentSsoOptions}. */
export function segmentProblems(options: unknown): Violation[] {
  const shape = recordProblems(options, 'options', 'Segment options { connection }');
  if (shape.length > 0 || !isRecord(options)) return shape;
  return segmentConnectionProblems(options.connection, 'connection');
}

/** What a pair of SendGrid or Segment URLs says: the identifier inside, or the problems. */
export interface UrlReading {
  /**
   * The identifier read (SendGrid integration ID, Segment connection value).
   * @default - none: a token, or the URL was refused
   */
  readonly id?: string;
  /** Every problem found (none when the URLs are good). */
  readonly problems: Violation[];
}

/**
 * Reads SendGrid's Entity ID and ACS URL (the same URL): the integration ID, checked. With `partial`,
 * a value left `undefined` is not read (to judge one URL alone).
 */
export function readSendgridUrls(entityId: unknown, acsUrl: unknown, partial = false): UrlReading {
  const problems: Violation[] = [];
  const ids: string[] = [];
  for (const [field, value] of [['entityId', entityId], ['acsUrl', acsUrl]] as const) {
    if (isUnresolved(value) || (partial && value === undefined)) continue;
    const type = stringProblems(value, field, `SendGrid's Single Sign-On URL (${SENDGRID_ACS_PREFIX}<integration ID>)`);
    if (type.length > 0) {
      problems.push(...type);
      continue;
    }
    const m = SENDGRID_URL.exec(value as string);
    if (!m) {
      problems.push(violation(SsoErrorCode.SP_URL_UNRECOGNISED, field, value, `is not SendGrid's Single Sign-On URL, got ${show(value)}; expected ${SENDGRID_ACS_PREFIX}<integration ID>`));
      continue;
    }
    const idProblems = integrationIdProblems(m[1], field);
    if (idProblems.length > 0) problems.push(violation(SsoErrorCode.SENDGRID_INTEGRATION_ID_INVALID, field, value, `carries ${show(m[1])}, which is not a SendGrid integration ID (a UUID)`));
    else ids.push(m[1]);
  }
  if (problems.length === 0 && ids.length === 2 && ids[0].toLowerCase() !== ids[1].toLowerCase()) {
    problems.push(violation(SsoErrorCode.SP_SID_MISMATCH, 'acsUrl', acsUrl, `carries integration ${show(ids[1])} but entityId carries ${show(ids[0])}; SendGrid's Audience URL and Single Sign-On URL are the same URL`));
  }
  return { id: ids[0], problems };
}

/**
 * Reads Segment's Entity ID and ACS URL: the connection value, checked. Microsoft's tutorial writes
 * the Entity ID as `…:samlp-<value>` and the ACS as `…?connection=<value>`, while an Auth0 connection
 * whose name starts `samlp-` would carry the prefix in both; both readings are accepted. With
 * `partial`, a value left `undefined` is not read.
 */
export function readSegmentUrls(entityId: unknown, acsUrl: unknown, partial = false): UrlReading {
  const problems: Violation[] = [];
  let entityName: string | undefined;
  let connection: string | undefined;
  if (!isUnresolved(entityId) && !(partial && entityId === undefined)) {
    const type = stringProblems(entityId, 'entityId', `Segment's Audience URL (${SEGMENT_ENTITY_PREFIX}<value>)`);
    const m = type.length > 0 ? null : SEGMENT_ENTITY.exec(entityId as string);
    if (type.length > 0) problems.push(...type);
    else if (!m || !SEGMENT_CONNECTION.test(m[1])) problems.push(violation(SsoErrorCode.SP_URL_UNRECOGNISED, 'entityId', entityId, `is not Segment's Audience URL, got ${show(entityId)}; expected ${SEGMENT_ENTITY_PREFIX}<value>`));
    else entityName = m[1];
  }
  if (!isUnresolved(acsUrl) && !(partial && acsUrl === undefined)) {
    const type = stringProblems(acsUrl, 'acsUrl', `Segment's Single Sign-On URL (${SEGMENT_ACS_PREFIX}<value>)`);
    const m = type.length > 0 ? null : SEGMENT_ACS.exec(acsUrl as string);
    if (type.length > 0) problems.push(...type);
    else if (!m || !SEGMENT_CONNECTION.test(m[1])) problems.push(violation(SsoErrorCode.SP_URL_UNRECOGNISED, 'acsUrl', acsUrl, `is not Segment's Single Sign-On URL, got ${show(acsUrl)}; expected ${SEGMENT_ACS_PREFIX}<value>`));
    else connection = m[1];
  }
  if (problems.length === 0 && entityName !== undefined && connection !== undefined && entityName !== connection && entityName !== `samlp-${connection}`) {
    problems.push(violation(SsoErrorCode.SP_SID_MISMATCH, 'acsUrl', acsUrl, `carries connection ${show(connection)} but entityId ${show(entityId)} names another; both must come from the same Segment connection`));
  }
  return { id: connection ?? (entityName?.startsWith('samlp-') ? entityName.slice('samlp-'.length) : entityName), problems };
}

/** The Entity ID and ACS URL from an SP metadata document, or the problem at `metadata`. */
export function readSpMetadata(metadata: unknown, field = 'metadata'): { metadata?: SpMetadata; problems: Violation[] } {
  const type = stringProblems(metadata, field, 'the SP metadata document (XML text)');
  if (type.length > 0) return { problems: type };
  if (isUnresolved(metadata)) {
    return { problems: [violation(SsoErrorCode.SP_METADATA_INVALID, field, metadata, 'must be the metadata document itself, known at synth (read the file into a string), got a Terraform token')] };
  }
  try {
    return { metadata: parseSpMetadata(metadata as string), problems: [] };
  } catch (e) {
    if (!(e instanceof SpMetadataError)) throw e; // a bug in the reader, not the user's input
    return { problems: [violation(SsoErrorCode.SP_METADATA_INVALID, field, `(${(metadata as string).length} characters)`, `is not usable SAML SP metadata: ${e.message.replace(/^SP metadata: /, '')}`)] };
  }
}

/** The products of the literal URLs this file knows, for "this is another product's URL" messages. */
export function productOfUrl(url: string): string | undefined {
  if (SENDGRID_URL.test(url)) return 'SendGrid';
  if (SEGMENT_ENTITY.test(url) || SEGMENT_ACS.test(url)) return 'Segment';
  if (/^urn:flex:/.test(url) || /^https:\/\/login\.flex\.[a-z0-9-]+\.twilio\.com\//.test(url) || /^https:\/\/iam\.twilio\.com\/v1\/Accounts\//.test(url)) return 'Flex';
  if (/^https:\/\/iam\.twilio\.com\/v2\/saml2\//.test(url)) return 'Frontline';
  return undefined;
}

/** SendGrid's Entity ID = ACS URL for an integration ID (a token gives a token URL). */
export function sendgridUrl(integrationId: string): string {
  return `${SENDGRID_ACS_PREFIX}${integrationId}`;
}
