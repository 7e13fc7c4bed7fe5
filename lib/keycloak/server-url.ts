import { SsoConfigError, SsoErrorCode } from '../twilio';
import { isUnresolved } from '../twilio/unresolved';
import { show } from '../twilio/violations';

// Internal to the library (not in the public index): the construct and the config stack check URLs here.

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Checks a Keycloak server URL: http(s), `https` unless the host is loopback, no query or fragment,
 * and not a realm URL (a common mistake: the realm is given separately). A token passes.
 */
export function validateServerUrl(value: string, field = 'serverUrl'): void {
  if (isUnresolved(value)) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SsoConfigError(SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID, field, value, `${field} must be an absolute URL such as 'https://sso.example.com', got ${show(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SsoConfigError(SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID, field, value, `${field} must be an http(s) URL, got ${show(value)}`);
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new SsoConfigError(
      SsoErrorCode.KEYCLOAK_SERVER_URL_NOT_HTTPS,
      field,
      value,
      `${field} must use https (users' browsers post credentials to it), got ${show(value)}; plain http is accepted only on a loopback host`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new SsoConfigError(SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID, field, value, `${field} must not have a query or fragment, got ${show(value)}`);
  }
  if (/\/realms(\/|$)/.test(url.pathname)) {
    throw new SsoConfigError(
      SsoErrorCode.KEYCLOAK_SERVER_URL_IS_REALM_URL,
      field,
      value,
      `${field} must be the server URL before '/realms', got ${show(value)}; give the realm name in 'realm'`,
    );
  }
}
