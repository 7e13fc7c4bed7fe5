import './tokens';
import { Construct } from 'constructs';
import { SsoErrorCode, TwilioTarget } from '../twilio';
import { isUnresolved } from '../twilio/unresolved';
import { Violations, show } from '../twilio/violations';
import { CertificateExpiry, validateWarningDays, warnOnExpiry } from './certificate-expiry';
import { ITwilioSsoApp, TwilioConsoleValues } from './console-values';
import { RoleAssignmentProps, validateRoleAssignments } from './role-assignment';
import { SamlAttribute, SamlAttributeList, ValueLanguage, checkValue, validateAttributes } from './saml-attribute';

/**
 * What every identity-provider construct takes, with one name and one meaning across Okta, Entra ID,
 * Salesforce and Keycloak. Each identity provider's props extend these with its own options.
 */
export interface TwilioSsoAppProps {
  /** The Twilio service provider to sign users in to. */
  readonly target: TwilioTarget;
  /**
   * The app's name as people see it in the identity provider (Okta app label, Entra enterprise app,
   * Keycloak client name, Salesforce app label).
   * @default - 'Twilio ' + the target's description, e.g. 'Twilio Flex enhanced SSO JQ…' (Salesforce: 'Twilio Flex' or 'Twilio Frontline')
   */
  readonly displayName?: string;
  /**
   * Where the NameID (Flex's unique user ID) comes from, in the identity provider's language: an
   * Okta expression (`user.userName`), an Entra user attribute (`user.mail`), a Keycloak user
   * property (`username` or `email`) or a Salesforce user field (`$User.Username`,
   * `$User.FederationIdentifier`, `$User.Id`).
   * @default - what Twilio's guide for the identity provider uses: Okta `user.userName`, Entra `user.mail`, Keycloak `username`, Salesforce `$User.Username`
   */
  readonly nameId?: string;
  /**
   * Where the `email` attribute comes from, in the identity provider's language.
   * @default - the user's email: Okta `user.email`, Entra `user.mail`, Keycloak `email`, Salesforce `$User.Email`
   */
  readonly email?: string;
  /**
   * Where the `full_name` attribute comes from (Flex only; Frontline does not read it), in the
   * identity provider's language.
   * @default - first and last name: Okta `String.join(" ", user.firstName, user.lastName)`, Entra `user.displayname`, Keycloak the user attribute `full_name`, Salesforce `$User.FirstName & " " & $User.LastName`
   */
  readonly fullName?: string;
  /**
   * Extra attributes (Flex Insights, capacity, …). Same as calling `addAttribute` for each.
   * @default - only the attributes the target requires
   */
  readonly attributes?: SamlAttribute[];
  /**
   * Warn (at synth, and in `twilio-sso console`/`verify`) when the signing certificate ends within
   * this many days.
   * @default 30
   */
  readonly certificateExpiryWarningDays?: number;
}

/**
 * The base of every identity-provider construct: the target, the display name, the extra attributes
 * (`addAttribute`, checked once here for every identity provider), the certificate-expiry threshold
 * and the Console values (built on first read and kept: every value is a Terraform reference token,
 * and a stack that never reads them should not pay for them).
 */
export abstract class TwilioSsoApp extends Construct implements ITwilioSsoApp {
  /** The Twilio service provider this app signs users in to. */
  public readonly target: TwilioTarget;
  /** The app's name as people see it in the identity provider. */
  public readonly displayName: string;
  /** The certificate-expiry warning threshold in days. */
  public readonly certificateExpiryWarningDays: number;

  private readonly attributeList: SamlAttributeList;
  private consoleValuesMemo?: TwilioConsoleValues;

  /**
   * @param defaultDisplayName the display name when the props give none
   */
  protected constructor(scope: Construct, id: string, props: TwilioSsoAppProps, defaultDisplayName?: string) {
    super(scope, id);
    this.target = props.target;
    this.displayName = props.displayName ?? defaultDisplayName ?? `Twilio ${props.target.description}`;
    this.certificateExpiryWarningDays = props.certificateExpiryWarningDays ?? CertificateExpiry.DEFAULT_WARNING_DAYS;
    this.attributeList = new SamlAttributeList(props.target, (value, field) => this.checkAttributeValue(value, field), this);
  }

  /** Sends one more attribute to Twilio. Returns it as recorded. */
  public addAttribute(attribute: SamlAttribute): SamlAttribute {
    const copy = this.attributeList.add(attribute);
    this.onAttributeAdded(copy);
    return copy;
  }

  /** Copies of the extra attributes declared so far, in order. */
  public get attributes(): SamlAttribute[] {
    return this.attributeList.all;
  }

  /** The values the Twilio Console needs from this identity provider. */
  public get consoleValues(): TwilioConsoleValues {
    this.consoleValuesMemo ??= this.createConsoleValues();
    return this.consoleValuesMemo;
  }

  /** Builds the Console values (called once, on first read). */
  protected abstract createConsoleValues(): TwilioConsoleValues;

  /**
   * Checks one attribute value (`addAttribute`'s `value`) in this identity provider's language, e.g.
   * an Okta expression or a Salesforce formula, and throws naming `field` and the value when it is
   * not one. Called before the attribute is recorded; a value that is a token is the plan's to judge.
   * @param value the value as given
   * @param field where it was given, e.g. `attributes[2].value`
   */
  protected abstract checkAttributeValue(value: string, field: string): void;

  /** Called for each attribute recorded, for identity providers that declare a resource per attribute. */
  protected onAttributeAdded(_attribute: SamlAttribute): void {}

  /** Adds a synth warning when a certificate with a known end is within the threshold or past it. */
  protected warnOnCertificateExpiry(what: string, expiresAt: string, remedy: string): void {
    if (!isUnresolved(expiresAt)) warnOnExpiry(this, what, expiresAt, this.certificateExpiryWarningDays, remedy);
  }
}

// Internal: shared validation of the props every identity provider takes.

/** How an identity provider writes the values of the shared props. */
export interface SharedPropsRules {
  /** The language of `email`, `fullName` and attribute values. */
  readonly values: ValueLanguage;
  /** The language of `nameId` (often narrower). */
  readonly nameId: ValueLanguage;
}

/** Checks the shared props (and `groups`/`users` when present), recording every problem in `v`. */
export function validateSharedProps(props: TwilioSsoAppProps & RoleAssignmentProps, rules: SharedPropsRules, v: Violations, rolesAllowed = true): void {
  const target = props.target;
  if (props.displayName !== undefined && !isUnresolved(props.displayName) && (typeof props.displayName !== 'string' || props.displayName.trim() === '')) {
    v.add(SsoErrorCode.DISPLAY_NAME_EMPTY, 'displayName', props.displayName, `displayName must not be empty, got ${show(props.displayName)}`);
  }
  if (props.nameId !== undefined && !isUnresolved(props.nameId)) {
    v.capture(() => checkValue(rules.nameId, props.nameId, 'nameId', SsoErrorCode.NAME_ID_INVALID));
  }
  for (const key of ['email', 'fullName'] as const) {
    if (props[key] !== undefined && !isUnresolved(props[key])) v.capture(() => checkValue(rules.values, props[key], key));
  }
  validateAttributes(target, props.attributes ?? [], rules.values, v);
  validateWarningDays(props.certificateExpiryWarningDays, v);
  if (props.groups !== undefined) validateRoleAssignments(target, props.groups, 'groups', v, rolesAllowed);
  if (props.users !== undefined) validateRoleAssignments(target, props.users, 'users', v, rolesAllowed);
}
