import { AssignmentRules, PrincipalKind, looksLikeName, principalIdShapeProblems } from '../core/role-assignment';
import { sharedPropsProblems } from '../core/twilio-sso-app';
import { SsoErrorCode, TwilioTarget, Violation } from '../twilio';
import { RoleTokens, rolesProblems } from '../twilio/role-rules';
import { isRecord, join, listProblems, optionalStringProblems, show, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import { entraAdoptProblems } from './adopt-options';
import { EntraCertificateOptions, certificatesProblems } from './certificate-options';
import { UUID, uuidProblems } from './object-id';
import { ENTRA_NAME_ID, ENTRA_USER_ATTRIBUTE } from './user-attributes';

// Internal: every rule of the Entra construct, each a pure function returning violations (never
// throwing), used by `findProblems` for the props and by `addGroup`/`addUser` for one item.

/** The certificates when the props give none: one named `primary`, valid 3 years from creation. */
export const DEFAULT_CERTIFICATES: EntraCertificateOptions[] = [{ name: 'primary' }];

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Entra's groups and users: object IDs (UUIDs), and roles known at synth (each becomes an app role
 * with an ID derived from its name, and one assignment per role).
 */
export const ENTRA_ASSIGNMENTS: AssignmentRules = {
  principalId: (id, field, kind) =>
    principalIdShapeProblems(id, field, {
      pattern: UUID,
      describe: `the ${kind}'s object ID, a UUID (Entra admin center → ${kind === PrincipalKind.GROUP ? 'Groups' : 'Users'} → the ${kind} → Overview → "Object ID")`,
      whyNot: (value) => (value.includes('@') ? 'which looks like a sign-in name or mail address, not the object ID' : looksLikeName(value, kind)),
    }),
  roles: (roles, field, target) => rolesProblems(roles, field, target, RoleTokens.NONE),
};

/** A list prop whose items each follow `item`; a list token is the plan's. */
function eachOf(list: unknown, field: string, what: string, item: (value: unknown, field: string) => Violation[]): Violation[] {
  if (list === undefined || isUnresolved(list)) return [];
  const notList = listProblems(list, field, what);
  if (notList.length > 0 || !Array.isArray(list)) return notList;
  return list.flatMap((value, i) => item(value, join(field, `[${i}]`)));
}

/** The problems of `roles`: roles of the product, known at synth (an empty list declares none). */
function declaredRolesProblems(roles: unknown, target: TwilioTarget): Violation[] {
  if (Array.isArray(roles) && roles.length === 0) return [];
  return roles === undefined ? [] : rolesProblems(roles, 'roles', target, RoleTokens.NONE);
}

/** The problems of `identifierUriDelaySeconds`: whole seconds from 0 to 600 (a token is the plan's). */
function delayProblems(delay: unknown): Violation[] {
  if (delay === undefined || isUnresolved(delay) || (typeof delay === 'number' && Number.isInteger(delay) && delay >= 0 && delay <= 600)) return [];
  return [violation(SsoErrorCode.ENTRA_IDENTIFIER_URI_DELAY_INVALID, 'identifierUriDelaySeconds', delay, `must be a whole number of seconds from 0 to 600, got ${show(delay)}`)];
}

/** Every problem of Entra props, judged at `now` (certificate end dates). Never throws. */
export function entraPropsProblems(props: unknown, now: Date): Violation[] {
  const shared = sharedPropsProblems(props, { values: ENTRA_USER_ATTRIBUTE, nameId: ENTRA_NAME_ID, assignments: ENTRA_ASSIGNMENTS });
  if (!isRecord(props) || !(props.target instanceof TwilioTarget)) return shared;
  const target = props.target;
  const out = [...shared];
  out.push(...declaredRolesProblems(props.roles, target));
  if (props.tenantId !== undefined) out.push(...uuidProblems(props.tenantId, 'tenantId', SsoErrorCode.ENTRA_TENANT_ID_INVALID, "the tenant's ID (a UUID), not its domain name"));
  const owners = props.owners;
  out.push(
    ...eachOf(owners, 'owners', 'a list of object IDs', (o, f) =>
      uuidProblems(o, f, SsoErrorCode.ENTRA_OWNER_INVALID, 'an object ID (a UUID)'),
    ),
  );
  if (Array.isArray(owners) && owners.length === 0) {
    out.push(violation(SsoErrorCode.ENTRA_OWNERS_EMPTY, 'owners', owners, 'must name at least one object ID, got []; omit it to make the deploying principal the owner'));
  }
  out.push(
    ...eachOf(props.notificationEmails, 'notificationEmails', 'a list of email addresses', (e, f) =>
      isUnresolved(e) || (typeof e === 'string' && EMAIL.test(e)) ? [] : [violation(SsoErrorCode.ENTRA_NOTIFICATION_EMAIL_INVALID, f, e, `must be an email address, got ${show(e)}`)],
    ),
  );
  const certificates = props.certificates ?? DEFAULT_CERTIFICATES;
  out.push(...optionalStringProblems(props.activeCertificate, 'activeCertificate', 'the name of one of the certificates'));
  out.push(...certificatesProblems(certificates, props.activeCertificate, now));
  if (props.adopt !== undefined) out.push(...entraAdoptProblems(target, props.adopt, certificates, props.activeCertificate));
  out.push(...delayProblems(props.identifierUriDelaySeconds));
  return out;
}
