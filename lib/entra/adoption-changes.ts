import { AdoptionChange, shown } from '../core/adoption';
import { TwilioTarget } from '../twilio';
import { isUnresolved } from '../twilio/unresolved';
import { SAML_NAMEID_CLAIM_TYPE } from './claims-mapping-definition';

// Internal: what the first apply changes on an adopted Entra app, as data (rendered once by
// lib/core/adoption's warnAboutAdoption; tests assert the list).

/** What the adoption changes are worked out from: the construct's final declarations. */
export interface EntraAdoptionFacts {
  /** The Twilio target the app signs in to. */
  readonly target: TwilioTarget;
  /** The app's display name, as given. */
  readonly displayName: string;
  /**
   * The owners given.
   * @default - the principal that runs Terraform
   */
  readonly owners?: readonly string[];
  /**
   * The notification addresses given.
   * @default - none
   */
  readonly notificationEmails?: readonly string[];
  /** The app roles declared, in order, each with its ID and whether that ID came from `adopt.appRoleIds`. */
  readonly appRoles: ReadonlyArray<{ readonly role: string; readonly id: string; readonly given: boolean }>;
  /** The adopted app registration's object ID (for the Graph query in a hint). */
  readonly applicationObjectId: string;
  /** The claims-mapping policy's schema as declared. */
  readonly claims: ReadonlyArray<{ readonly ID: string; readonly SamlClaimType: string }>;
  /** The assignments created rather than imported, as `'<principal>' (<role>)`. */
  readonly createdAssignments: readonly string[];
}

/** One change per thing the first apply changes in place on the adopted app, in a fixed order. */
export function entraAdoptionChanges(f: EntraAdoptionFacts): AdoptionChange[] {
  const target = f.target;
  const owners = f.owners === undefined ? 'the principal that runs Terraform' : f.owners.map(shown).join(', ');
  const emails = f.notificationEmails?.length ? `exactly ${f.notificationEmails.map(shown).join(', ')}` : "none (Entra then warns no one before the certificate expires: set 'notificationEmails')";
  const changes: AdoptionChange[] = [
    {
      topic: 'app registration',
      change:
        `display name becomes ${shown(f.displayName)}, reply URL exactly ${shown(target.acsUrl)} (other reply URLs, the logout URL and the home page URL are removed), ` +
        `sign-in audience AzureADMyOrg, feature tags enterprise and custom single sign-on (other tags are removed), owners exactly ${owners} (other owners are removed); ` +
        'its identifier URIs are kept',
    },
    {
      topic: 'enterprise application',
      change:
        `assignment required, SAML single sign-on, ${target.loginUrl === undefined ? 'no sign-on URL' : `sign-on URL ${shown(target.loginUrl)}`}, ` +
        `owners exactly ${owners}, notification emails ${emails}, feature tags enterprise and custom single sign-on, relay state cleared`,
    },
    {
      topic: 'app roles',
      change:
        `they become exactly ${f.appRoles.length === 0 ? 'none' : f.appRoles.map((r) => `${r.role} (${r.given ? 'ID from adopt.appRoleIds' : 'generated ID'} ${shown(r.id)})`).join(', ')}; ` +
        "every other app role on the app registration (a hand-made app's default 'User' and 'msiam_access' among them) is disabled and removed, and the users and groups assigned it lose it; " +
        'a kept role whose display name or description differs is disabled for a moment and rewritten',
    },
  ];
  const generated = f.appRoles.filter((r) => !r.given).map((r) => r.role);
  if (generated.length > 0) {
    changes.push({
      topic: 'app role IDs',
      change:
        `${generated.map(shown).join(', ')} ${generated.length === 1 ? 'is not in adopt.appRoleIds and gets a generated ID' : 'are not in adopt.appRoleIds and get generated IDs'}: a role the app already has with that value ` +
        "(an app set up from Twilio's Entra guide has one per Twilio role) is replaced by a new role, and its assignments no longer grant it; " +
        `give the existing IDs in adopt.appRoleIds (Graph GET /applications/${isUnresolved(f.applicationObjectId) ? '<object ID>' : f.applicationObjectId}?$select=appRoles)`,
    });
  }
  const claims = f.claims.map((c) =>
    c.SamlClaimType === SAML_NAMEID_CLAIM_TYPE ? `NameID = user.${c.ID}` : c.ID === 'assignedroles' ? `${c.SamlClaimType} = the user's app roles on this app` : `${c.SamlClaimType} = user.${c.ID}`,
  );
  changes.push(
    {
      topic: 'claims',
      change:
        `the claims-mapping policy ${shown(`${f.displayName} claims`)} is assigned to the enterprise application and takes over from the claims on its Attributes & Claims page; ` +
        `Entra then sends exactly ${claims.join(', ')}, and none of its default claims`,
    },
    {
      topic: 'SAML signing',
      change:
        `the token issuance policy ${shown(`${f.displayName} signing`)} is linked to the enterprise application: response and assertion signed, RSA-SHA256 ` +
        '(the Signing Option and Signing Algorithm set in the admin center no longer apply)',
    },
  );
  if (f.createdAssignments.length > 0) {
    changes.push({
      topic: 'app role assignments',
      change:
        `created for ${f.createdAssignments.join(', ')}; creating one the enterprise application already has fails the apply ` +
        `(Microsoft Graph refuses a second assignment of the same role to the same principal): give its ID in adopt.appRoleAssignmentIds as '<principal object ID>/<role>'`,
    });
  }
  return changes;
}
