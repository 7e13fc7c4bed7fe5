import { Lazy, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GeneratedFiles, SamlAttribute, TerraformData, TwilioConsoleValues, TwilioSsoApp, TwilioSsoAppProps } from '../core';
import { ValueLanguage, checkValue } from '../core/saml-attribute';
import { validateSharedProps } from '../core/twilio-sso-app';
import { SsoConfigError, SsoErrorCode, Violation } from '../twilio';
import { EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE } from '../twilio/attributes';
import { isUnresolved } from '../twilio/unresolved';
import { Violations, show, violationsOf } from '../twilio/violations';
import { SalesforceCertificate, readSalesforceCertificate } from './certificate';
import { PACKAGE_DIRECTORY, SalesforceProject, SalesforceSubjectType, projectPaths, renderSalesforceProject } from './metadata';
import { myDomainHost } from './my-domain';

/** Which kind of Salesforce app carries the SAML settings. */
export enum SalesforceAppType {
  /**
   * An External Client App (ExternalClientApplication + ExtlClntAppConfigurablePolicies +
   * ExtlClntAppSamlConfigurablePolicies, API 63.0+). The default: since Spring '26 new Connected Apps
   * cannot be created, through the Metadata API either (Salesforce Help 005228017).
   */
  EXTERNAL_CLIENT_APP = 'ExternalClientApplication',
  /** A Connected App with `samlConfig`, for an org that keeps one it already has. */
  CONNECTED_APP = 'ConnectedApp',
}

/** Which of the org's IdP endpoints Twilio sends the AuthnRequest to. */
export enum SalesforceSsoBinding {
  /** `/idp/endpoint/HttpRedirect` (Twilio's Salesforce guides). */
  HTTP_REDIRECT = 'HttpRedirect',
  /** `/idp/endpoint/HttpPost`. */
  HTTP_POST = 'HttpPost',
}

/** How {@link SalesforceTwilioSso.addDeployment} runs the Salesforce CLI. */
export interface SalesforceDeployOptions {
  /** The org to deploy to: an alias or username already authorised with `sf org login …`. */
  readonly targetOrg: string;
  /**
   * Run `sf` from PATH instead of a pinned `@salesforce/cli` through npx.
   * @default false
   */
  readonly useSfOnPath?: boolean;
  /**
   * The `@salesforce/cli` version npx runs (ignored with `useSfOnPath`).
   * @default SalesforceTwilioSso.DEFAULT_CLI_VERSION ('2.150.6')
   */
  readonly cliVersion?: string;
}

/**
 * Props for {@link SalesforceTwilioSso}. Values (`email`, `fullName`, attribute values, `rolesFormula`)
 * are Salesforce formulas, e.g. `$User.Department` or the text literal `"agent"`. `nameId` is one of
 * `$User.Username` (subject type Username, the default), `$User.FederationIdentifier` (Federation ID)
 * or `$User.Id` (User ID, the 15-character ID). Every value is written into the project files at synth,
 * so none may be a Terraform token (the target's SID included).
 */
export interface SalesforceTwilioSsoProps extends TwilioSsoAppProps {
  /** The org's My Domain: its name (`acme`, `acme--uat`) or host (`acme.my.salesforce.com`). */
  readonly myDomain: string;
  /**
   * The identity provider certificate file (PEM or DER) downloaded from Setup → Certificate and Key
   * Management: the certificate chosen when the Identity Provider was enabled.
   */
  readonly certificateFile: string;
  /**
   * The Twilio roles every user of the app gets, sent as one comma-separated formula literal
   * (`"supervisor,wfo.team_leader"`). For per-user roles use `rolesFormula`.
   * @default ['agent'] when rolesFormula is not given
   */
  readonly roles?: string[];
  /**
   * A Salesforce formula for `roles` instead of a literal, e.g. `$User.Twilio_Roles__c`.
   * Cannot be combined with `roles`.
   * @default - the literal built from roles
   */
  readonly rolesFormula?: string;
  /**
   * Profiles given access (by name). Users without access see "Authentication failed".
   * At least one profile or permission set is required.
   * @default []
   */
  readonly profiles?: string[];
  /**
   * Permission sets given access (by API name).
   * @default []
   */
  readonly permissionSets?: string[];
  /**
   * The kind of app generated.
   * @default SalesforceAppType.EXTERNAL_CLIENT_APP
   */
  readonly appType?: SalesforceAppType;
  /**
   * API (developer) name of the app: letters, digits and single underscores, starting with a letter.
   * (Its label in Setup is `displayName`.)
   * @default 'Twilio_Flex' or 'Twilio_Frontline'
   */
  readonly appName?: string;
  /**
   * Contact email. Required for a Connected App.
   * @default - none (allowed for an External Client App only)
   */
  readonly contactEmail?: string;
  /**
   * Start URL of the app. Pass '' to leave it out.
   * @default - Flex: SalesforceTwilioSso.FLEX_START_URL (Twilio's Salesforce guide); Frontline: none
   */
  readonly startUrl?: string;
  /**
   * Which IdP endpoint the Console's SSO URL points at.
   * @default SalesforceSsoBinding.HTTP_REDIRECT
   */
  readonly ssoBinding?: SalesforceSsoBinding;
  /**
   * Write the issuer with a trailing slash (`https://acme.my.salesforce.com/`), as Twilio's Flex
   * guide shows it. The issuer is written into the app AND output for the Console, so either form
   * matches what the org sends; leave the default unless your Console already holds the other form.
   * @default false
   */
  readonly issuerTrailingSlash?: boolean;
  /**
   * Metadata API version of the generated project (`sourceApiVersion`, package.xml `version`).
   * @default '63.0' (the first version with ExtlClntAppSamlConfigurablePolicies)
   */
  readonly apiVersion?: string;
  /**
   * Deploy the project from Terraform (a `terraform_data` resource with a `local-exec` provisioner).
   * Same as calling {@link SalesforceTwilioSso.addDeployment}.
   * @default - not deployed by Terraform (deploy by hand: docs/salesforce.md)
   */
  readonly deploy?: SalesforceDeployOptions;
}

const DEFAULT_APP_API_VERSION = '63.0';
const APP_NAME = /^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,38}[A-Za-z0-9]$|^[A-Za-z]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const API_VERSION = /^(\d{2,3})\.0$/;
const ORG_ALIAS = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;
const ACCESS_NAME = /^[^,]+$/;
/** Per app (the construct tree's root): `targetOrg\0appName` → the construct path deploying it. */
const DEPLOYED_APP_NAMES = new WeakMap<IConstruct, Map<string, string>>();

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
const SUBJECT_TYPES = new Map<string, SalesforceSubjectType>([
  ['$User.Username', 'Username'],
  ['$User.FederationIdentifier', 'FederationId'],
  ['$User.Id', 'UserId'],
]);
const DEFAULT_NAME_ID = '$User.Username';
const DEFAULT_EMAIL = '$User.Email';

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
const SALESFORCE_FORMULA: ValueLanguage = {
  describe: "a Salesforce formula such as '$User.Department'",
  problem: (value) => (/\{!/.test(value) ? "write the formula itself, without the merge-field braces '{!…}'" : undefined),
};

/**
 * Records a violation and returns false when `value` is a Terraform token: everything this construct
 * writes goes into files at synth, where Terraform never replaces a token.
 */
function requireKnown(v: Violations, value: unknown, field: string, hint = ''): boolean {
  if (!isUnresolved(value)) return true;
  v.add(
    SsoErrorCode.SALESFORCE_VALUE_TOKEN,
    field,
    value,
    `${field} must be known at synth time, got a Terraform token (${show(value)}): the Salesforce project files are written at synth and would hold the token literally${hint}`,
  );
  return false;
}

/**
 * Twilio Flex or Frontline single sign-on with Salesforce as the identity provider. No Terraform
 * provider can create the Salesforce side, so this construct writes a Salesforce DX project (source
 * format, fast-xml-parser) into the stack's synth output, optionally deploys it with the Salesforce CLI
 * from a `terraform_data` resource, and outputs the Console values: issuer and SSO URL from the My
 * Domain, and the certificate (with its expiry) from the PEM file the admin downloaded.
 *
 * The files are written by {@link GeneratedFiles} into `salesforce/<construct path in the stack>/`
 * next to the stack's `cdk.tf.json` (e.g. `cdktf.out/stacks/flex-salesforce/salesforce/Sso/`). Their
 * content is rendered once, on first use: at synth (when the files are written and the deploy step's
 * trigger, the content's SHA-256, is resolved) or when `files` or `metadataSha256` is read, whichever
 * comes first. Attributes can be added until then.
 */
export class SalesforceTwilioSso extends TwilioSsoApp {
  /** The `@salesforce/cli` version the deploy step runs by default (npm, checked 2026). */
  public static readonly DEFAULT_CLI_VERSION = '2.150.6';
  /** Twilio's Flex start URL for Salesforce (twilio.com/docs/flex/admin-guide/setup/sso-configuration/salesforce). */
  public static readonly FLEX_START_URL = 'https://flex.twilio.com/agent-desktop';
  /**
   * The default `full_name` formula. `&` is Salesforce's documented text-concatenation operator (Formula
   * Operators and Functions, help.salesforce.com xcloud.customize_functions.htm); Twilio's guide writes
   * `+`, which Salesforce also accepts for text. Either sends "First Last".
   */
  public static readonly DEFAULT_FULL_NAME = '$User.FirstName & " " & $User.LastName';

  /**
   * Every problem {@link SalesforceTwilioSso.validateProps} throws for, as data and without throwing: one
   * `Violation` per problem, each with its `code`, `field`, `value` and `message`; empty when the
   * props are valid. For callers that report problems themselves, and for languages other than
   * TypeScript, where a thrown error arrives as its message only.
   */
  public static findProblems(props: SalesforceTwilioSsoProps): Violation[] {
    return violationsOf(() => SalesforceTwilioSso.validateProps(props));
  }

  /**
   * Checks every prop (including reading the certificate) and throws one {@link SsoConfigError}
   * listing every problem, before anything is declared or written.
   * @returns the parsed certificate
   */
  public static validateProps(props: SalesforceTwilioSsoProps): SalesforceCertificate {
    const target = props.target;
    const v = new Violations();
    validateSharedProps(props, { values: SALESFORCE_FORMULA, nameId: SUBJECT_FIELD }, v);
    // Everything below ends up in the project files, written at synth: no value may be a token.
    const sidHint = '; give the Twilio SID (or URL) as a literal, e.g. from an environment variable or cdktf context, not from a TerraformVariable';
    requireKnown(v, target.entityId, 'target.entityId', sidHint);
    requireKnown(v, target.acsUrl, 'target.acsUrl', sidHint);
    for (const key of ['displayName', 'nameId', 'email', 'fullName'] as const) requireKnown(v, props[key], key);
    (props.attributes ?? []).forEach((a, i) => {
      requireKnown(v, a.name, `attributes[${i}].name`);
      requireKnown(v, a.value, `attributes[${i}].value`);
    });

    v.capture(() => myDomainHost(props.myDomain, 'myDomain'));
    let certificate: SalesforceCertificate | undefined;
    if (requireKnown(v, props.certificateFile, 'certificateFile')) v.capture(() => (certificate = readSalesforceCertificate(props.certificateFile, 'certificateFile')));
    if (props.roles !== undefined && props.rolesFormula !== undefined) {
      v.add(SsoErrorCode.SALESFORCE_ROLES_CONFLICT, 'rolesFormula', props.rolesFormula, `Cannot use 'rolesFormula' (${show(props.rolesFormula)}) together with 'roles' (${show(props.roles)}); give one of them`);
    }
    if (props.roles !== undefined && requireKnown(v, props.roles, 'roles')) {
      props.roles.forEach((r, i) => requireKnown(v, r, `roles[${i}]`));
      v.capture(() => target.validateRoles(props.roles!, 'roles'));
    }
    if (props.rolesFormula !== undefined && requireKnown(v, props.rolesFormula, 'rolesFormula')) {
      v.capture(() => checkValue(SALESFORCE_FORMULA, props.rolesFormula, 'rolesFormula'));
    }
    const profiles = props.profiles ?? [];
    const permissionSets = props.permissionSets ?? [];
    if (profiles.length === 0 && permissionSets.length === 0) {
      v.add(SsoErrorCode.SALESFORCE_NO_ACCESS, 'profiles', props.profiles, `Cannot create the app without 'profiles' or 'permissionSets': users of no listed profile or permission set get "Authentication failed"; list at least one (e.g. profiles: ['System Administrator'])`);
    }
    const checkNames = (list: string[], field: string) => {
      if (!requireKnown(v, list, field)) return;
      const seen = new Set<string>();
      list.forEach((n, i) => {
        if (!requireKnown(v, n, `${field}[${i}]`)) return;
        if (typeof n !== 'string' || n.trim() === '' || !ACCESS_NAME.test(n)) {
          v.add(SsoErrorCode.SALESFORCE_ACCESS_NAME_INVALID, `${field}[${i}]`, n, `${field}[${i}] must be a non-empty name without commas, got ${show(n)}`);
        } else if (seen.has(n)) {
          v.add(SsoErrorCode.SALESFORCE_ACCESS_NAME_DUPLICATE, `${field}[${i}]`, n, `${field}[${i}] ${show(n)} is listed twice`);
        }
        seen.add(n);
      });
    };
    checkNames(profiles, 'profiles');
    checkNames(permissionSets, 'permissionSets');
    const appType = props.appType ?? SalesforceAppType.EXTERNAL_CLIENT_APP;
    if (props.appName !== undefined && requireKnown(v, props.appName, 'appName') && !APP_NAME.test(props.appName)) {
      v.add(SsoErrorCode.SALESFORCE_APP_NAME_INVALID, 'appName', props.appName, `appName must be an API name (letters, digits, single underscores, starting with a letter, not ending with '_', at most 40 characters), got ${show(props.appName)}`);
    }
    if (props.contactEmail !== undefined && requireKnown(v, props.contactEmail, 'contactEmail') && !EMAIL.test(props.contactEmail)) {
      v.add(SsoErrorCode.SALESFORCE_CONTACT_EMAIL_INVALID, 'contactEmail', props.contactEmail, `contactEmail must be an email address, got ${show(props.contactEmail)}`);
    }
    if (appType === SalesforceAppType.CONNECTED_APP && props.contactEmail === undefined) {
      v.add(SsoErrorCode.SALESFORCE_CONTACT_EMAIL_REQUIRED, 'contactEmail', undefined, `Cannot use 'appType' ConnectedApp without 'contactEmail': the Metadata API requires it on a Connected App`);
    }
    if (props.startUrl !== undefined && requireKnown(v, props.startUrl, 'startUrl') && props.startUrl !== '' && !/^https:\/\/[^\s]+$/.test(props.startUrl)) {
      v.add(SsoErrorCode.SALESFORCE_START_URL_INVALID, 'startUrl', props.startUrl, `startUrl must be an https URL (or '' for none), got ${show(props.startUrl)}`);
    }
    if (props.apiVersion !== undefined && requireKnown(v, props.apiVersion, 'apiVersion')) {
      const m = API_VERSION.exec(props.apiVersion);
      const min = appType === SalesforceAppType.EXTERNAL_CLIENT_APP ? 63 : 30;
      if (!m || Number(m[1]) < min) {
        v.add(SsoErrorCode.SALESFORCE_API_VERSION_INVALID, 'apiVersion', props.apiVersion, `apiVersion must look like '63.0' and be at least ${min}.0 for ${appType}, got ${show(props.apiVersion)}`);
      }
    }
    if (props.deploy) v.capture(() => validateDeploy(props.deploy!, 'deploy'));
    v.throwIfAny(`Invalid Salesforce app for ${target.description}`);
    return certificate!;
  }

  /** The My Domain host, e.g. `acme.my.salesforce.com`. */
  public readonly myDomainHost: string;
  /** The app's API name. */
  public readonly appName: string;
  /** The kind of app generated. */
  public readonly appType: SalesforceAppType;
  /** The parsed identity provider certificate. */
  public readonly certificate: SalesforceCertificate;
  /** The generated Salesforce DX project files. */
  public readonly project: GeneratedFiles;

  private readonly props: SalesforceTwilioSsoProps;
  private readonly subjectType: SalesforceSubjectType;
  private deployment?: TerraformData;
  private rendered?: SalesforceProject;

  constructor(scope: Construct, id: string, props: SalesforceTwilioSsoProps) {
    const certificate = SalesforceTwilioSso.validateProps(props);
    super(scope, id, props, props.target.isFlex ? 'Twilio Flex' : 'Twilio Frontline');
    this.certificate = certificate;
    this.props = props;
    this.appType = props.appType ?? SalesforceAppType.EXTERNAL_CLIENT_APP;
    this.myDomainHost = myDomainHost(props.myDomain, 'myDomain');
    this.appName = props.appName ?? (props.target.isFlex ? 'Twilio_Flex' : 'Twilio_Frontline');
    this.subjectType = SUBJECT_TYPES.get(props.nameId ?? DEFAULT_NAME_ID)!;
    // Before anything is declared: a clash with another app of the same name in the same org.
    if (props.deploy) this.claimAppName(props.deploy.targetOrg);
    for (const a of props.attributes ?? []) this.addAttribute(a);

    this.warnOnCertificateExpiry(
      `The Salesforce IdP certificate '${certificate.file}' (${certificate.subject})`,
      certificate.notAfter.toISOString(),
      `create a new certificate, select it under Setup → Identity Provider, download it to 'certificateFile' and paste the new x509_certificate into the Twilio Console at the same time`,
    );

    // The paths are known now (they depend only on the app's name and kind); the content is rendered
    // on first use, so that addAttribute() after the constructor still counts.
    const inStack = this.node.scopes.slice(this.node.scopes.indexOf(TerraformStack.of(this)) + 1).map((c) => c.node.id);
    this.project = new ProjectFiles(this, 'Project', {
      directory: ['salesforce', ...inStack].join('/'),
      files: Object.fromEntries(projectPaths(this.appName, this.appType === SalesforceAppType.CONNECTED_APP).map((path) => [path, ''])),
    });
    if (props.deploy) this.addDeployment(props.deploy);
  }

  /** The issuer written into the app and output for the Console. */
  public get issuer(): string {
    return `https://${this.myDomainHost}${this.props.issuerTrailingSlash ? '/' : ''}`;
  }

  /**
   * The generated project: file content by project-relative path. Reading it renders the project:
   * attributes can no longer be added afterwards.
   */
  public get files(): { [path: string]: string } {
    return Object.fromEntries(this.render().files);
  }

  /**
   * SHA-256 of the generated project (the deploy step's replace trigger). Reading it renders the
   * project: attributes can no longer be added afterwards.
   */
  public get metadataSha256(): string {
    return this.render().sha256;
  }

  /** The project directory relative to the stack's synth directory (where `cdk.tf.json` is). */
  public get projectPath(): string {
    return this.project.directory;
  }

  /** Every SAML attribute sent (the required ones, then the extra ones), in order. */
  public get samlAttributes(): SamlAttribute[] {
    const p = this.props;
    const roles = p.rolesFormula ?? `"${(p.roles ?? ['agent']).join(',')}"`;
    const out: SamlAttribute[] = [{ name: EMAIL_ATTRIBUTE, value: p.email ?? DEFAULT_EMAIL }];
    if (this.target.isFlex) out.push({ name: FULL_NAME_ATTRIBUTE, value: p.fullName ?? SalesforceTwilioSso.DEFAULT_FULL_NAME });
    out.push({ name: ROLES_ATTRIBUTE, value: roles });
    return [...out, ...this.attributes];
  }

  /**
   * Sends one more attribute; its value is a Salesforce formula. Works until the project is rendered
   * (at synth, or when `files` or `metadataSha256` is read); throws afterwards.
   */
  public addAttribute(attribute: SamlAttribute): SamlAttribute {
    const field = `attributes[${this.attributes.length}]`;
    if (this.rendered) {
      throw new SsoConfigError(
        SsoErrorCode.SALESFORCE_ALREADY_RENDERED,
        `${field}.name`,
        attribute.name,
        `Cannot add attribute ${show(attribute.name)} to ${this.node.path}: its Salesforce project was already rendered (at synth, or when 'files' or 'metadataSha256' was read); add attributes before then`,
      );
    }
    const v = new Violations();
    requireKnown(v, attribute.name, `${field}.name`);
    requireKnown(v, attribute.value, `${field}.value`);
    v.throwIfAny(`Cannot add attribute to ${this.node.path}`);
    return super.addAttribute(attribute);
  }

  /**
   * Deploys the generated project with `sf project deploy start` from Terraform: a `terraform_data`
   * resource (built into Terraform ≥ 1.4 and OpenTofu, no provider) whose `triggers_replace` is the
   * metadata hash, so the plan shows it and it runs again exactly when the metadata changes. Needs
   * the org authorised on the machine running Terraform (`sf org login web --alias <targetOrg>`).
   */
  public addDeployment(options: SalesforceDeployOptions): TerraformData {
    validateDeploy(options, 'deploy');
    if (this.deployment) {
      throw new SsoConfigError(SsoErrorCode.SALESFORCE_DEPLOY_DUPLICATE, 'deploy', options.targetOrg, `Cannot add a second deployment to ${this.node.path}: it already deploys to the org in its 'deploy' settings`);
    }
    this.claimAppName(options.targetOrg);
    const sf = options.useSfOnPath ? 'sf' : `npx --yes --package=@salesforce/cli@${options.cliVersion ?? SalesforceTwilioSso.DEFAULT_CLI_VERSION} -- sf`;
    this.deployment = new TerraformData(this, 'Deploy', {
      // Resolved at synth, when every attribute has been added.
      triggersReplace: { metadata_sha256: Lazy.stringValue({ produce: () => this.metadataSha256 }), target_org: options.targetOrg },
      provisioners: [
        {
          type: 'local-exec',
          // Single quotes: targetOrg is validated to shell-safe characters, quoted anyway.
          command: `${sf} project deploy start --source-dir ${PACKAGE_DIRECTORY} --target-org '${options.targetOrg}' --wait 30`,
          // `path.module` is the stack directory holding cdk.tf.json; the project is an asset in it.
          workingDir: `\${path.module}/${this.projectPath}`,
        },
      ],
    });
    return this.deployment;
  }

  /** Checks an attribute value: {@inheritDoc TwilioSsoApp.checkAttributeValue} */
  protected checkAttributeValue(value: string, field: string): void {
    checkValue(SALESFORCE_FORMULA, value, field);
  }

  protected createConsoleValues(): TwilioConsoleValues {
    const binding = this.props.ssoBinding ?? SalesforceSsoBinding.HTTP_REDIRECT;
    return {
      issuer: this.issuer,
      ssoUrl: `https://${this.myDomainHost}/idp/endpoint/${binding}`,
      certificatePem: this.certificate.pem,
      certificateExpiresAt: this.certificate.notAfter.toISOString(),
    };
  }

  /**
   * Two apps deployed under one API name to one org would overwrite each other on every apply, the
   * last deploy winning: rejected across the whole app (every stack), naming both construct paths.
   */
  private claimAppName(targetOrg: string): void {
    let claimed = DEPLOYED_APP_NAMES.get(this.node.root);
    if (!claimed) DEPLOYED_APP_NAMES.set(this.node.root, (claimed = new Map()));
    const key = `${targetOrg}\0${this.appName}`;
    const other = claimed.get(key);
    if (other !== undefined && other !== this.node.path) {
      throw new SsoConfigError(
        SsoErrorCode.SALESFORCE_APP_NAME_TAKEN,
        'appName',
        this.appName,
        `Cannot deploy ${this.node.path} as ${show(this.appName)} to org ${show(targetOrg)}: ${other} deploys an app of that name there, and each deploy would overwrite the other; give one of them its own 'appName'`,
      );
    }
    claimed.set(key, this.node.path);
  }

  /**
   * One file of the rendered project (for its files' writer, at synth).
   * @internal
   */
  public _renderedFile(path: string): string {
    const content = this.render().files.get(path);
    if (content === undefined) throw new Error(`${this.node.path}: the rendered Salesforce project has no file '${path}'`);
    return content;
  }

  /** Renders the project once; every later read (and the synth) gets the same bytes. */
  private render(): SalesforceProject {
    if (this.rendered) return this.rendered;
    const p = this.props;
    const startUrl = p.startUrl ?? (this.target.isFlex ? SalesforceTwilioSso.FLEX_START_URL : undefined);
    this.rendered = renderSalesforceProject({
      name: this.appName,
      label: this.displayName,
      description: `SAML single sign-on for ${this.target.description} (generated by cdktf-twilio-sso)`,
      contactEmail: p.contactEmail,
      entityUrl: this.target.entityId,
      acsUrl: this.target.acsUrl,
      issuer: this.issuer,
      attributes: this.samlAttributes,
      profiles: [...(p.profiles ?? [])],
      permissionSets: [...(p.permissionSets ?? [])],
      startUrl: startUrl === '' ? undefined : startUrl,
      apiVersion: p.apiVersion ?? DEFAULT_APP_API_VERSION,
      connectedApp: this.appType === SalesforceAppType.CONNECTED_APP,
      subjectType: this.subjectType,
    });
    return this.rendered;
  }
}

function validateDeploy(options: SalesforceDeployOptions, field: string): void {
  if (isUnresolved(options.targetOrg) || typeof options.targetOrg !== 'string' || !ORG_ALIAS.test(options.targetOrg)) {
    throw new SsoConfigError(SsoErrorCode.SALESFORCE_TARGET_ORG_INVALID, `${field}.targetOrg`, options.targetOrg, `${field}.targetOrg must be an org alias or username (letters, digits, . _ @ + -), got ${show(options.targetOrg)}`);
  }
  if (options.cliVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(options.cliVersion)) {
    throw new SsoConfigError(
      SsoErrorCode.SALESFORCE_CLI_VERSION_INVALID,
      `${field}.cliVersion`,
      options.cliVersion,
      `${field}.cliVersion must be an exact version such as '${SalesforceTwilioSso.DEFAULT_CLI_VERSION}', got ${show(options.cliVersion)}`,
    );
  }
}

/** The project's files, rendered by their app when they are written (at synth), not per-file tokens. */
class ProjectFiles extends GeneratedFiles {
  protected contentOf(path: string): string {
    return (this.node.scope as SalesforceTwilioSso)._renderedFile(path);
  }
}
