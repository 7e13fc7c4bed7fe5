import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { Application, ApplicationAppRole } from '@cdktf/provider-azuread/lib/application';
import { ApplicationIdentifierUri } from '@cdktf/provider-azuread/lib/application-identifier-uri';
import { ClaimsMappingPolicy } from '@cdktf/provider-azuread/lib/claims-mapping-policy';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { ServicePrincipalClaimsMappingPolicyAssignment } from '@cdktf/provider-azuread/lib/service-principal-claims-mapping-policy-assignment';
import { ServicePrincipalTokenSigningCertificate } from '@cdktf/provider-azuread/lib/service-principal-token-signing-certificate';
import { Annotations, Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { CertificateExpiry, CertificateExpiryStatus, RoleAssignment, RoleAssignmentProps, TwilioConsoleValues, TwilioSsoAppProps, TwilioSsoAppWithAssignments } from '../core';
import { AdoptionChange, importExisting, shown, warnAboutAdoption, warnAtSynth } from '../core/adoption';
import { literal } from '../core/literal';
import { pemFromBase64 } from '../core/pem';
import { AssignmentRules } from '../core/role-assignment';
import { ValueLanguage } from '../core/saml-attribute';
import { problemsHeader } from '../core/twilio-sso-app';
import { SsoErrorCode, Violation } from '../twilio';
import { RoleTokens, roleProblems } from '../twilio/role-rules';
import { stringProblems, throwIfAny, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import {
  EntraAdoptOptions,
  appRoleAssignmentImportId,
  applicationImportId,
  assignmentKey,
  identifierUriImportId,
  servicePrincipalImportId,
  signingCertificateImportId,
} from './adopt-options';
import { twilioAppRoleId } from './app-role-id';
import { EntraCertificateOptions, MAX_CERTIFICATE_YEARS } from './certificate-options';
import { entraAdoptionChanges } from './adoption-changes';
import { claimsMappingDefinition } from './claims-mapping-definition';
import { DEFAULT_CERTIFICATES, ENTRA_ASSIGNMENTS, entraPropsProblems } from './entra-rules';
import { stackClientConfig } from './client-config';
import { MsgraphApiVersion, MsgraphProvider, MsgraphResource, MsgraphUpdateResource } from './msgraph';
import { TimeOffset, TimeSleep } from './time';
import { tokenIssuanceDefinition } from './token-issuance-definition';
import { DEFAULT_EMAIL, DEFAULT_FULL_NAME, DEFAULT_NAME_ID, ENTRA_USER_ATTRIBUTE } from './user-attributes';

/** The app role ID that assigns a principal to an app without a specific app role (Microsoft Graph appRoleAssignment). */
const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Props for {@link EntraTwilioSso}. Values (`nameId`, `email`, `fullName`, attribute values) are Entra
 * user attributes written as the Entra admin center's "Attributes & Claims" page shows them: `user.`
 * and the attribute's ID, e.g. `user.department` (an extension attribute: `user.extension_<app>_<name>`).
 * `nameId` is one of `user.mail` (the default, as in Twilio's Entra guide), `user.userprincipalname`,
 * `user.objectid`, `user.employeeid` or `user.onpremisessamaccountname`; `email` defaults to
 * `user.mail` and `fullName` to `user.displayname`. Groups and users are Entra object IDs; assigning
 * groups to an enterprise application needs Entra ID P1 or P2.
 */

export interface EntraTwilioSsoProps extends TwilioSsoAppProps, RoleAssignmentProps {
  /**
   * The Entra tenant ID (a UUID). Not a secret. Giving it makes the Console values known at plan time.
   * @default - the tenant the azuread provider signs in to (`data azuread_client_config`)
   */
  readonly tenantId?: string;
  /**
   * Object IDs of the app's and service principal's owners.
   * @default - the principal that runs Terraform (`data azuread_client_config`)
   */
  readonly owners?: string[];
  /**
   * Email addresses Entra notifies before the signing certificate expires.
   * @default - no notification addresses (Entra then notifies no one)
   */
  readonly notificationEmails?: string[];
  /**
   * Twilio roles to declare as app roles, besides those the assignments use (app roles can then be
   * assigned by hand in the Entra admin center too).
   * @default - only the roles that the group and user assignments use
   */
  readonly roles?: string[];
  /**
   * Token signing certificates. Each is created inactive except the one named by `activeCertificate`;
   * adding one never switches Entra to it (see docs/entra.md, "Certificate rotation").
   * @default - one certificate named `primary`, valid 3 years from creation
   */
  readonly certificates?: EntraCertificateOptions[];
  /**
   * The name of the certificate Entra signs with (the one the Twilio Console must hold).
   * @default - the only certificate (required when there are several)
   */
  readonly activeCertificate?: string;
  /**
   * Seconds to wait after the service principal turns SAML before setting the Entity ID: Entra rejects
   * an unverified-domain identifier (`HostNameNotOnVerifiedDomain`) until the change has replicated
   * (azuread provider issues #1392, #797).
   * @default 60
   */
  readonly identifierUriDelaySeconds?: number;
  /**
   * Adopt an existing Entra enterprise application (one set up by hand from Twilio's Entra guide,
   * say) instead of creating a new one. The stack then declares Terraform `import` blocks (Terraform
   * ≥ 1.5, OpenTofu ≥ 1.6) for the app registration, the enterprise application, its Entity ID
   * identifier, its active token-signing certificate and the app role assignments whose IDs are
   * given; the first plan shows them as imports with in-place updates, and replaces and destroys
   * nothing. The app keeps signing with its certificate (imported, left active: the activation sets
   * the thumbprint it has), so the Twilio Console keeps working; that certificate's `displayName`,
   * `endDate` and `validityYears` cannot be set. Existing app roles keep their IDs when given in
   * {@link EntraAdoptOptions.appRoleIds}.
   *
   * Created, not imported: the claims-mapping policy (portal claims are not a policy, so there is
   * nothing to import) and the token issuance policy with their links, staged certificates other
   * than the active one, and assignments without an ID.
   *
   * What the first apply changes in place is listed at synth as one warning per item (the app
   * registration, the enterprise application, the app roles, the claims, the SAML signing, the
   * assignments created). Keep `adopt` after the import: once the resources are in state the import
   * blocks do nothing. See docs/adopt.md.
   * @default - a new app is created
   */
  readonly adopt?: EntraAdoptOptions;
}

const FEATURE_TAGS = [{ enterprise: true, customSingleSignOn: true }];
// Graph's replication error when an object created a moment ago is not yet visible everywhere
// ("Resource '…' does not exist or one of its queried reference-property objects are not present"),
// retried by the msgraph provider's `retry` block.
const REPLICATION_ERRORS = ['does not exist or one of its queried reference-property objects are not present'];

/** A token signing certificate as declared. */
export interface EntraSigningCertificate {
  /** The name given in the props. */
  readonly name: string;
  /** The `azuread_service_principal_token_signing_certificate`. */
  readonly resource: ServicePrincipalTokenSigningCertificate;
  /**
   * The literal end date, when one was configured.
   * @default - none configured (validity in years, fixed at creation)
   */
  readonly configuredEndDate?: string;
}

/**
 * Twilio Flex or Frontline single sign-on as a Microsoft Entra ID enterprise application (non-gallery,
 * SAML), configured as Twilio's Entra guide requires (https://www.twilio.com/docs/flex/sso-configuration/azure-ad):
 *
 * - `azuread_application` with the enterprise and custom-SSO feature tags, Reply URL = ACS, one app
 *   role per Twilio role (UUIDv5 IDs, {@link EntraTwilioSso.appRoleId}), owners, and `identifier_uris` left to
 * - `azuread_application_identifier_uri` = the Entity ID, created after the service principal is in
 *   SAML mode plus a `time_sleep` for replication (the only identifier);
 * - `azuread_service_principal` in SAML mode with assignment required;
 * - a claims mapping policy (NameID, `email`, `full_name` for Flex, `roles`, extras; no default claims);
 * - token signing certificates, the active one activated with a Graph PATCH of
 *   `preferredTokenSigningKeyThumbprint` (`msgraph_update_resource`), and a token issuance policy
 *   signing response and assertion with RSA-SHA256, linked to the service principal (`msgraph_resource`);
 * - one `azuread_app_role_assignment` per principal and role, named `Group-<object ID>-<role>` and
 *   `User-<object ID>-<role>`, or `Group-ref<i>-<role>` for an object ID that is a token (`<i>` its
 *   position among the groups, or the users).
 *
 * Needs an `azuread` provider in the stack; uses the stack's `msgraph` provider (declaring one, with
 * credentials from the environment, if there is none) and `time` provider likewise.
 *
 * With `adopt` ({@link EntraAdoptOptions}) the same resources are declared for an existing app, with
 * Terraform import blocks for the app registration, the enterprise application, the Entity ID, the
 * active signing certificate (kept, so the Twilio Console keeps working) and the assignments whose
 * IDs are given, and the existing app-role IDs in place of the generated ones.
 */
export class EntraTwilioSso extends TwilioSsoAppWithAssignments {
  /**
   * Entra's upper limit on a token signing certificate's validity, in years (Microsoft Graph
   * `addTokenSigningCertificate`: the end can be up to three years after creation).
   */
  public static readonly MAX_CERTIFICATE_YEARS = MAX_CERTIFICATE_YEARS;

  /**
   * The app role ID this construct gives a Twilio role: UUIDv5 of the role name in a namespace fixed
   * for this library, so a lost state or a rebuilt app gets the same IDs (Entra requires each app
   * role's `id` to be a unique GUID; Twilio's Entra guide asks for one per Flex role).
   */
  public static appRoleId(role: string): string {
    const unresolved = violation(SsoErrorCode.ROLE_UNRESOLVED, 'role', role, 'must be a role name known at synth (the app role ID is derived from it), got a Terraform token');
    throwIfAny('Cannot give an app role ID', isUnresolved(role) ? [unresolved] : stringProblems(role, 'role', 'a role name'));
    return twilioAppRoleId(role);
  }

  /**
   * Every problem {@link EntraTwilioSso.validateProps} throws for, as data and without throwing: one
   * `Violation` per problem, each with its `code`, `field`, `value` and `message`; empty when the
   * props are valid. For callers that report problems themselves, and for languages other than
   * TypeScript, where a thrown error arrives as its message only.
   * @param now when the certificate end dates are judged from
   */
  public static findProblems(props: EntraTwilioSsoProps, now: Date = new Date()): Violation[] {
    return entraPropsProblems(props, now);
  }

  /**
   * Checks every prop and throws one {@link SsoConfigError} listing every problem, before any resource
   * is declared. `now` is when the certificate end dates are judged from.
   */
  public static validateProps(props: EntraTwilioSsoProps, now: Date = new Date()): void {
    throwIfAny(problemsHeader('Entra app', (props as Partial<EntraTwilioSsoProps> | undefined)?.target), entraPropsProblems(props, now));
  }

  /** The app registration (`azuread_application`). */
  public readonly application: Application;
  /** The enterprise application (`azuread_service_principal`). */
  public readonly servicePrincipal: ServicePrincipal;
  /** The tenant ID (literal, or a reference to `data azuread_client_config`). */
  public readonly tenantId: string;
  /** The name of the active certificate. */
  public readonly activeCertificateName: string;

  private readonly certificates: EntraSigningCertificate[] = [];
  private readonly declaredRoles: string[];
  private readonly clientId: string;
  private readonly servicePrincipalId: string;
  private readonly servicePrincipalObjectId: string;
  private readonly activeCertificate: ServicePrincipalTokenSigningCertificate;
  private readonly adopt?: EntraAdoptOptions;
  private readonly props: EntraTwilioSsoProps;
  private readonly owners: string[];
  private readonly importedAssignments = new Set<string>();
  private readonly createdAssignments: string[] = [];
  private memo: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: EntraTwilioSsoProps) {
    EntraTwilioSso.validateProps(props);
    super(scope, id, props);
    const target = props.target;
    this.adopt = props.adopt;
    this.props = props;
    // Roles whose existing IDs are given are kept on the app, used or not.
    this.declaredRoles = [...(props.roles ?? []), ...Object.keys(props.adopt?.appRoleIds ?? {})];
    // Every string the resources below take reaches the Terraform JSON as that text: the props are
    // escaped here, once (cdktf tokens in them stay references).
    const p = literal(props);
    const displayName = this._literal.displayName;

    const clientConfig = p.tenantId === undefined || p.owners === undefined ? stackClientConfig(this) : undefined;
    this.tenantId = p.tenantId ?? clientConfig!.tenantId;
    const owners = p.owners ?? [clientConfig!.objectId];
    this.owners = owners;

    this.application = new Application(this, 'Resource', {
      displayName,
      owners,
      signInAudience: 'AzureADMyOrg',
      featureTags: FEATURE_TAGS,
      web: { redirectUris: [this._literal.acsUrl] },
      appRole: Lazy.anyValue({ produce: () => this.renderAppRoles() }) as unknown as ApplicationAppRole[],
      // The Entity ID is managed by the identifier-URI resource below (exactly one identifier, #978).
      lifecycle: { ignoreChanges: ['identifier_uris'] },
    });

    // Each attribute read creates a cdktf token (with a captured stack trace): read each once.
    this.clientId = this.application.clientId;
    this.servicePrincipal = new ServicePrincipal(this, 'ServicePrincipal', {
      clientId: this.clientId,
      owners,
      appRoleAssignmentRequired: true,
      preferredSingleSignOnMode: 'saml',
      featureTags: FEATURE_TAGS,
      loginUrl: target.loginUrl,
      notificationEmailAddresses: p.notificationEmails,
    });

    // Entra accepts an unverified-domain identifier only once the service principal is in SAML mode,
    // and only after that has replicated (azuread issues #1392, #797, #806, #655).
    const wait = new TimeSleep(this, 'SamlModePropagation', {
      createDuration: `${p.identifierUriDelaySeconds ?? 60}s`,
      dependsOn: [this.servicePrincipal],
    });
    this.servicePrincipalId = this.servicePrincipal.id;
    this.servicePrincipalObjectId = this.servicePrincipal.objectId;
    const identifierUri = new ApplicationIdentifierUri(this, 'IdentifierUri', {
      applicationId: this.application.id,
      identifierUri: this._literal.entityId,
      dependsOn: [wait],
    });
    if (this.adopt) {
      importExisting(this.application, applicationImportId(this.adopt.applicationObjectId));
      importExisting(this.servicePrincipal, servicePrincipalImportId(this.adopt.servicePrincipalObjectId));
      if (this.adopt.importIdentifierUri ?? true) {
        importExisting(identifierUri, identifierUriImportId(this.adopt.applicationObjectId, target.entityId));
      }
    }

    // Claims.
    for (const a of props.attributes ?? []) this.addAttribute(a);
    const sources = { nameId: props.nameId ?? DEFAULT_NAME_ID, email: props.email ?? DEFAULT_EMAIL, fullName: props.fullName ?? DEFAULT_FULL_NAME };
    const claims = new ClaimsMappingPolicy(this, 'ClaimsMappingPolicy', {
      displayName: `${displayName} claims`,
      definition: [Lazy.stringValue({ produce: () => claimsMappingDefinition(target, sources, this.attributes) })],
    });
    new ServicePrincipalClaimsMappingPolicyAssignment(this, 'ClaimsMappingPolicyAssignment', {
      claimsMappingPolicyId: claims.id,
      servicePrincipalId: this.servicePrincipalId,
    });

    // Signing certificates: all created, one activated.
    const certs = p.certificates ?? DEFAULT_CERTIFICATES;
    this.activeCertificateName = props.activeCertificate ?? certs[0].name;
    for (const c of certs) this.certificates.push(this.declareCertificate(c, displayName, this.adopt !== undefined && c.name === this.activeCertificateName));
    this.activeCertificate = this.certificates.find((c) => c.name === this.activeCertificateName)!.resource;
    const msgraph = MsgraphProvider.of(this);
    const spUrl = `servicePrincipals/${this.servicePrincipalObjectId}`;
    // Graph PATCH servicePrincipal.preferredTokenSigningKeyThumbprint: the portal's "Make certificate
    // active" (azuread issue #823; Graph servicePrincipal resource).
    new MsgraphUpdateResource(this, 'ActiveCertificate', {
      provider: msgraph,
      url: spUrl,
      body: { preferredTokenSigningKeyThumbprint: this.certificateThumbprint },
      retryErrorMessageRegex: REPLICATION_ERRORS,
    });

    // Sign the SAML response and the assertion, RSA-SHA256 (azuread issue #1364).
    const signing = new MsgraphResource(this, 'TokenIssuancePolicy', {
      provider: msgraph,
      url: 'policies/tokenIssuancePolicies',
      body: { displayName: `${displayName} signing`, definition: [tokenIssuanceDefinition()] },
    });
    // Linking a token issuance policy to a service principal is a `$ref` POST; v1.0 documents the
    // operation for applications only, so the beta endpoint is used (see docs/entra.md, "Uncertain").
    new MsgraphResource(this, 'TokenIssuancePolicyAssignment', {
      provider: msgraph,
      apiVersion: MsgraphApiVersion.BETA,
      url: `${spUrl}/tokenIssuancePolicies/$ref`,
      body: { '@odata.id': `https://graph.microsoft.com/beta/policies/tokenIssuancePolicies/${signing.id}` },
      retryErrorMessageRegex: REPLICATION_ERRORS,
    });

    this.warnOnExpiry();
    for (const g of props.groups ?? []) this.addGroup(g);
    for (const u of props.users ?? []) this.addUser(u);
    if (this.adopt) {
      warnAtSynth(this, () => this.warnAdoption());
    }
  }

  /**
   * The app role ID this app gives a Twilio role: the existing role's ID from `adopt.appRoleIds`, or
   * the generated one ({@link EntraTwilioSso.appRoleId}).
   */
  public roleId(role: string): string {
    throwIfAny(`Cannot give an app role ID on ${this.node.path}`, roleProblems(role, 'role', this.target, RoleTokens.NONE));
    return this.adopt?.appRoleIds?.[role] ?? twilioAppRoleId(role);
  }

  /** Copies of the certificates declared, in declaration order. */
  public get signingCertificates(): EntraSigningCertificate[] {
    return [...this.certificates];
  }

  /** The Twilio roles declared as app roles, in the product's order. */
  public get appRoles(): string[] {
    const wanted = new Set<string>([...this.declaredRoles, ...[...this.groupAssignments, ...this.userAssignments].flatMap((a) => a.roles)]);
    return this.target.allowedRoles.filter((r) => wanted.has(r));
  }

  /** Login URL: `https://login.microsoftonline.com/<tenant>/saml2`. */
  public get ssoUrl(): string {
    return `https://login.microsoftonline.com/${this.tenantId}/saml2`;
  }

  /** Microsoft Entra Identifier: `https://sts.windows.net/<tenant>/` (with the trailing slash). */
  public get issuer(): string {
    return `https://sts.windows.net/${this.tenantId}/`;
  }

  /** The federation metadata URL of this app. */
  public get federationMetadataUrl(): string {
    return `https://login.microsoftonline.com/${this.tenantId}/federationmetadata/2007-06/federationmetadata.xml?appid=${this.clientId}`;
  }

  /** The active signing certificate, Base64 body without BEGIN/END lines. */
  public get certificateBase64(): string {
    return (this.memo.base64 ??= this.activeCertificate.value);
  }

  /** The active signing certificate, full PEM. */
  public get certificatePem(): string {
    return (this.memo.pem ??= pemFromBase64(this.certificateBase64));
  }

  /** The active signing certificate's SHA-1 thumbprint. */
  public get certificateThumbprint(): string {
    return (this.memo.thumbprint ??= this.activeCertificate.thumbprint);
  }

  /** The active signing certificate's end date (RFC 3339). */
  public get certificateEndDate(): string {
    return (this.memo.endDate ??= this.activeCertificate.endDate);
  }

  /**
   * Entra's groups and users: object IDs, roles known at synth.
   * @internal
   */
  protected _assignmentRules(): AssignmentRules {
    return ENTRA_ASSIGNMENTS;
  }

  /**
   * Attribute values are Entra user attributes (`user.department`).
   * @internal
   */
  protected _valueLanguage(): ValueLanguage {
    return ENTRA_USER_ATTRIBUTE;
  }

  /**
   * One app role assignment per role of a group, named `Group-<key>-<role>`.
   * @param assignment the assignment as recorded, its strings escaped for Terraform
   * @param key the group's object ID, or `ref<i>` for one that is a token
   */
  protected declareGroup(assignment: RoleAssignment, key: string): void {
    this.assign(assignment, `Group-${key}`);
  }

  /**
   * One app role assignment per role of a user, named `User-<key>-<role>`.
   * @param assignment the assignment as recorded, its strings escaped for Terraform
   * @param key the user's object ID, or `ref<i>` for one that is a token
   */
  protected declareUser(assignment: RoleAssignment, key: string): void {
    this.assign(assignment, `User-${key}`);
  }

  protected createConsoleValues(): TwilioConsoleValues {
    return {
      issuer: this.issuer,
      ssoUrl: this.ssoUrl,
      certificatePem: this.certificatePem,
      metadataUrl: this.federationMetadataUrl,
      certificateExpiresAt: this.certificateEndDate,
    };
  }

  /** One app role assignment per role, named `<name>-<role>`; imported when adopt gives its ID. */
  private assign(copy: RoleAssignment, name: string): void {
    if (!this.target.hasRoles) {
      // A product without roles: the principal is assigned to the app with the default app role,
      // "00000000-0000-0000-0000-000000000000" ("assigned to the resource app without any specific
      // app roles": Microsoft Graph appRoleAssignment, appRoleId).
      new AppRoleAssignment(this, `${name}-access`, { appRoleId: DEFAULT_ACCESS_ROLE_ID, principalObjectId: copy.principalId, resourceObjectId: this.servicePrincipalObjectId });
      return;
    }
    for (const role of copy.roles) {
      const assignment = new AppRoleAssignment(this, `${name}-${role}`, {
        appRoleId: this.roleId(role),
        principalObjectId: copy.principalId,
        resourceObjectId: this.servicePrincipalObjectId,
      });
      if (!this.adopt) continue;
      const key = assignmentKey(copy.principalId, role);
      const existing = this.adopt.appRoleAssignmentIds?.[key];
      if (existing !== undefined) {
        importExisting(assignment, appRoleAssignmentImportId(this.adopt.servicePrincipalObjectId, existing));
        this.importedAssignments.add(key);
      } else {
        this.createdAssignments.push(`${shown(copy.principalId)} (${role})`);
      }
    }
  }

  /**
   * Declares one token signing certificate. The `adopted` one is imported and keeps the subject and
   * end date Entra has: `display_name` and `end_date` are left unset (both are Computed in the
   * azuread provider and force a new certificate when they differ).
   */
  private declareCertificate(c: EntraCertificateOptions, appName: string, adopted: boolean): EntraSigningCertificate {
    if (adopted) {
      const resource = new ServicePrincipalTokenSigningCertificate(this, `Certificate-${c.name}`, { servicePrincipalId: this.servicePrincipalId });
      importExisting(resource, signingCertificateImportId(this.adopt!.servicePrincipalObjectId, this.adopt!.signingCertificateKeyId));
      return { name: c.name, resource };
    }
    let endDate = c.endDate;
    const years = c.validityYears ?? MAX_CERTIFICATE_YEARS;
    if (endDate === undefined && years !== MAX_CERTIFICATE_YEARS) {
      // A relative validity is fixed once, in state, so the certificate is not replaced every plan.
      endDate = new TimeOffset(this, `Certificate-${c.name}-EndDate`, { offsetYears: years }).rfc3339;
    }
    const resource = new ServicePrincipalTokenSigningCertificate(this, `Certificate-${c.name}`, {
      servicePrincipalId: this.servicePrincipalId,
      displayName: c.displayName ?? `CN=${appName}`,
      // Omitted for 3 years: the provider's default is 3 years from creation, kept in state.
      endDate,
    });
    return { name: c.name, resource, configuredEndDate: c.endDate };
  }

  /**
   * Synth warnings for certificates with a literal end date within the threshold or past it. A staged
   * certificate that has expired never signed anything: it only can no longer be made active.
   */
  private warnOnExpiry(): void {
    const remedy = 'rotate it (docs/entra.md, "Certificate rotation")';
    for (const c of this.certificates) {
      if (c.configuredEndDate === undefined) continue;
      if (c.name === this.activeCertificateName) {
        this.warnOnCertificateExpiry(`Certificate '${c.name}' (the active signing certificate)`, c.configuredEndDate, remedy);
        continue;
      }
      if (isUnresolved(c.configuredEndDate)) continue;
      const what = `Certificate '${c.name}' (a staged, inactive signing certificate)`;
      const expiry = CertificateExpiry.of(c.configuredEndDate, this.certificateExpiryWarningDays);
      if (expiry?.status === CertificateExpiryStatus.EXPIRING) {
        Annotations.of(this).addWarning(`${expiry.describe(what)}: stage a later one before making it active (docs/entra.md, "Certificate rotation")`);
      } else if (expiry?.status === CertificateExpiryStatus.EXPIRED) {
        Annotations.of(this).addWarning(`${what} expired on ${expiry.expiresAt.toISOString()}: it can no longer be made active; remove it (docs/entra.md, "Certificate rotation")`);
      }
    }
  }

  private renderAppRoles(): unknown[] {
    return this.appRoles.map((role) => ({
      allowed_member_types: ['User'],
      description: `Twilio ${this.target.product} role '${role}', sent in the SAML 'roles' claim`,
      display_name: role,
      enabled: true,
      id: this.roleId(role),
      value: role,
    }));
  }

  /**
   * What the first apply changes in place on the adopted app, as data (one entry per thing changed);
   * empty for an app that is not adopted. Read at synth, when everything is declared.
   * @internal
   */
  public _adoptionChanges(): AdoptionChange[] {
    const adopt = this.adopt;
    if (!adopt) return [];
    const props = this.props;
    const given = adopt.appRoleIds ?? {};
    const sources = { nameId: props.nameId ?? DEFAULT_NAME_ID, email: props.email ?? DEFAULT_EMAIL, fullName: props.fullName ?? DEFAULT_FULL_NAME };
    return entraAdoptionChanges({
      target: this.target,
      displayName: this.displayName,
      owners: props.owners === undefined ? undefined : this.owners,
      notificationEmails: props.notificationEmails,
      appRoles: this.appRoles.map((role) => ({ role, id: this.roleId(role), given: role in given })),
      applicationObjectId: adopt.applicationObjectId,
      claims: JSON.parse(claimsMappingDefinition(this.target, sources, this.attributes)).ClaimsMappingPolicy.ClaimsSchema,
      createdAssignments: this.createdAssignments,
    });
  }

  /** One synth warning per adoption change, and one per `appRoleAssignmentIds` key that matched nothing. */
  private warnAdoption(): void {
    const adopt = this.adopt!;
    warnAboutAdoption(this, 'Entra app', this._adoptionChanges());
    for (const key of Object.keys(adopt.appRoleAssignmentIds ?? {})) {
      if (!this.importedAssignments.has(key)) {
        Annotations.of(this).addWarning(`adopt.appRoleAssignmentIds.${key} matches no declared assignment (a group or user with that object ID and role): it is not imported`);
      }
    }
  }
}
