import { CertificateExpiry, CertificateExpiryStatus } from '../../lib/core';

const NOW = new Date('2026-06-01T00:00:00Z');
const at = (iso: string, days = 30) => CertificateExpiry.of(iso, days, NOW)!;

describe('CertificateExpiry: one comparison for every identity provider', () => {
  test('expiring when the whole days left are at most the threshold, valid beyond it', () => {
    expect(at('2026-07-01T00:00:00Z').daysLeft).toBe(30);
    expect(at('2026-07-01T00:00:00Z').status).toBe(CertificateExpiryStatus.EXPIRING);
    expect(at('2026-07-01T23:59:59Z').status).toBe(CertificateExpiryStatus.EXPIRING); // still 30 whole days
    expect(at('2026-07-02T00:00:00Z').status).toBe(CertificateExpiryStatus.VALID);
    expect(at('2026-07-02T00:00:00Z', 31).status).toBe(CertificateExpiryStatus.EXPIRING);
  });

  test('expired from the moment of the end, with a negative day count after it', () => {
    expect(at('2026-06-01T00:00:00Z').status).toBe(CertificateExpiryStatus.EXPIRED);
    expect(at('2026-06-01T00:00:01Z').status).toBe(CertificateExpiryStatus.EXPIRING);
    expect(at('2026-05-30T00:00:00Z').daysLeft).toBe(-2);
    expect(at('2026-05-30T00:00:00Z', 0).status).toBe(CertificateExpiryStatus.EXPIRED);
  });

  test('a threshold of 0 warns only on the last day', () => {
    expect(at('2026-06-01T12:00:00Z', 0).status).toBe(CertificateExpiryStatus.EXPIRING);
    expect(at('2026-06-02T00:00:00Z', 0).status).toBe(CertificateExpiryStatus.VALID);
  });

  test('an unreadable end (a token known after apply) gives undefined, and the default threshold is 30', () => {
    expect(CertificateExpiry.of('${TfToken[TOKEN.1]}')).toBeUndefined();
    expect(CertificateExpiry.of('2099-01-01T00:00:00Z')!.warningDays).toBe(30);
    expect(CertificateExpiry.DEFAULT_WARNING_DAYS).toBe(30);
  });

  test('describes itself for people', () => {
    expect(at('2026-06-11T00:00:00Z').describe('The certificate')).toBe('The certificate ends on 2026-06-11T00:00:00.000Z, in 10 days (warning threshold 30)');
    expect(at('2026-05-01T00:00:00Z').describe('The certificate')).toBe('The certificate expired on 2026-05-01T00:00:00.000Z: Twilio rejects every sign-in until it is rotated');
  });
});
