import { SsoErrorCode } from '../twilio';
import { isUnresolved } from '../twilio/unresolved';
import { Violations, show } from '../twilio/violations';

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

/** The latest end date Entra accepts for a certificate created at `now`. */
export function latestEndDate(now: Date): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + MAX_CERTIFICATE_YEARS);
  return d;
}

/**
 * Checks the certificate list and the choice of the active one, recording every problem in `v`.
 * Fields are named as in the construct props (`certificates[1].endDate`, `activeCertificate`).
 */
export function validateCertificates(certs: EntraCertificateOptions[], active: string | undefined, now: Date, v: Violations): void {
  if (certs.length === 0) {
    v.add(SsoErrorCode.ENTRA_CERTIFICATES_EMPTY, 'certificates', certs, `certificates must list at least one certificate, got []; omit it for one 3-year certificate`);
  }
  const names = new Map<string, number>();
  certs.forEach((c, i) => {
    const f = `certificates[${i}]`;
    if (typeof c.name !== 'string' || !NAME.test(c.name)) {
      v.add(SsoErrorCode.ENTRA_CERTIFICATE_NAME_INVALID, `${f}.name`, c.name, `${f}.name must be lowercase letters, digits and '_' (it names Terraform resources and outputs), got ${show(c.name)}`);
    } else if (names.has(c.name)) {
      v.add(SsoErrorCode.ENTRA_CERTIFICATE_NAME_DUPLICATE, `${f}.name`, c.name, `${f}.name ${show(c.name)} is already used by certificates[${names.get(c.name)}]`);
    } else {
      names.set(c.name, i);
    }
    if (c.displayName !== undefined && !isUnresolved(c.displayName) && !/^CN=\S/.test(c.displayName)) {
      v.add(SsoErrorCode.ENTRA_CERTIFICATE_DISPLAY_NAME_INVALID, `${f}.displayName`, c.displayName, `${f}.displayName must start with 'CN=' followed by a name (Entra rejects others), got ${show(c.displayName)}`);
    }
    if (c.endDate !== undefined && c.validityYears !== undefined) {
      v.add(SsoErrorCode.ENTRA_CERTIFICATE_VALIDITY_CONFLICT, `${f}.validityYears`, c.validityYears, `Cannot use '${f}.endDate' (${show(c.endDate)}) and '${f}.validityYears' (${show(c.validityYears)}) together; give one`);
    }
    if (c.validityYears !== undefined && (!Number.isInteger(c.validityYears) || c.validityYears < 1 || c.validityYears > MAX_CERTIFICATE_YEARS)) {
      v.add(SsoErrorCode.ENTRA_CERTIFICATE_VALIDITY_INVALID, `${f}.validityYears`, c.validityYears, `${f}.validityYears must be a whole number of years from 1 to ${MAX_CERTIFICATE_YEARS}, got ${show(c.validityYears)}`);
    }
    if (c.endDate !== undefined && !isUnresolved(c.endDate)) {
      if (typeof c.endDate !== 'string' || !RFC3339.test(c.endDate) || Number.isNaN(Date.parse(c.endDate))) {
        v.add(SsoErrorCode.ENTRA_CERTIFICATE_END_DATE_INVALID, `${f}.endDate`, c.endDate, `${f}.endDate must be an RFC 3339 timestamp such as '2028-06-30T00:00:00Z', got ${show(c.endDate)}`);
      } else if (Date.parse(c.endDate) > latestEndDate(now).getTime()) {
        v.add(
          SsoErrorCode.ENTRA_CERTIFICATE_END_DATE_TOO_LATE,
          `${f}.endDate`,
          c.endDate,
          `${f}.endDate must be at most ${MAX_CERTIFICATE_YEARS} years from now (${latestEndDate(now).toISOString()}), got ${show(c.endDate)}`,
        );
      }
    }
  });
  if (active !== undefined) {
    if (!certs.some((c) => c.name === active)) {
      v.add(SsoErrorCode.ENTRA_ACTIVE_CERTIFICATE_UNKNOWN, 'activeCertificate', active, `activeCertificate must name one of certificates[].name (${certs.map((c) => show(c.name)).join(', ')}), got ${show(active)}`);
    }
  } else if (certs.length > 1) {
    v.add(
      SsoErrorCode.ENTRA_ACTIVE_CERTIFICATE_REQUIRED,
      'activeCertificate',
      undefined,
      `activeCertificate must be given when there are ${certs.length} certificates (${certs.map((c) => show(c.name)).join(', ')}); name the one Entra signs with, which is the one the Twilio Console holds`,
    );
  }
}
