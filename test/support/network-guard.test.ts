import { spawnSync } from 'child_process';
import * as dns from 'dns';
import { once } from 'events';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import * as tls from 'tls';
import { isLoopback, NETWORK_GUARD_ERROR, takeNetworkAttempts } from './network-guard';

const REFUSED = /network access in a test: connect example\.com:443 /;

describe('the network guard refuses non-loopback hosts, naming host and port', () => {
  test('net.connect, in each argument form', () => {
    expect(() => net.connect(443, 'example.com')).toThrow(REFUSED);
    expect(() => net.connect({ host: 'example.com', port: 443 })).toThrow(REFUSED);
    expect(() => new net.Socket().connect(443, 'example.com')).toThrow(REFUSED);
    expect(() => net.connect(80, '10.0.0.1')).toThrow(/connect 10\.0\.0\.1:80 /);
    expect(() => net.connect(443, '2001:db8::1')).toThrow(/connect \[2001:db8::1\]:443 /);
    expect(takeNetworkAttempts()).toEqual([
      'connect example.com:443',
      'connect example.com:443',
      'connect example.com:443',
      'connect 10.0.0.1:80',
      'connect [2001:db8::1]:443',
    ]);
  });

  test('tls.connect and https.get', () => {
    expect(() => tls.connect(443, 'example.com')).toThrow(REFUSED);
    let err: unknown;
    try {
      https.get('https://example.com/');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: NETWORK_GUARD_ERROR, message: expect.stringMatching(REFUSED) });
    expect(takeNetworkAttempts()).toEqual(['connect example.com:443', 'connect example.com:443']);
  });

  test("Node's fetch", async () => {
    const err = await fetch('https://example.com/').catch((e: unknown) => e);
    expect(String((err as Error).cause)).toMatch(REFUSED);
    expect(takeNetworkAttempts()).toEqual(['connect example.com:443']);
  });

  test('DNS: lookup and resolve, callback and promise forms', async () => {
    expect(() => dns.lookup('example.com', () => undefined)).toThrow(/DNS lookup example\.com /);
    await expect(dns.promises.lookup('example.com')).rejects.toThrow(/DNS lookup example\.com /);
    expect(() => dns.resolve4('example.com', () => undefined)).toThrow(/DNS resolve4 example\.com /);
    await expect(new dns.promises.Resolver().resolveTxt('example.com')).rejects.toThrow(/DNS resolveTxt example\.com /);
    expect(takeNetworkAttempts()).toEqual(['DNS lookup example.com', 'DNS lookup example.com', 'DNS resolve4 example.com', 'DNS resolveTxt example.com']);
  });

  test.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['128.0.0.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['example.com', false],
    ['localhost.example.com', false],
  ])('isLoopback(%s) is %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe('loopback and unix sockets stay allowed', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('http and fetch to 127.0.0.1', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      http.get(`http://127.0.0.1:${port}/`, (res) => {
        let data = '';
        res.on('data', (c) => (data += c)).on('end', () => resolve(data));
      }).on('error', reject);
    });
    expect(body).toBe('ok');
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
  });

  test('localhost resolves', async () => {
    const { address } = await dns.promises.lookup('localhost');
    expect(isLoopback(address)).toBe(true);
  });

  test('a unix socket', async () => {
    const path = join(tmpdir(), `network-guard-${process.pid}.sock`);
    const unix = net.createServer((s) => s.end('unix ok')).listen(path);
    await once(unix, 'listening');
    try {
      const client = net.connect(path);
      let data = '';
      client.on('data', (c) => (data += c));
      await once(client, 'end');
      expect(data).toBe('unix ok');
    } finally {
      await new Promise((resolve) => unix.close(resolve));
    }
  });
});

describe('an attempt the code under test swallows still fails, naming the host (a separate jest run)', () => {
  interface Report {
    testResults: Array<{ name: string; message: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
  }
  let report: Report;
  let status: number | null;
  beforeAll(() => {
    const res = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--json', '--runInBand', '--testMatch', '**/test/support/fixtures/*.fixture.ts'], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    status = res.status;
    report = JSON.parse(res.stdout) as Report;
  }, 60_000);
  const file = (name: string) => report.testResults.find((r) => r.name.endsWith(`/test/support/fixtures/${name}`))!;

  test('the run fails', () => {
    expect(status).toBe(1);
  });

  test('during a test: that test fails, the next one passes', () => {
    const results = file('swallowed-connection.fixture.ts').assertionResults;
    expect(results.map((r) => [r.title, r.status])).toEqual([
      ['swallows a refused connection', 'failed'],
      ['makes no connection', 'passed'],
    ]);
    expect(results[0].failureMessages.join('\n')).toMatch(/During or before this test, the test suite tried to reach the network[^]*- connect example\.com:443\n {2}- connect example\.com:443/);
  });

  test('after the last test: the file fails', () => {
    expect(file('late-connection.fixture.ts').message).toMatch(
      /After the last test of test\/support\/fixtures\/late-connection\.fixture\.ts, the test suite tried to reach the network[^]*- connect late\.example\.com:443/,
    );
  });
});
