import { SsoErrorCode, Violation } from '../twilio';
import { isRecord, listProblems, recordProblems, show, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

/** A token signing certificate of the Entra app. */
export interface EntraCertificateOptions {
  /**
   * A short name for the certificate: lowercase letters, digits and `_`, e.g. `y2025`. It is part of
   * the certificate's Terraform address and output names, so never rename a certificate: add a new
   * one instead (see docs/entra.md, "Certificate rotation").
   */
  readonly name: string;
  /**
   * The certificate's subject; Entra requires it to start with `CN=`.
   * @default - 'CN=' + the app's display name
   */
  readonly displayName?: string;
  /**
   * When the certificate expires, RFC 3339 (e.g. `2028-06-30T00:00:00Z`), at most 3 years from now.
   * A literal date lets synth warn before it comes. Cannot be combined with `validityYears`.
   * @default - `validityYears` from creation
   */
  readonly endDate?: string;
  /**
   * Validity in whole years from creation (1–3), fixed in state when the certificate is created.
   * @default 3 (Entra's own default)
   */
  readonly validityYears?: number;
}

// Internal from here down (the public spelling of the limit is `EntraTwilioSso.MAX_CERTIFICATE_YEARS`).

/**
 * Entra's upper limit on a token signing certificate's validity: the end can be up to three years
 * after creation (Microsoft Graph `servicePrincipal: addTokenSigningCertificate`,
 * https://learn.microsoft.com/graph/api/serviceprincipal-addtokensigningcertificate).
 */
export const MAX_CERTIFICATE_YEARS = 3;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const NAME = /^[a-z0-9][a-z0-9_]*$/;
/**
 * A certificate subject as Entra takes it: `CN=` and a name (Microsoft Graph
 * `addTokenSigningCertificate`: "displayName … must start with CN="). The one place this rule is written.
 */
export const CERTIFICATE_SUBJECT = /^CN=\S/;

/** The latest end date Entra accepts for a certificate created at `now`. */
export function latestEndDate(now: Date): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + MAX_CERTIFICATE_YEARS);
  return d;
}

/** The problems of one certificate at `f` (`certificates[1]`), given the names before it. */
function certificateProblems(c: unknown, f: string, now: Date, earlier: readonly unknown[]): Violation[] {
  const shape = recordProblems(c, f, 'a certificate { name, displayName?, endDate?, validityYears? }');
  if (shape.length > 0 || !isRecord(c)) return shape;
  const out: Violation[] = [];
  const { name, displayName, endDate, validityYears } = c;
  if (typeof name !== 'string' || !NAME.test(name)) {
    out.push(violation(SsoErrorCode.ENTRA_CERTIFICATE_NAME_INVALID, `${f}.name`, name, `must be lowercase letters, digits and '_' (it names Terraform resources and outputs), got ${show(name)}`));
  } else if (earlier.includes(name)) {
    out.push(violation(SsoErrorCode.ENTRA_CERTIFICATE_NAME_DUPLICATE, `${f}.name`, name, `${show(name)} is already used by certificates[${earlier.indexOf(name)}]`));
  }
  if (displayName !== undefined && !isUnresolved(displayName) && (typeof displayName !== 'string' || !CERTIFICATE_SUBJECT.test(displayName))) {
    out.push(violation(SsoErrorCode.ENTRA_CERTIFICATE_DISPLAY_NAME_INVALID, `${f}.displayName`, displayName, `must start with 'CN=' followed by a name (Entra rejects others), got ${show(displayName)}`));
  }
  if (endDate !== undefined && validityYears !== undefined) {
    out.push(violation(SsoErrorCode.ENTRA_CERTIFICATE_VALIDITY_CONFLICT, `${f}.validityYears`, validityYears, `cannot be used together with '${f}.endDate' (${show(endDate)}), got ${show(validityYears)}; give one`));
  }
  if (validityYears !== undefined && !isUnresolved(validityYears) && (typeof validityYears !== 'number' || !Number.isInteger(validityYears) || validityYears < 1 || validityYears > MAX_CERTIFICATE_YEARS)) {
    out.push(violation(SsoErrorCode.ENTRA_CERTIFICATE_VALIDITY_INVALID, `${f}.validityYears`, validityYears, `must be a whole number of years from 1 to ${MAX_CERTIFICATE_YEARS}, got ${show(validityYears)}`));
  }
  if (endDate !== undefined && !isUnresolved(endDate)) {
    if (typeof endDate !== 'string' || !RFC3339.test(endDate) || Number.isNaN(Date.parse(endDate))) {
      out.push(violation(SsoErrorCode.ENTRA_CERTIFICATE_END_DATE_INVALID, `${f}.endDate`, endDate, `must be an RFC 3339 timestamp such as '2028-06-30T00:00:00Z', got ${show(endDate)}`));
    } else if (Date.parse(endDate) > latestEndDate(now).getTime()) {
      out.push(violation(SsoErrorCode.ENTRA_CERTIFICATE_END_DATE_TOO_LATE, `${f}.endDate`, endDate, `must be at most ${MAX_CERTIFICATE_YEARS} years from now (${latestEndDate(now).toISOString()}), got ${show(endDate)}`));
    }
  }
  return out;
}

/**
 * The problems of the certificate list and of the choice of the active one. Fields are named as in
 * the construct props (`certificates[1].endDate`, `activeCertificate`). Never throws.
 */
export function certificatesProblems(certs: unknown, active: unknown, now: Date): Violation[] {
  const notList = listProblems(certs, 'certificates', 'a list of certificates');
  if (notList.length > 0 || !Array.isArray(certs)) return notList;
  const out: Violation[] = [];
  if (certs.length === 0) {
    out.push(violation(SsoErrorCode.ENTRA_CERTIFICATES_EMPTY, 'certificates', certs, `must list at least one certificate, got []; omit it for one 3-year certificate`));
  }
  const names: unknown[] = [];
  certs.forEach((c, i) => {
    out.push(...certificateProblems(c, `certificates[${i}]`, now, names));
    names.push(isRecord(c) ? c.name : undefined);
  });
  const listed = names.map((n) => show(n)).join(', ');
  if (isUnresolved(active)) {
    out.push(violation(SsoErrorCode.ENTRA_ACTIVE_CERTIFICATE_UNKNOWN, 'activeCertificate', active, 'must be known at synth (it chooses the certificate Entra signs with), got a Terraform token'));
  } else if (typeof active === 'string') {
    if (!names.includes(active)) {
      out.push(violation(SsoErrorCode.ENTRA_ACTIVE_CERTIFICATE_UNKNOWN, 'activeCertificate', active, `must name one of certificates[].name (${listed}), got ${show(active)}`));
    }
  } else if (active === undefined && certs.length > 1) {
    out.push(
      violation(
        SsoErrorCode.ENTRA_ACTIVE_CERTIFICATE_REQUIRED,
        'activeCertificate',
        undefined,
        `must be given when there are ${certs.length} certificates (${listed}); name the one Entra signs with, which is the one the Twilio Console holds`,
      ),
    );
  }
  return out;
}
