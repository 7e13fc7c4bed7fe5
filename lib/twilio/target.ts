import {
  EMAIL_ATTRIBUTE,
  FLEX_OPTIONAL_ATTRIBUTES,
  FULL_NAME_ATTRIBUTE,
  ROLES_ATTRIBUTE,
  validateClaimName,
} from './attributes';
import { SsoConfigError, Violations, show } from './errors';
import { FLEX_ROLES, FRONTLINE_ROLES } from './roles';
import { isUnresolved } from './unresolved';

/** Which Twilio product users sign in to. */
export enum TwilioProduct {
  /** Twilio Flex (contact center). */
  FLEX = 'flex',
  /** Twilio Frontline (mobile app). */
  FRONTLINE = 'frontline',
}

/** Which of Twilio's three SAML service-provider shapes a target is. */
export enum TwilioSsoKind {
  /** Flex enhanced SSO: connection SID `JQ…`, ACS on `login.flex.<region>.twilio.com`. */
  FLEX_ENHANCED = 'flex-enhanced',
  /** Flex legacy SSO: Account SID `AC…`, ACS on `iam.twilio.com/v1`. Twilio requires migrating off it. */
  FLEX_LEGACY = 'flex-legacy',
  /** Frontline: Realm SID `JB…`, ACS on `iam.twilio.com/v2`. */
  FRONTLINE = 'frontline',
}

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
  /** The SP Entity ID (SAML audience). */
  readonly entityId: string;
  /** The ACS URL (single sign-on URL, recipient, destination). */
  readonly acsUrl: string;
  /**
   * The Flex runtime domain, used to build the login link (Flex only).
   * @default - no login link
   */
  readonly runtimeDomain?: string;
}

const HEX32 = '[0-9a-f]{32}';
const SID = {
  JQ: new RegExp(`^JQ${HEX32}$`),
  AC: new RegExp(`^AC${HEX32}$`),
  JB: new RegExp(`^JB${HEX32}$`),
};
const MIGRATION_GUIDE = 'https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/migration-guide';
const ENHANCED_ACS = /^https:\/\/login\.flex\.([a-z0-9-]+)\.twilio\.com\/login\/callback\?connection=([^&#]+)$/;
const RUNTIME_DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function checkSid(prefix: keyof typeof SID, field: string, label: string, value: string): void {
  if (isUnresolved(value)) return;
  if (typeof value !== 'string' || !SID[prefix].test(value)) {
    throw new SsoConfigError(
      `${prefix}_SID_INVALID`,
      field,
      `${label} must look like ${prefix} followed by 32 lowercase hex characters, got ${show(value)}`,
    );
  }
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

function rejectKnownMistakes(url: string, field: string, product: TwilioProduct): void {
  if (/^https?:\/\/preview\.twilio\.com\//.test(url)) {
    throw new SsoConfigError(
      'PREVIEW_ENDPOINT',
      field,
      `${field} uses the deprecated pre-GA endpoint preview.twilio.com, got ${show(url)}; migrate to enhanced SSO (${MIGRATION_GUIDE})`,
    );
  }
  if (product === TwilioProduct.FLEX && /^https:\/\/iam\.twilio\.com\/v2\//.test(url)) {
    throw new SsoConfigError(
      'FRONTLINE_URL_FOR_FLEX',
      field,
      `${field} is a Frontline (iam.twilio.com/v2) URL, which is never valid for Flex, got ${show(url)}; use the Entity ID and ACS URL from Flex's SSO page in the Console`,
    );
  }
}

function parseSpUrl(url: string, field: string, patterns: ReadonlyArray<[RegExp, TwilioSsoKind]>, shapes: string): ParsedSpUrl {
  for (const [pattern, kind] of patterns) {
    const m = pattern.exec(url);
    if (m) return { kind, sid: decodeURIComponent(m[1]) };
  }
  throw new SsoConfigError('SP_URL_UNRECOGNISED', field, `${field} is not a Twilio SSO URL, got ${show(url)}; expected one of ${shapes}`);
}

const SID_LABEL: Record<TwilioSsoKind, string> = {
  [TwilioSsoKind.FLEX_ENHANCED]: 'flex connection SID',
  [TwilioSsoKind.FLEX_LEGACY]: 'flex account SID',
  [TwilioSsoKind.FRONTLINE]: 'frontline realm SID',
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
    checkSid('JQ', 'connectionSid', SID_LABEL[TwilioSsoKind.FLEX_ENHANCED], options.connectionSid);
    const sid = options.connectionSid;
    let acsUrl = `https://login.flex.us1.twilio.com/login/callback?connection=${sid}`;
    if (options.acsUrl !== undefined && !isUnresolved(options.acsUrl)) {
      rejectKnownMistakes(options.acsUrl, 'acsUrl', TwilioProduct.FLEX);
      const m = ENHANCED_ACS.exec(options.acsUrl);
      if (!m) {
        throw new SsoConfigError(
          'FLEX_ACS_URL_INVALID',
          'acsUrl',
          `acsUrl must look like https://login.flex.<region>.twilio.com/login/callback?connection=JQ…, got ${show(options.acsUrl)}`,
        );
      }
      if (m[2] !== sid) {
        throw new SsoConfigError(
          'SP_SID_MISMATCH',
          'acsUrl',
          `acsUrl carries connection '${m[2]}' but connectionSid is '${sid}'; both must come from the same Flex SSO connection`,
        );
      }
      acsUrl = options.acsUrl;
    }
    return new TwilioTarget(TwilioSsoKind.FLEX_ENHANCED, sid, `urn:flex:${sid}`, acsUrl, options.runtimeDomain);
  }

  /**
   * Flex legacy SSO, identified by the Account SID. Twilio requires migrating to enhanced SSO
   * (see the migration guide); this exists for accounts not yet migrated.
   */
  public static flexLegacy(options: FlexLegacySsoOptions): TwilioTarget {
    checkSid('AC', 'accountSid', SID_LABEL[TwilioSsoKind.FLEX_LEGACY], options.accountSid);
    const base = `https://iam.twilio.com/v1/Accounts/${options.accountSid}/saml2`;
    return new TwilioTarget(TwilioSsoKind.FLEX_LEGACY, options.accountSid, `${base}/metadata`, base, options.runtimeDomain);
  }

  /** Frontline, identified by its Realm SID. */
  public static frontline(options: FrontlineSsoOptions): TwilioTarget {
    checkSid('JB', 'realmSid', SID_LABEL[TwilioSsoKind.FRONTLINE], options.realmSid);
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
   */
  public static fromServiceProvider(options: ServiceProviderUrlsOptions): TwilioTarget {
    rejectKnownMistakes(options.entityId, 'entityId', options.product);
    rejectKnownMistakes(options.acsUrl, 'acsUrl', options.product);
    const entity = parseSpUrl(options.entityId, 'entityId', ENTITY_PATTERNS, ENTITY_SHAPES);
    const acs = parseSpUrl(options.acsUrl, 'acsUrl', ACS_PATTERNS, ACS_SHAPES);
    if (entity.kind !== acs.kind) {
      throw new SsoConfigError(
        'SP_TARGET_MISMATCH',
        'acsUrl',
        `entityId ${show(options.entityId)} is a ${entity.kind} Entity ID but acsUrl ${show(options.acsUrl)} is a ${acs.kind} ACS URL; both must come from the same Twilio SSO page`,
      );
    }
    if (entity.sid !== acs.sid) {
      throw new SsoConfigError(
        'SP_SID_MISMATCH',
        'acsUrl',
        `entityId carries SID '${entity.sid}' but acsUrl carries '${acs.sid}'; both must name the same ${SID_LABEL[entity.kind]}`,
      );
    }
    const product = entity.kind === TwilioSsoKind.FRONTLINE ? TwilioProduct.FRONTLINE : TwilioProduct.FLEX;
    if (product !== options.product) {
      throw new SsoConfigError(
        'SP_PRODUCT_MISMATCH',
        'product',
        `product is ${show(options.product)} but the URLs are for ${product}`,
      );
    }
    switch (entity.kind) {
      case TwilioSsoKind.FLEX_ENHANCED:
        return TwilioTarget.flexEnhanced({ connectionSid: entity.sid, acsUrl: options.acsUrl, runtimeDomain: options.runtimeDomain });
      case TwilioSsoKind.FLEX_LEGACY:
        return TwilioTarget.flexLegacy({ accountSid: entity.sid, runtimeDomain: options.runtimeDomain });
      default:
        return TwilioTarget.frontline({ realmSid: entity.sid });
    }
  }

  /** Which SP shape this is. */
  public readonly kind: TwilioSsoKind;
  /** Flex or Frontline. */
  public readonly product: TwilioProduct;
  /** The SID that identifies the target (connection, account or realm SID). */
  public readonly sid: string;
  /** The SP Entity ID: the SAML audience the IdP must send. */
  public readonly entityId: string;
  /** The ACS URL: single sign-on URL, recipient and destination. */
  public readonly acsUrl: string;
  /**
   * The Flex login link (`https://flex.twilio.com/<runtime-domain>`) for the Console's "Default
   * Redirect URL", when a runtime domain was given; otherwise undefined.
   */
  public readonly loginUrl?: string;

  private constructor(kind: TwilioSsoKind, sid: string, entityId: string, acsUrl: string, runtimeDomain: string | undefined) {
    this.kind = kind;
    this.product = kind === TwilioSsoKind.FRONTLINE ? TwilioProduct.FRONTLINE : TwilioProduct.FLEX;
    this.sid = sid;
    this.entityId = entityId;
    this.acsUrl = acsUrl;
    if (runtimeDomain !== undefined) {
      if (!isUnresolved(runtimeDomain) && !RUNTIME_DOMAIN.test(runtimeDomain)) {
        throw new SsoConfigError(
          'RUNTIME_DOMAIN_INVALID',
          'runtimeDomain',
          `runtimeDomain must be a host name such as 'kiwi-owl-1234.twil.io' (no scheme, no path), got ${show(runtimeDomain)}`,
        );
      }
      this.loginUrl = `https://flex.twilio.com/${runtimeDomain}`;
    }
  }

  /** True for both Flex shapes. */
  public get isFlex(): boolean {
    return this.product === TwilioProduct.FLEX;
  }

  /** A short human name, e.g. `Flex enhanced SSO JQ…`, for labels and messages. */
  public get description(): string {
    const name = { [TwilioSsoKind.FLEX_ENHANCED]: 'Flex enhanced SSO', [TwilioSsoKind.FLEX_LEGACY]: 'Flex legacy SSO', [TwilioSsoKind.FRONTLINE]: 'Frontline' }[this.kind];
    return `${name} ${this.sid}`;
  }

  /** Attributes the IdP must send (besides the NameID), in the order they are declared. */
  public get requiredAttributes(): string[] {
    return this.isFlex ? [EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE] : [EMAIL_ATTRIBUTE, ROLES_ATTRIBUTE];
  }

  /** Optional attributes the product is documented to read. */
  public get optionalAttributes(): string[] {
    return this.isFlex ? [...FLEX_OPTIONAL_ATTRIBUTES] : [];
  }

  /** The role values the product accepts in `roles`. */
  public get allowedRoles(): string[] {
    return [...(this.isFlex ? FLEX_ROLES : FRONTLINE_ROLES)];
  }

  /**
   * Throws when any role is not one this product has. `field` names where the roles came from,
   * e.g. `groups[0].roles`; each bad role is reported with its index.
   */
  public validateRoles(roles: readonly string[], field: string): void {
    const allowed = this.allowedRoles;
    const v = new Violations();
    if (roles.length === 0) {
      v.add('ROLES_EMPTY', field, `${field} must name at least one role; ${this.product} accepts: ${allowed.join(', ')}`);
    }
    roles.forEach((role, i) => {
      if (isUnresolved(role) || allowed.includes(role)) return;
      v.add('ROLE_UNKNOWN', `${field}[${i}]`, `${field}[${i}] is not a ${this.product} role, got ${show(role)}; ${this.product} accepts: ${allowed.join(', ')}`);
    });
    v.throwIfAny(`Invalid roles for ${this.description}`);
  }

  /**
   * Throws when an extra (optional) attribute name is malformed for this product or re-declares one
   * of the required attributes, which the identity-provider constructs always send themselves.
   */
  public validateAttributeName(name: string, field: string): void {
    if (isUnresolved(name)) return;
    validateClaimName(name, field, this.isFlex);
    const base = name.split('.')[0];
    if (this.requiredAttributes.includes(base)) {
      throw new SsoConfigError(
        'ATTRIBUTE_RESERVED',
        field,
        `${field} re-declares the required attribute ${show(name)}, which is always sent; remove it or configure its source instead`,
      );
    }
  }
}
