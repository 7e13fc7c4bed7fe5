import {
  EMAIL_ATTRIBUTE,
  FLEX_OPTIONAL_ATTRIBUTES,
  FULL_NAME_ATTRIBUTE,
  ROLES_ATTRIBUTE,
  attributeNameProblems,
} from './attributes';
import { SsoErrorCode, Violation } from './errors';
import { roleProblems, rolesProblems } from './role-rules';
import { isRecord, optionalStringProblems, recordProblems, show, stringProblems, throwEach, throwIfAny, violation } from './rules';
import { FLEX_ROLES, FRONTLINE_ROLES } from './roles';
import { isUnresolved } from './unresolved';
import {
  CONSOLE_PROFILE,
  ConsoleSsoOptions,
  NAME_ID_FORMAT_UNSPECIFIED,
  ProductProfile,
  SEGMENT_ACS_PREFIX,
  SEGMENT_ENTITY_PREFIX,
  SEGMENT_PROFILE,
  SENDGRID_PROFILE,
  SegmentSsoOptions,
  SendGridSsoOptions,
  consoleProblems,
  readSegmentUrls,
  readSendgridUrls,
  readSpMetadata,
  segmentProblems,
  sendgridProblems,
  sendgridUrl,
} from './products';

/** Which Twilio product users sign in to. */
export enum TwilioProduct {
  /** Twilio Flex (contact center). */
  FLEX = 'flex',
  /** Twilio Frontline (mobile app). */
  FRONTLINE = 'frontline',
  /** The Twilio Console itself (Admin Center → Single Sign-On: an SSO profile for managed users). */
  CONSOLE = 'console',
  /** Twilio SendGrid (Settings → SSO Settings). */
  SENDGRID = 'sendgrid',
  /** Twilio Segment (workspace Settings → Authentication → Connections). */
  SEGMENT = 'segment',
}

/** Which of Twilio's three SAML service-provider shapes a target is. */
export enum TwilioSsoKind {
  /** Flex enhanced SSO: connection SID `JQ…`, ACS on `login.flex.<region>.twilio.com`. */
  FLEX_ENHANCED = 'flex-enhanced',
  /** Flex legacy SSO: Account SID `AC…`, ACS on `iam.twilio.com/v1`. Twilio requires migrating off it. */
  FLEX_LEGACY = 'flex-legacy',
  /** Frontline: Realm SID `JB…`, ACS on `iam.twilio.com/v2`. */
  FRONTLINE = 'frontline',
  /** The Twilio Console's SSO profile: Entity ID and ACS URL as the profile (or its SP metadata) gives them. */
  CONSOLE = 'console',
  /** SendGrid: Entity ID = ACS URL = `https://api.sendgrid.com/v3/public/sso/saml/response/id/<integration ID>`. */
  SENDGRID = 'sendgrid',
  /** Segment: `urn:auth0:segment-prod:samlp-<value>` and `https://segment-prod.auth0.com/login/callback?connection=<value>`. */
  SEGMENT = 'segment',
}

/** Options for {@link TwilioTarget.fromSpMetadata}. */
export interface SpMetadataOptions {
  /** The product whose SSO page the metadata was downloaded from; its Entity ID/ACS rules apply. */
  readonly product: TwilioProduct;
  /**
   * The SAML 2.0 SP metadata document (the XML text, not a path), as the product's SSO page offers it
   * for download. Read with a size bound (256 KiB); a DOCTYPE or entity declaration is refused.
   */
  readonly metadata: string;
}

/** The product of each kind. */
const PRODUCT_OF_KIND: Record<TwilioSsoKind, TwilioProduct> = {
  [TwilioSsoKind.FLEX_ENHANCED]: TwilioProduct.FLEX,
  [TwilioSsoKind.FLEX_LEGACY]: TwilioProduct.FLEX,
  [TwilioSsoKind.FRONTLINE]: TwilioProduct.FRONTLINE,
  [TwilioSsoKind.CONSOLE]: TwilioProduct.CONSOLE,
  [TwilioSsoKind.SENDGRID]: TwilioProduct.SENDGRID,
  [TwilioSsoKind.SEGMENT]: TwilioProduct.SEGMENT,
};

/** The products whose URL rules live in products.ts. */
const NEW_PRODUCTS: unknown[] = [TwilioProduct.CONSOLE, TwilioProduct.SENDGRID, TwilioProduct.SEGMENT];

/** The profiles of the products other than Flex and Frontline (whose rules are this file's own). */
const PROFILE_OF_KIND: Partial<Record<TwilioSsoKind, ProductProfile>> = {
  [TwilioSsoKind.CONSOLE]: CONSOLE_PROFILE,
  [TwilioSsoKind.SENDGRID]: SENDGRID_PROFILE,
  [TwilioSsoKind.SEGMENT]: SEGMENT_PROFILE,
};

/** Options for {@link TwilioTarget.flexEnhanced}. */
export interface FlexEnhancedSsoOptions {
  /**
   * The SSO connection SID Twilio Console shows under "Set up your identity provider":
   * `JQ` followed by 32 lowercase hex characters.
   */
  readonly connectionSid: string;
  /**
   * The whole ACS URL as the Console shows it. Give it when your Console shows a host other than
   * `login.flex.us1.twilio.com`; it must carry the same connection SID.
   * @default - `https://login.flex.us1.twilio.com/login/callback?connection=<connectionSid>`
   */
  readonly acsUrl?: string;
  /**
   * The Flex runtime domain (Flex Configuration API `runtime_domain`), used to build the login link
   * for the Console's "Default Redirect URL".
   * @default - no login link
   */
  readonly runtimeDomain?: string;
}

/** Options for {@link TwilioTarget.flexLegacy}. */
export interface FlexLegacySsoOptions {
  /** The Twilio Account SID: `AC` followed by 32 lowercase hex characters. */
  readonly accountSid: string;
  /**
   * The Flex runtime domain, used to build the login link.
   * @default - no login link
   */
  readonly runtimeDomain?: string;
}

/** Options for {@link TwilioTarget.frontline}. */
export interface FrontlineSsoOptions {
  /** The Frontline Realm SID the Console shows: `JB` followed by 32 lowercase hex characters. */
  readonly realmSid: string;
}

/** Options for {@link TwilioTarget.fromServiceProvider}: the pair of URLs as copied from Twilio. */
export interface ServiceProviderUrlsOptions {
  /** The product these URLs are for; Frontline URLs are refused for Flex and vice versa. */
  readonly product: TwilioProduct;
  /** The SP Entity ID (SAML audience); may be a token. */
  readonly entityId: string;
  /** The ACS URL (single sign-on URL, recipient, destination); may be a token. */
  readonly acsUrl: string;
  /**
   * The Flex runtime domain, used to build the login link (Flex only).
   * @default - no login link
   */
  readonly runtimeDomain?: string;
  /**
   * Which of Twilio's shapes the URLs are, for when both are tokens (otherwise it is read from them).
   * @default - read from the literal URL; for two tokens, Flex enhanced SSO or Frontline by `product`
   */
  readonly kind?: TwilioSsoKind;
}

const HEX32 = '[0-9a-f]{32}';
const SID_CODE = { JQ: SsoErrorCode.JQ_SID_INVALID, AC: SsoErrorCode.AC_SID_INVALID, JB: SsoErrorCode.JB_SID_INVALID };
const SID_PREFIX: Partial<Record<TwilioSsoKind, keyof typeof SID>> = {
  [TwilioSsoKind.FLEX_ENHANCED]: 'JQ',
  [TwilioSsoKind.FLEX_LEGACY]: 'AC',
  [TwilioSsoKind.FRONTLINE]: 'JB',
};
const SID = {
  JQ: new RegExp(`^JQ${HEX32}$`),
  AC: new RegExp(`^AC${HEX32}$`),
  JB: new RegExp(`^JB${HEX32}$`),
};
const MIGRATION_GUIDE = 'https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/migration-guide';
const ENHANCED_ACS = /^https:\/\/login\.flex\.([a-z0-9-]+)\.twilio\.com\/login\/callback\?connection=([^&#]+)$/;
const RUNTIME_DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function sidProblems(prefix: keyof typeof SID, field: string, label: string, value: unknown): Violation[] {
  if (isUnresolved(value)) return [];
  const type = stringProblems(value, field, `the ${label}, ${prefix} followed by 32 lowercase hex characters`);
  if (type.length > 0 || SID[prefix].test(value as string)) return type;
  return [violation(SID_CODE[prefix], field, value, `must look like ${prefix} followed by 32 lowercase hex characters (the ${label}), got ${show(value)}`)];
}

/** A parsed Twilio SP URL: which target shape it belongs to and the SID inside it. */
interface ParsedSpUrl {
  readonly kind: TwilioSsoKind;
  readonly sid: string;
}

/** The shapes as a person reads them in the Console, for error messages. */
const ENTITY_SHAPES = 'urn:flex:JQ…, https://iam.twilio.com/v1/Accounts/AC…/saml2/metadata or https://iam.twilio.com/v2/saml2/metadata/JB…';
const ACS_SHAPES =
  'https://login.flex.<region>.twilio.com/login/callback?connection=JQ…, https://iam.twilio.com/v1/Accounts/AC…/saml2 or https://iam.twilio.com/v2/saml2/authenticate/JB…';

const ENTITY_PATTERNS: ReadonlyArray<[RegExp, TwilioSsoKind]> = [
  [/^urn:flex:(.+)$/, TwilioSsoKind.FLEX_ENHANCED],
  [/^https:\/\/iam\.twilio\.com\/v1\/Accounts\/([^/]+)\/saml2\/metadata$/, TwilioSsoKind.FLEX_LEGACY],
  [/^https:\/\/iam\.twilio\.com\/v2\/saml2\/metadata\/([^/]+)$/, TwilioSsoKind.FRONTLINE],
];
const ACS_PATTERNS: ReadonlyArray<[RegExp, TwilioSsoKind]> = [
  [/^https:\/\/login\.flex\.[a-z0-9-]+\.twilio\.com\/login\/callback\?connection=([^&#]+)$/, TwilioSsoKind.FLEX_ENHANCED],
  [/^https:\/\/iam\.twilio\.com\/v1\/Accounts\/([^/]+)\/saml2$/, TwilioSsoKind.FLEX_LEGACY],
  [/^https:\/\/iam\.twilio\.com\/v2\/saml2\/authenticate\/([^/]+)$/, TwilioSsoKind.FRONTLINE],
];

/** The known wrong URLs: preview.twilio.com, and Frontline's for Flex. */
function knownMistakes(url: string, field: string, product: TwilioProduct): Violation[] {
  if (/^https?:\/\/preview\.twilio\.com\//.test(url)) {
    return [violation(SsoErrorCode.PREVIEW_ENDPOINT, field, url, `uses the deprecated pre-GA endpoint preview.twilio.com, got ${show(url)}; migrate to enhanced SSO (${MIGRATION_GUIDE})`)];
  }
  if (product === TwilioProduct.FLEX && /^https:\/\/iam\.twilio\.com\/v2\//.test(url)) {
    return [
      violation(
        SsoErrorCode.FRONTLINE_URL_FOR_FLEX,
        field,
        url,
        `is a Frontline (iam.twilio.com/v2) URL, which is never valid for Flex, got ${show(url)}; use the Entity ID and ACS URL from Flex's SSO page in the Console`,
      ),
    ];
  }
  return [];
}

/** A literal SP URL parsed, or its problems. */
function parseSpUrl(url: unknown, field: string, product: TwilioProduct, patterns: ReadonlyArray<[RegExp, TwilioSsoKind]>, shapes: string): { parsed?: ParsedSpUrl; problems: Violation[] } {
  const type = stringProblems(url, field, `a Twilio SSO URL (${shapes})`);
  if (type.length > 0) return { problems: type };
  const mistakes = knownMistakes(url as string, field, product);
  if (mistakes.length > 0) return { problems: mistakes };
  for (const [pattern, kind] of patterns) {
    const m = pattern.exec(url as string);
    if (!m) continue;
    try {
      return { parsed: { kind, sid: decodeURIComponent(m[1]) }, problems: [] };
    } catch {
      break; // a malformed %-escape: not one of Twilio's URLs
    }
  }
  return { problems: [violation(SsoErrorCode.SP_URL_UNRECOGNISED, field, url, `is not a Twilio SSO URL, got ${show(url)}; expected one of ${shapes}`)] };
}

/** The problems of an optional Flex runtime domain: not a string, or not a bare host name. */
function runtimeDomainProblems(value: unknown, field = 'runtimeDomain'): Violation[] {
  if (value === undefined || isUnresolved(value)) return [];
  const type = optionalStringProblems(value, field, "a host name such as 'kiwi-owl-1234.twil.io'");
  if (type.length > 0 || RUNTIME_DOMAIN.test(value as string)) return type;
  return [violation(SsoErrorCode.RUNTIME_DOMAIN_INVALID, field, value, `must be a host name such as 'kiwi-owl-1234.twil.io' (no scheme, no path), got ${show(value)}`)];
}

/** The problems of `options` for {@link TwilioTarget.flexEnhanced}. */
function flexEnhancedProblems(options: unknown): Violation[] {
  const shape = recordProblems(options, 'options', 'Flex enhanced SSO options { connectionSid, acsUrl?, runtimeDomain? }');
  if (shape.length > 0 || !isRecord(options)) return shape;
  const sid = options.connectionSid;
  const out = sidProblems('JQ', 'connectionSid', SID_LABEL[TwilioSsoKind.FLEX_ENHANCED], sid);
  const acsUrl = options.acsUrl;
  // An ACS URL that is (or holds) a token is the user's to vouch for: the plan has its value.
  if (acsUrl !== undefined && !isUnresolved(acsUrl)) {
    const type = optionalStringProblems(acsUrl, 'acsUrl', 'the ACS URL as the Console shows it');
    const mistakes = type.length > 0 ? type : knownMistakes(acsUrl as string, 'acsUrl', TwilioProduct.FLEX);
    out.push(...mistakes);
    const m = mistakes.length > 0 ? null : ENHANCED_ACS.exec(acsUrl as string);
    if (mistakes.length === 0 && !m) {
      out.push(violation(SsoErrorCode.FLEX_ACS_URL_INVALID, 'acsUrl', acsUrl, `must look like https://login.flex.<region>.twilio.com/login/callback?connection=JQ…, got ${show(acsUrl)}`));
    }
    if (m && typeof sid === 'string' && !isUnresolved(sid) && m[2] !== sid) {
      out.push(
        violation(SsoErrorCode.SP_SID_MISMATCH, 'acsUrl', acsUrl, `carries connection ${show(m[2])} but connectionSid is ${show(sid)}; both must come from the same Flex SSO connection`),
      );
    }
  }
  out.push(...runtimeDomainProblems(options.runtimeDomain));
  return out;
}

/** The problems of `options` for {@link TwilioTarget.flexLegacy}. */
function flexLegacyProblems(options: unknown): Violation[] {
  const shape = recordProblems(options, 'options', 'Flex legacy SSO options { accountSid, runtimeDomain? }');
  if (shape.length > 0 || !isRecord(options)) return shape;
  return [...sidProblems('AC', 'accountSid', SID_LABEL[TwilioSsoKind.FLEX_LEGACY], options.accountSid), ...runtimeDomainProblems(options.runtimeDomain)];
}

/** The problems of `options` for {@link TwilioTarget.frontline}. */
function frontlineProblems(options: unknown): Violation[] {
  const shape = recordProblems(options, 'options', 'Frontline options { realmSid }');
  if (shape.length > 0 || !isRecord(options)) return shape;
  return sidProblems('JB', 'realmSid', SID_LABEL[TwilioSsoKind.FRONTLINE], options.realmSid);
}

/** What {@link TwilioTarget.fromServiceProvider} reads from its options: the parsed URLs and every problem. */
interface ServiceProviderReading {
  readonly problems: Violation[];
  readonly entity?: ParsedSpUrl;
  readonly acs?: ParsedSpUrl;
  readonly kind: TwilioSsoKind;
}

function readServiceProvider(options: unknown): ServiceProviderReading {
  const fallback = { kind: TwilioSsoKind.FLEX_ENHANCED };
  const shape = recordProblems(options, 'options', 'service-provider options { product, entityId, acsUrl, runtimeDomain?, kind? }');
  if (shape.length > 0 || !isRecord(options)) return { ...fallback, problems: shape };
  const products: unknown[] = Object.values(TwilioProduct);
  if (!products.includes(options.product)) {
    const what = `one of ${products.map((p) => `'${p}'`).join(', ')} (TwilioProduct)`;
    const problems = options.product === undefined || options.product === null
      ? [violation(SsoErrorCode.VALUE_REQUIRED, 'product', options.product, `is required: ${what}, got ${show(options.product)}`)]
      : [violation(SsoErrorCode.VALUE_TYPE_INVALID, 'product', options.product, `must be ${what}, got ${show(options.product)}`)];
    return { ...fallback, problems };
  }
  const product = options.product as TwilioProduct;
  const kinds: unknown[] = Object.values(TwilioSsoKind);
  const problems: Violation[] = [];
  if (options.kind !== undefined && !kinds.includes(options.kind)) {
    problems.push(violation(SsoErrorCode.VALUE_TYPE_INVALID, 'kind', options.kind, `must be one of ${kinds.map((k) => `'${k}'`).join(', ')} (TwilioSsoKind), got ${show(options.kind)}`));
  }
  const read = (url: unknown, field: string, patterns: ReadonlyArray<[RegExp, TwilioSsoKind]>, shapes: string): ParsedSpUrl | undefined => {
    if (isUnresolved(url)) return undefined;
    const { parsed, problems: p } = parseSpUrl(url, field, product, patterns, shapes);
    problems.push(...p);
    return parsed;
  };
  const entity = read(options.entityId, 'entityId', ENTITY_PATTERNS, ENTITY_SHAPES);
  const acs = read(options.acsUrl, 'acsUrl', ACS_PATTERNS, ACS_SHAPES);
  const givenKind = kinds.includes(options.kind) ? (options.kind as TwilioSsoKind) : undefined;
  const known = entity ?? acs;
  const kind = known?.kind ?? givenKind ?? (product === TwilioProduct.FRONTLINE ? TwilioSsoKind.FRONTLINE : TwilioSsoKind.FLEX_ENHANCED);
  if (problems.length > 0) return { problems, entity, acs, kind };
  if (entity && acs && entity.kind !== acs.kind) {
    problems.push(
      violation(
        SsoErrorCode.SP_TARGET_MISMATCH,
        'acsUrl',
        options.acsUrl,
        `${show(options.acsUrl)} is a ${acs.kind} ACS URL but entityId ${show(options.entityId)} is a ${entity.kind} Entity ID; both must come from the same Twilio SSO page`,
      ),
    );
  } else if (entity && acs && entity.sid !== acs.sid) {
    problems.push(
      violation(SsoErrorCode.SP_SID_MISMATCH, 'acsUrl', options.acsUrl, `carries SID ${show(acs.sid)} but entityId carries ${show(entity.sid)}; both must name the same ${SID_LABEL[entity.kind]}`),
    );
  }
  if (known && givenKind !== undefined && givenKind !== known.kind) {
    problems.push(
      violation(SsoErrorCode.SP_TARGET_MISMATCH, 'kind', options.kind, `is ${show(options.kind)} but the ${entity ? 'entityId' : 'acsUrl'} is a ${known.kind} URL; leave kind out when the URLs are literal`),
    );
  }
  const urlsProduct = PRODUCT_OF_KIND[kind];
  if (urlsProduct !== product) {
    problems.push(violation(SsoErrorCode.SP_PRODUCT_MISMATCH, 'product', options.product, `is ${show(options.product)} but the URLs are for ${urlsProduct}`));
  }
  if (known && !(entity && acs)) problems.push(...sidProblems(SID_PREFIX[kind] as keyof typeof SID, entity ? 'entityId' : 'acsUrl', SID_LABEL[kind], known.sid));
  if (product === TwilioProduct.FLEX) problems.push(...runtimeDomainProblems(options.runtimeDomain));
  return { problems, entity, acs, kind };
}

const SID_LABEL: Record<TwilioSsoKind, string> = {
  [TwilioSsoKind.FLEX_ENHANCED]: 'flex connection SID',
  [TwilioSsoKind.FLEX_LEGACY]: 'flex account SID',
  [TwilioSsoKind.FRONTLINE]: 'frontline realm SID',
  [TwilioSsoKind.CONSOLE]: 'Console SSO profile',
  [TwilioSsoKind.SENDGRID]: 'SendGrid integration ID',
  [TwilioSsoKind.SEGMENT]: 'Segment connection',
};

/**
 * A Twilio SAML service provider: what Flex or Frontline expects from an identity provider.
 * Pure model: no Terraform. Create one with {@link TwilioTarget.flexEnhanced},
 * {@link TwilioTarget.flexLegacy}, {@link TwilioTarget.frontline} or
 * {@link TwilioTarget.fromServiceProvider}; every factory validates its input and throws
 * {@link SsoConfigError} naming the field and value.
 */
export class TwilioTarget {
  /** Flex enhanced SSO (the current Flex SSO), identified by its connection SID. */
  public static flexEnhanced(options: FlexEnhancedSsoOptions): TwilioTarget {
    throwEach(flexEnhancedProblems(options), 'Invalid Flex enhanced SSO target');
    const sid = options.connectionSid;
    const acsUrl = options.acsUrl ?? `https://login.flex.us1.twilio.com/login/callback?connection=${sid}`;
    return new TwilioTarget(TwilioSsoKind.FLEX_ENHANCED, sid, `urn:flex:${sid}`, acsUrl, options.runtimeDomain);
  }

  /**
   * Flex legacy SSO, identified by the Account SID. Twilio requires migrating to enhanced SSO
   * (see the migration guide); this exists for accounts not yet migrated.
   */
  public static flexLegacy(options: FlexLegacySsoOptions): TwilioTarget {
    throwEach(flexLegacyProblems(options), 'Invalid Flex legacy SSO target');
    const base = `https://iam.twilio.com/v1/Accounts/${options.accountSid}/saml2`;
    return new TwilioTarget(TwilioSsoKind.FLEX_LEGACY, options.accountSid, `${base}/metadata`, base, options.runtimeDomain);
  }

  /** Frontline, identified by its Realm SID. */
  public static frontline(options: FrontlineSsoOptions): TwilioTarget {
    throwEach(frontlineProblems(options), 'Invalid Frontline target');
    const sid = options.realmSid;
    return new TwilioTarget(
      TwilioSsoKind.FRONTLINE,
      sid,
      `https://iam.twilio.com/v2/saml2/metadata/${sid}`,
      `https://iam.twilio.com/v2/saml2/authenticate/${sid}`,
      undefined,
    );
  }

  /**
   * The target described by an Entity ID and ACS URL pair as copied from the Console. Rejects a pair
   * from different targets or different SIDs, `preview.twilio.com`, and Frontline URLs for Flex.
   *
   * Either URL may be a token (a `TerraformVariable`, a remote-state output): what is literal is
   * checked as above and gives the target's kind and SID; what is a token is passed through for the
   * plan. When both are tokens the SID is unknown at synth ({@link TwilioTarget.sid} is undefined)
   * and the kind comes from `kind`.
   */
  public static fromServiceProvider(options: ServiceProviderUrlsOptions): TwilioTarget {
    if (isRecord(options) && NEW_PRODUCTS.includes(options.product)) return TwilioTarget.productFromUrls(options);
    const { problems, entity, acs, kind } = readServiceProvider(options);
    throwEach(problems, 'Invalid Twilio service provider');
    if (entity && acs) {
      switch (entity.kind) {
        case TwilioSsoKind.FLEX_ENHANCED:
          return TwilioTarget.flexEnhanced({ connectionSid: entity.sid, acsUrl: options.acsUrl, runtimeDomain: options.runtimeDomain });
        case TwilioSsoKind.FLEX_LEGACY:
          return TwilioTarget.flexLegacy({ accountSid: entity.sid, runtimeDomain: options.runtimeDomain });
        default:
          return TwilioTarget.frontline({ realmSid: entity.sid });
      }
    }
    const runtimeDomain = options.product === TwilioProduct.FLEX ? options.runtimeDomain : undefined;
    return new TwilioTarget(kind, (entity ?? acs)?.sid, options.entityId, options.acsUrl, runtimeDomain);
  }

  /**
   * The target whose SP Entity ID this is, or undefined when it is not one of Twilio's (or is a
   * token). For policy checks on resources written by hand: the SID and kind come from the Entity
   * ID; the ACS URL is the target's default (use {@link TwilioTarget.isAcsUrl} to judge another).
   */
  public static fromEntityId(entityId: string): TwilioTarget | undefined {
    if (typeof entityId !== 'string' || isUnresolved(entityId)) return undefined;
    for (const [pattern, kind] of ENTITY_PATTERNS) {
      const m = pattern.exec(entityId);
      if (!m || !SID[SID_PREFIX[kind] as keyof typeof SID].test(m[1])) continue;
      if (kind === TwilioSsoKind.FLEX_ENHANCED) return TwilioTarget.flexEnhanced({ connectionSid: m[1] });
      if (kind === TwilioSsoKind.FLEX_LEGACY) return TwilioTarget.flexLegacy({ accountSid: m[1] });
      return TwilioTarget.frontline({ realmSid: m[1] });
    }
    // SendGrid's and Segment's Entity IDs have a known shape; the Console's does not (Twilio does not publish it).
    const sendgrid = readSendgridUrls(entityId, undefined, true);
    if (sendgrid.problems.length === 0 && sendgrid.id !== undefined) return TwilioTarget.sendgrid({ integrationId: sendgrid.id });
    const segment = readSegmentUrls(entityId, undefined, true);
    if (segment.problems.length === 0 && segment.id !== undefined) {
      return new TwilioTarget(TwilioSsoKind.SEGMENT, segment.id, entityId, `${SEGMENT_ACS_PREFIX}${segment.id}`, undefined);
    }
    return undefined;
  }

  /**
   * The Twilio Console's SSO profile (Admin Center → Single Sign-On, for an Organization's managed
   * users), from the Entity ID and ACS URL the profile shows. NameID EmailAddress carrying the email;
   * response and assertion signed; no roles or attributes in SAML
   * (https://www.twilio.com/docs/iam/single-sign-on/configuring-sso-with-other-saml2-idp).
   * Either value may be a token.
   */
  public static console(options: ConsoleSsoOptions): TwilioTarget {
    throwEach(consoleProblems(options), 'Invalid Twilio Console SSO target');
    return new TwilioTarget(TwilioSsoKind.CONSOLE, undefined, options.entityId, options.acsUrl, undefined);
  }

  /**
   * The Twilio Console's SSO profile from its SP metadata: the XML the profile offers to "copy or
   * download" (the document itself, not a path). The same as {@link TwilioTarget.fromSpMetadata} with
   * product `console`.
   */
  public static consoleFromSpMetadata(metadata: string): TwilioTarget {
    return TwilioTarget.fromSpMetadata({ product: TwilioProduct.CONSOLE, metadata });
  }

  /**
   * Twilio SendGrid, identified by its SSO integration ID: Entity ID = ACS URL =
   * `https://api.sendgrid.com/v3/public/sso/saml/response/id/<integration ID>`
   * (https://www.twilio.com/docs/sendgrid/ui/account-and-settings/sso). NameID EmailAddress carrying
   * the email; no roles. The ID may be a token, e.g. `SendgridSsoIntegration.id` in the same stack.
   */
  public static sendgrid(options: SendGridSsoOptions): TwilioTarget {
    throwEach(sendgridProblems(options), 'Invalid SendGrid target');
    const url = sendgridUrl(options.integrationId);
    return new TwilioTarget(TwilioSsoKind.SENDGRID, options.integrationId, url, url, undefined);
  }

  /**
   * Twilio Segment, identified by the workspace's SAML connection value: Entity ID
   * `urn:auth0:segment-prod:samlp-<value>`, ACS URL
   * `https://segment-prod.auth0.com/login/callback?connection=<value>` (Microsoft Learn, "Tutorial:
   * Microsoft Entra SSO integration with Segment"). NameID EmailAddress; the `email` attribute; no
   * roles (https://segment.com/docs/segment-app/iam/sso/). If your workspace shows URLs of another
   * shape, give them to {@link TwilioTarget.fromServiceProvider} with product `segment`.
   */
  public static segment(options: SegmentSsoOptions): TwilioTarget {
    throwEach(segmentProblems(options), 'Invalid Segment target');
    const c = options.connection;
    return new TwilioTarget(TwilioSsoKind.SEGMENT, c, `${SEGMENT_ENTITY_PREFIX}${c}`, `${SEGMENT_ACS_PREFIX}${c}`, undefined);
  }

  /**
   * The target a product's SAML 2.0 SP metadata describes (its Entity ID and HTTP-POST ACS URL), with
   * the same checks as {@link TwilioTarget.fromServiceProvider} for that product: a Flex document must
   * carry a Flex connection SID, a SendGrid one the same integration ID twice, and so on.
   */
  public static fromSpMetadata(options: SpMetadataOptions): TwilioTarget {
    const shape = recordProblems(options, 'options', 'SP metadata options { product, metadata }');
    throwEach(shape, 'Invalid SP metadata');
    const read = readSpMetadata(options.metadata);
    throwEach(read.problems, 'Invalid SP metadata');
    const { entityId, acsUrl } = read.metadata as { entityId: string; acsUrl: string };
    return TwilioTarget.fromServiceProvider({ product: options.product, entityId, acsUrl });
  }

  /** {@link TwilioTarget.fromServiceProvider} for the Console, SendGrid and Segment. */
  private static productFromUrls(options: ServiceProviderUrlsOptions): TwilioTarget {
    const product = options.product;
    const given: Violation[] = [];
    if (options.runtimeDomain !== undefined) {
      given.push(violation(SsoErrorCode.VALUE_TYPE_INVALID, 'runtimeDomain', options.runtimeDomain, `is for Flex only; leave it out for ${product}`));
    }
    const expected = { [TwilioProduct.CONSOLE]: TwilioSsoKind.CONSOLE, [TwilioProduct.SENDGRID]: TwilioSsoKind.SENDGRID }[product as string] ?? TwilioSsoKind.SEGMENT;
    if (options.kind !== undefined && options.kind !== expected) {
      given.push(violation(SsoErrorCode.SP_TARGET_MISMATCH, 'kind', options.kind, `is ${show(options.kind)} but product ${show(product)} is always ${show(expected)}; leave kind out`));
    }
    if (product === TwilioProduct.CONSOLE) {
      throwEach([...given, ...consoleProblems({ entityId: options.entityId, acsUrl: options.acsUrl })], 'Invalid Twilio Console SSO target');
      return new TwilioTarget(TwilioSsoKind.CONSOLE, undefined, options.entityId, options.acsUrl, undefined);
    }
    const reading = product === TwilioProduct.SENDGRID ? readSendgridUrls(options.entityId, options.acsUrl) : readSegmentUrls(options.entityId, options.acsUrl);
    throwEach([...given, ...reading.problems], `Invalid ${product === TwilioProduct.SENDGRID ? 'SendGrid' : 'Segment'} target`);
    return new TwilioTarget(expected, reading.id, options.entityId, options.acsUrl, undefined);
  }

  /** Which SP shape this is. */
  public readonly kind: TwilioSsoKind;
  /** Flex or Frontline. */
  public readonly product: TwilioProduct;
  /**
   * The SID that identifies the target (connection, account or realm SID); undefined only for a
   * target built by {@link TwilioTarget.fromServiceProvider} from two tokens.
   */
  public readonly sid?: string;
  /** The SP Entity ID: the SAML audience the IdP must send. */
  public readonly entityId: string;
  /** The ACS URL: single sign-on URL, recipient and destination. */
  public readonly acsUrl: string;
  /**
   * The Flex login link (`https://flex.twilio.com/<runtime-domain>`) for the Console's "Default
   * Redirect URL", when a runtime domain was given; otherwise undefined.
   */
  public readonly loginUrl?: string;

  /** The rules of the Console, SendGrid and Segment; undefined for Flex and Frontline. */
  private readonly profile?: ProductProfile;

  private constructor(kind: TwilioSsoKind, sid: string | undefined, entityId: string, acsUrl: string, runtimeDomain: string | undefined) {
    this.kind = kind;
    this.product = PRODUCT_OF_KIND[kind];
    this.profile = PROFILE_OF_KIND[kind];
    this.sid = sid;
    this.entityId = entityId;
    this.acsUrl = acsUrl;
    if (runtimeDomain !== undefined) {
      this.loginUrl = `https://flex.twilio.com/${runtimeDomain}`;
    }
  }

  /**
   * True when `url` is an ACS URL of this target (same shape and SID; for Flex enhanced SSO any
   * Twilio region), e.g. to judge the reply URL of an app written by hand.
   */
  public isAcsUrl(url: string): boolean {
    if (typeof url !== 'string' || isUnresolved(url)) return false;
    if (this.kind === TwilioSsoKind.SENDGRID) {
      const r = readSendgridUrls(undefined, url, true);
      return r.problems.length === 0 && r.id !== undefined && (this.sid === undefined || isUnresolved(this.sid) || r.id.toLowerCase() === this.sid.toLowerCase());
    }
    if (this.kind === TwilioSsoKind.SEGMENT) {
      const r = readSegmentUrls(undefined, url, true);
      return r.problems.length === 0 && r.id !== undefined && (this.sid === undefined || isUnresolved(this.sid) || r.id === this.sid);
    }
    if (this.kind === TwilioSsoKind.CONSOLE) return !isUnresolved(this.acsUrl) && url === this.acsUrl;
    for (const [pattern, kind] of ACS_PATTERNS) {
      const m = pattern.exec(url);
      if (m) return kind === this.kind && (this.sid === undefined || decodeURIComponent(m[1]) === this.sid);
    }
    return false;
  }

  /** True for both Flex shapes. */
  public get isFlex(): boolean {
    return this.product === TwilioProduct.FLEX;
  }

  /** A short human name, e.g. `Flex enhanced SSO JQ…`, for labels and messages. */
  public get description(): string {
    const names: Record<string, string> = { [TwilioSsoKind.FLEX_ENHANCED]: 'Flex enhanced SSO', [TwilioSsoKind.FLEX_LEGACY]: 'Flex legacy SSO', [TwilioSsoKind.FRONTLINE]: 'Frontline' };
    const name = this.profile?.name ?? names[this.kind];
    return this.sid === undefined ? name : `${name} ${this.sid}`;
  }

  /** Attributes the IdP must send (besides the NameID), in the order they are declared. */
  public get requiredAttributes(): string[] {
    if (this.profile) return [...this.profile.requiredAttributes];
    return this.isFlex ? [EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE] : [EMAIL_ATTRIBUTE, ROLES_ATTRIBUTE];
  }

  /** Optional attributes the product is documented to read. */
  public get optionalAttributes(): string[] {
    if (this.profile) return [...this.profile.optionalAttributes];
    return this.isFlex ? [...FLEX_OPTIONAL_ATTRIBUTES] : [];
  }

  /**
   * Whether the product takes roles in SAML (Flex and Frontline: a `roles` attribute). The Console,
   * SendGrid and Segment have none: access is managed in the product, so the identity-provider
   * constructs assign groups and users without roles and send no `roles` attribute.
   */
  public get hasRoles(): boolean {
    return this.profile?.hasRoles ?? true;
  }

  /**
   * The NameID format the product asks for: EmailAddress for the Console, SendGrid and Segment;
   * unspecified for Flex and Frontline (their guides leave it to the identity provider).
   */
  public get nameIdFormat(): string {
    return this.profile?.nameIdFormat ?? NAME_ID_FORMAT_UNSPECIFIED;
  }

  /** Whether the NameID must carry the user's email address (Console, SendGrid, Segment). */
  public get nameIdIsEmail(): boolean {
    return this.profile?.nameIdIsEmail ?? false;
  }

  /**
   * Whether the product's documentation requires a signed SAML Response (Console, Segment). The
   * identity-provider constructs sign the response and the assertion for every product.
   */
  public get requiresSignedResponse(): boolean {
    return this.profile?.requiresSignedResponse ?? false;
  }

  /** Whether the product's documentation requires a signed Assertion (Console, Segment). */
  public get requiresSignedAssertion(): boolean {
    return this.profile?.requiresSignedAssertion ?? false;
  }

  /** The role values the product accepts in `roles`. */
  public get allowedRoles(): string[] {
    if (this.profile) return [];
    return [...(this.isFlex ? FLEX_ROLES : FRONTLINE_ROLES)];
  }

  /**
   * Throws when any role is not one this product has. `field` names where the roles came from,
   * e.g. `groups[0].roles`; each bad role is reported with its index.
   */
  public validateRoles(roles: string[], field: string): void {
    throwIfAny(`Invalid roles for ${this.description}`, rolesProblems(roles, field, this));
  }

  /**
   * Throws when `role` is not one this product has (a token is left to the plan). `field` names where
   * it came from, e.g. `adopt.roleIds.agent`.
   */
  public validateRole(role: string, field: string): void {
    throwEach(roleProblems(role, field, this));
  }

  /**
   * Throws when an extra (optional) attribute name is malformed for this product or re-declares one
   * of the required attributes, which the identity-provider constructs always send themselves.
   */
  public validateAttributeName(name: string, field: string): void {
    throwEach(attributeNameProblems(name, field, this));
  }

}
