import { IConstruct } from 'constructs';
import { warn } from './adoption';
import { SsoErrorCode, Violation } from '../twilio';
import { show, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

/** How close a signing certificate is to its end. */
export enum CertificateExpiryStatus {
  /** More than the warning threshold away. */
  VALID = 'valid',
  /** Within the warning threshold: rotate it (in the identity provider and the Twilio Console together). */
  EXPIRING = 'expiring',
  /** Past its end: Twilio rejects every sign-in. */
  EXPIRED = 'expired',
}

/** The default certificate-expiry warning threshold, in days. */
const DEFAULT_WARNING_DAYS = 30;
const MAX_WARNING_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a signing certificate ends, judged against a warning threshold. The one place the library (and
 * its `twilio-sso console`/`verify` commands) decides "expired" and "expiring": a certificate is
 * expiring when its whole days left are at most the threshold.
 */
export class CertificateExpiry {
  /** The default warning threshold: 30 days. */
  public static readonly DEFAULT_WARNING_DAYS = DEFAULT_WARNING_DAYS;

  /**
   * Judges an end date.
   * @param expiresAt when the certificate ends (RFC 3339, or anything `Date.parse` reads)
   * @param warningDays the threshold in days
   * @param now the moment judged from
   * @returns undefined when `expiresAt` cannot be read (e.g. a token known only after apply)
   */
  public static of(expiresAt: string, warningDays: number = DEFAULT_WARNING_DAYS, now: Date = new Date()): CertificateExpiry | undefined {
    const end = Date.parse(expiresAt);
    return Number.isNaN(end) ? undefined : new CertificateExpiry(new Date(end), warningDays, now);
  }

  /** When the certificate ends. */
  public readonly expiresAt: Date;
  /** Whole days from now until the end (negative once it has passed). */
  public readonly daysLeft: number;
  /** The threshold it was judged against. */
  public readonly warningDays: number;
  /** Valid, expiring or expired. */
  public readonly status: CertificateExpiryStatus;

  private constructor(expiresAt: Date, warningDays: number, now: Date) {
    this.expiresAt = expiresAt;
    this.warningDays = warningDays;
    this.daysLeft = Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS);
    this.status = expiresAt.getTime() <= now.getTime() ? CertificateExpiryStatus.EXPIRED : this.daysLeft <= warningDays ? CertificateExpiryStatus.EXPIRING : CertificateExpiryStatus.VALID;
  }

  /** One sentence for a person: when it ends, in how many days, against which threshold. */
  public describe(what: string): string {
    const date = this.expiresAt.toISOString();
    if (this.status === CertificateExpiryStatus.EXPIRED) return `${what} expired on ${date}: Twilio rejects every sign-in until it is rotated`;
    return `${what} ends on ${date}, in ${this.daysLeft} days (warning threshold ${this.warningDays})`;
  }
}

// Internal: shared by the identity-provider constructs.

/** The problems of a `certificateExpiryWarningDays` value (a number token is the plan's). */
export function warningDaysProblems(days: unknown, field = 'certificateExpiryWarningDays'): Violation[] {
  if (days === undefined || isUnresolved(days)) return [];
  if (typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= MAX_WARNING_DAYS) return [];
  return [violation(SsoErrorCode.CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID, field, days, `must be a whole number of days from 0 to ${MAX_WARNING_DAYS}, got ${show(days)}`)];
}

/** Adds a synth warning on `scope` when the certificate ending at `expiresAt` is expiring or expired. */
export function warnOnExpiry(scope: IConstruct, what: string, expiresAt: string, warningDays: number, remedy: string): void {
  const expiry = CertificateExpiry.of(expiresAt, warningDays);
  if (expiry && expiry.status !== CertificateExpiryStatus.VALID) warn(scope, `${expiry.describe(what)}: ${remedy}`);
}
