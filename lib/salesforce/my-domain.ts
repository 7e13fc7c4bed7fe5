import { SsoErrorCode, Violation } from '../twilio';
import { show, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

/**
 * Salesforce My Domain host names. Production orgs are `<name>.my.salesforce.com`; sandboxes,
 * Developer Edition, scratch, demo, Trailhead and patch orgs add a word before `my.salesforce.com`
 * (Salesforce Help "My Domain URL Formats", xcloud.domain_name_url_formats.htm). A sandbox name is
 * `<name>--<sandbox>`.
 */
const ORG_KINDS = ['sandbox', 'develop', 'scratch', 'demo', 'trailblaze', 'patch'];
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const NAME = new RegExp(`^${LABEL}$`);
const HOST = new RegExp(`^(${LABEL})\\.(?:(${ORG_KINDS.join('|')})\\.)?my\\.salesforce\\.com$`);

/**
 * The problems of a My Domain given either as its name (`acme`, `acme--uat`) or as its host
 * (`acme.my.salesforce.com`, `acme--uat.sandbox.my.salesforce.com`), with the fix for the usual
 * mistakes (a URL with scheme or path, the Lightning host `*.lightning.force.com`, capital letters).
 * Never throws. Internal.
 */
export function myDomainProblems(value: unknown, field: string): Violation[] {
  const bad = (problem: string) => [violation(SsoErrorCode.SALESFORCE_MY_DOMAIN_INVALID, field, value, problem)];
  if (isUnresolved(value)) {
    return [violation(SsoErrorCode.SALESFORCE_MY_DOMAIN_TOKEN, field, value, 'must be known at synth time (the metadata files are written then), got a Terraform token')];
  }
  if (typeof value !== 'string' || value.length === 0) {
    return bad(`must be a My Domain name such as 'acme' or a host such as 'acme.my.salesforce.com', got ${show(value)}`);
  }
  const m = /^https?:\/\/([^/]+)/i.exec(value);
  if (m) return bad(`must be a host name without scheme or path, got ${show(value)}; use ${show(m[1].toLowerCase())}`);
  if (value !== value.toLowerCase()) return bad(`must be lowercase, as the org sends it in the SAML issuer, got ${show(value)}; use ${show(value.toLowerCase())}`);
  const lightning = /^([a-z0-9-]+)(?:\.(sandbox|develop|scratch|demo|trailblaze|patch))?\.lightning\.force\.com$/.exec(value);
  if (lightning) {
    const kind = lightning[2] ? `${lightning[2]}.` : '';
    return bad(`is a Lightning Experience host, not the My Domain the identity provider signs as, got ${show(value)}; use '${lightning[1]}.${kind}my.salesforce.com'`);
  }
  if (NAME.test(value) || HOST.test(value)) return [];
  return bad(`must be a My Domain name (letters, digits and '-', e.g. 'acme' or 'acme--uat') or a host '<name>.[${ORG_KINDS.join('|')}.]my.salesforce.com', got ${show(value)}`);
}

/** The host of a My Domain that has no {@link myDomainProblems}: the name's host, or the host itself. */
export function myDomainHost(value: string): string {
  return NAME.test(value) ? `${value}.my.salesforce.com` : value;
}
