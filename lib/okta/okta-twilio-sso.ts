import { AppGroupAssignments, AppGroupAssignmentsGroup } from '@cdktf/provider-okta/lib/app-group-assignments';
import { AppSaml, AppSamlAttributeStatements } from '@cdktf/provider-okta/lib/app-saml';
import { AppUser } from '@cdktf/provider-okta/lib/app-user';
import { AppUserSchemaProperty } from '@cdktf/provider-okta/lib/app-user-schema-property';
import { Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import {
  ITwilioSsoApp,
  PrincipalKind,
  RoleAssignment,
  RoleAssignmentList,
  TwilioConsoleValues,
  escapeTerraformTemplate,
  pemFromBase64,
  validateRoleAssignments,
} from '../core';
import { EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE, SsoConfigError, TwilioTarget, Violations, show } from '../twilio';

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

/** An extra SAML attribute sent to Twilio. */
export interface OktaAttribute {
  /** Claim name as Twilio reads it, e.g. `department` or `channel.chat.capacity.int`. */
  readonly name: string;
  /** Okta Expression Language producing the value, e.g. `user.department`. */
  readonly expression: string;
}

/** Props for {@link OktaTwilioSso}. */
export interface OktaTwilioSsoProps {
  /** The Twilio service provider to sign users in to. */
  readonly target: TwilioTarget;
  /**
   * App label shown to users in the Okta dashboard.
   * @default - 'Twilio ' + the target's description, e.g. 'Twilio Flex enhanced SSO JQ…'
   */
  readonly label?: string;
  /**
   * Okta template for the NameID (the Flex unique user id), in Okta's own syntax; it is escaped for
   * Terraform here, so write `${user.email}`, not `$${user.email}`.
   * @default '${user.userName}'
   */
  readonly nameIdTemplate?: string;
  /**
   * Okta expression for the `email` attribute.
   * @default 'user.email'
   */
  readonly emailExpression?: string;
  /**
   * Okta expression for the `full_name` attribute (Flex only).
   * @default 'String.join(" ", user.firstName, user.lastName)'
   */
  readonly fullNameExpression?: string;
  /**
   * Where `roles` comes from.
   * @default OktaRolesSource.ASSIGNMENTS
   */
  readonly rolesSource?: OktaRolesSource;
  /**
   * Groups given access, with their Twilio roles (Okta group IDs, not names: a name lookup is a prefix
   * search that can pick a near match). Same as calling {@link OktaTwilioSso.addGroup} for each.
   * @default - no groups
   */
  readonly groups?: RoleAssignment[];
  /**
   * Users given access individually, with their roles. Same as {@link OktaTwilioSso.addUser}.
   * @default - no individual users
   */
  readonly users?: RoleAssignment[];
  /**
   * Extra attributes (Flex Insights, capacity, …). Same as {@link OktaTwilioSso.addAttribute}.
   * @default - only the attributes the target requires
   */
  readonly attributes?: OktaAttribute[];
  /**
   * Validity of the app's signing key in years (2–10). Changing it later rotates the key at once,
   * which breaks sign-in until Twilio has the new certificate: see the README's rotation section.
   * @default - Okta's default (10 years)
   */
  readonly keyYearsValid?: number;
}

const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const ATTRNAME_UNSPECIFIED = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';
const ROLES_PROPERTY = 'roles';

/**
 * Twilio Flex or Frontline single sign-on as an Okta custom SAML 2.0 app, configured as Twilio's Okta
 * guides require (facts file, sections 1 and 2): ACS = recipient = destination, audience = Entity ID,
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
export class OktaTwilioSso extends Construct implements ITwilioSsoApp {
  /** The Twilio service provider. */
  public readonly target: TwilioTarget;
  /** The Okta SAML app (`okta_app_saml`). */
  public readonly app: AppSaml;
  /** Where `roles` comes from. */
  public readonly rolesSource: OktaRolesSource;

  private readonly groups: RoleAssignmentList;
  private readonly users: RoleAssignmentList;
  private readonly attributes: OktaAttribute[] = [];
  private readonly rolesProperty?: AppUserSchemaProperty;
  private groupAssignments?: AppGroupAssignments;
  private consoleValuesMemo?: TwilioConsoleValues;

  constructor(scope: Construct, id: string, props: OktaTwilioSsoProps) {
    super(scope, id);
    this.target = props.target;
    this.rolesSource = props.rolesSource ?? OktaRolesSource.ASSIGNMENTS;
    OktaTwilioSso.validateProps(props);
    this.groups = new RoleAssignmentList(props.target, PrincipalKind.GROUP, this);
    this.users = new RoleAssignmentList(props.target, PrincipalKind.USER, this);

    const target = props.target;
    this.app = new AppSaml(this, 'Resource', {
      label: props.label ?? `Twilio ${target.description}`,
      status: 'ACTIVE',
      ssoUrl: target.acsUrl,
      recipient: target.acsUrl,
      destination: target.acsUrl,
      audience: target.entityId,
      subjectNameIdTemplate: escapeTerraformTemplate(props.nameIdTemplate ?? '${user.userName}'),
      subjectNameIdFormat: NAMEID_UNSPECIFIED,
      responseSigned: true,
      assertionSigned: true,
      signatureAlgorithm: 'RSA_SHA256',
      digestAlgorithm: 'SHA256',
      samlVersion: '2.0',
      samlSignedRequestEnabled: false,
      honorForceAuthn: true,
      authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
      keyYearsValid: props.keyYearsValid,
      attributeStatements: Lazy.anyValue({ produce: () => this.renderAttributeStatements(props) }) as unknown as AppSamlAttributeStatements[],
    });

    if (this.rolesSource === OktaRolesSource.ASSIGNMENTS) {
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
   * Checks every prop and throws one {@link SsoConfigError} listing every problem, before any resource
   * is declared.
   */
  public static validateProps(props: OktaTwilioSsoProps): void {
    const target = props.target;
    const v = new Violations();
    const source = props.rolesSource ?? OktaRolesSource.ASSIGNMENTS;
    if (source === OktaRolesSource.USER_TYPE) {
      (props.groups ?? []).forEach((g, i) => {
        if (g.roles.length > 0) {
          v.add('OKTA_ROLES_WITH_USER_TYPE', `groups[${i}].roles`, `groups[${i}].roles cannot be set when 'rolesSource' is userType (roles then come from each user's userType); remove them or use rolesSource 'assignments'`);
        }
      });
    } else {
      v.capture(() => validateRoleAssignments(target, props.groups ?? [], 'groups'));
      v.capture(() => validateRoleAssignments(target, props.users ?? [], 'users'));
    }
    if (props.keyYearsValid !== undefined && !Token.isUnresolved(props.keyYearsValid)) {
      if (!Number.isInteger(props.keyYearsValid) || props.keyYearsValid < 2 || props.keyYearsValid > 10) {
        v.add('OKTA_KEY_YEARS_INVALID', 'keyYearsValid', `keyYearsValid must be a whole number of years from 2 to 10, got ${show(props.keyYearsValid)}`);
      }
    }
    if (props.label !== undefined && props.label.trim() === '') {
      v.add('OKTA_LABEL_EMPTY', 'label', `label must not be empty, got ${show(props.label)}`);
    }
    const names = new Set<string>();
    (props.attributes ?? []).forEach((a, i) => {
      v.capture(() => target.validateAttributeName(a.name, `attributes[${i}].name`));
      if (names.has(a.name)) v.add('ATTRIBUTE_DUPLICATE', `attributes[${i}].name`, `attributes[${i}].name ${show(a.name)} is declared twice`);
      names.add(a.name);
      if (typeof a.expression !== 'string' || a.expression.trim() === '') {
        v.add('OKTA_EXPRESSION_EMPTY', `attributes[${i}].expression`, `attributes[${i}].expression must be an Okta expression such as 'user.department', got ${show(a.expression)}`);
      }
    });
    v.throwIfAny(`Invalid Okta app for ${target.description}`);
  }

  /**
   * Gives an Okta group access with the given Twilio roles (for {@link OktaRolesSource.USER_TYPE},
   * pass no roles). Returns the assignment as recorded.
   */
  public addGroup(assignment: RoleAssignment): RoleAssignment {
    const copy = this.groups.add(assignment, this.rolesSource === OktaRolesSource.ASSIGNMENTS);
    if (!this.groupAssignments) {
      this.groupAssignments = new AppGroupAssignments(this, 'GroupAssignments', {
        appId: this.app.id,
        group: Lazy.anyValue({ produce: () => this.renderGroups() }) as unknown as AppGroupAssignmentsGroup[],
        dependsOn: this.rolesProperty ? [this.rolesProperty] : undefined,
      });
    }
    return copy;
  }

  /** Gives one Okta user access individually with the given roles. Returns the assignment. */
  public addUser(assignment: RoleAssignment): RoleAssignment {
    const copy = this.users.add(assignment, this.rolesSource === OktaRolesSource.ASSIGNMENTS);
    new AppUser(this, `User-${assignment.principalId}`, {
      appId: this.app.id,
      userId: assignment.principalId,
      profile: this.rolesSource === OktaRolesSource.ASSIGNMENTS ? JSON.stringify({ [ROLES_PROPERTY]: copy.roles }) : undefined,
      dependsOn: this.rolesProperty ? [this.rolesProperty] : undefined,
    });
    return copy;
  }

  /** Sends one more attribute to Twilio. Returns it. */
  public addAttribute(attribute: OktaAttribute): OktaAttribute {
    const field = `attributes[${this.attributes.length}]`;
    this.target.validateAttributeName(attribute.name, `${field}.name`);
    if (this.attributes.some((a) => a.name === attribute.name)) {
      throw new SsoConfigError('ATTRIBUTE_DUPLICATE', `${field}.name`, `Cannot add attribute ${show(attribute.name)} to ${this.node.path}: it is already declared`);
    }
    const copy = { name: attribute.name, expression: attribute.expression };
    this.attributes.push(copy);
    return copy;
  }

  /**
   * The values for the Twilio Console. Built on first read, the same object on every read: each value
   * is a Terraform reference token, and every token costs a stack-trace capture in cdktf, so a stack
   * that never reads them (no {@link TwilioConsoleOutputs}) does not pay for them.
   */
  public get consoleValues(): TwilioConsoleValues {
    this.consoleValuesMemo ??= {
      issuer: this.app.entityUrl,
      ssoUrl: this.app.httpPostBinding,
      certificatePem: pemFromBase64(this.app.certificate),
      metadataUrl: this.app.metadataUrl,
      certificateExpiresAt: this.app.keys.get(0).expiresAt,
    };
    return this.consoleValuesMemo;
  }

  /** Copies of the group assignments declared so far. */
  public get groupAssignmentsDeclared(): RoleAssignment[] {
    return this.groups.all;
  }

  private renderGroups(): unknown[] {
    // Sorted by ID so that reordering the config is not a diff; priority follows that order.
    const sorted = this.groups.all.sort((a, b) => (a.principalId < b.principalId ? -1 : a.principalId > b.principalId ? 1 : 0));
    return sorted.map((g, i) => ({
      id: g.principalId,
      priority: i,
      profile: this.rolesSource === OktaRolesSource.ASSIGNMENTS ? JSON.stringify({ [ROLES_PROPERTY]: [...g.roles].sort() }) : '{}',
    }));
  }

  private renderAttributeStatements(props: OktaTwilioSsoProps): unknown[] {
    const statement = (name: string, value: string) => ({
      name,
      namespace: ATTRNAME_UNSPECIFIED,
      type: 'EXPRESSION',
      values: [escapeTerraformTemplate(value)],
    });
    const out = [statement(EMAIL_ATTRIBUTE, props.emailExpression ?? 'user.email')];
    if (this.target.isFlex) {
      out.push(statement(FULL_NAME_ATTRIBUTE, props.fullNameExpression ?? 'String.join(" ", user.firstName, user.lastName)'));
    }
    out.push(statement(ROLES_ATTRIBUTE, this.rolesSource === OktaRolesSource.ASSIGNMENTS ? `appuser.${ROLES_PROPERTY}` : 'user.userType'));
    for (const a of this.attributes) out.push(statement(a.name, a.expression));
    return out;
  }
}
