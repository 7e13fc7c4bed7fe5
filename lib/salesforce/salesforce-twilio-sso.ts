import { Lazy, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GeneratedFiles, GeneratedFilesProps, SamlAttribute, TerraformData, TwilioConsoleValues, TwilioSsoApp, TwilioSsoAppProps } from '../core';
import { literal } from '../core/literal';
import { ValueLanguage } from '../core/saml-attribute';
import { problemsHeader } from '../core/twilio-sso-app';
import { SsoConfigError, SsoErrorCode, Violation } from '../twilio';
import { EMAIL_ATTRIBUTE, FULL_NAME_ATTRIBUTE, ROLES_ATTRIBUTE } from '../twilio/attributes';
import { show, throwIfAny } from '../twilio/rules';
import { SalesforceAppType, SalesforceDeployOptions, SalesforceSsoBinding } from './app-options';
import { SalesforceCertificate, readCertificateFile } from './certificate';
import { PACKAGE_DIRECTORY, SalesforceProject, SalesforceSubjectType, projectPaths, renderSalesforceProject } from './metadata';
import { myDomainHost } from './my-domain';
import { DEFAULT_CLI_VERSION, DEFAULT_NAME_ID, SUBJECT_TYPES, SALESFORCE_FORMULA, attributeTokenProblems, deployProblems, salesforcePropsProblems } from './salesforce-rules';

export { SalesforceAppType, SalesforceDeployOptions, SalesforceSsoBinding } from './app-options';

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
const DEFAULT_EMAIL = '$User.Email';

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
  public static readonly DEFAULT_CLI_VERSION = DEFAULT_CLI_VERSION;
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
   * TypeScript, where a thrown error arrives as its message only. Reads no file: the certificate file
   * is judged by {@link SalesforceTwilioSso.findCertificateProblems}.
   */
  public static findProblems(props: SalesforceTwilioSsoProps): Violation[] {
    return salesforcePropsProblems(props);
  }

  /**
   * Checks every prop and throws one {@link SsoConfigError} listing every problem, before anything is
   * declared or written. Reads no file (see {@link SalesforceTwilioSso.readCertificate}).
   */
  public static validateProps(props: SalesforceTwilioSsoProps): void {
    throwIfAny(invalidApp(props), salesforcePropsProblems(props));
  }

  /**
   * Every problem of the certificate file, as data and without throwing: it cannot be read, is not a
   * regular file (a FIFO, a device, a directory), is larger than 64 KiB, or does not hold one X.509
   * certificate. The file is stat'ed first and read for at most the limit plus one byte.
   * @param certificateFile the `certificateFile` prop
   */
  public static findCertificateProblems(certificateFile: string): Violation[] {
    return readCertificateFile(certificateFile, 'certificateFile').problems;
  }

  /**
   * Reads and parses the identity provider certificate file (the step after
   * {@link SalesforceTwilioSso.validateProps}; the constructor runs both), throwing an
   * {@link SsoConfigError} for each of {@link SalesforceTwilioSso.findCertificateProblems}.
   * @param certificateFile the `certificateFile` prop
   */
  public static readCertificate(certificateFile: string): SalesforceCertificate {
    const read = readCertificateFile(certificateFile, 'certificateFile');
    throwIfAny('Cannot read the Salesforce identity provider certificate', read.problems);
    return read.certificate!;
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
    // The props first; the certificate file only when its path is one (every problem in one error).
    const problems = salesforcePropsProblems(props);
    const file: unknown = (props as Partial<SalesforceTwilioSsoProps> | undefined)?.certificateFile;
    const read = typeof file !== 'string' || problems.some((v) => v.field === 'certificateFile') ? undefined : readCertificateFile(file, 'certificateFile');
    throwIfAny(invalidApp(props), [...problems, ...(read?.problems ?? [])]);
    const certificate = read!.certificate!;
    super(scope, id, props, props.target.isFlex ? 'Twilio Flex' : 'Twilio Frontline');
    this.certificate = certificate;
    this.props = props;
    this.appType = props.appType ?? SalesforceAppType.EXTERNAL_CLIENT_APP;
    this.myDomainHost = myDomainHost(props.myDomain);
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
    this.project = new ProjectFiles(
      this,
      'Project',
      {
        directory: ['salesforce', ...inStack].join('/'),
        files: Object.fromEntries(projectPaths(this.appName, this.appType === SalesforceAppType.CONNECTED_APP).map((path) => [path, ''])),
      },
      (path) => this.renderedFile(path),
    );
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
        `${field}.name ${show(attribute.name)} cannot be added to ${this.node.path}: its Salesforce project was already rendered (at synth, or when 'files' or 'metadataSha256' was read); add attributes before then`,
      );
    }
    throwIfAny(`Cannot add attribute to ${this.node.path}`, attributeTokenProblems(attribute, field));
    return super.addAttribute(attribute);
  }

  /**
   * Deploys the generated project with `sf project deploy start` from Terraform: a `terraform_data`
   * resource (built into Terraform ≥ 1.4 and OpenTofu, no provider) whose `triggers_replace` is the
   * metadata hash, so the plan shows it and it runs again exactly when the metadata changes. Needs
   * the org authorised on the machine running Terraform (`sf org login web --alias <targetOrg>`).
   */
  public addDeployment(options: SalesforceDeployOptions): TerraformData {
    throwIfAny(`Cannot add a deployment to ${this.node.path}`, deployProblems(options, 'deploy'));
    if (this.deployment) {
      throw new SsoConfigError(SsoErrorCode.SALESFORCE_DEPLOY_DUPLICATE, 'deploy', options.targetOrg, `deploy cannot be added twice to ${this.node.path}: it already deploys to the org in its 'deploy' settings, got ${show(options.targetOrg)}`);
    }
    this.claimAppName(options.targetOrg);
    const sf = options.useSfOnPath ? 'sf' : `npx --yes --package=@salesforce/cli@${options.cliVersion ?? SalesforceTwilioSso.DEFAULT_CLI_VERSION} -- sf`;
    // Literal text for Terraform (the user's values and construct IDs), except `path.module`.
    const text = literal({
      org: options.targetOrg,
      // Single quotes: targetOrg is validated to shell-safe characters, quoted anyway.
      command: `${sf} project deploy start --source-dir ${PACKAGE_DIRECTORY} --target-org '${options.targetOrg}' --wait 30`,
      projectPath: this.projectPath,
    });
    this.deployment = new TerraformData(this, 'Deploy', {
      // Resolved at synth, when every attribute has been added.
      triggersReplace: { metadata_sha256: Lazy.stringValue({ produce: () => this.metadataSha256 }), target_org: text.org },
      provisioners: [
        {
          type: 'local-exec',
          command: text.command,
          // `path.module` is the stack directory holding cdk.tf.json; the project is an asset in it.
          workingDir: `\${path.module}/${text.projectPath}`,
        },
      ],
    });
    return this.deployment;
  }

  /**
   * Attribute values are Salesforce formulas (`$User.Department`).
   * @internal
   */
  protected _valueLanguage(): ValueLanguage {
    return SALESFORCE_FORMULA;
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
    const key = `${targetOrg}\0${this.appName}`;
    const claimed = DeployedAppNames.of(this).claimed;
    const other = claimed.get(key);
    if (other !== undefined && other !== this.node.path) {
      throw new SsoConfigError(
        SsoErrorCode.SALESFORCE_APP_NAME_TAKEN,
        'appName',
        this.appName,
        `appName ${show(this.appName)} of ${this.node.path} is already deployed to org ${show(targetOrg)} by ${other}, and each deploy would overwrite the other; give one of them its own 'appName'`,
      );
    }
    claimed.set(key, this.node.path);
  }

  /** One file of the rendered project (for its files' writer, at synth). */
  private renderedFile(path: string): string {
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

/** The header of the props' error: the target's description when the target is one. */
function invalidApp(props: SalesforceTwilioSsoProps): string {
  return problemsHeader('Salesforce app', (props as Partial<SalesforceTwilioSsoProps> | undefined)?.target);
}

/** The project's files, rendered by their app when they are written (at synth), not per-file tokens. */
class ProjectFiles extends GeneratedFiles {
  constructor(
    scope: Construct,
    id: string,
    props: GeneratedFilesProps,
    private readonly render: (path: string) => string,
  ) {
    super(scope, id, props);
  }

  protected contentOf(path: string): string {
    return this.render(path);
  }
}

/**
 * Which app deploys under which API name to which org (`targetOrg\0appName` → construct path), across
 * the whole construct tree (every stack): construct-tree state, one per tree, at its root.
 */
class DeployedAppNames extends Construct {
  /** The tree's registry, created on first use. */
  public static of(scope: IConstruct): DeployedAppNames {
    const root = scope.node.root;
    const found = root.node.tryFindChild(DEPLOYED_APP_NAMES_ID);
    return found instanceof DeployedAppNames ? found : new DeployedAppNames(root as Construct, DEPLOYED_APP_NAMES_ID);
  }

  /** `targetOrg\0appName` → the construct path deploying it. */
  public readonly claimed = new Map<string, string>();
}

/** Construct ID of {@link DeployedAppNames} at the root (not a Terraform element: no address). */
const DEPLOYED_APP_NAMES_ID = 'TwilioSsoSalesforceDeployedAppNames';
