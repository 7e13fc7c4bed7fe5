import { X509Certificate, createHash } from 'crypto';
import { CertificateExpiry, CertificateExpiryStatus } from '../../lib/core';

/** What a person checks about the signing certificate before pasting it. */
export interface CertificateFacts {
  /** Subject distinguished name, one line (`CN=…, O=…`). */
  readonly subject: string;
  /** Issuer distinguished name, one line. */
  readonly issuer: string;
  /** Serial number, hex. */
  readonly serialNumber: string;
  /** Start of validity, ISO 8601. */
  readonly notBefore: string;
  /** End of validity, ISO 8601. */
  readonly notAfter: string;
  /** Whole days from now to `notAfter` (negative once expired). */
  readonly daysToExpiry: number;
  /** SHA-256 of the DER encoding, colon-separated upper-case hex (as `openssl x509 -fingerprint -sha256`). */
  readonly sha256Fingerprint: string;
  /** SHA-1 of the DER encoding (the "thumbprint" Entra and Windows show). */
  readonly sha1Fingerprint: string;
  /** `expired`, `expiring` (within the warning window) or `valid`. */
  readonly status: CertificateExpiryStatus;
  /** The warning window used, in days. */
  readonly warningDays: number;
}


/** The DER bytes of the first certificate in a PEM text, or of a bare Base64 body (as metadata holds it). */
export function certificateDer(pemOrBase64: string): Buffer {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pemOrBase64);
  const body = (m ? m[1] : pemOrBase64).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw new Error('not a PEM certificate or Base64 DER');
  return Buffer.from(body, 'base64');
}

/** Parses a certificate (PEM or Base64 DER); throws a plain `Error` naming what is wrong. */
export function parseCertificate(pemOrBase64: string): X509Certificate {
  const der = certificateDer(pemOrBase64);
  try {
    return new X509Certificate(der);
  } catch (e) {
    throw new Error(`not a readable X.509 certificate (${(e as Error).message})`);
  }
}

const colonHex = (buf: Buffer): string =>
  buf
    .toString('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');

/** The facts of a certificate at time `now`, with `warningDays` as the window for `expiring`. */
export function certificateFacts(cert: X509Certificate, now: Date, warningDays: number): CertificateFacts {
  const der = cert.raw;
  const notAfter = new Date(cert.validTo);
  // The library's one judgement of expiry (the constructs' synth warnings use the same).
  const expiry = CertificateExpiry.of(notAfter.toISOString(), warningDays, now)!;
  const daysToExpiry = expiry.daysLeft;
  const status = expiry.status;
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    serialNumber: cert.serialNumber.toUpperCase(),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: notAfter.toISOString(),
    daysToExpiry,
    sha256Fingerprint: colonHex(createHash('sha256').update(der).digest()),
    sha1Fingerprint: colonHex(createHash('sha1').update(der).digest()),
    status,
    warningDays,
  };
}

/** Node prints a DN one attribute per line; one line reads better. */
function distinguishedName(multiline: string): string {
  return multiline
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(', ');
}

/** The warning window from the stack's `x509_certificate_expiry_warning_days` output (a number, or a string of digits), else the library's default. */
export function warningDaysFrom(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : CertificateExpiry.DEFAULT_WARNING_DAYS;
}

/** One sentence on the certificate's expiry, for warnings; undefined when it is valid beyond the window. */
export function expiryWarning(f: CertificateFacts): string | undefined {
  const date = f.notAfter.slice(0, 10);
  if (f.status === 'expired') return `the X.509 certificate expired on ${date} (${-f.daysToExpiry} days ago): sign-in fails until the identity provider signs with a new certificate and the Twilio Console has it`;
  if (f.status === 'expiring') return `the X.509 certificate expires on ${date}, in ${f.daysToExpiry} day${f.daysToExpiry === 1 ? '' : 's'} (warning window: ${f.warningDays} days): rotate it and paste the new one into the Twilio Console before then`;
  return undefined;
}
