import { AppRoleAssignment } from '@cdktf/provider-azuread/lib/app-role-assignment';
import { Application, ApplicationAppRole } from '@cdktf/provider-azuread/lib/application';
import { ApplicationIdentifierUri } from '@cdktf/provider-azuread/lib/application-identifier-uri';
import { ClaimsMappingPolicy } from '@cdktf/provider-azuread/lib/claims-mapping-policy';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { ServicePrincipalClaimsMappingPolicyAssignment } from '@cdktf/provider-azuread/lib/service-principal-claims-mapping-policy-assignment';
import { ServicePrincipalTokenSigningCertificate } from '@cdktf/provider-azuread/lib/service-principal-token-signing-certificate';
import { Annotations, Lazy, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ITwilioSsoApp, PrincipalKind, RoleAssignment, RoleAssignmentList, TwilioConsoleValues, pemFromBase64, validateRoleAssignments } from '../core';
import { SsoConfigError, TwilioTarget, Violations, show } from '../twilio';
import { twilioAppRoleId } from './app-role-id';
import { stackClientConfig } from './client-config';
import { EntraCertificateOptions, MAX_CERTIFICATE_YEARS, daysUntil, validateCertificates } from './certificate-options';
import { EntraAttribute, claimsMappingDefinition } from './claims-mapping-definition';
import { MsgraphApiVersion, MsgraphProvider, MsgraphResource, MsgraphUpdateResource } from './msgraph';
import { EntraNameIdSource } from './name-id-source';
import { TimeOffset, TimeSleep } from './time';
import { tokenIssuanceDefinition } from './token-issuance-definition';

/** Props for {@link EntraTwilioSso}. */
export interface EntraTwilioSsoProps {
  /** The Twilio service provider to sign users in to. */
  readonly target: TwilioTarget;
  /**
   * The enterprise application's display name.
   * @default - 'Twilio ' + the target's description, e.g. 'Twilio Flex enhanced SSO JQ…'
   */
  readonly displayName?: string;
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
   * The user attribute sent as the NameID.
   * @default EntraNameIdSource.MAIL (Twilio's Entra guide)
   */
  readonly nameIdSource?: EntraNameIdSource;
  /**
   * Twilio roles to declare as app roles, besides those the assignments use (app roles can then be
   * assigned by hand in the Entra admin center too).
   * @default - only the roles that the group and user assignments use
   */
  readonly roles?: string[];
  /**
   * Entra groups given access, with their Twilio roles (object IDs). Same as {@link EntraTwilioSso.addGroup}.
   * Assigning groups to an enterprise app needs Entra ID P1 or P2.
   * @default - no groups
   */
  readonly groups?: RoleAssignment[];
  /**
   * Entra users given access individually, with their roles. Same as {@link EntraTwilioSso.addUser}.
   * @default - no individual users
   */
  readonly users?: RoleAssignment[];
  /**
   * Extra claims (Flex Insights, capacity, …). Same as {@link EntraTwilioSso.addAttribute}.
   * @default - only the claims the target requires
   */
  readonly attributes?: EntraAttribute[];
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
   * Warn at synth time when a certificate with a literal `endDate` ends within this many days.
   * @default 30
   */
  readonly expiryWarningDays?: number;
  /**
   * Seconds to wait after the service principal turns SAML before setting the Entity ID: Entra rejects
   * an unverified-domain identifier (`HostNameNotOnVerifiedDomain`) until the change has replicated
   * (azuread provider issues #1392, #797).
   * @default 60
   */
  readonly identifierUriDelaySeconds?: number;
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
 * SAML), configured as Twilio's Entra guides require (facts file, sections 1 and 3):
 *
 * - `azuread_application` with the enterprise and custom-SSO feature tags, Reply URL = ACS, one app
 *   role per Twilio role (UUIDv5 IDs, {@link twilioAppRoleId}), owners, and `identifier_uris` left to
 * - `azuread_application_identifier_uri` = the Entity ID, created after the service principal is in
 *   SAML mode plus a `time_sleep` for replication (the only identifier);
 * - `azuread_service_principal` in SAML mode with assignment required;
 * - a claims mapping policy (NameID, `email`, `full_name` for Flex, `roles`, extras; no default claims);
 * - token signing certificates, the active one activated with a Graph PATCH of
 *   `preferredTokenSigningKeyThumbprint` (`msgraph_update_resource`), and a token issuance policy
 *   signing response and assertion with RSA-SHA256, linked to the service principal (`msgraph_resource`);
 * - one `azuread_app_role_assignment` per principal and role.
 *
 * Needs an `azuread` provider in the stack; uses the stack's `msgraph` provider (declaring one, with
 * credentials from the environment, if there is none) and `time` provider likewise.
 */
export class EntraTwilioSso extends Construct implements ITwilioSsoApp {
  /** The Twilio service provider. */
  public readonly target: TwilioTarget;
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
  private readonly attributes: EntraAttribute[] = [];
  private readonly declaredRoles: string[];
  private readonly clientId: string;
  private readonly servicePrincipalId: string;
  private readonly servicePrincipalObjectId: string;
  private readonly activeCertificate: ServicePrincipalTokenSigningCertificate;
  private memo: Record<string, string> = {};
  private memoConsoleValues?: TwilioConsoleValues;

  constructor(scope: Construct, id: string, props: EntraTwilioSsoProps) {
    super(scope, id);
    EntraTwilioSso.validateProps(props);
    const target = props.target;
    this.groups = new RoleAssignmentList(target, PrincipalKind.GROUP, this);
    this.users = new RoleAssignmentList(target, PrincipalKind.USER, this);
    this.target = target;
    this.declaredRoles = [...(props.roles ?? [])];
    const displayName = props.displayName ?? `Twilio ${target.description}`;

    const clientConfig = props.tenantId === undefined || props.owners === undefined ? stackClientConfig(this) : undefined;
    this.tenantId = props.tenantId ?? clientConfig!.tenantId;
    const owners = props.owners ?? [clientConfig!.objectId];

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
    new ApplicationIdentifierUri(this, 'IdentifierUri', {
      applicationId: this.application.id,
      identifierUri: target.entityId,
      dependsOn: [wait],
    });

    // Claims.
    for (const a of props.attributes ?? []) this.addAttribute(a);
    const claims = new ClaimsMappingPolicy(this, 'ClaimsMappingPolicy', {
      displayName: `${displayName} claims`,
      definition: [Lazy.stringValue({ produce: () => claimsMappingDefinition(target, props.nameIdSource ?? EntraNameIdSource.MAIL, this.attributes) })],
    });
    new ServicePrincipalClaimsMappingPolicyAssignment(this, 'ClaimsMappingPolicyAssignment', {
      claimsMappingPolicyId: claims.id,
      servicePrincipalId: this.servicePrincipalId,
    });

    // Signing certificates: all created, one activated.
    const certs = props.certificates ?? DEFAULT_CERTIFICATES;
    for (const c of certs) this.certificates.push(this.declareCertificate(c, displayName));
    this.activeCertificateName = props.activeCertificate ?? certs[0].name;
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

    this.warnOnExpiry(props.expiryWarningDays ?? 30);
    for (const g of props.groups ?? []) this.addGroup(g);
    for (const u of props.users ?? []) this.addUser(u);
  }

  /**
   * Checks every prop and throws one {@link SsoConfigError} listing every problem, before any resource
   * is declared. `now` is when the certificate end dates are judged from.
   */
  public static validateProps(props: EntraTwilioSsoProps, now: Date = new Date()): void {
    const target = props.target;
    const v = new Violations();
    v.capture(() => validateRoleAssignments(target, props.groups ?? [], 'groups'));
    v.capture(() => validateRoleAssignments(target, props.users ?? [], 'users'));
    if (props.roles !== undefined && props.roles.length > 0) v.capture(() => target.validateRoles(props.roles!, 'roles'));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (props.tenantId !== undefined && !Token.isUnresolved(props.tenantId) && !uuid.test(props.tenantId)) {
      v.add('ENTRA_TENANT_ID_INVALID', 'tenantId', `tenantId must be the tenant's ID (a UUID), not its domain name, got ${show(props.tenantId)}`);
    }
    if (props.displayName !== undefined && props.displayName.trim() === '') {
      v.add('ENTRA_DISPLAY_NAME_EMPTY', 'displayName', `displayName must not be empty, got ${show(props.displayName)}`);
    }
    (props.owners ?? []).forEach((o, i) => {
      if (!Token.isUnresolved(o) && !uuid.test(o)) v.add('ENTRA_OWNER_INVALID', `owners[${i}]`, `owners[${i}] must be an object ID (a UUID), got ${show(o)}`);
    });
    if (props.owners !== undefined && props.owners.length === 0) {
      v.add('ENTRA_OWNERS_EMPTY', 'owners', `owners must name at least one object ID, got []; omit it to make the deploying principal the owner`);
    }
    (props.notificationEmails ?? []).forEach((e, i) => {
      if (!Token.isUnresolved(e) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) v.add('ENTRA_NOTIFICATION_EMAIL_INVALID', `notificationEmails[${i}]`, `notificationEmails[${i}] must be an email address, got ${show(e)}`);
    });
    if (props.nameIdSource !== undefined && !(Object.values(EntraNameIdSource) as string[]).includes(props.nameIdSource)) {
      v.add('ENTRA_NAMEID_SOURCE_INVALID', 'nameIdSource', `nameIdSource must be one of ${Object.values(EntraNameIdSource).map((s) => `user.${s}`).join(', ')}, got ${show(props.nameIdSource)}`);
    }
    const names = new Set<string>();
    (props.attributes ?? []).forEach((a, i) => {
      v.capture(() => EntraTwilioSso.checkAttribute(target, a, `attributes[${i}]`));
      if (names.has(a.name)) v.add('ATTRIBUTE_DUPLICATE', `attributes[${i}].name`, `attributes[${i}].name ${show(a.name)} is declared twice`);
      names.add(a.name);
    });
    validateCertificates(props.certificates ?? DEFAULT_CERTIFICATES, props.activeCertificate, now, v);
    const days = props.expiryWarningDays;
    if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > 365 * MAX_CERTIFICATE_YEARS)) {
      v.add('ENTRA_EXPIRY_WARNING_DAYS_INVALID', 'expiryWarningDays', `expiryWarningDays must be a whole number of days from 0 to ${365 * MAX_CERTIFICATE_YEARS}, got ${show(days)}`);
    }
    const delay = props.identifierUriDelaySeconds;
    if (delay !== undefined && (!Number.isInteger(delay) || delay < 0 || delay > 600)) {
      v.add('ENTRA_IDENTIFIER_URI_DELAY_INVALID', 'identifierUriDelaySeconds', `identifierUriDelaySeconds must be a whole number of seconds from 0 to 600, got ${show(delay)}`);
    }
    v.throwIfAny(`Invalid Entra app for ${target.description}`);
  }

  private static checkAttribute(target: TwilioTarget, a: EntraAttribute, field: string): void {
    target.validateAttributeName(a.name, `${field}.name`);
    if (typeof a.source !== 'string' || !/^[a-z][a-z0-9_.]*$/i.test(a.source)) {
      throw new SsoConfigError('ENTRA_ATTRIBUTE_SOURCE_INVALID', `${field}.source`, `${field}.source must be a user attribute ID such as 'department' (for user.department), got ${show(a.source)}`);
    }
    if (a.source.startsWith('user.')) {
      throw new SsoConfigError('ENTRA_ATTRIBUTE_SOURCE_INVALID', `${field}.source`, `${field}.source must be the attribute ID without 'user.', got ${show(a.source)}; use '${a.source.slice(5)}'`);
    }
  }

  /** Gives an Entra group (object ID) access with the given Twilio roles: one assignment per role. */
  public addGroup(assignment: RoleAssignment): RoleAssignment {
    return this.assign(this.groups.add(assignment), 'Group');
  }

  /** Gives one Entra user (object ID) access with the given Twilio roles: one assignment per role. */
  public addUser(assignment: RoleAssignment): RoleAssignment {
    return this.assign(this.users.add(assignment), 'User');
  }

  /** Sends one more claim to Twilio. Returns it. */
  public addAttribute(attribute: EntraAttribute): EntraAttribute {
    const field = `attributes[${this.attributes.length}]`;
    EntraTwilioSso.checkAttribute(this.target, attribute, field);
    if (this.attributes.some((a) => a.name === attribute.name)) {
      throw new SsoConfigError('ATTRIBUTE_DUPLICATE', `${field}.name`, `Cannot add attribute ${show(attribute.name)} to ${this.node.path}: it is already declared`);
    }
    const copy = { name: attribute.name, source: attribute.source };
    this.attributes.push(copy);
    return copy;
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

  /** One app role assignment per role of a recorded assignment. */
  private assign(copy: RoleAssignment, prefix: string): RoleAssignment {
    for (const role of copy.roles) {
      new AppRoleAssignment(this, `${prefix}-${copy.principalId}-${role}`, {
        appRoleId: twilioAppRoleId(role),
        principalObjectId: copy.principalId,
        resourceObjectId: this.servicePrincipalObjectId,
      });
    }
    return { principalId: copy.principalId, roles: [...copy.roles] };
  }

  // The Console values are built on first read (and then kept): a stack that never reads them pays
  // for no tokens, and a thousand-app stack creates a third fewer of them.

  /** The values for the Twilio Console. */
  public get consoleValues(): TwilioConsoleValues {
    this.memoConsoleValues ??= {
      issuer: this.issuer,
      ssoUrl: this.ssoUrl,
      certificatePem: this.certificatePem,
      metadataUrl: this.federationMetadataUrl,
      certificateExpiresAt: this.certificateEndDate,
    };
    return this.memoConsoleValues;
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

  private declareCertificate(c: EntraCertificateOptions, appName: string): EntraSigningCertificate {
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

  private warnOnExpiry(days: number): void {
    const now = new Date();
    for (const c of this.certificates) {
      if (c.configuredEndDate === undefined || Token.isUnresolved(c.configuredEndDate)) continue;
      const left = daysUntil(c.configuredEndDate, now);
      const role = c.name === this.activeCertificateName ? 'the active signing certificate' : 'a staged (inactive) signing certificate';
      if (left < 0) {
        Annotations.of(this).addWarning(`Certificate '${c.name}' (${role}) expired on ${c.configuredEndDate}: rotate now (docs/entra.md, "Certificate rotation")`);
      } else if (left <= days) {
        Annotations.of(this).addWarning(`Certificate '${c.name}' (${role}) ends on ${c.configuredEndDate}, in ${left} days (warning threshold ${days}): rotate it (docs/entra.md, "Certificate rotation")`);
      }
    }
  }

  private renderAppRoles(): unknown[] {
    return this.appRoles.map((role) => ({
      allowed_member_types: ['User'],
      description: `Twilio ${this.target.product} role '${role}', sent in the SAML 'roles' claim`,
      display_name: role,
      enabled: true,
      id: twilioAppRoleId(role),
      value: role,
    }));
  }
}
