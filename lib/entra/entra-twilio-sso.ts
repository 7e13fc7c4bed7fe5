import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { Application, ApplicationAppRole } from '@cdktf/provider-azuread/lib/application';
import { ApplicationIdentifierUri } from '@cdktf/provider-azuread/lib/application-identifier-uri';
import { ClaimsMappingPolicy } from '@cdktf/provider-azuread/lib/claims-mapping-policy';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { ServicePrincipalClaimsMappingPolicyAssignment } from '@cdktf/provider-azuread/lib/service-principal-claims-mapping-policy-assignment';
import { ServicePrincipalTokenSigningCertificate } from '@cdktf/provider-azuread/lib/service-principal-token-signing-certificate';
import { Annotations, Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { CertificateExpiry, CertificateExpiryStatus, RoleAssignment, RoleAssignmentProps, TwilioConsoleValues, TwilioSsoApp, TwilioSsoAppProps } from '../core';
import { importExisting, shown, warnAdoptionChanges, warnAtSynth } from '../core/adoption';
import { pemFromBase64 } from '../core/pem';
import { PrincipalKind, RecordedAssignment, RoleAssignmentList, publicCopy } from '../core/role-assignment';
import { validateSharedProps } from '../core/twilio-sso-app';
import { checkValue } from '../core/saml-attribute';
import { SsoConfigError, SsoErrorCode, Violation } from '../twilio';
import { isUnresolved } from '../twilio/unresolved';
import { Violations, show, violationsOf } from '../twilio/violations';
import {
  EntraAdoptOptions,
  appRoleAssignmentImportId,
  applicationImportId,
  assignmentKey,
  identifierUriImportId,
  servicePrincipalImportId,
  signingCertificateImportId,
  validateEntraAdopt,
} from './adopt-options';
import { twilioAppRoleId } from './app-role-id';
import { EntraCertificateOptions, MAX_CERTIFICATE_YEARS, validateCertificates } from './certificate-options';
import { SAML_NAMEID_CLAIM_TYPE, claimsMappingDefinition } from './claims-mapping-definition';
import { stackClientConfig } from './client-config';
import { MsgraphApiVersion, MsgraphProvider, MsgraphResource, MsgraphUpdateResource } from './msgraph';
import { TimeOffset, TimeSleep } from './time';
import { tokenIssuanceDefinition } from './token-issuance-definition';
import { DEFAULT_EMAIL, DEFAULT_FULL_NAME, DEFAULT_NAME_ID, ENTRA_NAME_ID, ENTRA_USER_ATTRIBUTE } from './user-attributes';

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
const DEFAULT_CERTIFICATES: EntraCertificateOptions[] = [{ name: 'primary' }];
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
export class EntraTwilioSso extends TwilioSsoApp {
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
    return violationsOf(() => EntraTwilioSso.validateProps(props, now));
  }

  /**
   * Checks every prop and throws one {@link SsoConfigError} listing every problem, before any resource
   * is declared. `now` is when the certificate end dates are judged from.
   */
  public static validateProps(props: EntraTwilioSsoProps, now: Date = new Date()): void {
    const target = props.target;
    const v = new Violations();
    validateSharedProps(props, { values: ENTRA_USER_ATTRIBUTE, nameId: ENTRA_NAME_ID }, v);
    (props.groups ?? []).forEach((g, i) => v.capture(() => checkLiteralRoles(g.roles, `groups[${i}].roles`)));
    (props.users ?? []).forEach((u, i) => v.capture(() => checkLiteralRoles(u.roles, `users[${i}].roles`)));
    if (props.roles !== undefined) {
      v.capture(() => checkLiteralRoles(props.roles!, 'roles'));
      if (props.roles.length > 0) v.capture(() => target.validateRoles(props.roles!, 'roles'));
    }
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (props.tenantId !== undefined && !isUnresolved(props.tenantId) && !uuid.test(props.tenantId)) {
      v.add(SsoErrorCode.ENTRA_TENANT_ID_INVALID, 'tenantId', props.tenantId, `tenantId must be the tenant's ID (a UUID), not its domain name, got ${show(props.tenantId)}`);
    }
    (props.owners ?? []).forEach((o, i) => {
      if (!isUnresolved(o) && !uuid.test(o)) v.add(SsoErrorCode.ENTRA_OWNER_INVALID, `owners[${i}]`, o, `owners[${i}] must be an object ID (a UUID), got ${show(o)}`);
    });
    if (props.owners !== undefined && props.owners.length === 0) {
      v.add(SsoErrorCode.ENTRA_OWNERS_EMPTY, 'owners', props.owners, `owners must name at least one object ID, got []; omit it to make the deploying principal the owner`);
    }
    (props.notificationEmails ?? []).forEach((e, i) => {
      if (!isUnresolved(e) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) {
        v.add(SsoErrorCode.ENTRA_NOTIFICATION_EMAIL_INVALID, `notificationEmails[${i}]`, e, `notificationEmails[${i}] must be an email address, got ${show(e)}`);
      }
    });
    validateCertificates(props.certificates ?? DEFAULT_CERTIFICATES, props.activeCertificate, now, v);
    if (props.adopt !== undefined) validateEntraAdopt(target, props.adopt, props.certificates ?? DEFAULT_CERTIFICATES, props.activeCertificate, v);
    const delay = props.identifierUriDelaySeconds;
    if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > 600)) {
      v.add(SsoErrorCode.ENTRA_IDENTIFIER_URI_DELAY_INVALID, 'identifierUriDelaySeconds', delay, `identifierUriDelaySeconds must be a whole number of seconds from 0 to 600, got ${show(delay)}`);
    }
    v.throwIfAny(`Invalid Entra app for ${target.description}`);
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
  private readonly groups: RoleAssignmentList;
  private readonly users: RoleAssignmentList;
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
    this.groups = new RoleAssignmentList(target, PrincipalKind.GROUP, this);
    this.users = new RoleAssignmentList(target, PrincipalKind.USER, this);
    this.adopt = props.adopt;
    this.props = props;
    // Roles whose existing IDs are given are kept on the app, used or not.
    this.declaredRoles = [...(props.roles ?? []), ...Object.keys(props.adopt?.appRoleIds ?? {})];
    const displayName = this.displayName;

    const clientConfig = props.tenantId === undefined || props.owners === undefined ? stackClientConfig(this) : undefined;
    this.tenantId = props.tenantId ?? clientConfig!.tenantId;
    const owners = props.owners ?? [clientConfig!.objectId];
    this.owners = owners;

    this.application = new Application(this, 'Resource', {
      displayName,
      owners,
      signInAudience: 'AzureADMyOrg',
      featureTags: FEATURE_TAGS,
      web: { redirectUris: [target.acsUrl] },
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
      notificationEmailAddresses: props.notificationEmails,
    });

    // Entra accepts an unverified-domain identifier only once the service principal is in SAML mode,
    // and only after that has replicated (azuread issues #1392, #797, #806, #655).
    const wait = new TimeSleep(this, 'SamlModePropagation', {
      createDuration: `${props.identifierUriDelaySeconds ?? 60}s`,
      dependsOn: [this.servicePrincipal],
    });
    this.servicePrincipalId = this.servicePrincipal.id;
    this.servicePrincipalObjectId = this.servicePrincipal.objectId;
    const identifierUri = new ApplicationIdentifierUri(this, 'IdentifierUri', {
      applicationId: this.application.id,
      identifierUri: target.entityId,
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
    const certs = props.certificates ?? DEFAULT_CERTIFICATES;
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
    return this.adopt?.appRoleIds?.[role] ?? twilioAppRoleId(role);
  }

  /**
   * Gives an Entra group (object ID, or a token such as a group's `objectId` in the same stack) access
   * with the given Twilio roles: one app role assignment per role. Returns the assignment as recorded.
   */
  public addGroup(assignment: RoleAssignment): RoleAssignment {
    checkLiteralRoles(assignment.roles, `groups[${this.groups.length}].roles`);
    return this.assign(this.groups.add(assignment), 'Group');
  }

  /**
   * Gives one Entra user (object ID, or a token) access with the given Twilio roles: one app role
   * assignment per role. Returns the assignment as recorded.
   */
  public addUser(assignment: RoleAssignment): RoleAssignment {
    checkLiteralRoles(assignment.roles, `users[${this.users.length}].roles`);
    return this.assign(this.users.add(assignment), 'User');
  }

  /** Copies of the group assignments declared so far, in order. */
  public get groupAssignments(): RoleAssignment[] {
    return this.groups.all.map(publicCopy);
  }

  /** Copies of the user assignments declared so far, in order. */
  public get userAssignments(): RoleAssignment[] {
    return this.users.all.map(publicCopy);
  }

  /** Copies of the certificates declared, in declaration order. */
  public get signingCertificates(): EntraSigningCertificate[] {
    return [...this.certificates];
  }

  /** The Twilio roles declared as app roles, in the product's order. */
  public get appRoles(): string[] {
    const wanted = new Set<string>([...this.declaredRoles, ...this.groups.all.flatMap((g) => g.roles), ...this.users.all.flatMap((u) => u.roles)]);
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

  /** Checks an attribute value: {@inheritDoc TwilioSsoApp.checkAttributeValue} */
  protected checkAttributeValue(value: string, field: string): void {
    checkValue(ENTRA_USER_ATTRIBUTE, value, field);
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

  /** One app role assignment per role of a recorded assignment, named by its key. */
  private assign(copy: RecordedAssignment, prefix: string): RoleAssignment {
    for (const role of copy.roles) {
      const assignment = new AppRoleAssignment(this, `${prefix}-${copy.key}-${role}`, {
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
    return publicCopy(copy);
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

  /** One synth warning per thing the first apply changes in place on the adopted app. */
  private warnAdoption(): void {
    const target = this.target;
    const props = this.props;
    const adopt = this.adopt!;
    const owners = props.owners === undefined ? 'the principal that runs Terraform' : this.owners.map(shown).join(', ');
    const items = [
      `app registration: display name becomes ${shown(this.displayName)}, reply URL exactly ${shown(target.acsUrl)} (other reply URLs, the logout URL and the home page URL are removed), ` +
        `sign-in audience AzureADMyOrg, feature tags enterprise and custom single sign-on (other tags are removed), owners exactly ${owners} (other owners are removed); ` +
        'its identifier URIs are kept',
      `enterprise application: assignment required, SAML single sign-on, ${target.loginUrl === undefined ? 'no sign-on URL' : `sign-on URL ${shown(target.loginUrl)}`}, ` +
        `owners exactly ${owners}, notification emails ${props.notificationEmails?.length ? `exactly ${props.notificationEmails.map(shown).join(', ')}` : "none (Entra then warns no one before the certificate expires: set 'notificationEmails')"}, ` +
        'feature tags enterprise and custom single sign-on, relay state cleared',
    ];
    const roles = this.appRoles;
    const given = adopt.appRoleIds ?? {};
    items.push(
      `app roles: they become exactly ${roles.length === 0 ? 'none' : roles.map((r) => `${r} (${r in given ? 'ID from adopt.appRoleIds' : 'generated ID'} ${shown(this.roleId(r))})`).join(', ')}; ` +
        "every other app role on the app registration (a hand-made app's default 'User' and 'msiam_access' among them) is disabled and removed, and the users and groups assigned it lose it; " +
        'a kept role whose display name or description differs is disabled for a moment and rewritten',
    );
    const generated = roles.filter((r) => !(r in given));
    if (generated.length > 0) {
      items.push(
        `app role IDs: ${generated.map(shown).join(', ')} ${generated.length === 1 ? 'is not in adopt.appRoleIds and gets a generated ID' : 'are not in adopt.appRoleIds and get generated IDs'}: a role the app already has with that value ` +
          "(an app set up from Twilio's Entra guide has one per Twilio role) is replaced by a new role, and its assignments no longer grant it; " +
          `give the existing IDs in adopt.appRoleIds (Graph GET /applications/${isUnresolved(adopt.applicationObjectId) ? '<object ID>' : adopt.applicationObjectId}?$select=appRoles)`,
      );
    }
    const sources = { nameId: props.nameId ?? DEFAULT_NAME_ID, email: props.email ?? DEFAULT_EMAIL, fullName: props.fullName ?? DEFAULT_FULL_NAME };
    const schema: Array<{ ID: string; SamlClaimType: string }> = JSON.parse(claimsMappingDefinition(target, sources, this.attributes)).ClaimsMappingPolicy.ClaimsSchema;
    const claims = schema.map((c) =>
      c.SamlClaimType === SAML_NAMEID_CLAIM_TYPE ? `NameID = user.${c.ID}` : c.ID === 'assignedroles' ? `${c.SamlClaimType} = the user's app roles on this app` : `${c.SamlClaimType} = user.${c.ID}`,
    );
    items.push(
      `claims: the claims-mapping policy ${shown(`${this.displayName} claims`)} is assigned to the enterprise application and takes over from the claims on its Attributes & Claims page; ` +
        `Entra then sends exactly ${claims.join(', ')}, and none of its default claims`,
    );
    items.push(
      `SAML signing: the token issuance policy ${shown(`${this.displayName} signing`)} is linked to the enterprise application: response and assertion signed, RSA-SHA256 ` +
        '(the Signing Option and Signing Algorithm set in the admin center no longer apply)',
    );
    if (this.createdAssignments.length > 0) {
      items.push(
        `app role assignments: created for ${this.createdAssignments.join(', ')}; creating one the enterprise application already has fails the apply ` +
          `(Microsoft Graph refuses a second assignment of the same role to the same principal): give its ID in adopt.appRoleAssignmentIds as '<principal object ID>/<role>'`,
      );
    }
    warnAdoptionChanges(this, 'Entra app', items);
    for (const key of Object.keys(adopt.appRoleAssignmentIds ?? {})) {
      if (!this.importedAssignments.has(key)) {
        Annotations.of(this).addWarning(`adopt.appRoleAssignmentIds.${key} matches no declared assignment (a group or user with that object ID and role): it is not imported`);
      }
    }
  }
}


/**
 * Throws when a role list, or a role in it, is a token: each role becomes an app role (its ID derived
 * from its name) and an assignment at synth.
 */
function checkLiteralRoles(roles: string[], field: string): void {
  if (isUnresolved(roles)) {
    throw new SsoConfigError(SsoErrorCode.ENTRA_ROLE_UNRESOLVED, field, roles, `${field} must be a list of role names known at synth (each becomes an Entra app role), got a Terraform reference`);
  }
  if (!Array.isArray(roles)) return;
  roles.forEach((role, i) => {
    if (isUnresolved(role)) {
      throw new SsoConfigError(SsoErrorCode.ENTRA_ROLE_UNRESOLVED, `${field}[${i}]`, role, `${field}[${i}] must be a role name known at synth (each becomes an Entra app role), got a Terraform reference`);
    }
  });
}
