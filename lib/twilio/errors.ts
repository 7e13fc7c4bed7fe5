/**
 * Every code an {@link SsoConfigError} (and each of its violations) can carry. Stable: callers and
 * pipelines match on these, so a code is never renamed or reused for another rule.
 */
export enum SsoErrorCode {
  // Twilio targets (lib/twilio).
  /** A Flex connection SID is not `JQ` + 32 lowercase hex characters. */
  JQ_SID_INVALID = 'JQ_SID_INVALID',
  /** An Account SID is not `AC` + 32 lowercase hex characters. */
  AC_SID_INVALID = 'AC_SID_INVALID',
  /** A Frontline realm SID is not `JB` + 32 lowercase hex characters. */
  JB_SID_INVALID = 'JB_SID_INVALID',
  /** A Flex enhanced ACS URL does not have the `login.flex.<region>.twilio.com` shape. */
  FLEX_ACS_URL_INVALID = 'FLEX_ACS_URL_INVALID',
  /** A URL uses the deprecated `preview.twilio.com` endpoint. */
  PREVIEW_ENDPOINT = 'PREVIEW_ENDPOINT',
  /** A Frontline (`iam.twilio.com/v2`) URL was given for Flex. */
  FRONTLINE_URL_FOR_FLEX = 'FRONTLINE_URL_FOR_FLEX',
  /** An Entity ID or ACS URL is not one of Twilio's shapes. */
  SP_URL_UNRECOGNISED = 'SP_URL_UNRECOGNISED',
  /** The Entity ID and ACS URL belong to different kinds of Twilio target. */
  SP_TARGET_MISMATCH = 'SP_TARGET_MISMATCH',
  /** The Entity ID and ACS URL carry different SIDs. */
  SP_SID_MISMATCH = 'SP_SID_MISMATCH',
  /** The URLs are for another product than the one named. */
  SP_PRODUCT_MISMATCH = 'SP_PRODUCT_MISMATCH',
  /** A Flex runtime domain is not a bare host name. */
  RUNTIME_DOMAIN_INVALID = 'RUNTIME_DOMAIN_INVALID',
  /** A role list is empty. */
  ROLES_EMPTY = 'ROLES_EMPTY',
  /** A role is not one the target's product has. */
  ROLE_UNKNOWN = 'ROLE_UNKNOWN',
  /**
   * A role is a Terraform token where the identity provider declares one resource per role (Entra's
   * app roles, Keycloak's client roles), so role names must be known at synth.
   */
  ROLE_UNRESOLVED = 'ROLE_UNRESOLVED',
  /** A required prop or field is missing (`undefined` or `null`). */
  VALUE_REQUIRED = 'VALUE_REQUIRED',
  /**
   * A value has the wrong type for its prop (e.g. a number where a string is taken, an object that is
   * not a token): reported as a violation, never as a `TypeError`.
   */
  VALUE_TYPE_INVALID = 'VALUE_TYPE_INVALID',
  /** An attribute name is empty. */
  CLAIM_NAME_EMPTY = 'CLAIM_NAME_EMPTY',
  /** An attribute name is a URI or prefixed name, which Twilio ignores. */
  CLAIM_NAME_NAMESPACED = 'CLAIM_NAME_NAMESPACED',
  /** An attribute name contains white space. */
  CLAIM_NAME_SPACES = 'CLAIM_NAME_SPACES',
  /** An attribute name has capitals (Twilio's names are lowercase and case-sensitive). */
  CLAIM_NAME_CAPITALISED = 'CLAIM_NAME_CAPITALISED',
  /** An attribute name has characters Twilio does not read. */
  CLAIM_NAME_INVALID = 'CLAIM_NAME_INVALID',
  /** A Flex attribute ends in a type suffix Flex rejects. */
  FLEX_TYPE_SUFFIX_INVALID = 'FLEX_TYPE_SUFFIX_INVALID',
  /** A SendGrid SSO integration ID is not a UUID. */
  SENDGRID_INTEGRATION_ID_INVALID = 'SENDGRID_INTEGRATION_ID_INVALID',
  /** A Segment SAML connection value is empty or has characters a connection name does not have. */
  SEGMENT_CONNECTION_INVALID = 'SEGMENT_CONNECTION_INVALID',
  /** An SP Entity ID of no known shape (the Console's) is empty, spaced or longer than SAML allows. */
  SP_ENTITY_ID_INVALID = 'SP_ENTITY_ID_INVALID',
  /** An ACS URL of no known shape (the Console's) is not an absolute https URL. */
  SP_ACS_URL_INVALID = 'SP_ACS_URL_INVALID',
  /** An SP metadata document is not readable, well-formed SAML 2.0 service-provider metadata. */
  SP_METADATA_INVALID = 'SP_METADATA_INVALID',
  /** Roles were given for a product that has no roles in SAML (Console, SendGrid, Segment). */
  ROLES_NOT_SUPPORTED = 'ROLES_NOT_SUPPORTED',
  /**
   * Groups or users were given where they can only carry roles and the product has none: a Keycloak
   * client for the Console, SendGrid or Segment (a Keycloak SAML client cannot be limited to groups).
   */
  PRINCIPALS_NOT_SUPPORTED = 'PRINCIPALS_NOT_SUPPORTED',

  // What every identity-provider construct shares (lib/core).
  /** An extra attribute re-declares `email`, `roles` or `full_name`. */
  ATTRIBUTE_RESERVED = 'ATTRIBUTE_RESERVED',
  /** An extra attribute is declared twice. */
  ATTRIBUTE_DUPLICATE = 'ATTRIBUTE_DUPLICATE',
  /** An attribute's value is not an expression the identity provider understands. */
  ATTRIBUTE_VALUE_INVALID = 'ATTRIBUTE_VALUE_INVALID',
  /** A display name is empty. */
  DISPLAY_NAME_EMPTY = 'DISPLAY_NAME_EMPTY',
  /** The NameID source is not one the identity provider supports. */
  NAME_ID_INVALID = 'NAME_ID_INVALID',
  /** The certificate-expiry warning threshold is not a whole number of days from 0 to 3650. */
  CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID = 'CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID',
  /** A group or user ID is empty. */
  PRINCIPAL_ID_EMPTY = 'PRINCIPAL_ID_EMPTY',
  /**
   * A group or user ID does not have the identity provider's ID shape (Okta `00g…`/`00u…`, a
   * Keycloak UUID): often a group or user name given where the ID is needed.
   */
  PRINCIPAL_ID_INVALID = 'PRINCIPAL_ID_INVALID',
  /** A group or user is listed twice. */
  PRINCIPAL_DUPLICATE = 'PRINCIPAL_DUPLICATE',
  /**
   * Roles were given where they come from elsewhere (Okta's userType source).
   * @deprecated no longer reported: Okta reports this as `OKTA_ROLES_WITH_USER_TYPE` on every path
   */
  ROLES_NOT_ALLOWED = 'ROLES_NOT_ALLOWED',
  /**
   * A `TwilioConsoleOutputs` prefix would make output names Terraform refuses (names are letters,
   * digits, `_` and `-`, not starting with a digit).
   */
  OUTPUT_PREFIX_INVALID = 'OUTPUT_PREFIX_INVALID',
  /** Two constructs were given the same generated-files directory. */
  GENERATED_DIRECTORY_TAKEN = 'GENERATED_DIRECTORY_TAKEN',
  /** A policy-check suppression has no reason of at least 10 characters. */
  SUPPRESSION_REASON_MISSING = 'SUPPRESSION_REASON_MISSING',
  /**
   * An ID given to adopt an existing app (an Okta app ID, an Entra object ID, a Keycloak client
   * UUID, …) is empty or does not have the shape the identity provider's IDs have.
   */
  ADOPT_ID_INVALID = 'ADOPT_ID_INVALID',
  /**
   * An adopted app was given an option that makes a new signing key or certificate (Okta
   * `keyYearsValid`): the first apply would switch the app to it, and sign-in fails until the Twilio
   * Console has the new certificate. Adopt first, rotate later.
   */
  ADOPT_KEY_CHANGE = 'ADOPT_KEY_CHANGE',
  /**
   * The token-signing certificate an adopted Entra app keeps (the active one) was given a
   * `displayName`, `endDate` or `validityYears`: the azuread provider replaces a certificate whose
   * subject or end date differs from the one Entra has (both arguments force a new certificate), and
   * the new one is not the certificate the Twilio Console holds. Adopt first, rotate later.
   */
  ADOPT_CERTIFICATE_OPTIONS = 'ADOPT_CERTIFICATE_OPTIONS',
  /**
   * A key of an `adopt` ID map does not have the shape the map's keys have: an Entra
   * `appRoleAssignmentIds` key that is not `<principal object ID>/<role>`, or an empty Keycloak
   * `mapperIds` attribute name. (A key naming a role the product does not have is `ROLE_UNKNOWN`.)
   */
  ADOPT_KEY_INVALID = 'ADOPT_KEY_INVALID',
  /**
   * A Keycloak target was given both `adopt` and `createRealm: true`: an adopted client lives in a
   * realm that exists already, which the stack must not create (creating it fails; and a new realm
   * would sign with new keys the Twilio Console does not have).
   */
  ADOPT_WITH_CREATE_REALM = 'ADOPT_WITH_CREATE_REALM',

  // SendGrid (lib/sendgrid).
  /** The app given to `SendGridSso` does not sign users in to SendGrid (its target is another product). */
  SENDGRID_APP_NOT_SENDGRID = 'SENDGRID_APP_NOT_SENDGRID',
  /** A second identity-provider app was connected to one SendGrid integration. */
  SENDGRID_APP_DUPLICATE = 'SENDGRID_APP_DUPLICATE',
  /**
   * A `SendGridSso` has neither an identity-provider app nor a placeholder URL: SendGrid requires an
   * issuer and a sign-in URL to create the integration.
   */
  SENDGRID_APP_MISSING = 'SENDGRID_APP_MISSING',
  /**
   * An app made from `SendGridSso.target` was connected although its issuer or SSO URL belongs to the
   * app itself (Okta): the integration would need the app and the app the integration, a cycle
   * Terraform refuses. Use the two-step apply (docs/sendgrid.md).
   */
  SENDGRID_APP_CYCLE = 'SENDGRID_APP_CYCLE',
  /** A `SendGridSso` URL prop (placeholder, sign-out URL) is not an absolute https URL. */
  SENDGRID_URL_INVALID = 'SENDGRID_URL_INVALID',

  /**
   * The identity-provider construct does not serve this kind of target yet (Salesforce: the
   * Console, SendGrid and Segment), rather than declare an app with the wrong NameID or roles.
   */
  TARGET_NOT_SUPPORTED = 'TARGET_NOT_SUPPORTED',

  // Okta.
  /** Group roles were given with `rolesSource` userType. */
  OKTA_ROLES_WITH_USER_TYPE = 'OKTA_ROLES_WITH_USER_TYPE',
  /** `keyYearsValid` is not a whole number from 2 to 10. */
  OKTA_KEY_YEARS_INVALID = 'OKTA_KEY_YEARS_INVALID',

  // Microsoft Entra ID.
  /** The tenant ID is not a UUID. */
  ENTRA_TENANT_ID_INVALID = 'ENTRA_TENANT_ID_INVALID',
  /** An owner is not an object ID. */
  ENTRA_OWNER_INVALID = 'ENTRA_OWNER_INVALID',
  /** The owner list is empty. */
  ENTRA_OWNERS_EMPTY = 'ENTRA_OWNERS_EMPTY',
  /** A notification address is not an email address. */
  ENTRA_NOTIFICATION_EMAIL_INVALID = 'ENTRA_NOTIFICATION_EMAIL_INVALID',
  /** The identifier-URI delay is out of range. */
  ENTRA_IDENTIFIER_URI_DELAY_INVALID = 'ENTRA_IDENTIFIER_URI_DELAY_INVALID',
  /**
   * A role is a Terraform token: Entra declares one app role (with an ID derived from its name) and
   * one assignment per role at synth, so role names must be known then.
   * @deprecated no longer reported: every identity provider reports this as `ROLE_UNRESOLVED`
   */
  ENTRA_ROLE_UNRESOLVED = 'ENTRA_ROLE_UNRESOLVED',
  /** The certificate list is empty. */
  ENTRA_CERTIFICATES_EMPTY = 'ENTRA_CERTIFICATES_EMPTY',
  /** A certificate name is not lowercase letters, digits and `_`. */
  ENTRA_CERTIFICATE_NAME_INVALID = 'ENTRA_CERTIFICATE_NAME_INVALID',
  /** Two certificates share a name. */
  ENTRA_CERTIFICATE_NAME_DUPLICATE = 'ENTRA_CERTIFICATE_NAME_DUPLICATE',
  /** A certificate subject does not start with `CN=`. */
  ENTRA_CERTIFICATE_DISPLAY_NAME_INVALID = 'ENTRA_CERTIFICATE_DISPLAY_NAME_INVALID',
  /** A certificate has both an end date and a validity. */
  ENTRA_CERTIFICATE_VALIDITY_CONFLICT = 'ENTRA_CERTIFICATE_VALIDITY_CONFLICT',
  /** A certificate validity is not 1 to 3 years. */
  ENTRA_CERTIFICATE_VALIDITY_INVALID = 'ENTRA_CERTIFICATE_VALIDITY_INVALID',
  /** A certificate end date is not RFC 3339. */
  ENTRA_CERTIFICATE_END_DATE_INVALID = 'ENTRA_CERTIFICATE_END_DATE_INVALID',
  /** A certificate end date is more than 3 years out. */
  ENTRA_CERTIFICATE_END_DATE_TOO_LATE = 'ENTRA_CERTIFICATE_END_DATE_TOO_LATE',
  /** `activeCertificate` names no declared certificate. */
  ENTRA_ACTIVE_CERTIFICATE_UNKNOWN = 'ENTRA_ACTIVE_CERTIFICATE_UNKNOWN',
  /** Several certificates and no `activeCertificate`. */
  ENTRA_ACTIVE_CERTIFICATE_REQUIRED = 'ENTRA_ACTIVE_CERTIFICATE_REQUIRED',

  // Salesforce.
  /** The My Domain is not a My Domain name or host. */
  SALESFORCE_MY_DOMAIN_INVALID = 'SALESFORCE_MY_DOMAIN_INVALID',
  /** The My Domain is a token (the construct needs it at synth). */
  SALESFORCE_MY_DOMAIN_TOKEN = 'SALESFORCE_MY_DOMAIN_TOKEN',
  /** The certificate file does not exist. */
  SALESFORCE_CERT_NOT_FOUND = 'SALESFORCE_CERT_NOT_FOUND',
  /** The certificate file is not a PEM or DER certificate. */
  SALESFORCE_CERT_INVALID = 'SALESFORCE_CERT_INVALID',
  /** `roles` and `rolesFormula` were both given. */
  SALESFORCE_ROLES_CONFLICT = 'SALESFORCE_ROLES_CONFLICT',
  /** No profile and no permission set has access. */
  SALESFORCE_NO_ACCESS = 'SALESFORCE_NO_ACCESS',
  /** A profile or permission-set name is empty or has a comma. */
  SALESFORCE_ACCESS_NAME_INVALID = 'SALESFORCE_ACCESS_NAME_INVALID',
  /** A profile or permission set is listed twice. */
  SALESFORCE_ACCESS_NAME_DUPLICATE = 'SALESFORCE_ACCESS_NAME_DUPLICATE',
  /** The app's API name is invalid. */
  SALESFORCE_APP_NAME_INVALID = 'SALESFORCE_APP_NAME_INVALID',
  /** Two apps deploy under one API name to one org. */
  SALESFORCE_APP_NAME_TAKEN = 'SALESFORCE_APP_NAME_TAKEN',
  /** The contact email is not an email address. */
  SALESFORCE_CONTACT_EMAIL_INVALID = 'SALESFORCE_CONTACT_EMAIL_INVALID',
  /** A Connected App without a contact email. */
  SALESFORCE_CONTACT_EMAIL_REQUIRED = 'SALESFORCE_CONTACT_EMAIL_REQUIRED',
  /** The start URL is not https. */
  SALESFORCE_START_URL_INVALID = 'SALESFORCE_START_URL_INVALID',
  /** The Metadata API version is malformed or too old. */
  SALESFORCE_API_VERSION_INVALID = 'SALESFORCE_API_VERSION_INVALID',
  /** The deploy step's org alias is not shell-safe. */
  SALESFORCE_TARGET_ORG_INVALID = 'SALESFORCE_TARGET_ORG_INVALID',
  /** The deploy step's CLI version is not exact. */
  SALESFORCE_CLI_VERSION_INVALID = 'SALESFORCE_CLI_VERSION_INVALID',
  /** A second deployment was added. */
  SALESFORCE_DEPLOY_DUPLICATE = 'SALESFORCE_DEPLOY_DUPLICATE',
  /**
   * A value written into the Salesforce project files (the target's Entity ID or ACS URL, a formula,
   * a name) is a Terraform token: the files are written at synth and would hold the token literally.
   */
  SALESFORCE_VALUE_TOKEN = 'SALESFORCE_VALUE_TOKEN',
  /** An attribute was added after the Salesforce project was rendered (at synth, or when its files were read). */
  SALESFORCE_ALREADY_RENDERED = 'SALESFORCE_ALREADY_RENDERED',

  // Keycloak.
  /** The server URL is not an absolute http(s) URL. */
  KEYCLOAK_SERVER_URL_INVALID = 'KEYCLOAK_SERVER_URL_INVALID',
  /** The server URL is plain http on a non-loopback host. */
  KEYCLOAK_SERVER_URL_NOT_HTTPS = 'KEYCLOAK_SERVER_URL_NOT_HTTPS',
  /** The server URL is a realm URL. */
  KEYCLOAK_SERVER_URL_IS_REALM_URL = 'KEYCLOAK_SERVER_URL_IS_REALM_URL',
  /** The realm name has characters that do not fit in a URL. */
  KEYCLOAK_REALM_INVALID = 'KEYCLOAK_REALM_INVALID',
  /** The IdP-initiated SSO URL name is not a URL segment. */
  KEYCLOAK_IDP_INITIATED_NAME_INVALID = 'KEYCLOAK_IDP_INITIATED_NAME_INVALID',

  // The config file (the `twilio-sso` command).
  /** The config file cannot be read. */
  CONFIG_NOT_FOUND = 'CONFIG_NOT_FOUND',
  /** The config file is not valid YAML/JSON. */
  CONFIG_PARSE = 'CONFIG_PARSE',
  /** The config file does not match its schema. */
  CONFIG_INVALID = 'CONFIG_INVALID',
  /** The config file is empty. */
  CONFIG_EMPTY = 'CONFIG_EMPTY',
  /** The config file is not UTF-8 text. */
  CONFIG_ENCODING = 'CONFIG_ENCODING',
  /** The config file holds more than one YAML document. */
  CONFIG_MULTIPLE_DOCUMENTS = 'CONFIG_MULTIPLE_DOCUMENTS',
  /** The config file is larger than the command reads. */
  CONFIG_TOO_LARGE = 'CONFIG_TOO_LARGE',
  /** The config file is not YAML (syntax error). */
  YAML_SYNTAX = 'YAML_SYNTAX',
  /** The config file's aliases expand past the limit (an alias bomb). */
  YAML_ALIAS_LIMIT = 'YAML_ALIAS_LIMIT',
  /** A key the config does not have (a key of an earlier release names its new name). */
  SCHEMA_UNKNOWN_KEY = 'SCHEMA_UNKNOWN_KEY',
  /** A required key is missing. */
  SCHEMA_REQUIRED = 'SCHEMA_REQUIRED',
  /** A value is not one of the accepted ones. */
  SCHEMA_ENUM = 'SCHEMA_ENUM',
  /** A value does not have the accepted shape. */
  SCHEMA_PATTERN = 'SCHEMA_PATTERN',
  /** A value has the wrong type. */
  SCHEMA_TYPE = 'SCHEMA_TYPE',
  /** A block has too many or too few keys (e.g. two Twilio target kinds). */
  SCHEMA_KEY_COUNT = 'SCHEMA_KEY_COUNT',
  /** A number or length is out of range. */
  SCHEMA_RANGE = 'SCHEMA_RANGE',
  /** A value matches none of the accepted shapes. */
  SCHEMA_ONE_OF = 'SCHEMA_ONE_OF',
  /** Any other schema rule. */
  SCHEMA_INVALID = 'SCHEMA_INVALID',
  /** A policy check (`TwilioSsoChecks`) found a synthesized resource breaking a rule. */
  POLICY_CHECK_FAILED = 'POLICY_CHECK_FAILED',
  /** A target has no identity-provider block, or several. */
  TARGET_IDENTITY_PROVIDER_COUNT = 'TARGET_IDENTITY_PROVIDER_COUNT',
  /** Two targets share a name (a stack name). */
  TARGET_NAME_DUPLICATE = 'TARGET_NAME_DUPLICATE',
}

/** One rule broken by one input. */
export interface Violation {
  /** Stable rule identifier. */
  readonly code: SsoErrorCode;
  /** The input field that holds the offending value, e.g. `groups[1].roles[0]`. */
  readonly field: string;
  /**
   * The value received, as given.
   * @default - no single value (e.g. a missing field)
   */
  readonly value?: any;
  /**
   * What is wrong, after the field's name: `message` is always `<field> <problem>`, so a caller that
   * knows the field by another name (a config file's key) can say `<its name> <problem>`.
   */
  readonly problem: string;
  /** Human-readable explanation naming the field, the value and what is accepted: `<field> <problem>`. */
  readonly message: string;
}

/**
 * The base of {@link SsoConfigError}, not exported: jsii refuses an exported class that extends
 * `Error` (JSII3004), and aws-cdk's errors take the same shape (a hidden abstract base, the exported
 * error class `@internal`). TypeScript users keep the class, `instanceof` and its fields; in every
 * other jsii language the error arrives as the runtime's generic error (Python: `RuntimeError`)
 * whose text is the message, which is why the message itself names the code, the field and the
 * value.
 */
abstract class SsoErrorBase extends Error {}

/**
 * The one error type the library throws for bad input. It carries a stable {@link SsoErrorCode}, the
 * `field` that was wrong and the `value` received, so a config loader can point at the path; when one
 * input breaks several rules, `violations` lists each and the message lists them all. Its message
 * names the field and the value, and ends each problem with its code in brackets (`… [ROLE_UNKNOWN]`),
 * so the code reaches users of every language, where only the message crosses (see the README's
 * Python section).
 *
 * Hidden from the jsii assembly (`@internal`: jsii cannot represent a subclass of `Error`); a
 * TypeScript API like any other: `import { SsoConfigError } from 'cdktf-twilio-sso'`.
 * @internal
 */
export class SsoConfigError extends SsoErrorBase {
  /**
   * `message` followed by its code in brackets, the form every single-problem message takes.
   * @param message the explanation naming the field and the value
   * @param code the rule broken
   */
  public static withCode(message: string, code: SsoErrorCode): string {
    return `${message} [${code}]`;
  }

  /** Stable identifier of the (first) rule that failed. */
  public readonly code: SsoErrorCode;
  /** The input field that holds the (first) offending value, e.g. `connectionSid`. */
  public readonly field: string;
  /** The (first) value received. */
  public readonly value: unknown;
  /** Every rule broken, when one error reports several (the first gives `code`, `field`, `value`). */
  public readonly violations: Violation[];

  /**
   * @param message the explanation; for one problem (no `violations` given) its code is appended
   * in brackets, and the violation recorded keeps the explanation without it. Given `violations`, the
   * caller has written the whole message (with each code, as `Violations.throwIfAny` does).
   */
  constructor(code: SsoErrorCode, field: string, value: unknown, message: string, violations?: Violation[]) {
    super(violations === undefined ? SsoConfigError.withCode(message, code) : message);
    this.name = 'SsoConfigError';
    this.code = code;
    this.field = field;
    this.value = value;
    const problem = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
    this.violations = violations ?? [{ code, field, value, problem, message }];
  }
}
