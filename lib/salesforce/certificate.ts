import { X509Certificate } from 'crypto';
import { readFileSync, statSync } from 'fs';
import { resolve } from 'path';
import { SsoConfigError, SsoErrorCode } from '../twilio';
import { show } from '../twilio/violations';

/** The identity provider certificate as read from the file the admin downloaded. */
export interface SalesforceCertificate {
  /** The file it was read from. */
  readonly file: string;
  /** The certificate as a PEM block with BEGIN/END lines (what the Twilio Console wants). */
  readonly pem: string;
  /** When the certificate stops being valid. */
  readonly notAfter: Date;
  /** The subject, e.g. `CN=SalesforceSSO, …`, for messages. */
  readonly subject: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  readonly fingerprint256: string;
}

/**
 * Reads and parses the Salesforce identity provider certificate (Setup → Certificate and Key
 * Management → Download Certificate gives a `.crt` in PEM; DER is accepted too). Parsed with Node's
 * `crypto.X509Certificate`, so anything that is not one X.509 certificate (a private key, a CSR, an
 * HTML error page saved by mistake) is an `SsoConfigError` naming `field` and the file. Internal.
 */
export function readSalesforceCertificate(file: string, field: string): SalesforceCertificate {
  // Many apps (or a target validated, then declared) share one file: parse it once per content.
  let key: string | undefined;
  try {
    const st = statSync(file);
    key = `${resolve(file)}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    key = undefined; // reported below, with the field name
  }
  const cached = key === undefined ? undefined : PARSED.get(key);
  if (cached) return { ...cached, file };
  const parsed = parseCertificate(file, field);
  if (key !== undefined) PARSED.set(key, parsed);
  return parsed;
}

const PARSED = new Map<string, SalesforceCertificate>();

function parseCertificate(file: string, field: string): SalesforceCertificate {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new SsoConfigError(SsoErrorCode.SALESFORCE_CERT_NOT_FOUND, field, file, `${field} cannot be read, got ${show(file)}: ${(e as Error).message}`);
  }
  const text = data.toString('latin1');
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new SsoConfigError(SsoErrorCode.SALESFORCE_CERT_INVALID, field, file, `${field} holds a private key, not a certificate, got ${show(file)}; download the certificate (public part only) and never commit the key`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(data);
  } catch (e) {
    throw new SsoConfigError(
      SsoErrorCode.SALESFORCE_CERT_INVALID,
      field,
      file,
      `${field} is not an X.509 certificate (PEM or DER), got ${show(file)} (${(e as Error).message}); download it from Setup → Certificate and Key Management → <certificate> → Download Certificate`,
    );
  }
  return {
    file,
    pem: cert.toString(),
    // `validToDate` needs Node 22.10; `validTo` ("Jan  1 00:00:00 2027 GMT") parses with Date.
    notAfter: new Date(cert.validTo),
    subject: cert.subject.replace(/\n/g, ', '),
    fingerprint256: cert.fingerprint256,
  };
}
