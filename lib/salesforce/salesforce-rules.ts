import { sharedPropsProblems } from '../core/twilio-sso-app';
import { ValueLanguage, valueProblems } from '../core/saml-attribute';
import { SsoErrorCode, TwilioTarget, Violation } from '../twilio';
import { rolesProblems } from '../twilio/role-rules';
import { isRecord, join, listProblems, optionalEnumProblems, optionalStringProblems, recordProblems, show, stringProblems, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import { SalesforceAppType, SalesforceSsoBinding } from './app-options';
import { SalesforceSubjectType } from './metadata';
import { myDomainProblems } from './my-domain';

// Internal: every rule of the Salesforce construct, each a pure function returning violations (never
// throwing), used by `findProblems` for the props and by `addAttribute`/`addDeployment` for one item.

/** The `@salesforce/cli` version the deploy step runs by default (npm, checked 2026). */
export const DEFAULT_CLI_VERSION = '2.150.6';

const APP_NAME = /^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,38}[A-Za-z0-9]$|^[A-Za-z]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const API_VERSION = /^(\d{2,3})\.0$/;
const ORG_ALIAS = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;
const CLI_VERSION = /^\d+\.\d+\.\d+$/;
const ACCESS_NAME = /^[^,]+$/;

/**
 * Where the NameID comes from: the Salesforce user field each supported subject type sends. The
 * tokens are the Metadata API's `SamlSubjectType` (Connected App `samlSubjectType`) and
 * `ExtlClntAppSamlSubjectType` (External Client App `subjectType`), @salesforce/types 1.9.0; the
 * fields are the User object's (Object Reference, sforce_api_objects_user). The other subject types
 * are not offered: `CustomAttribute` takes its value from `samlSubjectCustomAttr`/
 * `subjectCustomAttribute`, which the Metadata API guide (meta_connectedapp) describes only as "that
 * custom value" and names `CustomAttr` where the enum says `CustomAttribute`; `PersistentId` and
 * `SpokeId` are opaque IDs Twilio users could not be matched by.
 */
export const SUBJECT_TYPES = new Map<string, SalesforceSubjectType>([
  ['$User.Username', 'Username'],
  ['$User.FederationIdentifier', 'FederationId'],
  ['$User.Id', 'UserId'],
]);
/** The NameID when the props give none. */
export const DEFAULT_NAME_ID = '$User.Username';

/** The NameID: one of the user fields a subject type sends, not a free formula. */
const SUBJECT_FIELD: ValueLanguage = {
  describe: `one of ${[...SUBJECT_TYPES.keys()].map((k) => `'${k}'`).join(', ')}`,
  problem: (value) =>
    SUBJECT_TYPES.has(value) ? undefined : `the Salesforce SAML subject types ${[...SUBJECT_TYPES.values()].join(', ')}; other subjects are not supported`,
};

/**
 * A Salesforce formula, as connected-app custom attributes take them (Formula Operators and Functions,
 * help.salesforce.com xcloud.customize_functions.htm): `$User.Department`, `"agent"`. Merge-field
 * braces (`{!$User.Email}`, the syntax of email templates and Visualforce) are not formula syntax.
 */
export const SALESFORCE_FORMULA: ValueLanguage = {
  describe: "a Salesforce formula such as '$User.Department'",
  problem: (value) => (/\{!/.test(value) ? "write the formula itself, without the merge-field braces '{!…}'" : undefined),
};

/** The props as the rules read them: anything a JavaScript caller may pass. */
type Props = { readonly [key: string]: unknown };

/**
 * A `SALESFORCE_VALUE_TOKEN` violation when `value` (or, for a list, any item) is a Terraform token:
 * everything this construct writes goes into files at synth, where Terraform never replaces a token.
 */
export function tokenProblems(value: unknown, field: string, hint = ''): Violation[] {
  if (isUnresolved(value)) {
    return [
      violation(
        SsoErrorCode.SALESFORCE_VALUE_TOKEN,
        field,
        value,
        `must be known at synth time, got a Terraform token (${show(value)}): the Salesforce project files are written at synth and would hold the token literally${hint}`,
      ),
    ];
  }
  return Array.isArray(value) ? value.flatMap((item, i) => tokenProblems(item, join(field, `[${i}]`), hint)) : [];
}

/** A known string (no token), or its type/token problem. `what` completes "must be …". */
function knownString(value: unknown, field: string, what: string, optional = true): Violation[] {
  const tokens = tokenProblems(value, field);
  if (tokens.length > 0) return tokens;
  return optional ? optionalStringProblems(value, field, what) : stringProblems(value, field, what);
}

/** An optional boolean, known at synth. */
function knownBoolean(value: unknown, field: string): Violation[] {
  const tokens = tokenProblems(value, field);
  if (tokens.length > 0 || value === undefined || typeof value === 'boolean') return tokens;
  return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, value, `must be true or false, got ${show(value)}`)];
}

/** One of an enum's values, known at synth. */
function oneOf(value: unknown, field: string, values: readonly string[]): Violation[] {
  const tokens = tokenProblems(value, field);
  return tokens.length > 0 ? tokens : optionalEnumProblems(value, field, values);
}

/** The problems of one extra attribute's name and value beyond the shared rules: neither may be a token. */
export function attributeTokenProblems(attribute: unknown, field: string): Violation[] {
  if (!isRecord(attribute)) return [];
  return [...tokenProblems(attribute.name, join(field, 'name')), ...tokenProblems(attribute.value, join(field, 'value'))];
}

/** The problems of a deploy step's options (`deploy`, or `addDeployment`'s argument). */
export function deployProblems(options: unknown, field: string): Violation[] {
  const shape = recordProblems(options, field, 'the deploy options { targetOrg, useSfOnPath?, cliVersion? }');
  if (shape.length > 0 || !isRecord(options)) return shape;
  const hint = ': the deploy command is checked for shell safety at synth';
  const out: Violation[] = [];
  const org = options.targetOrg;
  const orgField = join(field, 'targetOrg');
  const orgTokens = tokenProblems(org, orgField, hint);
  if (orgTokens.length > 0) out.push(...orgTokens);
  else if (typeof org !== 'string' || !ORG_ALIAS.test(org)) {
    out.push(violation(SsoErrorCode.SALESFORCE_TARGET_ORG_INVALID, orgField, org, `must be an org alias or username (letters, digits, . _ @ + -), got ${show(org)}`));
  }
  out.push(...knownBoolean(options.useSfOnPath, join(field, 'useSfOnPath')));
  const version = options.cliVersion;
  const versionField = join(field, 'cliVersion');
  const versionTokens = tokenProblems(version, versionField, hint);
  if (versionTokens.length > 0) out.push(...versionTokens);
  else if (version !== undefined && (typeof version !== 'string' || !CLI_VERSION.test(version))) {
    out.push(violation(SsoErrorCode.SALESFORCE_CLI_VERSION_INVALID, versionField, version, `must be an exact version such as '${DEFAULT_CLI_VERSION}', got ${show(version)}`));
  }
  return out;
}

/** The problems of `profiles` or `permissionSets`: known names without commas, each once. */
function accessNameProblems(list: unknown, field: string): Violation[] {
  if (list === undefined) return [];
  const tokens = tokenProblems(list, field);
  if (tokens.length > 0) return tokens;
  const notList = listProblems(list, field, 'a list of names');
  if (notList.length > 0 || !Array.isArray(list)) return notList;
  const seen = new Set<unknown>();
  return list.flatMap((n, i) => {
    const f = `${field}[${i}]`;
    if (isUnresolved(n)) return tokenProblems(n, f);
    const first = !seen.has(n);
    seen.add(n);
    if (typeof n !== 'string' || n.trim() === '' || !ACCESS_NAME.test(n)) {
      return [violation(SsoErrorCode.SALESFORCE_ACCESS_NAME_INVALID, f, n, `must be a non-empty name without commas, got ${show(n)}`)];
    }
    return first ? [] : [violation(SsoErrorCode.SALESFORCE_ACCESS_NAME_DUPLICATE, f, n, `${show(n)} is listed twice`)];
  });
}

/** The problems of `roles` and `rolesFormula`: one of them, known, roles of the product, a formula. */
function rolesSourceProblems(props: Props, target: TwilioTarget): Violation[] {
  const out: Violation[] = [];
  const { roles, rolesFormula } = props;
  if (roles !== undefined && rolesFormula !== undefined) {
    out.push(violation(SsoErrorCode.SALESFORCE_ROLES_CONFLICT, 'rolesFormula', rolesFormula, `cannot be used together with 'roles' (${show(roles)}), got ${show(rolesFormula)}; give one of them`));
  }
  if (roles !== undefined) {
    const tokens = tokenProblems(roles, 'roles');
    out.push(...(tokens.length > 0 ? tokens : rolesProblems(roles, 'roles', target)));
  }
  const tokens = tokenProblems(rolesFormula, 'rolesFormula');
  if (tokens.length > 0) out.push(...tokens);
  else if (rolesFormula !== undefined) out.push(...valueProblems(SALESFORCE_FORMULA, rolesFormula, 'rolesFormula'));
  return out;
}

/** The problems of the app's own settings: name, contact, start URL, API version, kind, binding. */
function appSettingsProblems(props: Props): Violation[] {
  const out: Violation[] = [];
  out.push(...oneOf(props.appType, 'appType', Object.values(SalesforceAppType)));
  out.push(...oneOf(props.ssoBinding, 'ssoBinding', Object.values(SalesforceSsoBinding)));
  out.push(...knownBoolean(props.issuerTrailingSlash, 'issuerTrailingSlash'));
  const appType = props.appType ?? SalesforceAppType.EXTERNAL_CLIENT_APP;
  const { appName, contactEmail, startUrl, apiVersion } = props;
  const check = (value: unknown, field: string, what: string, ok: (v: string) => boolean, code: SsoErrorCode, problem: string) => {
    const type = knownString(value, field, what);
    if (type.length > 0) out.push(...type);
    else if (typeof value === 'string' && !ok(value)) out.push(violation(code, field, value, `${problem}, got ${show(value)}`));
  };
  check(appName, 'appName', 'an API name', (v) => APP_NAME.test(v), SsoErrorCode.SALESFORCE_APP_NAME_INVALID,
    "must be an API name (letters, digits, single underscores, starting with a letter, not ending with '_', at most 40 characters)");
  check(contactEmail, 'contactEmail', 'an email address', (v) => EMAIL.test(v), SsoErrorCode.SALESFORCE_CONTACT_EMAIL_INVALID, 'must be an email address');
  if (appType === SalesforceAppType.CONNECTED_APP && contactEmail === undefined) {
    out.push(violation(SsoErrorCode.SALESFORCE_CONTACT_EMAIL_REQUIRED, 'contactEmail', undefined, `is required with 'appType' ConnectedApp: the Metadata API requires it on a Connected App`));
  }
  check(startUrl, 'startUrl', "an https URL or ''", (v) => v === '' || /^https:\/\/[^\s]+$/.test(v), SsoErrorCode.SALESFORCE_START_URL_INVALID, "must be an https URL (or '' for none)");
  const min = appType === SalesforceAppType.EXTERNAL_CLIENT_APP ? 63 : 30;
  check(apiVersion, 'apiVersion', "a version such as '63.0'", (v) => Number(API_VERSION.exec(v)?.[1] ?? 0) >= min, SsoErrorCode.SALESFORCE_API_VERSION_INVALID,
    `must look like '63.0' and be at least ${min}.0 for ${String(appType)}`);
  return out;
}

/**
 * Every problem of the props, without reading the certificate file (that is a step of its own):
 * the shared props, then what the project files need known at synth, then Salesforce's own settings.
 */
export function salesforcePropsProblems(props: unknown): Violation[] {
  const shared = sharedPropsProblems(props, { values: SALESFORCE_FORMULA, nameId: SUBJECT_FIELD });
  if (!isRecord(props) || !(props.target instanceof TwilioTarget)) return shared;
  const p = props as Props;
  const target = props.target;
  const out = [...shared];
  if (!target.hasRoles) {
    // Not yet served: the app would send a roles attribute and an unspecified NameID.
    out.push(violation(SsoErrorCode.TARGET_NOT_SUPPORTED, 'target', target.description, `is ${target.description}, which SalesforceTwilioSso does not serve yet (Flex and Frontline only); use Okta, Entra ID or Keycloak for it`));
    return out;
  }
  // Everything below ends up in the project files, written at synth: no value may be a token.
  const sidHint = '; give the Twilio SID (or URL) as a literal, e.g. from an environment variable or cdktf context, not from a TerraformVariable';
  out.push(...tokenProblems(target.entityId, 'target.entityId', sidHint), ...tokenProblems(target.acsUrl, 'target.acsUrl', sidHint));
  for (const key of ['displayName', 'nameId', 'email', 'fullName'] as const) out.push(...tokenProblems(p[key], key));
  if (Array.isArray(p.attributes)) p.attributes.forEach((a, i) => out.push(...attributeTokenProblems(a, `attributes[${i}]`)));
  out.push(...myDomainProblems(p.myDomain, 'myDomain'));
  out.push(...knownString(p.certificateFile, 'certificateFile', 'the path of the certificate file', false));
  if (p.certificateFile === '') out.push(violation(SsoErrorCode.SALESFORCE_CERT_NOT_FOUND, 'certificateFile', '', "must be the path of the certificate file, got ''"));
  out.push(...rolesSourceProblems(p, target));
  out.push(...accessNameProblems(p.profiles, 'profiles'), ...accessNameProblems(p.permissionSets, 'permissionSets'));
  const none = (list: unknown) => list === undefined || (Array.isArray(list) && list.length === 0);
  if (none(p.profiles) && none(p.permissionSets)) {
    out.push(
      violation(SsoErrorCode.SALESFORCE_NO_ACCESS, 'profiles', p.profiles,
        `and permissionSets are both empty: users of no listed profile or permission set get "Authentication failed"; list at least one (e.g. profiles: ['System Administrator'])`),
    );
  }
  out.push(...appSettingsProblems(p));
  if (p.deploy !== undefined) out.push(...deployProblems(p.deploy, 'deploy'));
  return out;
}
