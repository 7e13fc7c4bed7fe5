import { OUTPUTS } from '../console/sheet';
import { TerraformOutput } from '../io/terraform';
import { certificateDer, certificateFacts, expiryWarning, parseCertificate, warningDaysFrom } from '../saml/certificate';
import { BINDINGS, IdpMetadata, SAML2_PROTOCOL } from '../saml/metadata';

/** One check of `twilio-sso verify`. */
export interface VerifyCheck {
  /** Stable identifier: `saml2`, `issuer`, `sso-url`, `certificate`, `certificate-expiry`. */
  readonly id: string;
  /** Whether it passed. */
  readonly ok: boolean;
  /** One sentence: what was compared and the outcome; on a mismatch, both values. */
  readonly message: string;
  /** The value from the stack's outputs (what Twilio was given), when there is one. */
  readonly stack?: string | null;
  /** The value from the identity provider's published metadata, when there is one. */
  readonly metadata?: string | null;
}

/** What `twilio-sso verify --format json` prints (README, "twilio-sso verify"). */
export interface VerifyReport {
  /** Format version; fields are only ever added. */
  readonly version: 1;
  /** The target (stack) name. */
  readonly target: string;
  /** Where the metadata came from (a URL or a file). */
  readonly metadataSource: string;
  /** Every check, in a fixed order. */
  readonly checks: VerifyCheck[];
  /** True when every check passed (exit code 0). */
  readonly ok: boolean;
}

const str = (outputs: Record<string, TerraformOutput>, name: string): string | null => {
  const o = outputs[name];
  return o && !o.sensitive && typeof o.value === 'string' ? o.value : null;
};

/**
 * Compares what the stack gave Twilio (its outputs) with what the identity provider publishes
 * (its metadata) and with Twilio's rules:
 *
 * - `saml2`: the IdP descriptor supports the SAML 2.0 protocol;
 * - `issuer`: the Identity Provider Issuer output is the metadata's `entityID`, character for
 *   character (Twilio compares the response's Issuer with it; Entra's has a trailing slash);
 * - `sso-url`: the SSO URL output is the Location of a SingleSignOnService with a browser binding
 *   (HTTP-Redirect, as Twilio's identity-provider guides configure, or HTTP-POST: the Okta app's
 *   `http_post_binding` and Salesforce's `ssoBinding: HttpPost` give that one);
 * - `certificate`: the X.509 certificate output is one of the certificates the IdP publishes for
 *   signing (compared as DER bytes, so line breaks do not matter);
 * - `certificate-expiry`: that certificate is neither expired nor within the warning window
 *   (`x509_certificate_expiry_warning_days`, else 30 days).
 */
export function verifyAgainstMetadata(target: string, outputs: Record<string, TerraformOutput>, metadata: IdpMetadata, options: { prefix?: string; now: Date; metadataSource: string }): VerifyReport {
  const p = options.prefix ?? '';
  const checks: VerifyCheck[] = [];

  const saml2 = metadata.protocols.includes(SAML2_PROTOCOL);
  checks.push({
    id: 'saml2',
    ok: saml2,
    message: saml2 ? 'the IDPSSODescriptor supports SAML 2.0' : `the IDPSSODescriptor's protocolSupportEnumeration does not list ${SAML2_PROTOCOL}, got '${metadata.protocols.join(' ')}'`,
    metadata: metadata.protocols.join(' '),
  });

  const issuer = str(outputs, `${p}${OUTPUTS.issuer}`);
  checks.push({
    id: 'issuer',
    ok: issuer === metadata.entityId,
    message:
      issuer === null
        ? `the stack has no ${p}${OUTPUTS.issuer} output to compare with the metadata's entityID '${metadata.entityId}'`
        : issuer === metadata.entityId
          ? `Identity Provider Issuer = the metadata's entityID '${metadata.entityId}'`
          : `Identity Provider Issuer differs: the stack's ${p}${OUTPUTS.issuer} is '${issuer}', the metadata's entityID is '${metadata.entityId}'; Twilio rejects responses whose Issuer is not the configured one`,
    stack: issuer,
    metadata: metadata.entityId,
  });

  const ssoName = `${p}${OUTPUTS.flexSsoUrl}` in outputs ? `${p}${OUTPUTS.flexSsoUrl}` : `${p}${OUTPUTS.frontlineSsoUrl}`;
  const ssoUrl = str(outputs, ssoName);
  const browser = metadata.singleSignOnServices.filter((s) => s.binding === BINDINGS.HTTP_REDIRECT || s.binding === BINDINGS.HTTP_POST);
  const matches = browser.filter((s) => s.location === ssoUrl);
  const match = matches.find((s) => s.binding === BINDINGS.HTTP_REDIRECT) ?? matches[0];
  const matchedBindings = [...new Set(matches.map((s) => s.binding.replace(/^.*:/, '')))].sort().reverse().join(' and ');
  const published = browser.map((s) => `${s.location} (${s.binding.replace(/^.*:/, '')})`).join(', ') || 'none';
  checks.push({
    id: 'sso-url',
    ok: match !== undefined,
    message:
      ssoUrl === null
        ? `the stack has no ${ssoName} output to compare with the metadata's SingleSignOnService endpoints (${published})`
        : match
          ? `Single Sign-On URL = the metadata's SingleSignOnService for ${matchedBindings}: '${ssoUrl}'`
          : `Single Sign-On URL differs: the stack's ${ssoName} is '${ssoUrl}', the metadata's HTTP-Redirect/HTTP-POST SingleSignOnService endpoints are: ${published}`,
    stack: ssoUrl,
    metadata: match ? match.location : browser.map((s) => s.location).join(' ') || null,
  });

  const pem = str(outputs, `${p}${OUTPUTS.certificate}`);
  let der: Buffer | undefined;
  let certProblem: string | undefined;
  if (pem === null) certProblem = `the stack has no ${p}${OUTPUTS.certificate} output`;
  else {
    try {
      der = parseCertificate(pem).raw;
    } catch (e) {
      certProblem = `the stack's ${p}${OUTPUTS.certificate} is ${(e as Error).message}`;
    }
  }
  const publishedDer = metadata.signingCertificates.map((b) => {
    try {
      return certificateDer(b);
    } catch {
      return undefined;
    }
  });
  const fp = (d: Buffer | undefined): string => (d ? safeFingerprint(d) : 'unreadable');
  const certMatch = der !== undefined && publishedDer.some((d) => d !== undefined && d.equals(der!));
  const others = metadata.signingCertificates.length;
  checks.push({
    id: 'certificate',
    ok: certMatch,
    message: certProblem
      ? `${certProblem}; the metadata publishes ${others} signing certificate(s)`
      : certMatch
        ? `X.509 Certificate = ${others === 1 ? 'the signing certificate' : `one of the ${others} signing certificates`} the metadata publishes (SHA-256 ${fp(der)})`
        : others === 0
          ? `the metadata publishes no signing certificate (KeyDescriptor use="signing" with an X509Certificate); the stack's ${p}${OUTPUTS.certificate} has SHA-256 ${fp(der)}`
          : `X.509 Certificate differs: the stack's ${p}${OUTPUTS.certificate} has SHA-256 ${fp(der)}, the metadata's signing certificate${others === 1 ? ' has' : 's have'} SHA-256 ${publishedDer.map(fp).join(', ')}; Twilio rejects responses signed with a certificate it was not given`,
    stack: der ? fp(der) : null,
    metadata: publishedDer.map(fp).join(' ') || null,
  });

  if (der !== undefined) {
    const facts = certificateFacts(parseCertificate(pem!), options.now, warningDaysFrom(outputs[`${p}${OUTPUTS.expiryWarningDays}`]?.value));
    const warning = expiryWarning(facts);
    checks.push({
      id: 'certificate-expiry',
      ok: warning === undefined,
      message: warning ?? `the X.509 certificate is valid until ${facts.notAfter.slice(0, 10)} (${facts.daysToExpiry} days; warning window ${facts.warningDays} days)`,
      stack: facts.notAfter,
    });
  }

  return { version: 1, target, metadataSource: options.metadataSource, checks, ok: checks.every((c) => c.ok) };
}

function safeFingerprint(der: Buffer): string {
  try {
    return certificateFacts(parseCertificate(der.toString('base64')), new Date(0), 0).sha256Fingerprint;
  } catch {
    return 'unreadable';
  }
}

/** The report as text: one line per check, `ok` or `MISMATCH`, then a summary. */
export function formatVerifyReport(r: VerifyReport): string {
  const lines = r.checks.map((c) => `${c.ok ? 'ok      ' : 'MISMATCH'} ${c.id.padEnd(18)} ${c.message}`);
  const failed = r.checks.filter((c) => !c.ok).length;
  lines.push('', failed === 0 ? `verify '${r.target}': all ${r.checks.length} checks passed against ${r.metadataSource}` : `verify '${r.target}': ${failed} of ${r.checks.length} checks failed against ${r.metadataSource}`);
  return `${lines.join('\n')}\n`;
}
