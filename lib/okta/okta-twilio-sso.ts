import { AppGroupAssignments, AppGroupAssignmentsGroup } from '@cdktf/provider-okta/lib/app-group-assignments';
import { AppSaml, AppSamlAttributeStatements } from '@cdktf/provider-okta/lib/app-saml';
import { AppUser } from '@cdktf/provider-okta/lib/app-user';
import { DataOktaUser } from '@cdktf/provider-okta/lib/data-okta-user';
import { AppUserSchemaProperty } from '@cdktf/provider-okta/lib/app-user-schema-property';
import { Fn, Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { RoleAssignment, RoleAssignmentProps, SamlAttribute, TwilioConsoleValues, TwilioSsoAppProps } from '../core';
import { AdoptionChange, importExisting, shown, shownRoles, warnAboutAdoption, warnAtSynth } from '../core/adoption';
import { pemFromBase64 } from '../core/pem';
import { AssignmentRules, PrincipalIdShape, PrincipalKind, looksLikeName, principalIdShapeProblems } from '../core/role-assignment';
import { ValueLanguage } from '../core/saml-attribute';
import { literal } from '../core/literal';
import { problemsHeader, sharedPropsProblems } from '../core/twilio-sso-app';
import { TwilioSsoAppWithAssignments } from '../core/twilio-sso-app-with-assignments';
import { SsoErrorCode, TwilioTarget, Violation } from '../twilio';
import { EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE } from '../twilio/attributes';
import { isRecord, kindOf, optionalEnumProblems, show, throwIfAny, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

/** Where the `roles` attribute's value comes from. */
export enum OktaRolesSource {
  /**
   * Roles declared per group assignment (and per user assignment) on this app, combined across
   * all of a user's groups. The default: roles live next to the groups in code.
   */
  ASSIGNMENTS = 'assignments',
  /**
   * The Okta user profile's `userType`, as Twilio's Okta guides do: one role (or a comma-separated
   * list) maintained per user in Okta. Groups then only grant access.
   */
  USER_TYPE = 'userType',
}

/**
 * Which existing Okta app {@link OktaTwilioSso} brings under code (its `adopt` prop).
 */
export interface OktaAdoptOptions {
  /**
   * The existing SAML app's ID, `0oa…` (not its label, nor its name such as `example_twilioflex_1`).
   * In the Okta Admin Console go to Applications → Applications and open the app: the browser's URL
   * is `https://<org>-admin.okta.com/admin/app/<name>/instance/<app ID>/`
   * (https://help.okta.com/oie/en-us/content/topics/miscellaneous/get-ids.htm). A Terraform token
   * (a `TerraformVariable`) is accepted and goes into the import block unchecked.
   */
  readonly appId: string;
}

/**
 * Props for {@link OktaTwilioSso}. Values (`nameId`, `email`, `fullName`, attribute values) are Okta
 * Expression Language, e.g. `user.department`.
 */
export interface OktaTwilioSsoProps extends TwilioSsoAppProps, RoleAssignmentProps {
  /**
   * Where `roles` comes from.
   * @default OktaRolesSource.ASSIGNMENTS
   */
  readonly rolesSource?: OktaRolesSource;
  /**
   * Validity of the app's signing key in years (2–10). Changing it later rotates the key at once,
   * which breaks sign-in until Twilio has the new certificate: see the README's rotation section.
   * @default - Okta's default (10 years)
   */
  readonly keyYearsValid?: number;
  /**
   * Adopt an existing Okta SAML app (one made by hand from Twilio's Okta guide, say) instead of
   * creating a new one. The stack then declares Terraform `import` blocks (Terraform ≥ 1.5, OpenTofu
   * ≥ 1.6) for the app (`okta_app_saml`) and, when groups are declared, for its group assignments
   * (`okta_app_group_assignments`), both by app ID; the first plan shows them as imports with
   * in-place updates and nothing to destroy. The app keeps its signing key and certificate: no key
   * is generated, so `keyYearsValid` cannot be combined with `adopt`.
   *
   * Not imported: the app-user profile property `roles` (an app made from Twilio's guide has none,
   * and an import block for a missing object fails the plan). With {@link OktaRolesSource.ASSIGNMENTS}
   * it is created; Okta's schema call that creates it also updates a property of that name if the
   * app already has one. Users given in `users` are assigned by the apply (not imported).
   *
   * What the first apply changes in place is listed at synth as one warning per item (the label, the
   * SAML settings, the attribute statements, the group assignments, the roles property). Keep
   * `adopt` after the import: once the app is in state the import block does nothing. See
   * docs/adopt.md.
   * @default - a new app is created
   */
  readonly adopt?: OktaAdoptOptions;
}

const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const ATTRNAME_UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';
const ROLES_PROPERTY = 'roles';
const DEFAULT_NAME_ID = 'user.userName';
const DEFAULT_EMAIL = 'user.email';
const DEFAULT_FULL_NAME = 'String.join(" ", user.firstName, user.lastName)';
/** Okta app IDs start with `0oa` (https://help.okta.com/oie/en-us/content/topics/miscellaneous/get-ids.htm). */
const APP_ID = /^0oa[0-9A-Za-z]+$/;

/** Okta Expression Language, as the attribute statements and the NameID template take it. */
const OKTA_EXPRESSION: ValueLanguage = {
  describe: "an Okta expression such as 'user.department'",
  // The NameID is written into a template as `${<expression>}`; a value that is already a template
  // would be wrapped twice.
  problem: (value) => (/[$%]\{/.test(value) ? "write the expression itself, without '${…}'" : undefined),
};

/**
 * Okta group and user IDs: `00g…` and `00u…`, then letters and digits (20 characters in every org
 * seen, not promised by Okta, so not required). Admin Console → Directory → Groups (People) → the
 * group (person): the URL ends in its ID (https://help.okta.com/oie/en-us/content/topics/miscellaneous/get-ids.htm).
 */
const OKTA_ID_SHAPES: Record<PrincipalKind, PrincipalIdShape> = {
  [PrincipalKind.GROUP]: {
    pattern: /^00g[0-9A-Za-z]+$/,
    describe: "an Okta group ID, '00g' followed by letters and digits (Admin Console → Directory → Groups → the group: the URL ends in its ID)",
    whyNot: (id) => (/^00u[0-9A-Za-z]+$/.test(id) ? "which is an Okta user ID: give users in 'users'" : looksLikeName(id, PrincipalKind.GROUP)),
  },
  [PrincipalKind.USER]: {
    pattern: /^00u[0-9A-Za-z]+$/,
    describe: "an Okta user ID, '00u' followed by letters and digits (Admin Console → Directory → People → the person: the URL ends in its ID)",
    whyNot: (id) => (/^00g[0-9A-Za-z]+$/.test(id) ? "which is an Okta group ID: give groups in 'groups'" : /@/.test(id) ? 'which looks like a login, not the user ID' : looksLikeName(id, PrincipalKind.USER)),
  },
};

/** The rules of Okta's groups and users: IDs by shape; with the userType source, roles come from elsewhere. */
function oktaAssignmentRules(source: OktaRolesSource): AssignmentRules {
  const principalId = (id: string, field: string, kind: PrincipalKind): Violation[] => principalIdShapeProblems(id, field, OKTA_ID_SHAPES[kind]);
  if (source !== OktaRolesSource.USER_TYPE) return { principalId };
  return {
    principalId,
    roles: (roles: unknown, field: string): Violation[] => {
      if (roles === undefined || roles === null || isUnresolved(roles) || (Array.isArray(roles) && roles.length === 0)) return [];
      return [
        violation(
          SsoErrorCode.OKTA_ROLES_WITH_USER_TYPE,
          field,
          roles,
          `cannot be set when 'rolesSource' is userType (roles then come from each user's userType), got ${show(roles)}; remove them or use rolesSource 'assignments'`,
        ),
      ];
    },
  };
}

const ROLES_SOURCES: string[] = Object.values(OktaRolesSource);

/**
 * Twilio Flex or Frontline single sign-on as an Okta custom SAML 2.0 app, configured as Twilio's Okta
 * guides require (twilio.com/docs/flex/admin-guide/setup/sso-configuration/okta): ACS = recipient = destination, audience = Entity ID,
 * response and assertion signed with RSA-SHA256/SHA-256, no encryption, NameID unspecified, the
 * required attributes with Twilio's exact names, and the app ACTIVE.
 *
 * Roles: with {@link OktaRolesSource.ASSIGNMENTS} the app gets an app-user profile property `roles`
 * (string array, `union = true`: Okta's "Combine values across groups",
 * https://help.okta.com/en-us/content/topics/users-groups-profiles/usgp-assign-app-group-priority.htm),
 * each group assignment sets its roles in that property's profile, and the `roles` attribute is
 * `appuser.roles`. A user in several groups so gets every group's roles, and a user assigned
 * individually gets the roles of that assignment (Okta lets an individual assignment's profile win
 * over group values). This keeps roles next to group IDs in code, needs no Okta Expression Language
 * per role, and sends role names rather than group names (a GROUP attribute statement would send
 * group names). Group assignments are one authoritative `okta_app_group_assignments`: a group added by
 * hand in the Okta admin UI is removed on the next apply, so code stays the source of truth.
 */
export class OktaTwilioSso extends TwilioSsoAppWithAssignments {
  /** The Okta SAML app (`okta_app_saml`). */
  public readonly app: AppSaml;
  /** Where `roles` comes from. */
  public readonly rolesSource: OktaRolesSource;

  private readonly groupsDeclared: RoleAssignment[] = [];
  private readonly attributesDeclared: SamlAttribute[] = [];
  private readonly rolesProperty?: AppUserSchemaProperty;
  private readonly adopt?: OktaAdoptOptions;
  private readonly props: OktaTwilioSsoProps;
  private groupAssignmentsResource?: AppGroupAssignments;

  constructor(scope: Construct, id: string, props: OktaTwilioSsoProps) {
    OktaTwilioSso.validateProps(props);
    super(scope, id, props);
    this.rolesSource = props.rolesSource ?? OktaRolesSource.ASSIGNMENTS;
    // Every string given, as Terraform must read it (literal parts escaped, tokens kept): once, here.
    const given = literal(props);
    this.props = props;
    this.adopt = given.adopt;

    const target = props.target;
    this.app = new AppSaml(this, 'Resource', {
      label: this._literal.displayName,
      status: 'ACTIVE',
      ssoUrl: this._literal.acsUrl,
      recipient: this._literal.acsUrl,
      destination: this._literal.acsUrl,
      audience: this._literal.entityId,
      subjectNameIdTemplate: nameIdTemplate(given.nameId ?? (target.nameIdIsEmail ? DEFAULT_EMAIL : DEFAULT_NAME_ID)),
      // The Console, SendGrid and Segment ask for EmailAddress (TwilioTarget.nameIdFormat); Flex and Frontline as before.
      subjectNameIdFormat: target.nameIdIsEmail ? target.nameIdFormat : NAMEID_UNSPECIFIED,
      responseSigned: true,
      assertionSigned: true,
      signatureAlgorithm: 'RSA_SHA256',
      digestAlgorithm: 'SHA256',
      samlVersion: '2.0',
      samlSignedRequestEnabled: false,
      honorForceAuthn: true,
      authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
      keyYearsValid: props.keyYearsValid,
      attributeStatements: Lazy.anyValue({ produce: () => this.renderAttributeStatements(given) }) as unknown as AppSamlAttributeStatements[],
    });
    if (this.adopt) {
      // No key_name/key_years_valid (refused above): the provider sends the app's current key ID back
      // on update, so the app keeps signing with its key (okta/terraform-provider-okta v4.20.0,
      // okta/resource_okta_app_saml.go: buildSamlApp, tryCreateCertificate).
      importExisting(this.app, this.adopt.appId);
      warnAtSynth(this, () => warnAboutAdoption(this, 'Okta app', this._adoptionChanges()));
    }

    if (this.rolesSource === OktaRolesSource.ASSIGNMENTS && target.hasRoles) {
      // Created after the app exists and is ACTIVE (the reference orders it): Okta refuses app-user
      // schema changes on an inactive app (okta provider issues #604, #632).
      this.rolesProperty = new AppUserSchemaProperty(this, 'RolesProperty', {
        appId: this.app.id,
        index: ROLES_PROPERTY,
        title: 'Twilio roles',
        description: `Roles sent to Twilio in the SAML 'roles' attribute (${target.allowedRoles.join(', ')})`,
        type: 'array',
        arrayType: 'string',
        arrayEnum: target.allowedRoles,
        arrayOneOf: target.allowedRoles.map((r) => ({ const: r, title: r })),
        scope: 'NONE',
        union: true,
        master: 'PROFILE_MASTER',
      });
    }

    for (const g of props.groups ?? []) this.addGroup(g);
    for (const u of props.users ?? []) this.addUser(u);
    for (const a of props.attributes ?? []) this.addAttribute(a);
  }

  /**
   * Every problem {@link OktaTwilioSso.validateProps} throws for, as data and without throwing: one
   * `Violation` per problem, each with its `code`, `field`, `value` and `message`; empty when the
   * props are valid. For callers that report problems themselves, and for languages other than
   * TypeScript, where a thrown error arrives as its message only.
   */
  public static findProblems(props: OktaTwilioSsoProps): Violation[] {
    const given: unknown = props;
    const source = isRecord(given) && ROLES_SOURCES.includes(given.rolesSource as string) ? (given.rolesSource as OktaRolesSource) : OktaRolesSource.ASSIGNMENTS;
    const out = sharedPropsProblems(given, { values: OKTA_EXPRESSION, nameId: OKTA_EXPRESSION, assignments: oktaAssignmentRules(source) });
    if (!isRecord(given)) return out;
    out.push(...optionalEnumProblems(given.rolesSource, 'rolesSource', ROLES_SOURCES));
    if (given.rolesSource !== undefined && given.target instanceof TwilioTarget && !given.target.hasRoles) {
      out.push(violation(SsoErrorCode.ROLES_NOT_SUPPORTED, 'rolesSource', given.rolesSource, `must be left out: ${given.target.description} has no roles in SAML, got ${show(given.rolesSource)}`));
    }
    if (given.adopt !== undefined) out.push(...adoptProblems(given));
    const years = given.keyYearsValid;
    if (years !== undefined && !isUnresolved(years) && (typeof years !== 'number' || !Number.isInteger(years) || years < 2 || years > 10)) {
      out.push(violation(SsoErrorCode.OKTA_KEY_YEARS_INVALID, 'keyYearsValid', years, `must be a whole number of years from 2 to 10, got ${show(years)}`));
    }
    return out;
  }

  /**
   * Checks every prop and throws one {@link SsoConfigError} listing every problem
   * ({@link OktaTwilioSso.findProblems}), before any resource is declared.
   */
  public static validateProps(props: OktaTwilioSsoProps): void {
    throwIfAny(problemsHeader('Okta app', isRecord(props) ? props.target : undefined), OktaTwilioSso.findProblems(props));
  }

  /**
   * Gives an Okta group (its ID, `00g…`) access with the given Twilio roles (for
   * {@link OktaRolesSource.USER_TYPE}, pass no roles). Returns the assignment as recorded.
   */
  public addGroup(assignment: RoleAssignment): RoleAssignment {
    return super.addGroup(assignment);
  }

  /**
   * Gives one Okta user (its ID, `00u…`) access individually with the given roles. Returns the
   * assignment. The user's `okta_app_user` is named `User-<user ID>`, or `User-ref<i>` for an ID that
   * is a token (`<i>` its position among the users).
   */
  public addUser(assignment: RoleAssignment): RoleAssignment {
    return super.addUser(assignment);
  }

  protected declareGroup(assignment: RoleAssignment, _key: string): void {
    this.groupsDeclared.push(assignment);
    if (!this.groupAssignmentsResource) {
      this.groupAssignmentsResource = new AppGroupAssignments(this, 'GroupAssignments', {
        appId: this.app.id,
        group: Lazy.anyValue({ produce: () => this.renderGroups() }) as unknown as AppGroupAssignmentsGroup[],
        dependsOn: this.rolesProperty ? [this.rolesProperty] : undefined,
      });
      if (this.adopt) importExisting(this.groupAssignmentsResource, this.adopt.appId);
    }
  }

  protected declareUser(assignment: RoleAssignment, key: string): void {
    // `okta_app_user` needs the user's app username for a SAML app (okta provider 4.20.0
    // resourceAppUserCreate: "'username' is required" unless the app uses a shared username). The
    // SAML app's default username template is the Okta login, read here from the user.
    const user = new DataOktaUser(this, `User-${key}-Login`, { userId: assignment.principalId, skipGroups: true, skipRoles: true });
    new AppUser(this, `User-${key}`, {
      appId: this.app.id,
      userId: assignment.principalId,
      username: user.login,
      profile: this.rolesProperty ? rolesProfile(assignment.roles, false) : undefined,
      dependsOn: this.rolesProperty ? [this.rolesProperty] : undefined,
    });
  }

  /** @internal */
  protected _assignmentRules(): AssignmentRules {
    return oktaAssignmentRules(this.rolesSource);
  }

  /** @internal */
  protected _valueLanguage(): ValueLanguage {
    return OKTA_EXPRESSION;
  }

  protected onAttributeAdded(attribute: SamlAttribute): void {
    this.attributesDeclared.push(attribute);
  }

  protected createConsoleValues(): TwilioConsoleValues {
    return {
      issuer: this.app.entityUrl,
      ssoUrl: this.app.httpPostBinding,
      certificatePem: pemFromBase64(this.app.certificate),
      metadataUrl: this.app.metadataUrl,
      certificateExpiresAt: this.app.keys.get(0).expiresAt,
    };
  }

  private renderGroups(): unknown[] {
    // Sorted by ID so that reordering the config is not a diff; priority follows that order.
    const sorted = [...this.groupsDeclared].sort((a, b) => (a.principalId < b.principalId ? -1 : a.principalId > b.principalId ? 1 : 0));
    return sorted.map((g, i) => ({
      id: g.principalId,
      priority: i,
      profile: this.rolesProperty ? rolesProfile(g.roles, true) : '{}',
    }));
  }

  /** The attribute statements, from the escaped props and attributes (`literal`). */
  private renderAttributeStatements(given: OktaTwilioSsoProps): unknown[] {
    return this.attributeExpressions(given, this.attributesDeclared).map(([name, value]) => ({
      name,
      namespace: ATTRNAME_UNSPECIFIED,
      type: 'EXPRESSION',
      values: [value],
    }));
  }

  /** Every attribute statement as `[name, Okta expression]`, in the order they are sent. */
  private attributeExpressions(props: OktaTwilioSsoProps, attributes: SamlAttribute[]): Array<[string, string]> {
    // The attributes the product reads: email (Flex, Frontline, Segment), full_name (Flex), roles
    // (Flex, Frontline); the Console and SendGrid read the NameID only.
    const out: Array<[string, string]> = [];
    if (this.target.requiredAttributes.includes(EMAIL_ATTRIBUTE)) out.push([EMAIL_ATTRIBUTE, props.email ?? DEFAULT_EMAIL]);
    if (this.target.isFlex) out.push([FULL_NAME_ATTRIBUTE, props.fullName ?? DEFAULT_FULL_NAME]);
    if (this.target.hasRoles) out.push([ROLES_ATTRIBUTE, this.rolesSource === OktaRolesSource.ASSIGNMENTS ? `appuser.${ROLES_PROPERTY}` : 'user.userType']);
    for (const a of attributes) out.push([a.name, a.value]);
    return out;
  }

  /**
   * What the first apply changes in place on the adopted app, as data (one change per topic), in the
   * order it is warned about at synth. Empty for an app that is not adopted.
   * @internal
   */
  public _adoptionChanges(): AdoptionChange[] {
    if (!this.adopt) return [];
    const props = this.props;
    const target = this.target;
    const changes: AdoptionChange[] = [
      { topic: 'label', change: `the app's label becomes ${shown(this.displayName)} (the 'displayName' prop)` },
      {
        topic: 'SAML settings',
        change:
          `single sign-on URL, recipient and destination become ${shown(target.acsUrl)}, audience ${shown(target.entityId)}, ` +
          (target.nameIdIsEmail
            ? `NameID ${shown(props.nameId ?? DEFAULT_EMAIL)} (format EmailAddress: ${target.product} identifies users by their email), `
            : `NameID ${shown(props.nameId ?? DEFAULT_NAME_ID)} (format unspecified; Flex identifies users by it, so it must be what the app sends today: see 'nameId'), `) +
          'response and assertion signed with RSA-SHA256/SHA-256, status ACTIVE; the plan shows which of these differ from the app',
      },
      {
        topic: 'attribute statements',
        change:
          `they become exactly ${this.attributeExpressions(props, this.attributes).map(([n, e]) => `${n} = ${shown(e)}`).join(', ')}; ` +
          "any other statement on the app (Twilio's guide's 'roles' = user.userType, a 'Full Name' statement) is removed",
      },
    ];
    if (this.groupAssignmentsResource) {
      const groups = this.groupAssignments.map((g) => (g.roles.length > 0 ? `${shown(g.principalId)} (${shownRoles(g.roles)})` : shown(g.principalId)));
      changes.push({
        topic: 'group assignments',
        change: `the app is assigned exactly the groups in 'groups': ${groups.join(', ')}; every other group assigned to the app loses access (okta_app_group_assignments is authoritative)`,
      });
    }
    if (this.rolesProperty) {
      changes.push({
        topic: `app-user property '${ROLES_PROPERTY}'`,
        change:
          `created on the app as a string array limited to ${target.allowedRoles.join(', ')} ` +
          "(an existing property of that name is redefined); users' roles then come from their assignments, not from user.userType",
      });
    }
    if (this.userAssignments.length > 0) {
      changes.push({ topic: 'user assignments', change: `${this.userAssignments.map((u) => shown(u.principalId)).join(', ')} assigned to the app individually with their roles` });
    }
    return changes;
  }
}

/** The problems of the `adopt` prop and of what may not come with it. */
function adoptProblems(props: Record<string, unknown>): Violation[] {
  const out: Violation[] = [];
  const adopt = props.adopt;
  if (!isRecord(adopt)) return [violation(SsoErrorCode.VALUE_TYPE_INVALID, 'adopt', adopt, `must be an object { appId }, got ${kindOf(adopt)} ${show(adopt)}`)];
  const appId = adopt.appId;
  if (!isUnresolved(appId) && (typeof appId !== 'string' || !APP_ID.test(appId))) {
    out.push(
      violation(
        SsoErrorCode.ADOPT_ID_INVALID,
        'adopt.appId',
        appId,
        `must be the Okta app ID, '0oa' followed by letters and digits (Admin Console → Applications → the app: the URL's …/instance/<app ID>/), got ${show(appId)}`,
      ),
    );
  }
  if (props.keyYearsValid !== undefined) {
    out.push(
      violation(
        SsoErrorCode.ADOPT_KEY_CHANGE,
        'keyYearsValid',
        props.keyYearsValid,
        `cannot be set with 'adopt', got ${show(props.keyYearsValid)}: an adopted app keeps its signing key and certificate, which the Twilio Console has; ` +
          "remove keyYearsValid (rotate later, in a planned window: see the README's certificate rotation)",
      ),
    );
  }
  return out;
}

/**
 * An assignment's app-user profile, `{"roles":[…]}` (a group's sorted, as it always was); roles that
 * are a list token are encoded by Terraform.
 */
function rolesProfile(roles: string[], sorted: boolean): string {
  if (Token.isUnresolved(roles)) return Fn.jsonencode({ [ROLES_PROPERTY]: roles });
  return JSON.stringify({ [ROLES_PROPERTY]: sorted ? [...roles].sort() : roles });
}

/**
 * Okta's NameID template `${<expression>}` for an expression already escaped (`literal`): the
 * template's own `${` is written escaped, once, so `$${user.userName}` reaches Okta as
 * `${user.userName}` (okta provider issue #1291). An expression that is a token is joined by
 * Terraform (`join("", ["$${", var.x, "}"])`), so Terraform fills in the value and Okta still gets a
 * template: written inline, cdktf 0.21.0 merges `$${` + `${var.x}` into `$${var.x}`, which Terraform
 * reads as the literal text `${var.x}`.
 */
function nameIdTemplate(expression: string): string {
  // cdktf escapes a function's string arguments itself: the `${` given here reaches Terraform as "$${".
  return Token.isUnresolved(expression) ? Fn.join('', ['${', expression, '}']) : `$\${${expression}}`;
}
