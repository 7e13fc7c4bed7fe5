import { SsoConfigError, SsoErrorCode } from '../twilio';
import { isUnresolved } from '../twilio/unresolved';
import { show } from '../twilio/violations';

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
 * Checks a My Domain given either as its name (`acme`, `acme--uat`) or as its host
 * (`acme.my.salesforce.com`, `acme--uat.sandbox.my.salesforce.com`) and returns the host name.
 * Throws `SsoConfigError` naming `field` and the value, with the fix for the usual mistakes (a URL
 * with scheme or path, the Lightning host `*.lightning.force.com`, capital letters). Internal.
 */
export function myDomainHost(value: string, field: string): string {
  if (isUnresolved(value)) {
    throw new SsoConfigError(SsoErrorCode.SALESFORCE_MY_DOMAIN_TOKEN, field, value, `${field} must be known at synth time (the metadata files are written then), got a Terraform token`);
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw new SsoConfigError(SsoErrorCode.SALESFORCE_MY_DOMAIN_INVALID, field, value, `${field} must be a My Domain name such as 'acme' or a host such as 'acme.my.salesforce.com', got ${show(value)}`);
  }
  const m = /^https?:\/\/([^/]+)/i.exec(value);
  if (m) {
    throw new SsoConfigError(SsoErrorCode.SALESFORCE_MY_DOMAIN_INVALID, field, value, `${field} must be a host name without scheme or path, got ${show(value)}; use '${m[1].toLowerCase()}'`);
  }
  if (value !== value.toLowerCase()) {
    throw new SsoConfigError(SsoErrorCode.SALESFORCE_MY_DOMAIN_INVALID, field, value, `${field} must be lowercase, as the org sends it in the SAML issuer, got ${show(value)}; use '${value.toLowerCase()}'`);
  }
  const lightning = /^([a-z0-9-]+)(?:\.(sandbox|develop|scratch|demo|trailblaze|patch))?\.lightning\.force\.com$/.exec(value);
  if (lightning) {
    const kind = lightning[2] ? `${lightning[2]}.` : '';
    throw new SsoConfigError(
      SsoErrorCode.SALESFORCE_MY_DOMAIN_INVALID,
      field,
      value,
      `${field} is a Lightning Experience host, not the My Domain the identity provider signs as, got ${show(value)}; use '${lightning[1]}.${kind}my.salesforce.com'`,
    );
  }
  if (NAME.test(value)) return `${value}.my.salesforce.com`;
  if (HOST.test(value)) return value;
  throw new SsoConfigError(
    SsoErrorCode.SALESFORCE_MY_DOMAIN_INVALID,
    field,
    value,
    `${field} must be a My Domain name (letters, digits and '-', e.g. 'acme' or 'acme--uat') or a host '<name>.[${ORG_KINDS.join('|')}.]my.salesforce.com', got ${show(value)}`,
  );
}
