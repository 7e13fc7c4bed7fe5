/**
 * A minimal browser for Keycloak's login pages: Node's fetch with a cookie jar, redirects followed
 * by hand (so that every hop's cookies are kept), and HTML forms read with small, strict parsers.
 * Loopback only: it refuses any URL whose host is not 127.0.0.1 or localhost, so a Twilio ACS URL is
 * never requested (the SAML response aimed at it is captured instead).
 */
export interface HtmlForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3]) : undefined;
}

/** Every `<form>` in a page, with its hidden and text inputs. */
export function parseForms(html: string, base: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  const re = /<form\b[^>]*>([\s\S]*?)<\/form>/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const open = /<form\b[^>]*>/i.exec(m[0])![0];
    const fields: Record<string, string> = {};
    for (const input of m[1].match(/<input\b[^>]*>/gi) ?? []) {
      const name = attr(input, 'name');
      if (name !== undefined) fields[name] = attr(input, 'value') ?? '';
    }
    forms.push({ action: new URL(attr(open, 'action') ?? base, base).toString(), method: (attr(open, 'method') ?? 'get').toLowerCase(), fields });
  }
  return forms;
}

/** The result of following a request to a page that is not a redirect. */
export interface Page {
  url: string;
  status: number;
  html: string;
}

export class Browser {
  private readonly cookies = new Map<string, string>();
  /** Every URL requested, in order (for the report). */
  public readonly visited: string[] = [];

  /** GETs `url` (or POSTs `form`) and follows redirects within loopback hosts. */
  public async open(url: string, form?: Record<string, string>): Promise<Page> {
    let current = url;
    let body: URLSearchParams | undefined = form ? new URLSearchParams(form) : undefined;
    for (let hop = 0; hop < 15; hop++) {
      const u = new URL(current);
      if (!LOOPBACK_HOSTS.has(u.hostname)) throw new Error(`refusing to request non-loopback URL ${current}`);
      this.visited.push(`${body ? 'POST' : 'GET'} ${u.origin}${u.pathname}`);
      const res = await fetch(current, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: this.cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      for (const c of res.headers.getSetCookie()) this.setCookie(c);
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        current = new URL(location, current).toString();
        body = undefined;
        continue;
      }
      return { url: current, status: res.status, html: await res.text() };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private setCookie(header: string): void {
    const [pair, ...attrs] = header.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
    if (expired) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs in on a Keycloak login page and returns the auto-submitted SAML form Keycloak answers with:
 * its target (the ACS) and the base64 `SAMLResponse`. Fails with the page's error text otherwise.
 */
export async function signIn(browser: Browser, startUrl: string, username: string, password: string): Promise<HtmlForm> {
  const login = await browser.open(startUrl);
  const loginForm = parseForms(login.html, login.url).find((f) => f.action.includes('/login-actions/authenticate'));
  if (!loginForm) throw new Error(`no Keycloak login form at ${login.url} (HTTP ${login.status}): ${textOf(login.html).slice(0, 300)}`);
  const after = await browser.open(loginForm.action, { ...loginForm.fields, username, password, credentialId: '' });
  const samlForm = parseForms(after.html, after.url).find((f) => 'SAMLResponse' in f.fields);
  if (!samlForm) throw new Error(`no SAMLResponse after signing in (HTTP ${after.status} at ${after.url}): ${textOf(after.html).slice(0, 300)}`);
  return samlForm;
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}
