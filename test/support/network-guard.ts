/**
 * The test suite may talk to loopback only (jest `setupFilesAfterEnv`, see jest.config.js).
 *
 * Every non-loopback connection attempt made in this jest process — `net`/`tls`/`http(s)`, Node's
 * `fetch` and `WebSocket` (undici calls `net.connect`/`tls.connect`), and DNS (`dns.lookup`,
 * `dns.resolve*`, callback and promise forms) — throws an error that names the host and port, and is
 * recorded. A test during or before which an attempt was recorded fails in `afterEach`, and attempts
 * after the last test fail the file (test/support/network-guard-environment.js), so a library that
 * swallows the error (as `@salesforce/source-deploy-retrieve` does when it looks up an API version)
 * cannot hide it.
 *
 * Allowed: 127.0.0.0/8, ::1 (and IPv4-mapped 127.x), `localhost`, and unix sockets / named pipes.
 * Not covered: child processes and worker threads (their own module instances), and raw UDP.
 * test/support/network-guard.test.ts proves it trips.
 */
// The modules themselves, not `import * as` copies (swc's interop copies a CommonJS module's
// properties into a new object, and the patch must reach the object every other module sees).
import dns = require('dns');
import net = require('net');

/** `code` of the errors the guard throws. */
export const NETWORK_GUARD_ERROR = 'ERR_TEST_NETWORK_ACCESS';

interface GuardState {
  /** `<kind> <host>[:<port>]`, in order, since the last check. */
  readonly attempts: string[];
}

// Core modules are shared by every test file a jest worker runs (each in its own vm context), so the
// patch is installed once per process and its state hangs off the `net` module itself.
const STATE = Symbol.for('cdktf-twilio-sso.network-guard');
type Guarded = typeof net & { [STATE]?: GuardState };

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** True for 127.0.0.0/8, ::1, IPv4-mapped 127.x and `localhost`. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (h === 'localhost' || h === 'localhost.') return true;
  const family = net.isIP(h);
  return family !== 0 && LOOPBACK.check(h, family === 4 ? 'ipv4' : 'ipv6');
}

function state(): GuardState {
  const guarded = net as Guarded;
  if (!guarded[STATE]) {
    guarded[STATE] = { attempts: [] };
    install();
  }
  return guarded[STATE]!;
}

function refuse(kind: string, host: string, port?: unknown): Error {
  const where = port === undefined ? host : `${net.isIPv6(host) ? `[${host}]` : host}:${String(port)}`;
  state().attempts.push(`${kind} ${where}`);
  const err = new Error(`network access in a test: ${kind} ${where} (tests may reach loopback only; see test/support/network-guard.ts)`);
  (err as NodeJS.ErrnoException).code = NETWORK_GUARD_ERROR;
  return err;
}

/** Where `socket.connect(...args)` goes: `net.connect` passes its already-normalized args array. */
function connectTarget(args: unknown[]): { path?: string; host: string; port?: unknown } {
  const a = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const [first, second] = a;
  if (first !== null && typeof first === 'object') {
    // As net does: a truthy `path` is a unix socket / pipe (http's agent passes `path: null`).
    const o = first as { path?: string | null; host?: string; port?: unknown };
    return { path: o.path || undefined, host: o.host || 'localhost', port: o.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first, host: 'localhost' };
  return { host: typeof second === 'string' && second ? second : 'localhost', port: first };
}

function install(): void {
  const connect = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const t = connectTarget(args);
    if (t.path === undefined && !isLoopback(t.host)) throw refuse('connect', t.host, t.port);
    return connect.apply(this, args);
  } as typeof net.Socket.prototype.connect;

  // dns.lookup (getaddrinfo) may read /etc/hosts; every other DNS call asks a name server.
  const wrapDns = (target: Record<string, unknown>, promises: boolean) => {
    for (const key of Object.getOwnPropertyNames(target)) {
      if (!/^(lookup|lookupService|resolve\w*|reverse)$/.test(key)) continue;
      const original = target[key];
      if (typeof original !== 'function') continue;
      const hostOnly = key === 'lookup';
      target[key] = function guardedDns(this: unknown, host: unknown, ...rest: unknown[]) {
        if (!hostOnly || typeof host !== 'string' || !isLoopback(host)) {
          const err = refuse(`DNS ${key}`, String(host));
          if (promises) return Promise.reject(err);
          throw err;
        }
        return (original as (...a: unknown[]) => unknown).call(this, host, ...rest);
      };
    }
  };
  wrapDns(dns as unknown as Record<string, unknown>, false);
  wrapDns(dns.promises as unknown as Record<string, unknown>, true);
  wrapDns(dns.Resolver.prototype as unknown as Record<string, unknown>, false);
  wrapDns(dns.promises.Resolver.prototype as unknown as Record<string, unknown>, true);
}

/** The attempts recorded since the last call (or the last test), and forget them. */
export function takeNetworkAttempts(): string[] {
  return state().attempts.splice(0);
}

/** Throws, naming every host, if any attempt was recorded since the last check. */
export function assertNoNetworkAttempts(when: string): void {
  const attempts = takeNetworkAttempts();
  if (attempts.length > 0) {
    throw new Error(`${when}, the test suite tried to reach the network (tests may reach loopback only; see test/support/network-guard.ts):\n  - ${attempts.join('\n  - ')}`);
  }
}

state();
// After the file's last test, test/support/network-guard-environment.js checks once more.
afterEach(() => assertNoNetworkAttempts('During or before this test'));
