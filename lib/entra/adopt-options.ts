import { Fn } from 'cdktf';
import { SsoErrorCode, TwilioTarget, Violation } from '../twilio';
import { roleProblems } from '../twilio/role-rules';
import { isRecord, recordProblems, show, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import { UUID, uuidProblems } from './object-id';

/**
 * Which existing Entra enterprise application {@link EntraTwilioSso} brings under code (its `adopt`
 * prop): the object IDs of its parts, as the Entra admin center and Microsoft Graph show them. Each
 * ID may be a Terraform token (a `TerraformVariable`), which goes into the import blocks unchecked;
 * literal IDs are checked for the shape Entra's IDs have.
 *
 * Import IDs are those of the azuread provider's docs (hashicorp/terraform-provider-azuread v3.7.0,
 * `docs/resources/<resource>.md`, "Import").
 */
export interface EntraAdoptOptions {
  /**
   * The app registration's object ID (a UUID): Entra admin center → App registrations → All
   * applications → the app → Overview → "Object ID" (not the "Application (client) ID"). Imported as
   * `azuread_application` `/applications/<object ID>`.
   */
  readonly applicationObjectId: string;
  /**
   * The enterprise application's object ID (a UUID; the service principal's, which differs from the
   * app registration's): Entra admin center → Enterprise applications → the app → Overview → "Object
   * ID". Imported as `azuread_service_principal` `/servicePrincipals/<object ID>`.
   */
  readonly servicePrincipalObjectId: string;
  /**
   * The `keyId` (a UUID) of the **Verify** key credential of the certificate Entra signs with now.
   * The admin center does not show it. Microsoft Graph does:
   * `GET https://graph.microsoft.com/v1.0/servicePrincipals/<servicePrincipalObjectId>?$select=keyCredentials,preferredTokenSigningKeyThumbprint`
   * (or `az ad sp show --id <servicePrincipalObjectId> --query "keyCredentials[?usage=='Verify']"`)
   * lists each certificate twice, `usage` `Sign` and `Verify`: take the `Verify` entry of the active
   * certificate, the one whose `key` has the SHA-1 thumbprint `preferredTokenSigningKeyThumbprint`
   * (the thumbprint the admin center shows under Single sign-on → SAML Certificates; an app with one
   * certificate has one `Verify` entry). Imported as
   * `azuread_service_principal_token_signing_certificate` `<servicePrincipalObjectId>/tokenSigningCertificate/<keyId>`.
   *
   * The imported certificate is the construct's active certificate (`activeCertificate`, or the only
   * one): it stays the one Entra signs with, so the Twilio Console keeps working. Its `displayName`,
   * `endDate` and `validityYears` must be left unset (the provider would replace a certificate whose
   * subject or end date differs; both are read from Entra instead).
   */
  readonly signingCertificateKeyId: string;
  /**
   * The IDs of the app roles the app has already, by Twilio role value (`{ agent: '<id>', … }`).
   * An app set up from Twilio's Entra guide has one app role per Twilio role, with IDs Entra chose:
   * list each here, or the first apply replaces it (the azuread provider writes app roles exactly as
   * configured, IDs included) and the groups and users assigned it lose it. Find them with
   * `GET https://graph.microsoft.com/v1.0/applications/<applicationObjectId>?$select=appRoles`
   * (or `az ad app show --id <applicationObjectId> --query "appRoles[].{value: value, id: id}"`), or
   * in the admin center: App registrations → the app → App roles (the ID is in the manifest).
   *
   * Every role listed is declared as an app role (as if in `roles`), so it is kept even when no
   * assignment uses it. Roles not listed get the construct's generated ID
   * ({@link EntraTwilioSso.appRoleId}).
   * @default - every role gets the generated ID (right for an app with no Twilio roles yet)
   */
  readonly appRoleIds?: { [role: string]: string };
  /**
   * IDs of app role assignments the enterprise application has already, keyed
   * `<principal object ID>/<role>` (the group's or user's object ID as in `groups`/`users`, and the
   * Twilio role), each imported as `azuread_app_role_assignment`
   * `/servicePrincipals/<servicePrincipalObjectId>/appRoleAssignedTo/<assignment ID>`. The ID is the
   * assignment's, not the role's: `GET https://graph.microsoft.com/v1.0/servicePrincipals/<servicePrincipalObjectId>/appRoleAssignedTo`
   * lists them with `principalId` and `appRoleId`. A declared assignment not listed is created, and
   * creating one the application already has fails at apply (Microsoft Graph refuses a second
   * assignment of the same role to the same principal): list every declared assignment that exists.
   * Assignments made in the admin center and not declared are left as they are.
   * @default - every declared assignment is created
   */
  readonly appRoleAssignmentIds?: { [principalAndRole: string]: string };
  /**
   * Whether the app already has the target's Entity ID as an identifier (Single sign-on → Basic SAML
   * Configuration → "Identifier (Entity ID)"), as every app set up from Twilio's Entra guide has:
   * its `azuread_application_identifier_uri` is then imported,
   * `/applications/<applicationObjectId>/identifierUris/<the Entity ID in Base64>`. Set false for an
   * app that does not have it yet: it is then added (the app's other identifiers are kept either way).
   * Importing an identifier the app does not have fails the plan; creating one it has fails the apply.
   * @default true
   */
  readonly importIdentifierUri?: boolean;
}

// Internal from here down: used by EntraTwilioSso.

/** Graph app role assignment IDs are URL-safe Base64 (e.g. `41W1zT6z1U-kJxf62svfp1HFE8pMZhxDun-ThPczmJE`). */
const ASSIGNMENT_ID = /^[A-Za-z0-9_-]+$/;

/** Where each object ID is found, for messages. */
const WHERE: Record<'applicationObjectId' | 'servicePrincipalObjectId' | 'signingCertificateKeyId', string> = {
  applicationObjectId: 'App registrations → the app → Overview → "Object ID", not the "Application (client) ID"',
  servicePrincipalObjectId: 'Enterprise applications → the app → Overview → "Object ID"',
  signingCertificateKeyId: "the keyId of the active certificate's Verify key credential (Graph GET /servicePrincipals/<id>?$select=keyCredentials)",
};

/** The `<principal>/<role>` key of an assignment in `appRoleAssignmentIds`. */
export function assignmentKey(principalId: string, role: string): string {
  return `${principalId}/${role}`;
}

/** The problems of an ID map of `adopt` (`appRoleIds`, `appRoleAssignmentIds`): an object of strings. */
function idMapProblems(map: unknown, field: string): Violation[] {
  return map === undefined || isUnresolved(map) ? [] : recordProblems(map, field, 'a map of IDs');
}

/**
 * The problems of `adopt` and of what may not come with it. `certificates` and `activeCertificate`
 * are the props as given (defaults applied by the caller). Never throws.
 */
export function entraAdoptProblems(target: TwilioTarget, adopt: unknown, certificates: unknown, activeCertificate: unknown): Violation[] {
  const shape = recordProblems(adopt, 'adopt', 'the existing app\'s IDs { applicationObjectId, servicePrincipalObjectId, signingCertificateKeyId, … }');
  if (shape.length > 0 || !isRecord(adopt)) return shape;
  const out: Violation[] = [];
  for (const key of ['applicationObjectId', 'servicePrincipalObjectId', 'signingCertificateKeyId'] as const) {
    out.push(...uuidProblems(adopt[key], `adopt.${key}`, SsoErrorCode.ADOPT_ID_INVALID, 'a UUID', WHERE[key]));
  }
  if (typeof adopt.applicationObjectId === 'string' && !isUnresolved(adopt.applicationObjectId) && adopt.servicePrincipalObjectId === adopt.applicationObjectId) {
    out.push(
      violation(
        SsoErrorCode.ADOPT_ID_INVALID,
        'adopt.servicePrincipalObjectId',
        adopt.servicePrincipalObjectId,
        `must be the enterprise application's own object ID (${WHERE.servicePrincipalObjectId}), got the app registration's, ${show(adopt.servicePrincipalObjectId)}`,
      ),
    );
  }

  out.push(...idMapProblems(adopt.appRoleIds, 'adopt.appRoleIds'), ...idMapProblems(adopt.appRoleAssignmentIds, 'adopt.appRoleAssignmentIds'));
  const roleOwner = new Map<string, string>();
  for (const [role, id] of Object.entries(isRecord(adopt.appRoleIds) ? adopt.appRoleIds : {})) {
    const field = `adopt.appRoleIds.${role}`;
    out.push(...roleProblems(role, field, target));
    if (isUnresolved(id)) continue;
    if (typeof id !== 'string' || !UUID.test(id)) {
      out.push(...uuidProblems(id, field, SsoErrorCode.ADOPT_ID_INVALID, "the app role's ID, a UUID", 'Graph GET /applications/<id>?$select=appRoles'));
    } else if (roleOwner.has(id.toLowerCase())) {
      out.push(violation(SsoErrorCode.ADOPT_ID_INVALID, field, id, `${show(id)} is already the ID of role ${show(roleOwner.get(id.toLowerCase()))}; each app role has its own ID`));
    } else {
      roleOwner.set(id.toLowerCase(), role);
    }
  }

  for (const [key, id] of Object.entries(isRecord(adopt.appRoleAssignmentIds) ? adopt.appRoleAssignmentIds : {})) {
    const field = `adopt.appRoleAssignmentIds.${key}`;
    const slash = key.lastIndexOf('/');
    const principal = slash < 0 ? '' : key.slice(0, slash);
    const role = slash < 0 ? '' : key.slice(slash + 1);
    if (principal.trim() === '' || role === '') {
      out.push(violation(SsoErrorCode.ADOPT_KEY_INVALID, field, key, `is keyed wrongly: the key must be '<principal object ID>/<role>', e.g. '6f0e3d1a-…/agent', got ${show(key)}`));
    } else {
      out.push(...roleProblems(role, field, target));
    }
    if (!isUnresolved(id) && (typeof id !== 'string' || !ASSIGNMENT_ID.test(id))) {
      out.push(
        violation(SsoErrorCode.ADOPT_ID_INVALID, field, id, `must be the app role assignment's ID (letters, digits, '-' and '_', from Graph GET /servicePrincipals/<id>/appRoleAssignedTo), got ${show(id)}`),
      );
    }
  }

  // The certificate kept is the active one; it must be read from Entra, not configured.
  const certs = Array.isArray(certificates) ? certificates : [];
  const activeName = activeCertificate ?? (certs.length === 1 && isRecord(certs[0]) ? certs[0].name : undefined);
  certs.forEach((c: unknown, i) => {
    if (!isRecord(c) || c.name !== activeName) return;
    for (const key of ['displayName', 'endDate', 'validityYears'] as const) {
      if (c[key] === undefined) continue;
      out.push(
        violation(
          SsoErrorCode.ADOPT_CERTIFICATE_OPTIONS,
          `certificates[${i}].${key}`,
          c[key],
          `cannot be set with 'adopt', got ${show(c[key])}: certificate ${show(c.name)} is the imported one Entra signs with (adopt.signingCertificateKeyId), ` +
            'and the azuread provider replaces a token signing certificate whose subject or end date differs; remove it (rotate later: docs/entra.md, "Certificate rotation")',
        ),
      );
    }
  });
  return out;
}

/** `/applications/<objectId>` (azuread `docs/resources/application.md`). */
export function applicationImportId(objectId: string): string {
  return `/applications/${objectId}`;
}

/** `/servicePrincipals/<objectId>` (azuread `docs/resources/service_principal.md`). */
export function servicePrincipalImportId(objectId: string): string {
  return `/servicePrincipals/${objectId}`;
}

/**
 * `/applications/<objectId>/identifierUris/<Base64 of the URI>` (azuread
 * `docs/resources/application_identifier_uri.md`; standard Base64 with padding, as the resource's
 * `base64.StdEncoding` reads it). A URI that is a token is encoded by Terraform.
 */
export function identifierUriImportId(objectId: string, uri: string): string {
  const encoded = isUnresolved(uri) ? Fn.base64encode(uri) : Buffer.from(uri, 'utf8').toString('base64');
  return `/applications/${objectId}/identifierUris/${encoded}`;
}

/** `<spObjectId>/tokenSigningCertificate/<keyId>` (azuread `docs/resources/service_principal_token_signing_certificate.md`). */
export function signingCertificateImportId(servicePrincipalObjectId: string, keyId: string): string {
  return `${servicePrincipalObjectId}/tokenSigningCertificate/${keyId}`;
}

/** `/servicePrincipals/<resource SP>/appRoleAssignedTo/<assignment ID>` (azuread `docs/resources/app_role_assignment.md`). */
export function appRoleAssignmentImportId(servicePrincipalObjectId: string, assignmentId: string): string {
  return `/servicePrincipals/${servicePrincipalObjectId}/appRoleAssignedTo/${assignmentId}`;
}
