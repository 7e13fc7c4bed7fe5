import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { RoleAssignment, RoleAssignmentProps, SamlAttribute, TwilioConsoleValues, TwilioSsoAppProps } from '../core';
import { AdoptionChange, importExisting, shown, shownRoles, warn, warnAboutAdoption, warnAtSynth } from '../core/adoption';
import { literal } from '../core/literal';
import { pemFromBase64 } from '../core/pem';
import { AssignmentRules, PrincipalKind, looksLikeName, principalIdShapeProblems } from '../core/role-assignment';
import { ValueLanguage } from '../core/saml-attribute';
import { problemsHeader, sharedPropsProblems } from '../core/twilio-sso-app';
import { TwilioSsoAppWithAssignments } from '../core/twilio-sso-app-with-assignments';
import { SsoErrorCode, TwilioSsoKind, TwilioTarget, Violation } from '../twilio';
import { EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE } from '../twilio/attributes';
import { RoleTokens, roleProblems, rolesProblems } from '../twilio/role-rules';
import { isRecord, show, throwEach, throwIfAny, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import { KEYCLOAK_ID, KeycloakAdoptOptions, clientMapperImportId, keycloakAdoptProblems, roleImportId, samlClientImportId } from './adopt-options';
import {
  DataKeycloakRealmKeys,
  KeycloakGenericProtocolMapper,
  KeycloakGroupRoles,
  KeycloakRole,
  KeycloakSamlClient,
  KeycloakSamlClientDefaultScopes,
  KeycloakUserRoles,
} from './provider';
import { serverUrlProblems } from './server-url';

/**
 * Props for {@link KeycloakTwilioSso}. Values (`email`, `fullName`, attribute values) are a Keycloak
 * user property (`username`, `email`, `firstName`, `lastName`) or the name of a user attribute (e.g.
 * `department`); `nameId` is `username` or `email`. Group and user IDs are Keycloak IDs (UUIDs), not
 * names: a `KeycloakGroup`'s `id` when the group is declared in the same stack.
 */
export interface KeycloakTwilioSsoProps extends TwilioSsoAppProps, RoleAssignmentProps {
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
   * The IdP-initiated login name: users start at `<issuer>/protocol/saml/clients/<name>`.
   * @default - 'twilio-' + the target's SID in lowercase
   */
  readonly idpInitiatedSsoUrlName?: string;
  /**
   * Adopt an existing Keycloak SAML client (one set up by hand for Twilio, say) instead of creating a
   * new one. The stack then declares Terraform `import` blocks (Terraform ≥ 1.5, OpenTofu ≥ 1.6) for
   * the client, the client roles and the protocol mappers whose IDs are given; the first plan shows
   * them as imports with in-place updates, and replaces and destroys nothing. The realm and its keys
   * are not touched (the construct only reads them, `data.keycloak_realm_keys`), so Keycloak keeps
   * signing with the certificate the Twilio Console has.
   *
   * Created, not imported: the client's default-scopes setting (`keycloak_saml_client_default_scopes`
   * cannot be imported; creating it sets the client's default scopes, whatever they were), the
   * group and user role grants (non-exhaustive: creating one adds the roles, keeping those granted in
   * the admin console), and the roles and mappers without an ID.
   *
   * What the first apply changes in place is listed at synth as one warning per item (the client's
   * settings, its default scopes, its mappers, its roles). Keep `adopt` after the import: once the
   * resources are in state the import blocks do nothing. Cannot be combined with a realm the same
   * stack creates. See docs/adopt.md.
   * @default - a new client is created
   */
  readonly adopt?: KeycloakAdoptOptions;
}

/** A protocol mapper as declared, for the adoption warnings. */
interface DeclaredMapper {
  readonly attribute: string;
  readonly type: string;
  readonly reads?: string;
  readonly imported: boolean;
}

const SAML = 'saml';
const BASIC = 'Basic';
const REALM_NAME = /^[A-Za-z0-9._-]+$/;
const URL_NAME = /^[A-Za-z0-9_-]+$/;
/** Keycloak's own SAML client scopes (`role_list`, `saml_organization`) add a `Role` attribute and more: replaced by ours. */
const DEFAULT_SCOPES: string[] = [];

const DEFAULT_NAME_ID = 'username';
const DEFAULT_EMAIL = 'email';
const DEFAULT_FULL_NAME = 'full_name';
/**
 * The user properties a SAML client can send as its NameID, which are also the values of the
 * provider's `name_id_format` for them: `username` (format unspecified) and `email` (format
 * emailAddress). Keycloak's other formats (`transient`, `persistent`) are not a stable user ID.
 */
const NAME_IDS = ['username', 'email'];
/**
 * Fields of every Keycloak user rather than attributes: read with `saml-user-property-mapper`. Any
 * other value is a user attribute, read with `saml-user-attribute-mapper`.
 */
const USER_PROPERTIES = ['username', 'email', 'firstName', 'lastName'];
const PROPERTY_MAPPER = 'saml-user-property-mapper';
const ATTRIBUTE_MAPPER = 'saml-user-attribute-mapper';
/**
 * Keycloak's rule for user-profile attribute names (`UPConfigUtils.ATTRIBUTE_NAME_PATTERN` in
 * keycloak/keycloak): letters, digits, `.`, `_` and `-`.
 */
const ATTRIBUTE_NAME = /^[A-Za-z0-9._-]+$/;
/** The option earlier releases had for Keycloak's `saml-full-name-mapper`; see validateProps. */
const REMOVED_FULL_NAME_OPTION = 'firstAndLastName';

/** How `email`, `fullName` and attribute values are written: a user property or a user attribute name. */
const KEYCLOAK_VALUE: ValueLanguage = {
  describe: "a Keycloak user property (username, email, firstName, lastName) or the name of a user attribute such as 'department'",
  problem: (value) => (USER_PROPERTIES.includes(value) || ATTRIBUTE_NAME.test(value) ? undefined : "a user attribute name is letters, digits, '.', '_' and '-'"),
};

/** How `nameId` is written. */
const KEYCLOAK_NAME_ID: ValueLanguage = {
  describe: `one of ${NAME_IDS.map((n) => `'${n}'`).join(', ')}, the Keycloak user property sent as the NameID`,
  problem: (value) => (NAME_IDS.includes(value) ? undefined : /^urn:|transient|persistent|unspecified|emailAddress/i.test(value) ? 'give the user property, not a NameID format' : 'no other value is supported'),
};

/**
 * The rules of Keycloak's groups and users: a whole role list may be a token (Terraform picks the
 * client roles), a role inside a literal list must be known (its client role is found by name).
 */
const KEYCLOAK_ASSIGNMENTS: AssignmentRules = {
  principalId: (id, field, kind) =>
    principalIdShapeProblems(id, field, {
      pattern: KEYCLOAK_ID,
      describe:
        `the Keycloak ${kind}'s ID, a UUID such as '6f0e3d1a-0000-4000-8000-000000000001' or the ID an imported realm gave it (letters, digits, '.', '_' and '-'; ` +
        `admin console: ${kind === PrincipalKind.GROUP ? 'Groups' : 'Users'} → the ${kind}: the URL ends in its ID), or a ${kind === PrincipalKind.GROUP ? 'KeycloakGroup' : 'KeycloakUser'}'s id`,
      whyNot: (value) => looksLikeName(value, kind),
    }),
  roles: (roles, field, target) => (target.hasRoles ? rolesProblems(roles, field, target, RoleTokens.LIST_ONLY) : noPrincipals(roles, field, target)),
};

/**
 * Groups and users give Twilio roles in Keycloak (client roles): for a product without roles they
 * would do nothing, since a Keycloak SAML client cannot be limited to groups (every user of the realm
 * can sign in), so they are refused rather than silently ignored.
 */
function noPrincipals(roles: unknown, field: string, target: TwilioTarget): Violation[] {
  const at = field.replace(/\.roles$/, '');
  return [
    violation(SsoErrorCode.PRINCIPALS_NOT_SUPPORTED, at, roles,
      `must be left out: in Keycloak groups and users only carry Twilio roles, and ${target.description} has none; every user of the realm can sign in (limit access in the realm, or with an authentication flow)`),
  ];
}

/** NameID rules of the products that identify users by email: the NameID must be the email. */
function productNameIdProblems(props: Record<string, unknown>): Violation[] {
  const target = props.target;
  if (!(target instanceof TwilioTarget) || !target.nameIdIsEmail) return [];
  const nameId = props.nameId;
  if (nameId === undefined || isUnresolved(nameId) || nameId === 'email') return [];
  return [violation(SsoErrorCode.NAME_ID_INVALID, 'nameId', nameId, `must be 'email' (or left out): ${target.description} identifies users by their email (NameID format EmailAddress), got ${show(nameId)}`)];
}

/**
 * Twilio Flex or Frontline single sign-on as a Keycloak SAML client, configured as Twilio's SSO
 * guides require (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration,
 * https://www.twilio.com/docs/frontline/sso): client ID = Entity ID, ACS as the POST endpoint and the
 * only valid redirect URI, response and assertion signed with RSA-SHA256, no encryption, no client
 * signature required, NameID from the username (or email) forced whatever the request asks, and
 * `email`, `roles` (and `full_name` for Flex) as Basic-format attributes with Twilio's exact names.
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
 * The certificate's end date is not known at synth, and `data.keycloak_realm_keys` does not export it
 * (its keys carry algorithm, certificate, kid, provider, public key, status and type), so nothing is
 * warned about at synth; `certificateExpiryWarningDays` is output for `twilio-sso console`/`verify`.
 *
 * With `adopt` ({@link KeycloakAdoptOptions}) the same resources are declared for an existing client,
 * with Terraform import blocks for the client and the roles and protocol mappers whose IDs are given.
 */
export class KeycloakTwilioSso extends TwilioSsoAppWithAssignments {
  /** The Keycloak SAML client (`keycloak_saml_client`). */
  public readonly client: KeycloakSamlClient;
  /** The realm URL, which Keycloak uses as its SAML issuer. */
  public readonly issuer: string;
  /** The IdP-initiated login URL for this client. */
  public readonly idpInitiatedLoginUrl: string;

  private readonly realm: string;
  private readonly roles: Map<string, KeycloakRole>;
  private readonly roleRefs: Map<string, string>;
  private readonly clientRef: string;
  private readonly realmKeys: DataKeycloakRealmKeys;
  private readonly readValues: string[];
  private readonly adopt?: KeycloakAdoptOptions;
  private readonly props: KeycloakTwilioSsoProps;
  private readonly urlName: string;
  private readonly declaredMappers: DeclaredMapper[] = [];

  constructor(scope: Construct, id: string, props: KeycloakTwilioSsoProps) {
    KeycloakTwilioSso.validateProps(props);
    super(scope, id, props);
    // Every string given, as Terraform must read it (literal parts escaped, tokens kept): once, here.
    const given = literal(props);
    this.adopt = given.adopt;
    this.props = props;
    const target = props.target;
    this.roles = new Map();
    this.roleRefs = new Map();
    this.realm = given.realm;
    const serverUrl = isUnresolved(given.serverUrl) ? given.serverUrl : given.serverUrl.replace(/\/+$/, '');
    this.issuer = `${serverUrl}/realms/${given.realm}`;
    const urlName = given.idpInitiatedSsoUrlName ?? defaultUrlName(target, this._literal.entityId);
    this.urlName = urlName;
    this.idpInitiatedLoginUrl = `${this.issuer}/protocol/saml/clients/${urlName}`;

    this.client = new KeycloakSamlClient(this, 'Resource', {
      realmId: this.realm,
      clientId: this._literal.entityId,
      name: this._literal.displayName,
      description: `Twilio ${target.product} single sign-on (managed by cdktf-twilio-sso)`,
      enabled: true,
      assertionConsumerPostUrl: this._literal.acsUrl,
      validRedirectUris: [this._literal.acsUrl],
      signDocuments: true,
      signAssertions: true,
      signatureAlgorithm: 'RSA_SHA256',
      encryptAssertions: false,
      clientSignatureRequired: false,
      forcePostBinding: true,
      frontChannelLogout: false,
      // The user property is also the provider's name_id_format value (NAME_IDS).
      nameIdFormat: given.nameId ?? (target.nameIdIsEmail ? 'email' : DEFAULT_NAME_ID),
      forceNameIdFormat: true,
      includeAuthnStatement: true,
      fullScopeAllowed: false,
      consentRequired: false,
      idpInitiatedSsoUrlName: urlName,
    });

    // No signing key or certificate of its own is set: Keycloak signs with the realm's keys.
    if (this.adopt) importExisting(this.client, samlClientImportId(this.realm, this.adopt.clientUuid));

    // Each attribute read creates a cdktf token (with a captured stack trace): read the client's ID once.
    this.clientRef = this.client.id;
    new KeycloakSamlClientDefaultScopes(this, 'DefaultScopes', { realmId: this.realm, clientId: this.clientRef, defaultScopes: DEFAULT_SCOPES });

    // The attributes the product reads: email (Flex, Frontline, Segment), full_name (Flex), roles
    // (Flex, Frontline); the Console and SendGrid read the NameID only.
    this.readValues = [];
    if (target.requiredAttributes.includes(EMAIL_ATTRIBUTE)) {
      this.readValues.push(props.email ?? DEFAULT_EMAIL);
      this.valueMapper('EmailMapper', EMAIL_ATTRIBUTE, given.email ?? DEFAULT_EMAIL);
    }
    if (target.isFlex) {
      this.readValues.push(props.fullName ?? DEFAULT_FULL_NAME);
      this.valueMapper('FullNameMapper', FULL_NAME_ATTRIBUTE, given.fullName ?? DEFAULT_FULL_NAME);
    }
    if (target.hasRoles) this.mapper('RolesMapper', ROLES_ATTRIBUTE, 'saml-role-list-mapper', { single: 'true' });

    for (const role of target.allowedRoles) {
      const resource = new KeycloakRole(this, `Role-${role}`, {
        realmId: this.realm,
        clientId: this.clientRef,
        name: role,
        description: `Twilio ${target.product} role '${role}', sent in the SAML 'roles' attribute`,
      });
      const existing = this.adopt?.roleIds?.[role];
      if (existing !== undefined) importExisting(resource, roleImportId(this.realm, existing));
      this.roles.set(role, resource);
    }

    this.realmKeys = new DataKeycloakRealmKeys(this, 'RealmKeys', { realmId: this.realm, algorithms: ['RS256'], status: ['ACTIVE'] });

    for (const g of props.groups ?? []) this.addGroup(g);
    for (const u of props.users ?? []) this.addUser(u);
    for (const a of props.attributes ?? []) this.addAttribute(a);
    if (this.adopt) {
      warnAtSynth(this, () => this.warnAdoption());
    }
  }

  /**
   * Every problem {@link KeycloakTwilioSso.validateProps} throws for, as data and without throwing: one
   * `Violation` per problem, each with its `code`, `field`, `value` and `message`; empty when the
   * props are valid. For callers that report problems themselves, and for languages other than
   * TypeScript, where a thrown error arrives as its message only.
   */
  public static findProblems(props: KeycloakTwilioSsoProps): Violation[] {
    const given: unknown = props;
    const rules = { values: KEYCLOAK_VALUE, nameId: KEYCLOAK_NAME_ID, assignments: KEYCLOAK_ASSIGNMENTS };
    if (!isRecord(given)) return sharedPropsProblems(given, rules);
    const out = serverUrlProblems(given.serverUrl);
    const realm = given.realm;
    if (!isUnresolved(realm) && (typeof realm !== 'string' || !REALM_NAME.test(realm))) {
      const code = realm === undefined || realm === null ? SsoErrorCode.VALUE_REQUIRED : SsoErrorCode.KEYCLOAK_REALM_INVALID;
      out.push(violation(code, 'realm', realm, `must be a realm name of letters, digits, '.', '_' and '-' (it goes into URLs), got ${show(realm)}`));
    }
    const urlName = given.idpInitiatedSsoUrlName;
    if (urlName !== undefined && !isUnresolved(urlName) && (typeof urlName !== 'string' || !URL_NAME.test(urlName))) {
      out.push(violation(SsoErrorCode.KEYCLOAK_IDP_INITIATED_NAME_INVALID, 'idpInitiatedSsoUrlName', urlName, `must be letters, digits, '_' and '-' (a URL segment), got ${show(urlName)}`));
    }
    out.push(...sharedPropsProblems(given, rules), ...productNameIdProblems(given));
    if (given.adopt !== undefined && given.target instanceof TwilioTarget) out.push(...keycloakAdoptProblems(given.target, given.adopt));
    if (given.fullName === REMOVED_FULL_NAME_OPTION) {
      // Earlier releases read this word as "Keycloak's saml-full-name-mapper". Keycloak 26.7.3 does
      // not ship that mapper (its /admin/serverinfo lists none), so the option was dropped; read as a
      // user attribute the word would silently send an empty full_name.
      out.push(
        violation(
          SsoErrorCode.ATTRIBUTE_VALUE_INVALID,
          'fullName',
          given.fullName,
          `${show(given.fullName)} is no longer supported (it chose saml-full-name-mapper, which Keycloak 26.7.3 does not ship); give the user attribute holding the full name, e.g. 'full_name'`,
        ),
      );
    }
    return out;
  }

  /**
   * Checks every prop and throws one {@link SsoConfigError} listing every problem
   * ({@link KeycloakTwilioSso.findProblems}), before any resource is declared.
   */
  public static validateProps(props: KeycloakTwilioSsoProps): void {
    throwIfAny(problemsHeader('Keycloak client', isRecord(props) ? props.target : undefined), KeycloakTwilioSso.findProblems(props));
  }

  /**
   * Gives a Keycloak group (by ID) the given Twilio roles. Returns the assignment as recorded. The
   * grant (`keycloak_group_roles`) is named `Group-<group ID>`, or `Group-ref<i>` for an ID that is a
   * token (`<i>` its position among the groups).
   */
  public addGroup(assignment: RoleAssignment): RoleAssignment {
    return super.addGroup(assignment);
  }

  /**
   * Gives one Keycloak user (by ID) the given Twilio roles directly. Returns the assignment. The grant
   * (`keycloak_user_roles`) is named `User-<user ID>`, or `User-ref<i>` for an ID that is a token.
   */
  public addUser(assignment: RoleAssignment): RoleAssignment {
    return super.addUser(assignment);
  }

  /**
   * The client role declared for a Twilio role (one per role the target's product accepts). Throws
   * `SsoConfigError` for a role the product does not have, or a token (ROLE_UNRESOLVED: the client
   * roles are declared by name at synth).
   */
  public role(name: string): KeycloakRole {
    const role = this.roles.get(name);
    if (role) return role;
    throwEach(roleProblems(name, 'role', this.target, RoleTokens.LIST_ONLY));
    throw new Error(`unreachable: '${name}' passed the role rules but has no client role`);
  }

  /**
   * The user attributes (not user properties) this client reads so far, sorted, each once: declare
   * them in the realm's user profile (`KeycloakRealmUserProfile`), since Keycloak 24+ keeps only
   * declared attributes. Values that are tokens are not listed.
   */
  public get userAttributes(): string[] {
    const names = [...this.readValues, ...this.attributes.map((a) => a.value)].filter((v) => !isUnresolved(v) && !USER_PROPERTIES.includes(v));
    return [...new Set(names)].sort();
  }

  protected declareGroup(assignment: RoleAssignment, key: string): void {
    new KeycloakGroupRoles(this, `Group-${key}`, { realmId: this.realm, groupId: assignment.principalId, roleIds: this.roleIds(assignment.roles), exhaustive: false });
  }

  protected declareUser(assignment: RoleAssignment, key: string): void {
    new KeycloakUserRoles(this, `User-${key}`, { realmId: this.realm, userId: assignment.principalId, roleIds: this.roleIds(assignment.roles), exhaustive: false });
  }

  /** @internal */
  protected _assignmentRules(): AssignmentRules {
    return KEYCLOAK_ASSIGNMENTS;
  }

  /** @internal */
  protected _valueLanguage(): ValueLanguage {
    return KEYCLOAK_VALUE;
  }

  protected createConsoleValues(): TwilioConsoleValues {
    return {
      issuer: this.issuer,
      ssoUrl: `${this.issuer}/protocol/saml`,
      certificatePem: pemFromBase64(this.realmKeys.certificate(0)),
      metadataUrl: `${this.issuer}/protocol/saml/descriptor`,
    };
  }

  protected onAttributeAdded(attribute: SamlAttribute): void {
    this.valueMapper(`AttributeMapper-${attribute.name}`, attribute.name, attribute.value);
  }

  private roleIds(roles: string[]): string[] {
    const ref = (r: string): string => {
      if (!this.roleRefs.has(r)) this.roleRefs.set(r, this.role(r).id);
      return this.roleRefs.get(r)!;
    };
    if (isUnresolved(roles)) {
      // Role names known only at apply (a variable): Terraform picks the matching client roles' IDs.
      const all = this.target.allowedRoles;
      return Fn.matchkeys(all.map(ref), all, roles);
    }
    return [...new Set(roles)].sort().map(ref);
  }

  /** A mapper sending a user property or user attribute (`value`) as the attribute `name`. */
  private valueMapper(id: string, name: string, value: string): KeycloakGenericProtocolMapper {
    // A value known only at apply gets its mapper type from Terraform, by the same rule.
    const type = isUnresolved(value)
      ? (Fn.conditional(Fn.contains(USER_PROPERTIES, value), PROPERTY_MAPPER, ATTRIBUTE_MAPPER) as string)
      : USER_PROPERTIES.includes(value)
        ? PROPERTY_MAPPER
        : ATTRIBUTE_MAPPER;
    // Both mapper types name what they read in `user.attribute` (Keycloak's ProtocolMapperUtils.USER_ATTRIBUTE).
    return this.mapper(id, name, type, { 'user.attribute': value });
  }

  private mapper(id: string, attributeName: string, type: string, config: { [key: string]: string }): KeycloakGenericProtocolMapper {
    const existing = this.adopt?.mapperIds?.[attributeName];
    const mapper = new KeycloakGenericProtocolMapper(this, id, {
      realmId: this.realm,
      clientId: this.clientRef,
      name: attributeName,
      protocol: SAML,
      protocolMapper: type,
      // Basic name format and no friendly name: the attribute is `<Attribute Name="email"
      // NameFormat="…:basic">`, exactly the bare name Twilio maps.
      config: { ...config, 'attribute.name': attributeName, 'attribute.nameformat': BASIC },
      // An adopted mapper keeps the name a person gave it: `name` is ForceNew in the keycloak provider
      // (v5.9.0, provider/resource_keycloak_generic_protocol_mapper.go), and only the `attribute.name`
      // config reaches Twilio.
      lifecycle: existing !== undefined ? { ignoreChanges: ['name'] } : undefined,
    });
    if (existing !== undefined) importExisting(mapper, clientMapperImportId(this.realm, this.adopt!.clientUuid, existing));
    this.declaredMappers.push({ attribute: attributeName, type, reads: config['user.attribute'], imported: existing !== undefined });
    return mapper;
  }

  /**
   * What the first apply changes in place on the adopted client, as data (one change per topic), in
   * the order it is warned about at synth. Empty for a client that is not adopted.
   * @internal
   */
  public _adoptionChanges(): AdoptionChange[] {
    if (!this.adopt) return [];
    const target = this.target;
    const adopt = this.adopt;
    const changes: AdoptionChange[] = [
      {
        topic: 'client settings',
        change:
          `Client ID becomes ${shown(target.entityId)}, name ${shown(this.displayName)}, ${shown(target.acsUrl)} the POST assertion consumer URL and the only valid redirect URI, ` +
          'documents and assertions signed with RSA_SHA256, no encryption, no client signature required, POST binding forced, front-channel logout off, ' +
          `NameID ${shown(this.props.nameId ?? DEFAULT_NAME_ID)} forced, AuthnStatement included, consent off, full scope off (the 'roles' attribute then carries only this client's roles, ` +
          `no realm roles), IdP-initiated SSO URL name ${shown(this.urlName)}; settings this construct does not set (root and base URL, logout service URLs, login theme, ` +
          "signature key name, canonicalization, extra config, …) are cleared or set to the keycloak provider's defaults: the plan shows which of these differ from the client",
      },
      {
        topic: 'default client scopes',
        change: "none; the client's default scopes (Keycloak's role_list and saml_organization, or others) are detached, so only the client's own mappers add attributes",
      },
    ];
    const describe = (m: DeclaredMapper): string => {
      const reads = m.reads === undefined ? '' : ` ${shown(m.reads)}`;
      const source =
        m.type === PROPERTY_MAPPER ? `user property${reads}` : m.type === ATTRIBUTE_MAPPER ? `user attribute${reads}` : m.type === 'saml-role-list-mapper' ? "the user's roles of this client, one attribute" : `a user property or attribute${reads}`;
      return `${m.attribute} ← ${source}`;
    };
    const imported = this.declaredMappers.filter((m) => m.imported);
    const created = this.declaredMappers.filter((m) => !m.imported);
    if (imported.length > 0) {
      changes.push({
        topic: 'protocol mappers imported and rewritten as declared, each keeping its name (Basic name format, no friendly name)',
        change: `${imported.map(describe).join('; ')}; an imported mapper of another type than declared is replaced (the plan shows it); mappers not in adopt.mapperIds are left as they are and still add their attributes`,
      });
    }
    if (created.length > 0) {
      changes.push({
        topic: 'protocol mappers created, each named after its attribute',
        change:
          `${created.map(describe).join('; ')}; creating one fails the apply if the client already has a mapper of that name ` +
          '("a protocol mapper with name … already exists for this client"): give its ID in adopt.mapperIds',
      });
    }
    const givenRoles = adopt.roleIds ?? {};
    const importedRoles = target.allowedRoles.filter((r) => r in givenRoles);
    const createdRoles = target.allowedRoles.filter((r) => !(r in givenRoles));
    changes.push({
      topic: 'client roles',
      change:
        `one per ${target.product} role; ${importedRoles.length > 0 ? `${importedRoles.join(', ')} imported (description rewritten)` : 'none imported'}` +
        (createdRoles.length > 0 ? `; ${createdRoles.join(', ')} created: creating a role the client already has fails the apply (409 Conflict): give its ID in adopt.roleIds` : ''),
    });
    const grants = [...this.groupAssignments.map((g) => ['group', g] as const), ...this.userAssignments.map((u) => ['user', u] as const)];
    if (grants.length > 0) {
      changes.push({
        topic: 'role grants',
        change: `${grants.map(([kind, a]) => `${kind} ${shown(a.principalId)} gets ${shownRoles(a.roles)}`).join('; ')} (added to what it has: roles granted in the admin console are kept)`,
      });
    }
    return changes;
  }

  /**
   * For a product without roles a Keycloak SAML client admits every user of the realm (groups and
   * users are refused), so "nobody is given access" is not warned about.
   * @internal
   */
  protected _everyoneCanSignIn(): boolean {
    return !this.target.hasRoles;
  }

  /** The adoption warnings: the changes, and the mapper IDs that name no attribute this client sends. */
  private warnAdoption(): void {
    const adopt = this.adopt!;
    warnAboutAdoption(this, 'Keycloak client', this._adoptionChanges());
    const sent = new Set(this.declaredMappers.map((m) => m.attribute));
    for (const attribute of Object.keys(adopt.mapperIds ?? {})) {
      if (!sent.has(attribute)) {
        warn(
          this,
          `adopt.mapperIds.${attribute} names no attribute this client sends (${[...sent].join(', ')}): the mapper is not imported, and stays on the client as it is`,
        );
      }
    }
  }
}


/**
 * `twilio-<sid>` in lowercase. A SID that is a token is lowercased by Terraform; a target built from
 * two token URLs has no SID at synth, so Terraform takes it from the Entity ID (every Twilio Entity
 * ID carries its `JQ`/`AC`/`JB` SID), given escaped for Terraform.
 */
function defaultUrlName(target: TwilioTarget, entityId: string): string {
  if (!isTwilioSidKind(target)) return productUrlName(target);
  const sid = target.sid === undefined ? undefined : literal(target.sid);
  if (sid === undefined) return `twilio-${Fn.lower(Fn.regex('(?:JQ|AC|JB)[0-9a-fA-F]{32}', entityId))}`;
  return isUnresolved(sid) ? `twilio-${Fn.lower(sid)}` : `twilio-${sid.toLowerCase()}`;
}

/** Whether the target is one of the SID-identified shapes (Flex enhanced, Flex legacy, Frontline). */
function isTwilioSidKind(target: TwilioTarget): boolean {
  return target.kind === TwilioSsoKind.FLEX_ENHANCED || target.kind === TwilioSsoKind.FLEX_LEGACY || target.kind === TwilioSsoKind.FRONTLINE;
}

/**
 * `twilio-<product>[-<ID>]` for the Console, SendGrid and Segment: the integration ID or connection
 * value in lowercase with anything but letters, digits, `_` and `-` made `-` (a URL segment); the
 * Console's profile has no ID in its values.
 */
function productUrlName(target: TwilioTarget): string {
  const id = target.sid === undefined ? undefined : literal(target.sid);
  if (id === undefined) return `twilio-${target.product}`;
  if (isUnresolved(id)) return `twilio-${target.product}-${Fn.lower(Fn.replace(id, '/[^A-Za-z0-9_-]/', '-'))}`;
  return `twilio-${target.product}-${id.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`;
}
