import './tokens';
import { Construct } from 'constructs';
import { warn, warnAtSynth } from './adoption';
import { SsoErrorCode, TwilioSsoKind, TwilioTarget, Violation } from '../twilio';
import { isRecord, kindOf, optionalStringProblems, recordProblems, show, throwEach, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import { CertificateExpiry, warnOnExpiry, warningDaysProblems } from './certificate-expiry';
import { ITwilioSsoApp, TwilioConsoleValues } from './console-values';
import { literal } from './literal';
import { AssignmentRules, PrincipalKind, assignmentListProblems } from './role-assignment';
import { SamlAttribute, ValueLanguage, attributeListProblems, attributeProblems, valueProblems } from './saml-attribute';

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

  /**
   * The display name and the target's URLs as the identity provider writes them into Terraform: every
   * literal part escaped (`${` → `$${`, `%{` → `%%{`), tokens kept, so that no string given becomes a
   * Terraform expression. The identity provider escapes its own props the same way, once, with
   * `literal(props)`; `addGroup`/`addUser`/`addAttribute` hand it escaped copies.
   * @internal
   */
  protected readonly _literal: { readonly displayName: string; readonly entityId: string; readonly acsUrl: string };

  private readonly attributeList: SamlAttribute[] = [];
  private consoleValuesMemo?: TwilioConsoleValues;

  /**
   * @param defaultDisplayName the display name when the props give none
   */
  protected constructor(scope: Construct, id: string, props: TwilioSsoAppProps, defaultDisplayName?: string) {
    super(scope, id);
    this.target = props.target;
    this.displayName = props.displayName ?? defaultDisplayName ?? `Twilio ${props.target.description}`;
    this.certificateExpiryWarningDays = props.certificateExpiryWarningDays ?? CertificateExpiry.DEFAULT_WARNING_DAYS;
    this._literal = literal({ displayName: this.displayName, entityId: this.target.entityId, acsUrl: this.target.acsUrl });
    // Once everything is declared (add* calls after the constructor included), at synth.
    warnAtSynth(this, () => {
      for (const warning of this._warningsAtSynth()) warn(this, warning);
    });
  }

  /**
   * Sends one more attribute to Twilio. Returns it as recorded. Throws `SsoConfigError` for what the
   * `attributes` prop refuses (the same rules, codes and words).
   */
  public addAttribute(attribute: SamlAttribute): SamlAttribute {
    const field = `attributes[${this.attributeList.length}]`;
    const problems = attributeProblems(attribute, field, this.target, this._valueLanguage(), this.attributeList.map((a) => a.name));
    throwEach(problems, `Cannot add attribute to ${this.node.path}`);
    const copy = { name: attribute.name, value: attribute.value };
    this.attributeList.push(copy);
    this.onAttributeAdded(literal(copy));
    return { ...copy };
  }

  /** Copies of the extra attributes declared so far, in order, as given. */
  public get attributes(): SamlAttribute[] {
    return this.attributeList.map((a) => ({ ...a }));
  }

  /** The values the Twilio Console needs from this identity provider. */
  public get consoleValues(): TwilioConsoleValues {
    this.consoleValuesMemo ??= this.createConsoleValues();
    return this.consoleValuesMemo;
  }

  /** Builds the Console values (called once, on first read). */
  protected abstract createConsoleValues(): TwilioConsoleValues;

  /**
   * The language of this identity provider's attribute values (an Okta expression, a Salesforce
   * formula, …): the same object its `findProblems` checks the `attributes` prop with.
   * @internal
   */
  protected abstract _valueLanguage(): ValueLanguage;

  /**
   * Called for each attribute recorded, for identity providers that declare a resource per attribute.
   * @param _attribute the attribute as recorded, its strings escaped for Terraform
   */
  protected onAttributeAdded(_attribute: SamlAttribute): void {}

  /**
   * What to warn about at synth, once everything is declared: by default, a Flex legacy SSO target
   * (Twilio's migration deadline).
   * @internal
   */
  protected _warningsAtSynth(): string[] {
    return this.target.kind === TwilioSsoKind.FLEX_LEGACY ? [legacySsoWarning(this.target)] : [];
  }

  /** Adds a synth warning when a certificate with a known end is within the threshold or past it. */
  protected warnOnCertificateExpiry(what: string, expiresAt: string, remedy: string): void {
    if (!isUnresolved(expiresAt) && !isUnresolved(this.certificateExpiryWarningDays)) warnOnExpiry(this, what, expiresAt, this.certificateExpiryWarningDays, remedy);
  }
}

// Internal: shared validation of the props every identity provider takes.

/**
 * The date by which Twilio's migration guide says every Flex account on legacy SSO must move to
 * enhanced SSO (https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/migration-guide;
 * earlier versions of the guide said June 2025).
 */
export const LEGACY_SSO_DEADLINE = new Date('2026-03-31T00:00:00Z');

/** The synth warning for a Flex legacy SSO target. */
export function legacySsoWarning(target: TwilioTarget, now: Date = new Date()): string {
  const when = now.getTime() > LEGACY_SSO_DEADLINE.getTime() ? 'has passed' : 'is near';
  return (
    `${target.description} is Flex legacy SSO: Twilio's deadline to move every Flex account to enhanced SSO (31 March 2026) ${when} ` +
    '(https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/migration-guide); ' +
    "docs/adopt.md ('Legacy Flex SSO to enhanced SSO') moves it with both apps side by side, without a sign-in outage"
  );
}

/** How an identity provider writes the values of the shared props, and judges its groups and users. */
export interface SharedPropsRules {
  /** The language of `email`, `fullName` and attribute values. */
  readonly values: ValueLanguage;
  /** The language of `nameId` (often narrower). */
  readonly nameId: ValueLanguage;
  /**
   * The rules of `groups` and `users`.
   * @default - any non-empty ID, roles of the target's product (tokens allowed)
   */
  readonly assignments?: AssignmentRules;
}

/** The problems of `target`: missing, or not a `TwilioTarget` (made by its factories). */
export function targetProblems(target: unknown, field = 'target'): Violation[] {
  if (target instanceof TwilioTarget) return [];
  const what = 'a TwilioTarget (TwilioTarget.flexEnhanced, flexLegacy, frontline or fromServiceProvider)';
  if (target === undefined || target === null) return [violation(SsoErrorCode.VALUE_REQUIRED, field, target, `is required: ${what}, got ${show(target)}`)];
  return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, target, `must be ${what}, got ${kindOf(target)} ${show(target)}`)];
}

/**
 * The problems of the props every identity provider takes (and `groups`/`users` when the identity
 * provider has them): the props object, the target, display name, NameID, email, full name,
 * attributes, certificate-expiry days. Never throws. Rules that need the target are skipped when it
 * is not one (its own problem is reported).
 */
export function sharedPropsProblems(props: unknown, rules: SharedPropsRules): Violation[] {
  const shape = recordProblems(props, 'props', 'a props object');
  if (shape.length > 0 || !isRecord(props)) return shape;
  const out = targetProblems(props.target);
  const target = props.target instanceof TwilioTarget ? props.target : undefined;
  const displayName = props.displayName;
  out.push(...optionalStringProblems(displayName, 'displayName', 'a display name'));
  if (typeof displayName === 'string' && !isUnresolved(displayName) && displayName.trim() === '') {
    out.push(violation(SsoErrorCode.DISPLAY_NAME_EMPTY, 'displayName', displayName, `must not be empty, got ${show(displayName)}`));
  }
  if (props.nameId !== undefined) out.push(...valueProblems(rules.nameId, props.nameId, 'nameId', SsoErrorCode.NAME_ID_INVALID));
  for (const key of ['email', 'fullName'] as const) {
    if (props[key] !== undefined) out.push(...valueProblems(rules.values, props[key], key));
  }
  if (target) out.push(...attributeListProblems(props.attributes, target, rules.values));
  out.push(...warningDaysProblems(props.certificateExpiryWarningDays));
  if (target && rules.assignments) {
    out.push(...assignmentListProblems(props.groups, PrincipalKind.GROUP, target, rules.assignments));
    out.push(...assignmentListProblems(props.users, PrincipalKind.USER, target, rules.assignments));
  }
  return out;
}

/** A header for a construct's problems: `Invalid <what> for <target>` (or without the target when it is not one). */
export function problemsHeader(what: string, target: unknown): string {
  return target instanceof TwilioTarget ? `Invalid ${what} for ${target.description}` : `Invalid ${what}`;
}
