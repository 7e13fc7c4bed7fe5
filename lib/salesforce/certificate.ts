import { X509Certificate } from 'crypto';
import { Stats, closeSync, constants, fstatSync, openSync, readSync, statSync } from 'fs';
import { resolve } from 'path';
import { SsoErrorCode, Violation } from '../twilio';
import { show, violation } from '../twilio/rules';

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

// Internal from here down (the public step is `SalesforceTwilioSso.readCertificate`).

/**
 * The largest certificate file read, in bytes. Salesforce's download is one certificate, PEM or DER,
 * about 1–2 KB (a 4096-bit key's is under 3 KB); 64 KiB leaves room for comments and a chain, and
 * keeps a config that names `/dev/zero` or a huge file from costing more than that.
 */
export const MAX_CERTIFICATE_FILE_BYTES = 64 * 1024;

/** A certificate file read and parsed, or what is wrong with it. Never both, never neither. */
export type CertificateRead = { readonly certificate: SalesforceCertificate; readonly problems: [] } | { readonly certificate?: undefined; readonly problems: Violation[] };

/**
 * Reads and parses the Salesforce identity provider certificate (Setup → Certificate and Key
 * Management → Download Certificate gives a `.crt` in PEM; DER is accepted too). Never throws: a file
 * that cannot be read, is not a regular file (a FIFO, a device, a directory), is larger than
 * {@link MAX_CERTIFICATE_FILE_BYTES}, or does not hold one X.509 certificate (a private key, a CSR, an
 * HTML error page saved by mistake) is a `SALESFORCE_CERT_*` violation naming `field` and the file.
 *
 * Bounded: the path is stat'ed first, opened non-blocking (a FIFO put in its place after the stat
 * cannot hang the read), checked again on the open descriptor, and read for at most the limit plus
 * one byte.
 */
export function readCertificateFile(file: string, field: string): CertificateRead {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    return failed(SsoErrorCode.SALESFORCE_CERT_NOT_FOUND, field, file, `cannot be read, got ${show(file)}: ${reason(e)}`);
  }
  const notFile = notRegularFile(st, field, file);
  if (notFile) return notFile;
  // Many apps (or a target validated, then declared) share one file: parse it once per content.
  const key = `${resolve(file)}\0${st.dev}\0${st.ino}\0${st.size}\0${st.mtimeMs}`;
  const cached = PARSED.get(key);
  if (cached) return { certificate: { ...cached, file }, problems: [] };
  const read = readBounded(file, field);
  if (!Buffer.isBuffer(read)) return read as CertificateRead;
  const parsed = parseCertificate(read, file, field);
  if (parsed.certificate) PARSED.set(key, parsed.certificate);
  return parsed;
}

/** Parsed certificates by file identity and version (path, device, inode, size, mtime). */
const PARSED = new Map<string, SalesforceCertificate>();

function failed(code: SsoErrorCode, field: string, file: string, problem: string): CertificateRead {
  return { problems: [violation(code, field, file, problem)] };
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : String(err.message ?? e);
}

/** The violation for anything but a regular file, saying what it is. */
function notRegularFile(st: Stats, field: string, file: string): CertificateRead | undefined {
  if (st.isFile()) {
    return st.size > MAX_CERTIFICATE_FILE_BYTES ? tooLarge(field, file, `${st.size} bytes`) : undefined;
  }
  const kind = st.isDirectory()
    ? 'a directory'
    : st.isFIFO()
      ? 'a FIFO (named pipe)'
      : st.isCharacterDevice()
        ? 'a character device'
        : st.isBlockDevice()
          ? 'a block device'
          : st.isSocket()
            ? 'a socket'
            : 'not a regular file';
  return failed(SsoErrorCode.SALESFORCE_CERT_INVALID, field, file, `must be a regular file holding the certificate, got ${show(file)}, which is ${kind}`);
}

function tooLarge(field: string, file: string, size: string): CertificateRead {
  return failed(
    SsoErrorCode.SALESFORCE_CERT_INVALID,
    field,
    file,
    `must be a certificate file of at most ${MAX_CERTIFICATE_FILE_BYTES} bytes (a certificate is a few kilobytes), got ${show(file)} (${size})`,
  );
}

/** At most the limit plus one byte of `file`, from a descriptor opened without blocking and checked again. */
function readBounded(file: string, field: string): Buffer | CertificateRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer. (0 where it does not exist.)
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return failed(SsoErrorCode.SALESFORCE_CERT_NOT_FOUND, field, file, `cannot be read, got ${show(file)}: ${reason(e)}`);
  }
  try {
    const notFile = notRegularFile(fstatSync(fd), field, file);
    if (notFile) return notFile;
    const buffer = Buffer.alloc(MAX_CERTIFICATE_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_CERTIFICATE_FILE_BYTES) return tooLarge(field, file, `more than ${MAX_CERTIFICATE_FILE_BYTES} bytes`);
    }
    return buffer.subarray(0, length);
  } catch (e) {
    return failed(SsoErrorCode.SALESFORCE_CERT_NOT_FOUND, field, file, `cannot be read, got ${show(file)}: ${reason(e)}`);
  } finally {
    closeSync(fd);
  }
}

function parseCertificate(data: Buffer, file: string, field: string): CertificateRead {
  const text = data.toString('latin1');
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    return failed(SsoErrorCode.SALESFORCE_CERT_INVALID, field, file, `holds a private key, not a certificate, got ${show(file)}; download the certificate (public part only) and never commit the key`);
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(data);
  } catch (e) {
    return failed(
      SsoErrorCode.SALESFORCE_CERT_INVALID,
      field,
      file,
      `is not an X.509 certificate (PEM or DER), got ${show(file)} (${(e as Error).message}); download it from Setup → Certificate and Key Management → <certificate> → Download Certificate`,
    );
  }
  return {
    certificate: {
      file,
      pem: cert.toString(),
      // `validToDate` needs Node 22.10; `validTo` ("Jan  1 00:00:00 2027 GMT") parses with Date.
      notAfter: new Date(cert.validTo),
      subject: cert.subject.replace(/\n/g, ', '),
      fingerprint256: cert.fingerprint256,
    },
    problems: [],
  };
}
