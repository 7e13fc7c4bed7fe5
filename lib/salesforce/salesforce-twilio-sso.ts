import { Annotations, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GeneratedFiles, ITwilioSsoApp, TerraformData, TwilioConsoleValues } from '../core';
import { FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE, EMAIL_ATTRIBUTE, SsoConfigError, TwilioTarget, Violations, isUnresolved, show } from '../twilio';
import { SalesforceCertificate, readSalesforceCertificate } from './certificate';
import { PACKAGE_DIRECTORY, SalesforceProject, SamlAttributeFormula, renderSalesforceProject } from './metadata';
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

/** An extra SAML attribute. */
export interface SalesforceAttribute {
  /** Claim name as Twilio reads it, e.g. `department`. */
  readonly name: string;
  /** Salesforce formula, e.g. `$User.Department`. */
  readonly formula: string;
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
   * @default SALESFORCE_CLI_VERSION
   */
  readonly cliVersion?: string;
}

/** Props for {@link SalesforceTwilioSso}. */
export interface SalesforceTwilioSsoProps {
  /** The Twilio service provider to sign users in to. */
  readonly target: TwilioTarget;
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
   * @default 'Twilio_Flex' or 'Twilio_Frontline'
   */
  readonly appName?: string;
  /**
   * Label shown in Setup.
   * @default - 'Twilio Flex' or 'Twilio Frontline'
   */
  readonly label?: string;
  /**
   * Contact email. Required for a Connected App.
   * @default - none (allowed for an External Client App only)
   */
  readonly contactEmail?: string;
  /**
   * Formula for `full_name` (Flex only).
   * @default '$User.FirstName & " " & $User.LastName'
   */
  readonly fullNameFormula?: string;
  /**
   * Formula for `email`.
   * @default '$User.Email'
   */
  readonly emailFormula?: string;
  /**
   * Extra attributes (Flex Insights and the like). Same as {@link SalesforceTwilioSso.addAttribute}.
   * @default - only the attributes the target requires
   */
  readonly attributes?: SalesforceAttribute[];
  /**
   * Start URL of the app. Pass '' to leave it out.
   * @default - Flex: 'https://flex.twilio.com/agent-desktop' (Twilio's Salesforce guide); Frontline: none
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
   * Warn at synth time when the certificate expires within this many days.
   * @default 30
   */
  readonly certificateExpiryWarningDays?: number;
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

/** The `@salesforce/cli` version the deploy step runs by default (npm, checked 2026). */
export const SALESFORCE_CLI_VERSION = '2.150.6';
/** Twilio's Flex start URL for Salesforce (twilio.com/docs/flex/admin-guide/setup/sso-configuration/salesforce). */
export const FLEX_SALESFORCE_START_URL = 'https://flex.twilio.com/agent-desktop';
/**
 * `full_name` formula. `&` is Salesforce's documented text-concatenation operator (Formula Operators
 * and Functions, help.salesforce.com xcloud.customize_functions.htm); Twilio's guide writes `+`, which
 * Salesforce also accepts for text. Either sends "First Last".
 */
export const DEFAULT_FULL_NAME_FORMULA = '$User.FirstName & " " & $User.LastName';

const APP_NAME = /^[A-Za-z](?!.*__)[A-Za-z0-9_]{0,38}[A-Za-z0-9]$|^[A-Za-z]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const API_VERSION = /^(\d{2,3})\.0$/;
const ORG_ALIAS = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;
const ACCESS_NAME = /^[^,]+$/;
/** Per app (the construct tree's root): `targetOrg\0appName` → the construct path deploying it. */
const DEPLOYED_APP_NAMES = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Twilio Flex or Frontline single sign-on with Salesforce as the identity provider. No Terraform
 * provider can create the Salesforce side, so this construct writes a Salesforce DX project (source
 * format, fast-xml-parser) into the stack's synth output, optionally deploys it with the Salesforce CLI
 * from a `terraform_data` resource, and outputs the Console values: issuer and SSO URL from the My
 * Domain, and the certificate (with its expiry) from the PEM file the admin downloaded.
 *
 * The files are written by {@link GeneratedFiles} into `salesforce/<construct path in the stack>/`
 * next to the stack's `cdk.tf.json` (e.g. `cdktf.out/stacks/flex-salesforce/salesforce/Sso/`), from
 * content rendered once in the constructor; the deploy step's trigger is the content's SHA-256.
 */
export class SalesforceTwilioSso extends Construct implements ITwilioSsoApp {
  /** The Twilio service provider. */
  public readonly target: TwilioTarget;
  /** The values for the Twilio Console. */
  public readonly consoleValues: TwilioConsoleValues;
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
  private readonly attributes: SalesforceAttribute[] = [];
  private deployment?: TerraformData;
  private rendered?: SalesforceProject;

  constructor(scope: Construct, id: string, props: SalesforceTwilioSsoProps) {
    super(scope, id);
    this.certificate = SalesforceTwilioSso.validateProps(props);
    this.props = props;
    this.target = props.target;
    this.appType = props.appType ?? SalesforceAppType.EXTERNAL_CLIENT_APP;
    this.myDomainHost = myDomainHost(props.myDomain, 'myDomain');
    this.appName = props.appName ?? defaultAppName(props.target);
    // Before anything is declared: a clash with another app of the same name in the same org.
    if (props.deploy) this.claimAppName(props.deploy.targetOrg);
    for (const a of props.attributes ?? []) this.addAttribute(a);

    const binding = props.ssoBinding ?? SalesforceSsoBinding.HTTP_REDIRECT;
    this.consoleValues = {
      issuer: this.issuer,
      ssoUrl: `https://${this.myDomainHost}/idp/endpoint/${binding}`,
      certificatePem: this.certificate.pem,
      certificateExpiresAt: this.certificate.notAfter.toISOString(),
    };

    const warnDays = props.certificateExpiryWarningDays ?? 30;
    const daysLeft = Math.floor((this.certificate.notAfter.getTime() - Date.now()) / 86_400_000);
    if (daysLeft < 0) {
      Annotations.of(this).addWarning(
        `The Salesforce IdP certificate '${this.certificate.file}' (${this.certificate.subject}) expired on ${this.consoleValues.certificateExpiresAt}: Twilio rejects every sign-in. Create a new certificate, select it under Setup → Identity Provider, download it and update 'certificateFile' and the Twilio Console.`,
      );
    } else if (daysLeft < warnDays) {
      Annotations.of(this).addWarning(
        `The Salesforce IdP certificate '${this.certificate.file}' (${this.certificate.subject}) expires on ${this.consoleValues.certificateExpiresAt}, in ${daysLeft} days (warning threshold ${warnDays}): rotate it in Salesforce and the Twilio Console together before then.`,
      );
    }

    // Rendered now: the deploy step's trigger (the content hash) must be known; attributes added later
    // through addAttribute() are rejected once the project has been rendered.
    const project = this.render();
    const inStack = this.node.scopes.slice(this.node.scopes.indexOf(TerraformStack.of(this)) + 1).map((c) => c.node.id);
    this.project = new GeneratedFiles(this, 'Project', { directory: ['salesforce', ...inStack].join('/'), files: project.files });
    if (props.deploy) this.addDeployment(props.deploy);
  }

  /**
   * Checks every prop (including reading the certificate) and throws one {@link SsoConfigError}
   * listing every problem, before anything is declared or written.
   * @returns the parsed certificate
   */
  public static validateProps(props: SalesforceTwilioSsoProps): SalesforceCertificate {
    const target = props.target;
    const v = new Violations();
    v.capture(() => myDomainHost(props.myDomain, 'myDomain'));
    let certificate: SalesforceCertificate | undefined;
    v.capture(() => (certificate = readSalesforceCertificate(props.certificateFile, 'certificateFile')));
    if (props.roles !== undefined && props.rolesFormula !== undefined) {
      v.add('SALESFORCE_ROLES_CONFLICT', 'rolesFormula', `Cannot use 'rolesFormula' (${show(props.rolesFormula)}) together with 'roles' (${show(props.roles)}); give one of them`);
    }
    if (props.roles !== undefined) v.capture(() => target.validateRoles(props.roles!, 'roles'));
    if (props.rolesFormula !== undefined && props.rolesFormula.trim() === '') {
      v.add('SALESFORCE_FORMULA_EMPTY', 'rolesFormula', `rolesFormula must be a Salesforce formula such as '$User.Twilio_Roles__c', got ${show(props.rolesFormula)}`);
    }
    const profiles = props.profiles ?? [];
    const permissionSets = props.permissionSets ?? [];
    if (profiles.length === 0 && permissionSets.length === 0) {
      v.add('SALESFORCE_NO_ACCESS', 'profiles', `Cannot create the app without 'profiles' or 'permissionSets': users of no listed profile or permission set get "Authentication failed"; list at least one (e.g. profiles: ['System Administrator'])`);
    }
    const checkNames = (list: string[], field: string) => {
      const seen = new Set<string>();
      list.forEach((n, i) => {
        if (typeof n !== 'string' || n.trim() === '' || !ACCESS_NAME.test(n)) {
          v.add('SALESFORCE_ACCESS_NAME_INVALID', `${field}[${i}]`, `${field}[${i}] must be a non-empty name without commas, got ${show(n)}`);
        } else if (seen.has(n)) {
          v.add('SALESFORCE_ACCESS_NAME_DUPLICATE', `${field}[${i}]`, `${field}[${i}] ${show(n)} is listed twice`);
        }
        seen.add(n);
      });
    };
    checkNames(profiles, 'profiles');
    checkNames(permissionSets, 'permissionSets');
    const appType = props.appType ?? SalesforceAppType.EXTERNAL_CLIENT_APP;
    if (props.appName !== undefined && !APP_NAME.test(props.appName)) {
      v.add('SALESFORCE_APP_NAME_INVALID', 'appName', `appName must be an API name (letters, digits, single underscores, starting with a letter, not ending with '_', at most 40 characters), got ${show(props.appName)}`);
    }
    if (props.label !== undefined && props.label.trim() === '') v.add('SALESFORCE_LABEL_EMPTY', 'label', `label must not be empty, got ${show(props.label)}`);
    if (props.contactEmail !== undefined && !EMAIL.test(props.contactEmail)) {
      v.add('SALESFORCE_CONTACT_EMAIL_INVALID', 'contactEmail', `contactEmail must be an email address, got ${show(props.contactEmail)}`);
    }
    if (appType === SalesforceAppType.CONNECTED_APP && props.contactEmail === undefined) {
      v.add('SALESFORCE_CONTACT_EMAIL_REQUIRED', 'contactEmail', `Cannot use 'appType' ConnectedApp without 'contactEmail': the Metadata API requires it on a Connected App`);
    }
    if (props.startUrl !== undefined && props.startUrl !== '' && !/^https:\/\/[^\s]+$/.test(props.startUrl)) {
      v.add('SALESFORCE_START_URL_INVALID', 'startUrl', `startUrl must be an https URL (or '' for none), got ${show(props.startUrl)}`);
    }
    const warn = props.certificateExpiryWarningDays;
    if (warn !== undefined && (!Number.isInteger(warn) || warn < 0)) {
      v.add('SALESFORCE_WARNING_DAYS_INVALID', 'certificateExpiryWarningDays', `certificateExpiryWarningDays must be a whole number of days (0 or more), got ${show(warn)}`);
    }
    if (props.apiVersion !== undefined) {
      const m = API_VERSION.exec(props.apiVersion);
      const min = appType === SalesforceAppType.EXTERNAL_CLIENT_APP ? 63 : 30;
      if (!m || Number(m[1]) < min) {
        v.add('SALESFORCE_API_VERSION_INVALID', 'apiVersion', `apiVersion must look like '63.0' and be at least ${min}.0 for ${appType}, got ${show(props.apiVersion)}`);
      }
    }
    if (props.deploy) v.capture(() => validateDeploy(props.deploy!, 'deploy'));
    const names = new Set<string>();
    (props.attributes ?? []).forEach((a, i) => {
      v.capture(() => target.validateAttributeName(a.name, `attributes[${i}].name`));
      if (names.has(a.name)) v.add('ATTRIBUTE_DUPLICATE', `attributes[${i}].name`, `attributes[${i}].name ${show(a.name)} is declared twice`);
      names.add(a.name);
      if (typeof a.formula !== 'string' || a.formula.trim() === '') {
        v.add('SALESFORCE_FORMULA_EMPTY', `attributes[${i}].formula`, `attributes[${i}].formula must be a Salesforce formula such as '$User.Department', got ${show(a.formula)}`);
      }
    });
    v.throwIfAny(`Invalid Salesforce app for ${target.description}`);
    return certificate!;
  }

  /** The issuer written into the app and output for the Console. */
  public get issuer(): string {
    return `https://${this.myDomainHost}${this.props.issuerTrailingSlash ? '/' : ''}`;
  }

  /** The generated project: files by project-relative path. */
  public get files(): ReadonlyMap<string, string> {
    return this.render().files;
  }

  /** SHA-256 of the generated project (the deploy step's replace trigger). */
  public get metadataSha256(): string {
    return this.render().sha256;
  }

  /** The project directory relative to the stack's synth directory (where `cdk.tf.json` is). */
  public get projectPath(): string {
    return this.project.directory;
  }

  /** The SAML attributes sent, in order. */
  public get samlAttributes(): SamlAttributeFormula[] {
    const p = this.props;
    const roles = p.rolesFormula ?? `"${(p.roles ?? ['agent']).join(',')}"`;
    const out: SamlAttributeFormula[] = [{ key: EMAIL_ATTRIBUTE, formula: p.emailFormula ?? '$User.Email' }];
    if (this.target.isFlex) out.push({ key: FULL_NAME_ATTRIBUTE, formula: p.fullNameFormula ?? DEFAULT_FULL_NAME_FORMULA });
    out.push({ key: ROLES_ATTRIBUTE, formula: roles });
    for (const a of this.attributes) out.push({ key: a.name, formula: a.formula });
    return out;
  }

  /**
   * Sends one more attribute. Must be called before the project is rendered (in practice: pass
   * `attributes` in the props); throws afterwards because the files are already written.
   */
  public addAttribute(attribute: SalesforceAttribute): SalesforceAttribute {
    const field = `attributes[${this.attributes.length}]`;
    if (this.rendered) {
      throw new SsoConfigError('SALESFORCE_ALREADY_RENDERED', `${field}.name`, `Cannot add attribute ${show(attribute.name)} to ${this.node.path}: the Salesforce project is written in the constructor; pass it in 'attributes'`);
    }
    this.target.validateAttributeName(attribute.name, `${field}.name`);
    if (this.attributes.some((a) => a.name === attribute.name)) {
      throw new SsoConfigError('ATTRIBUTE_DUPLICATE', `${field}.name`, `Cannot add attribute ${show(attribute.name)} to ${this.node.path}: it is already declared`);
    }
    const copy = { name: attribute.name, formula: attribute.formula };
    this.attributes.push(copy);
    return copy;
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
      throw new SsoConfigError('SALESFORCE_DEPLOY_DUPLICATE', 'deploy', `Cannot add a second deployment to ${this.node.path}: it already deploys to the org in its 'deploy' settings`);
    }
    this.claimAppName(options.targetOrg);
    const sf = options.useSfOnPath ? 'sf' : `npx --yes --package=@salesforce/cli@${options.cliVersion ?? SALESFORCE_CLI_VERSION} -- sf`;
    this.deployment = new TerraformData(this, 'Deploy', {
      triggersReplace: { metadata_sha256: this.metadataSha256, target_org: options.targetOrg },
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
        'SALESFORCE_APP_NAME_TAKEN',
        'appName',
        `Cannot deploy ${this.node.path} as ${show(this.appName)} to org ${show(targetOrg)}: ${other} deploys an app of that name there, and each deploy would overwrite the other; give one of them its own 'appName'`,
      );
    }
    claimed.set(key, this.node.path);
  }

  private render(): SalesforceProject {
    if (this.rendered) return this.rendered;
    const p = this.props;
    const startUrl = p.startUrl ?? (this.target.isFlex ? FLEX_SALESFORCE_START_URL : undefined);
    this.rendered = renderSalesforceProject({
      name: this.appName,
      label: p.label ?? (this.target.isFlex ? 'Twilio Flex' : 'Twilio Frontline'),
      description: `SAML single sign-on for ${this.target.description} (generated by cdktf-twilio-sso)`,
      contactEmail: p.contactEmail,
      entityUrl: this.target.entityId,
      acsUrl: this.target.acsUrl,
      issuer: this.issuer,
      attributes: this.samlAttributes,
      profiles: [...(p.profiles ?? [])],
      permissionSets: [...(p.permissionSets ?? [])],
      startUrl: startUrl === '' ? undefined : startUrl,
      apiVersion: p.apiVersion ?? '63.0',
      connectedApp: this.appType === SalesforceAppType.CONNECTED_APP,
    });
    return this.rendered;
  }
}

function defaultAppName(target: TwilioTarget): string {
  return target.isFlex ? 'Twilio_Flex' : 'Twilio_Frontline';
}

function validateDeploy(options: SalesforceDeployOptions, field: string): void {
  if (isUnresolved(options.targetOrg) || typeof options.targetOrg !== 'string' || !ORG_ALIAS.test(options.targetOrg)) {
    throw new SsoConfigError('SALESFORCE_TARGET_ORG_INVALID', `${field}.targetOrg`, `${field}.targetOrg must be an org alias or username (letters, digits, . _ @ + -), got ${show(options.targetOrg)}`);
  }
  if (options.cliVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(options.cliVersion)) {
    throw new SsoConfigError('SALESFORCE_CLI_VERSION_INVALID', `${field}.cliVersion`, `${field}.cliVersion must be an exact version such as '${SALESFORCE_CLI_VERSION}', got ${show(options.cliVersion)}`);
  }
}

