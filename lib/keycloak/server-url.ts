import { SsoErrorCode, Violation } from '../twilio';
import { show, stringProblems, throwEach, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

// Internal to the library (not in the public index): the construct and the config stack check URLs here.

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * The problems of a Keycloak server URL: not an absolute http(s) URL, plain http on a non-loopback
 * host, a query or fragment, or a realm URL (a common mistake: the realm is given separately). A
 * token passes.
 */
export function serverUrlProblems(value: unknown, field = 'serverUrl'): Violation[] {
  if (isUnresolved(value)) return [];
  const type = stringProblems(value, field, "the Keycloak server's base URL, such as 'https://sso.example.com'");
  if (type.length > 0) return type;
  let url: URL;
  try {
    url = new URL(value as string);
  } catch {
    return [violation(SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID, field, value, `must be an absolute URL such as 'https://sso.example.com', got ${show(value)}`)];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return [violation(SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID, field, value, `must be an http(s) URL, got ${show(value)}`)];
  }
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    return [
      violation(
        SsoErrorCode.KEYCLOAK_SERVER_URL_NOT_HTTPS,
        field,
        value,
        `must use https (users' browsers post credentials to it), got ${show(value)}; plain http is accepted only on a loopback host`,
      ),
    ];
  }
  if (url.search !== '' || url.hash !== '') {
    return [violation(SsoErrorCode.KEYCLOAK_SERVER_URL_INVALID, field, value, `must not have a query or fragment, got ${show(value)}`)];
  }
  if (/\/realms(\/|$)/.test(url.pathname)) {
    return [violation(SsoErrorCode.KEYCLOAK_SERVER_URL_IS_REALM_URL, field, value, `must be the server URL before '/realms', got ${show(value)}; give the realm name in 'realm'`)];
  }
  return [];
}

/** Throws `SsoConfigError` for the {@link serverUrlProblems} of `value`. */
export function validateServerUrl(value: string, field = 'serverUrl'): void {
  throwEach(serverUrlProblems(value, field));
}
