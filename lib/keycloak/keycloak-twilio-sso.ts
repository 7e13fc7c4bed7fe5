import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { ITwilioSsoApp, PrincipalKind, RoleAssignment, RoleAssignmentList, TwilioConsoleValues, pemFromBase64, validateRoleAssignments } from '../core';
import { EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE, SsoConfigError, TwilioTarget, Violations, show } from '../twilio';
import {
  DataKeycloakRealmKeys,
  KeycloakGenericProtocolMapper,
  KeycloakGroupRoles,
  KeycloakRole,
  KeycloakSamlClient,
  KeycloakSamlClientDefaultScopes,
  KeycloakUserRoles,
} from './provider';

/** Which user value Keycloak puts in the NameID (the Flex unique user id). */
export enum KeycloakNameIdFormat {
  /** The username, with format `urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified` (Twilio's guides). */
  USERNAME = 'username',
  /** The email address, with format `urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress`. */
  EMAIL = 'email',
}

/**
 * Where the `full_name` attribute (Flex) comes from. Keycloak has no script-free SAML mapper that
 * joins first and last name in the releases on Maven Central up to 26.7.3 (their `/admin/serverinfo`
 * lists none; the script mapper needs a deployed JAR), so the default reads a user attribute.
 */
export class KeycloakFullName {
  /**
   * A user attribute, `full_name` unless named. Keycloak 24+ keeps only attributes declared in the
   * realm's user profile, so declare it there (e.g. with `KeycloakRealmUserProfile`) and fill it
   * per user, or from an LDAP/identity-provider mapper.
   */
  public static userAttribute(name = 'full_name'): KeycloakFullName {
    return new KeycloakFullName('saml-user-attribute-mapper', name);
  }

  /**
   * First and last name joined by a space, by Keycloak's `saml-full-name-mapper`. Only on Keycloak
   * releases that ship that mapper (not 26.7.3, whose server lists no such mapper; which release first
   * ships it is UNCONFIRMED): check `/admin/serverinfo` before choosing it.
   */
  public static firstAndLastName(): KeycloakFullName {
    return new KeycloakFullName('saml-full-name-mapper', undefined);
  }

  /** The Keycloak protocol mapper type. */
  public readonly mapperType: string;
  /** The user attribute read, for {@link KeycloakFullName.userAttribute}; otherwise undefined. */
  public readonly userAttributeName?: string;

  private constructor(mapperType: string, userAttributeName: string | undefined) {
    this.mapperType = mapperType;
    this.userAttributeName = userAttributeName;
  }
}

/** An extra SAML attribute sent to Twilio from a Keycloak user attribute. */
export interface KeycloakAttribute {
  /** Claim name as Twilio reads it, e.g. `department` or `channel.chat.capacity.int`. */
  readonly name: string;
  /** The Keycloak user attribute (declared in the realm's user profile) holding the value. */
  readonly userAttribute: string;
}

/** Props for {@link KeycloakTwilioSso}. */
export interface KeycloakTwilioSsoProps {
  /** The Twilio service provider to sign users in to. */
  readonly target: TwilioTarget;
  /**
   * The Keycloak server's public base URL as users' browsers reach it, before `/realms` (e.g.
   * `https://sso.example.com`, or `https://sso.example.com/auth` for a server with the legacy
   * `/auth` path). It makes the issuer, SSO URL and metadata URL; it must be `https` except on a
   * loopback host.
   */
  readonly serverUrl: string;
  /** The name of the realm that holds the users (an existing realm, or a `KeycloakRealm`'s `realmName`). */
  readonly realm: string;
  /**
   * Client display name.
   * @default - 'Twilio ' + the target's description, e.g. 'Twilio Flex enhanced SSO JQ…'
   */
  readonly clientName?: string;
  /**
   * The NameID value.
   * @default KeycloakNameIdFormat.USERNAME
   */
  readonly nameIdFormat?: KeycloakNameIdFormat;
  /**
   * Where `full_name` comes from (Flex only; ignored for Frontline).
   * @default KeycloakFullName.userAttribute('full_name')
   */
  readonly fullName?: KeycloakFullName;
  /**
   * Groups given Twilio roles (Keycloak group IDs). Same as {@link KeycloakTwilioSso.addGroup} for each.
   * @default - no groups
   */
  readonly groups?: RoleAssignment[];
  /**
   * Users given Twilio roles directly (Keycloak user IDs). Same as {@link KeycloakTwilioSso.addUser}.
   * @default - no individual users
   */
  readonly users?: RoleAssignment[];
  /**
   * Extra attributes (Flex Insights, capacity, …). Same as {@link KeycloakTwilioSso.addAttribute}.
   * @default - only the attributes the target requires
   */
  readonly attributes?: KeycloakAttribute[];
  /**
   * The IdP-initiated login name: users start at `<issuer>/protocol/saml/clients/<name>`.
   * @default - 'twilio-' + the target's SID in lowercase
   */
  readonly idpInitiatedSsoUrlName?: string;
}

const SAML = 'saml';
const BASIC = 'Basic';
const REALM_NAME = /^[A-Za-z0-9._-]+$/;
const URL_NAME = /^[A-Za-z0-9_-]+$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
/** Keycloak's own SAML client scopes (`role_list`, `saml_organization`) add a `Role` attribute and more: replaced by ours. */
const DEFAULT_SCOPES: string[] = [];

/**
 * Twilio Flex or Frontline single sign-on as a Keycloak SAML client, configured as Twilio requires
 * (facts file, sections 1 and 5): client ID = Entity ID, ACS as the POST endpoint and the only valid
 * redirect URI, response and assertion signed with RSA-SHA256, no encryption, no client signature
 * required, NameID from the username (or email) forced whatever the request asks, and `email`,
 * `roles` (and `full_name` for Flex) as Basic-format attributes with Twilio's exact names.
 *
 * Roles: the client gets one client role per role the target's product accepts (`agent`, …), and
 * `full_scope_allowed = false`, so the `roles` attribute (Keycloak's role-list mapper, one attribute
 * with a value per role) carries exactly the user's Twilio roles and never realm roles such as
 * `default-roles-<realm>`. Groups and users get those client roles here ({@link addGroup},
 * {@link addUser}; non-exhaustive, so roles granted in the admin console stay), or by hand in
 * Keycloak. The client's default client scopes are emptied, so Keycloak's built-in `role_list`
 * scope does not add its own `Role` attribute.
 *
 * Console values: issuer `<serverUrl>/realms/<realm>`, SSO URL `…/protocol/saml`, and the realm's
 * active RS256 certificate (from `data.keycloak_realm_keys`) as PEM. Keycloak signs with the realm
 * key of highest priority: a realm with several active RS256 keys (during rotation) must be checked.
 */
export class KeycloakTwilioSso extends Construct implements ITwilioSsoApp {
  /** The Twilio service provider. */
  public readonly target: TwilioTarget;
  /** The Keycloak SAML client (`keycloak_saml_client`). */
  public readonly client: KeycloakSamlClient;
  /** The realm URL, which Keycloak uses as its SAML issuer. */
  public readonly issuer: string;
  /** The IdP-initiated login URL for this client. */
  public readonly idpInitiatedLoginUrl: string;

  private readonly realm: string;
  private readonly roles = new Map<string, KeycloakRole>();
  private readonly roleRefs = new Map<string, string>();
  private readonly clientRef: string;
  private readonly realmKeys: DataKeycloakRealmKeys;
  private memoConsoleValues?: TwilioConsoleValues;
  private readonly groups: RoleAssignmentList;
  private readonly users: RoleAssignmentList;
  private readonly attributes: KeycloakAttribute[] = [];

  constructor(scope: Construct, id: string, props: KeycloakTwilioSsoProps) {
    super(scope, id);
    KeycloakTwilioSso.validateProps(props);
    const target = props.target;
    this.groups = new RoleAssignmentList(target, PrincipalKind.GROUP, this);
    this.users = new RoleAssignmentList(target, PrincipalKind.USER, this);
    this.target = target;
    this.realm = props.realm;
    const serverUrl = Token.isUnresolved(props.serverUrl) ? props.serverUrl : props.serverUrl.replace(/\/+$/, '');
    this.issuer = `${serverUrl}/realms/${props.realm}`;
    const urlName = props.idpInitiatedSsoUrlName ?? `twilio-${target.sid.toLowerCase()}`;
    this.idpInitiatedLoginUrl = `${this.issuer}/protocol/saml/clients/${urlName}`;

    this.client = new KeycloakSamlClient(this, 'Resource', {
      realmId: props.realm,
      clientId: target.entityId,
      name: props.clientName ?? `Twilio ${target.description}`,
      description: `Twilio ${target.product} single sign-on (managed by cdktf-twilio-sso)`,
      enabled: true,
      assertionConsumerPostUrl: target.acsUrl,
      validRedirectUris: [target.acsUrl],
      signDocuments: true,
      signAssertions: true,
      signatureAlgorithm: 'RSA_SHA256',
      encryptAssertions: false,
      clientSignatureRequired: false,
      forcePostBinding: true,
      frontChannelLogout: false,
      nameIdFormat: props.nameIdFormat ?? KeycloakNameIdFormat.USERNAME,
      forceNameIdFormat: true,
      includeAuthnStatement: true,
      fullScopeAllowed: false,
      consentRequired: false,
      idpInitiatedSsoUrlName: urlName,
    });

    // Each attribute read creates a cdktf token (with a captured stack trace): read the client's ID once.
    this.clientRef = this.client.id;
    new KeycloakSamlClientDefaultScopes(this, 'DefaultScopes', { realmId: props.realm, clientId: this.clientRef, defaultScopes: DEFAULT_SCOPES });

    this.mapper('EmailMapper', EMAIL_ATTRIBUTE, 'saml-user-property-mapper', { 'user.attribute': 'email' });
    if (target.isFlex) {
      const fullName = props.fullName ?? KeycloakFullName.userAttribute();
      this.mapper('FullNameMapper', FULL_NAME_ATTRIBUTE, fullName.mapperType, fullName.userAttributeName ? { 'user.attribute': fullName.userAttributeName } : {});
    }
    this.mapper('RolesMapper', ROLES_ATTRIBUTE, 'saml-role-list-mapper', { single: 'true' });

    for (const role of target.allowedRoles) {
      this.roles.set(
        role,
        new KeycloakRole(this, `Role-${role}`, {
          realmId: props.realm,
          clientId: this.clientRef,
          name: role,
          description: `Twilio ${target.product} role '${role}', sent in the SAML 'roles' attribute`,
        }),
      );
    }

    const keys = new DataKeycloakRealmKeys(this, 'RealmKeys', { realmId: props.realm, algorithms: ['RS256'], status: ['ACTIVE'] });
    this.realmKeys = keys;

    for (const g of props.groups ?? []) this.addGroup(g);
    for (const u of props.users ?? []) this.addUser(u);
    for (const a of props.attributes ?? []) this.addAttribute(a);
  }

  /**
   * Checks every prop and throws one {@link SsoConfigError} listing every problem, before any resource
   * is declared.
   */
  public static validateProps(props: KeycloakTwilioSsoProps): void {
    const target = props.target;
    const v = new Violations();
    v.capture(() => validateServerUrl(props.serverUrl));
    if (!Token.isUnresolved(props.realm) && (typeof props.realm !== 'string' || !REALM_NAME.test(props.realm))) {
      v.add('KEYCLOAK_REALM_INVALID', 'realm', `realm must be a realm name of letters, digits, '.', '_' and '-' (it goes into URLs), got ${show(props.realm)}`);
    }
    if (props.clientName !== undefined && !Token.isUnresolved(props.clientName) && props.clientName.trim() === '') {
      v.add('KEYCLOAK_CLIENT_NAME_EMPTY', 'clientName', `clientName must not be empty, got ${show(props.clientName)}`);
    }
    if (props.nameIdFormat !== undefined && !Object.values(KeycloakNameIdFormat).includes(props.nameIdFormat)) {
      v.add('KEYCLOAK_NAME_ID_FORMAT_INVALID', 'nameIdFormat', `nameIdFormat must be one of ${Object.values(KeycloakNameIdFormat).join(', ')}, got ${show(props.nameIdFormat)}`);
    }
    const urlName = props.idpInitiatedSsoUrlName;
    if (urlName !== undefined && !Token.isUnresolved(urlName) && !URL_NAME.test(urlName)) {
      v.add('KEYCLOAK_IDP_INITIATED_NAME_INVALID', 'idpInitiatedSsoUrlName', `idpInitiatedSsoUrlName must be letters, digits, '_' and '-' (a URL segment), got ${show(urlName)}`);
    }
    const fullAttr = props.fullName?.userAttributeName;
    if (fullAttr !== undefined && fullAttr.trim() === '') {
      v.add('KEYCLOAK_USER_ATTRIBUTE_EMPTY', 'fullName', `fullName must name a user attribute, got ${show(fullAttr)}`);
    }
    v.capture(() => validateRoleAssignments(target, props.groups ?? [], 'groups'));
    v.capture(() => validateRoleAssignments(target, props.users ?? [], 'users'));
    const names = new Set<string>();
    (props.attributes ?? []).forEach((a, i) => {
      v.capture(() => target.validateAttributeName(a.name, `attributes[${i}].name`));
      if (names.has(a.name)) v.add('ATTRIBUTE_DUPLICATE', `attributes[${i}].name`, `attributes[${i}].name ${show(a.name)} is declared twice`);
      names.add(a.name);
      if (typeof a.userAttribute !== 'string' || a.userAttribute.trim() === '') {
        v.add('KEYCLOAK_USER_ATTRIBUTE_EMPTY', `attributes[${i}].userAttribute`, `attributes[${i}].userAttribute must name a Keycloak user attribute such as 'department', got ${show(a.userAttribute)}`);
      }
    });
    v.throwIfAny(`Invalid Keycloak client for ${target.description}`);
  }

  /** Gives a Keycloak group (by ID) the given Twilio roles. Returns the assignment as recorded. */
  public addGroup(assignment: RoleAssignment): RoleAssignment {
    const copy = this.groups.add(assignment);
    new KeycloakGroupRoles(this, `Group-${this.childKey(copy.principalId, this.groups.length - 1)}`, { realmId: this.realm, groupId: copy.principalId, roleIds: this.roleIds(copy.roles), exhaustive: false });
    return copy;
  }

  /** Gives one Keycloak user (by ID) the given Twilio roles directly. Returns the assignment. */
  public addUser(assignment: RoleAssignment): RoleAssignment {
    const copy = this.users.add(assignment);
    new KeycloakUserRoles(this, `User-${this.childKey(copy.principalId, this.users.length - 1)}`, { realmId: this.realm, userId: copy.principalId, roleIds: this.roleIds(copy.roles), exhaustive: false });
    return copy;
  }

  /** Sends one more attribute to Twilio from a user attribute. Returns it. */
  public addAttribute(attribute: KeycloakAttribute): KeycloakAttribute {
    const field = `attributes[${this.attributes.length}]`;
    this.target.validateAttributeName(attribute.name, `${field}.name`);
    if (this.attributes.some((a) => a.name === attribute.name)) {
      throw new SsoConfigError('ATTRIBUTE_DUPLICATE', `${field}.name`, `Cannot add attribute ${show(attribute.name)} to ${this.node.path}: it is already declared`);
    }
    if (typeof attribute.userAttribute !== 'string' || attribute.userAttribute.trim() === '') {
      throw new SsoConfigError('KEYCLOAK_USER_ATTRIBUTE_EMPTY', `${field}.userAttribute`, `${field}.userAttribute must name a Keycloak user attribute, got ${show(attribute.userAttribute)}`);
    }
    const copy = { name: attribute.name, userAttribute: attribute.userAttribute };
    this.attributes.push(copy);
    this.mapper(`AttributeMapper-${copy.name}`, copy.name, 'saml-user-attribute-mapper', { 'user.attribute': copy.userAttribute });
    return copy;
  }

  /**
   * The values for the Twilio Console. Built on first read and kept: a stack that never reads them
   * creates none of their tokens.
   */
  public get consoleValues(): TwilioConsoleValues {
    this.memoConsoleValues ??= {
      issuer: this.issuer,
      ssoUrl: `${this.issuer}/protocol/saml`,
      certificatePem: pemFromBase64(this.realmKeys.certificate(0)),
      metadataUrl: `${this.issuer}/protocol/saml/descriptor`,
    };
    return this.memoConsoleValues;
  }

  /** The client role declared for a Twilio role (one per role the target's product accepts). */
  public role(name: string): KeycloakRole {
    const role = this.roles.get(name);
    if (!role) {
      throw new SsoConfigError('ROLE_UNKNOWN', 'role', `${show(name)} is not a ${this.target.product} role; ${this.target.product} accepts: ${this.target.allowedRoles.join(', ')}`);
    }
    return role;
  }

  /** Copies of the group assignments declared so far. */
  public get groupAssignmentsDeclared(): RoleAssignment[] {
    return this.groups.all;
  }

  /** Copies of the user assignments declared so far. */
  public get userAssignmentsDeclared(): RoleAssignment[] {
    return this.users.all;
  }

  /** A child ID from a principal ID; an ID known only at apply time (a token) gets its position instead. */
  private childKey(principalId: string, index: number): string {
    return Token.isUnresolved(principalId) ? `ref${index}` : principalId;
  }

  private roleIds(roles: string[]): string[] {
    return [...new Set(roles)].sort().map((r) => {
      if (!this.roleRefs.has(r)) this.roleRefs.set(r, this.role(r).id);
      return this.roleRefs.get(r)!;
    });
  }

  private mapper(id: string, attributeName: string, type: string, config: { [key: string]: string }): KeycloakGenericProtocolMapper {
    return new KeycloakGenericProtocolMapper(this, id, {
      realmId: this.realm,
      clientId: this.clientRef,
      name: attributeName,
      protocol: SAML,
      protocolMapper: type,
      // Basic name format and no friendly name: the attribute is `<Attribute Name="email"
      // NameFormat="…:basic">`, exactly the bare name Twilio maps.
      config: { ...config, 'attribute.name': attributeName, 'attribute.nameformat': BASIC },
    });
  }
}

/**
 * Checks a Keycloak server URL: http(s), `https` unless the host is loopback, no query or fragment,
 * and not a realm URL (a common mistake: the realm is given separately).
 */
export function validateServerUrl(value: string, field = 'serverUrl'): void {
  if (Token.isUnresolved(value)) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SsoConfigError('KEYCLOAK_SERVER_URL_INVALID', field, `${field} must be an absolute URL such as 'https://sso.example.com', got ${show(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SsoConfigError('KEYCLOAK_SERVER_URL_INVALID', field, `${field} must be an http(s) URL, got ${show(value)}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new SsoConfigError('KEYCLOAK_SERVER_URL_NOT_HTTPS', field, `${field} must use https (users' browsers post credentials to it), got ${show(value)}; plain http is accepted only on a loopback host`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new SsoConfigError('KEYCLOAK_SERVER_URL_INVALID', field, `${field} must not have a query or fragment, got ${show(value)}`);
  }
  if (/\/realms(\/|$)/.test(url.pathname)) {
    throw new SsoConfigError('KEYCLOAK_SERVER_URL_IS_REALM_URL', field, `${field} must be the server URL before '/realms', got ${show(value)}; give the realm name in 'realm'`);
  }
}
