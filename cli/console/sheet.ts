import { inputError } from '../errors';
import { TerraformOutput } from '../io/terraform';
import { CertificateFacts, certificateFacts, expiryWarning, parseCertificate, warningDaysFrom } from '../saml/certificate';

/**
 * The stack outputs the Console sheet reads (lib/core/console-outputs.ts declares them; their names
 * are a stable contract). Anything else a stack outputs is never printed.
 */
export const OUTPUTS = {
  issuer: 'identity_provider_issuer',
  flexSsoUrl: 'single_sign_on_url',
  frontlineSsoUrl: 'sso_url',
  certificate: 'x509_certificate',
  certificateExpiresAt: 'x509_certificate_expires_at',
  expiryWarningDays: 'x509_certificate_expiry_warning_days',
  metadataUrl: 'idp_metadata_url',
  defaultRedirectUrl: 'default_redirect_url',
  spEntityId: 'sp_entity_id',
  spAcsUrl: 'sp_acs_url',
} as const;

/** One field of the Twilio Console and the value to paste into it. */
export interface ConsoleField {
  /** The field's label in the Console. */
  readonly field: string;
  /** The Terraform output it comes from. */
  readonly output: string;
  /** The value, or null when the stack has no such output (or it is marked sensitive). */
  readonly value: string | null;
  /** Why the value is null, when it is. */
  readonly note?: string;
}

/** What `twilio-sso console` prints: the JSON form is this object (README, "twilio-sso console"). */
export interface ConsoleSheet {
  /** Format version; fields are only ever added. */
  readonly version: 1;
  /** The target (stack) name. */
  readonly target: string;
  /** `flex` or `frontline`, from which SSO URL output the stack has. */
  readonly product: 'flex' | 'frontline';
  /** Where in the Console the fields are. */
  readonly consolePage: string;
  /** The fields to fill, in the Console's order. */
  readonly fields: ConsoleField[];
  /** The certificate's subject, fingerprints and expiry, when the certificate output is readable. */
  readonly certificate: CertificateFacts | null;
  /** What the identity-provider app was given (to compare with the Console's "Set up your identity provider"). */
  readonly serviceProvider: { readonly entityId: string | null; readonly acsUrl: string | null };
  /** The identity provider's SAML metadata URL (`twilio-sso verify` reads it). */
  readonly metadataUrl: string | null;
  /** Warnings: a certificate expired or close to expiry, an output that is missing or unreadable. */
  readonly warnings: string[];
}

/** The value of an output if it is a non-sensitive string; else null and why. */
function read(outputs: Record<string, TerraformOutput>, name: string): { value: string | null; note?: string } {
  const o = outputs[name];
  if (o === undefined) return { value: null, note: 'no such output' };
  if (o.sensitive) return { value: null, note: 'marked sensitive in Terraform: not shown' };
  if (typeof o.value !== 'string') return { value: null, note: `not a string (${o.value === null ? 'null' : typeof o.value})` };
  return { value: o.value };
}

/**
 * Builds the Console sheet from a stack's outputs. `prefix` is the output-name prefix a stack with
 * several apps uses (`TwilioConsoleOutputs` `prefix`, e.g. `flex_`). Throws
 * an input error (exit 1) when the outputs have neither SSO URL.
 */
export function consoleSheet(target: string, outputs: Record<string, TerraformOutput>, options: { prefix?: string; now: Date }): ConsoleSheet {
  const p = options.prefix ?? '';
  const product = `${p}${OUTPUTS.flexSsoUrl}` in outputs ? 'flex' : `${p}${OUTPUTS.frontlineSsoUrl}` in outputs ? 'frontline' : undefined;
  if (product === undefined) {
    const names = Object.keys(outputs).sort();
    throw inputError(
      names.length === 0
        ? `the stack '${target}' has no outputs: has it been applied (terraform apply / cdktf deploy)?`
        : `the stack '${target}' has no ${p}${OUTPUTS.flexSsoUrl} or ${p}${OUTPUTS.frontlineSsoUrl} output (it has: ${names.join(', ')})${p === '' ? '; if its outputs are prefixed, pass --prefix' : ''}`,
    );
  }
  const warnings: string[] = [];
  const field = (label: string, name: string): ConsoleField => {
    const r = read(outputs, `${p}${name}`);
    return { field: label, output: `${p}${name}`, value: r.value, ...(r.note ? { note: r.note } : {}) };
  };
  const fields =
    product === 'flex'
      ? [
          field('Identity Provider Issuer', OUTPUTS.issuer),
          field('Single Sign-On URL', OUTPUTS.flexSsoUrl),
          field('X.509 Certificate', OUTPUTS.certificate),
          field('Default Redirect URL', OUTPUTS.defaultRedirectUrl),
        ]
      : [field('Identity provider issuer', OUTPUTS.issuer), field('SSO URL', OUTPUTS.frontlineSsoUrl), field('X.509 Certificate', OUTPUTS.certificate)];
  for (const f of fields) {
    // The Default Redirect URL is optional (only with a runtime domain): its absence is no problem.
    if (f.value === null && f.output !== `${p}${OUTPUTS.defaultRedirectUrl}`) warnings.push(`${f.field}: output ${f.output} is ${f.note}`);
  }
  const warningDays = warningDaysFrom(outputs[`${p}${OUTPUTS.expiryWarningDays}`]?.value);
  let certificate: CertificateFacts | null = null;
  const pem = fields.find((f) => f.output === `${p}${OUTPUTS.certificate}`)?.value;
  if (pem) {
    try {
      certificate = certificateFacts(parseCertificate(pem), options.now, warningDays);
      const w = expiryWarning(certificate);
      if (w) warnings.push(w);
    } catch (e) {
      warnings.push(`X.509 Certificate: output ${p}${OUTPUTS.certificate} is ${(e as Error).message}`);
    }
  }
  return {
    version: 1,
    target,
    product,
    consolePage: product === 'flex' ? 'Twilio Console → Flex → Single sign-on' : 'the Frontline SSO configuration page of the Twilio Console',
    fields,
    certificate,
    serviceProvider: { entityId: read(outputs, `${p}${OUTPUTS.spEntityId}`).value, acsUrl: read(outputs, `${p}${OUTPUTS.spAcsUrl}`).value },
    metadataUrl: read(outputs, `${p}${OUTPUTS.metadataUrl}`).value,
    warnings,
  };
}

/** The sheet as text: labels and values aligned, the PEM as a block to copy whole. */
export function formatConsoleSheet(s: ConsoleSheet): string {
  const out: string[] = [];
  const product = s.product === 'flex' ? 'Twilio Flex' : 'Twilio Frontline';
  out.push(`${product} single sign-on for target '${s.target}'`);
  out.push(`Paste into: ${s.consolePage}`);
  out.push('');
  const width = Math.max(...s.fields.map((f) => f.field.length)) + 2;
  for (const f of s.fields) {
    if (f.output.endsWith(OUTPUTS.certificate)) continue;
    out.push(`  ${f.field.padEnd(width)}${f.value ?? `(${f.note})`}`);
  }
  const cert = s.fields.find((f) => f.output.endsWith(OUTPUTS.certificate));
  if (cert) {
    out.push(`  ${cert.field}${cert.value ? ' (the whole block, BEGIN and END lines included):' : `  (${cert.note})`}`);
    if (cert.value) out.push('', cert.value.trimEnd(), '');
  }
  if (s.product === 'frontline') out.push('  Workspace ID is a name you choose in the Console (users type it in the app); it is not an identity-provider value.', '');
  if (s.certificate) {
    const c = s.certificate;
    out.push('Certificate');
    out.push(`  Subject      ${c.subject}`);
    out.push(`  Issuer       ${c.issuer}`);
    out.push(`  Valid        ${c.notBefore} → ${c.notAfter} (${c.daysToExpiry >= 0 ? `${c.daysToExpiry} days left` : `expired ${-c.daysToExpiry} days ago`})`);
    out.push(`  SHA-256      ${c.sha256Fingerprint}`);
    out.push(`  SHA-1        ${c.sha1Fingerprint}`);
    out.push('');
  }
  out.push('The identity provider app was given (compare with the Console\'s "Set up your identity provider"):');
  out.push(`  Entity ID    ${s.serviceProvider.entityId ?? '(no output)'}`);
  out.push(`  ACS URL      ${s.serviceProvider.acsUrl ?? '(no output)'}`);
  if (s.metadataUrl) out.push(`  IdP metadata ${s.metadataUrl}  (check it: twilio-sso verify ${s.target})`);
  for (const w of s.warnings) out.push('', `Warning: ${w}`);
  return `${out.join('\n')}\n`;
}
