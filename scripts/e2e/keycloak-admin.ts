/**
 * Keycloak's admin REST API (https://www.keycloak.org/docs-api/latest/rest-api/), the few calls the
 * adoption end-to-end test makes by hand: what a person clicking through the admin console does.
 * Loopback only, like the browser: the test never talks to anything but the local Keycloak.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A signed-in admin session against one Keycloak server. */
export class KeycloakAdmin {
  /** Signs in as the master realm's admin with the `admin-cli` client (password grant). */
  public static async signIn(serverUrl: string, username: string, password: string): Promise<KeycloakAdmin> {
    if (!LOOPBACK_HOSTS.has(new URL(serverUrl).hostname)) throw new Error(`refusing a non-loopback Keycloak: ${serverUrl}`);
    const res = await fetch(`${serverUrl}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username, password }),
    });
    if (!res.ok) throw new Error(`admin sign-in failed: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { access_token: string };
    return new KeycloakAdmin(serverUrl, body.access_token);
  }

  private constructor(
    private readonly serverUrl: string,
    private readonly token: string,
  ) {}

  /** GET `/admin/realms<path>`, parsed. */
  public async get<T = any>(path: string): Promise<T> {
    const res = await this.call('GET', path);
    return (await res.json()) as T;
  }

  /** POST a representation; returns the new object's ID (from the `Location` header) when there is one. */
  public async post(path: string, body: unknown): Promise<string> {
    const res = await this.call('POST', path, body);
    const location = res.headers.get('location');
    return location ? location.slice(location.lastIndexOf('/') + 1) : '';
  }

  /** PUT a representation. */
  public async put(path: string, body: unknown): Promise<void> {
    await this.call('PUT', path, body);
  }

  /** DELETE an object. */
  public async delete(path: string): Promise<void> {
    await this.call('DELETE', path);
  }

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.serverUrl}/admin/realms${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} /admin/realms${path}: HTTP ${res.status} ${(await res.text()).slice(0, 500)}`);
    return res;
  }
}

/** The realm's active RS256 signing key: what signs every SAML response of the realm. */
export interface RealmSigningKey {
  kid: string;
  certificate: string;
  providerId: string;
}

/** The realm's active RS256 signing keys (normally one), from `GET /admin/realms/{realm}/keys`. */
export async function realmSigningKeys(admin: KeycloakAdmin, realm: string): Promise<RealmSigningKey[]> {
  const keys = await admin.get<{ keys: Array<{ algorithm: string; status: string; use: string; kid: string; certificate?: string; providerId: string }> }>(`/${realm}/keys`);
  return keys.keys
    .filter((k) => k.algorithm === 'RS256' && k.status === 'ACTIVE' && k.use === 'SIG' && k.certificate)
    .map((k) => ({ kid: k.kid, certificate: k.certificate!, providerId: k.providerId }))
    .sort((a, b) => (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0));
}
