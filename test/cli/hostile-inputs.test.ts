/**
 * `console` and `verify` against what an identity provider, a metadata server, a stack's outputs or
 * a Terraform binary can throw at them (issue 19 points 4–6, issue 21 point 6): every case ends in
 * the promised exit code (1 input, 2 usage/I/O, never 3) with one line, reads are bounded, and no
 * control or invisible character reaches the terminal raw, while JSON keeps values exact.
 * Real local HTTP and TCP servers on 127.0.0.1, real files, FIFOs and devices, real processes as
 * stand-in Terraform binaries.
 */
import { execFileSync } from 'child_process';
import { chmodSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'fs';
import { createServer as createHttpServer, Server } from 'http';
import { AddressInfo, createServer as createTcpServer, Socket } from 'net';
import { join } from 'path';
import { tempDir } from '../support/files';
import { base64Body, cli, fakeTerraform, makeCertificate, stackOutdir } from './support';

const CERT = makeCertificate('/CN=idp', 400);
const NOW = new Date();
const ISSUER = 'http://www.okta.com/exk1';
const SSO = 'https://example-org.okta.com/app/x/exk1/sso/saml';
const ESC = '\u001b';
const OSC52 = `${ESC}]52;c;aGk=\u0007`;
const ZWSP = '\u200b';
/** No C0/C1 control (but newline) and no zero-width or bidi character. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

const metadata = (entityId = ISSUER, inner = '') =>
  `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64Body(CERT)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor><md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${SSO}"/>${inner}</md:IDPSSODescriptor></md:EntityDescriptor>`;

const outputs = (over: Record<string, { value: unknown; sensitive?: boolean }> = {}) => ({
  identity_provider_issuer: { value: ISSUER },
  single_sign_on_url: { value: SSO },
  x509_certificate: { value: CERT },
  idp_metadata_url: { value: 'http://127.0.0.1:9/never-used' },
  ...over,
});

async function verify(extra: string[], outs = outputs(), env: NodeJS.ProcessEnv = {}) {
  const tf = fakeTerraform(outs);
  const out = stackOutdir('flex-okta');
  return cli(['verify', 'flex-okta', '--output', out, ...extra], { PATH: tf.path, ...env }, NOW);
}
const metadataFile = (text: string | Buffer): string => {
  const f = join(tempDir(), 'metadata.xml');
  writeFileSync(f, text);
  return f;
};
/** The one-line error of a failed run: no stack trace, no internal error. */
function oneLine(r: { code: number; stderr: string }, code: number): string {
  expect({ code: r.code, internal: r.stderr.includes('internal error') }).toEqual({ code, internal: false });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr;
}

const servers: Array<Server | ReturnType<typeof createTcpServer>> = [];
const sockets = new Set<Socket>();
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});
async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<string> {
  servers.push(server);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`;
}

describe('verify: metadata the parser refuses is bad input (exit 1), not a bug', () => {
  test.each([
    ['an element named constructor', metadata(ISSUER, '<constructor>x</constructor>')],
    ['an element named __proto__', metadata(ISSUER, '<__proto__><polluted>1</polluted></__proto__>')],
    ['an attribute named __proto__', metadata(ISSUER, '<md:Extensions __proto__="x"/>')],
    ['nesting deeper than 100', metadata(ISSUER, '<a>'.repeat(150) + '</a>'.repeat(150))],
    ['nesting 20,000 deep', metadata(ISSUER, '<a>'.repeat(20000) + '</a>'.repeat(20000))],
  ])('%s', async (_what, doc) => {
    const r = await verify(['--metadata', metadataFile(doc), '--format', 'json']);
    oneLine(r, 1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: false, checks: [{ id: 'metadata', ok: false, message: expect.stringContaining("the identity provider's metadata cannot be used") }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('verify: metadata URLs are bounded in time and size', () => {
  test('a server that sends the headers and then stalls: exit 2 after --timeout', async () => {
    const url = await listen(createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write('<?xml version="1.0"?>'); // and nothing more
    }));
    const started = Date.now();
    const r = await verify(['--metadata', url, '--timeout', '0.5']);
    expect(oneLine(r, 2)).toBe(`twilio-sso: cannot fetch the metadata from ${url}: not complete within 0.5 s (--timeout)\n`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a server that accepts the connection and never answers: exit 2 after --timeout', async () => {
    const url = await listen(createTcpServer(() => undefined));
    const r = await verify(['--metadata', url, '--timeout', '0.3']);
    expect(oneLine(r, 2)).toContain('not complete within 0.3 s');
  });

  test('a connection dropped mid-body: exit 2', async () => {
    const url = await listen(createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': '100000' });
      res.write(metadata().slice(0, 200), () => res.socket?.destroy());
    }));
    const r = await verify(['--metadata', url]);
    expect(oneLine(r, 2)).toMatch(/^twilio-sso: cannot fetch the metadata from http:\/\/127\.0\.0\.1:\d+\/metadata: .+\n$/);
  });

  test('a body larger than 5 MiB, streamed without a length: the read stops at the limit (exit 1)', async () => {
    let sent = 0;
    const url = await listen(createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const more = (): void => {
        while (sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 64 * 1024 * 1024) res.once('drain', more);
      };
      res.on('close', () => undefined);
      more();
    }));
    const r = await verify(['--metadata', url]);
    expect(oneLine(r, 1)).toContain('is more than the limit of 5242880 bytes');
    expect(sent).toBeLessThan(32 * 1024 * 1024);
  });

  test('a Content-Length over the limit is refused before the body is read (exit 1)', async () => {
    const url = await listen(createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(6 * 1024 * 1024) });
      res.write('<');
    }));
    const r = await verify(['--metadata', url]);
    expect(oneLine(r, 1)).toContain('is 6291456 bytes, more than the limit of 5242880');
  });

  test('HTTP status text with ESC, OSC 52 and a zero-width space is printed escaped (exit 2)', async () => {
    const url = await listen(createTcpServer((s) => {
      s.once('data', () => s.end(`HTTP/1.1 503 Busy${OSC52}${ZWSP}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`, 'latin1'));
    }));
    const r = await verify(['--metadata', url]);
    const line = oneLine(r, 2);
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line).toContain('HTTP 503 Busy');
    expect(line).toContain('\\u001b]52;c;aGk=\\u0007');
  });
});

describe('verify: metadata files are regular files, read with a bound', () => {
  test('a FIFO is refused without opening it for reading (exit 2, no hang)', async () => {
    const fifo = join(tempDir(), 'metadata.xml');
    execFileSync('mkfifo', [fifo]);
    expect(oneLine(await verify(['--metadata', fifo]), 2)).toContain('is a FIFO (named pipe), not a regular file');
  });

  test('a device (/dev/zero) and a folder are refused (exit 2)', async () => {
    expect(oneLine(await verify(['--metadata', '/dev/zero']), 2)).toContain("the metadata file '/dev/zero' is a device, not a regular file");
    expect(oneLine(await verify(['--metadata', tempDir()]), 2)).toContain('is a folder, not a regular file');
  });

  test('a file over the limit is refused from its size (exit 1); a missing one is exit 2', async () => {
    const big = metadataFile('');
    truncateSync(big, 64 * 1024 * 1024 * 1024); // sparse: 64 GiB read would never end
    expect(oneLine(await verify(['--metadata', big]), 1)).toContain('is 68719476736 bytes, more than the limit of 5242880');
    expect(oneLine(await verify(['--metadata', '/nonexistent/metadata.xml']), 2)).toContain("cannot read the metadata file '/nonexistent/metadata.xml'");
  });

  test("the stack's idp_metadata_url must be http(s): a path there is never opened (exit 1)", async () => {
    // A FIFO: opening it would block, so a finished run proves it was not opened.
    const fifo = join(tempDir(), 'shadow');
    execFileSync('mkfifo', [fifo]);
    for (const value of [fifo, `file://${fifo}`]) {
      const r = await verify([], outputs({ idp_metadata_url: { value } }));
      expect(oneLine(r, 1)).toContain(`the stack's idp_metadata_url output is not an http(s) URL, got '${value}'`);
    }
  });
});

describe('nothing from outside reaches the terminal raw; JSON keeps it exact', () => {
  const hostile = `http://evil${ESC}[2J${OSC52}\r${ZWSP}ok issuer`;

  test("verify: an entityID with ESC, OSC 52, CR and a zero-width space (text escaped, JSON's field exact)", async () => {
    const entityId = `${ISSUER}${ESC}[2K\r${OSC52}${ZWSP}`;
    const file = metadataFile(metadata(entityId));
    const text = await verify(['--metadata', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    expect(text.stdout).toContain('\\u001b[2K');
    expect(text.stdout).toContain('\\u200b');
    expect(text.stdout.split('\n').filter((l) => l.startsWith('ok ')).map((l) => l.split(/\s+/)[1])).not.toContain('issuer');
    const json = JSON.parse((await verify(['--metadata', file, '--format', 'json'])).stdout);
    // XML turns the raw CR into a line feed (XML 1.0 §2.11); everything else arrives as sent.
    expect(json.checks.find((c: { id: string }) => c.id === 'issuer').metadata).toBe(entityId.replace('\r', '\n'));
  });

  test('console: output values with ESC, OSC 52, CR and zero-width spaces (text escaped, JSON exact)', async () => {
    const outs = outputs({ identity_provider_issuer: { value: hostile }, single_sign_on_url: { value: `${SSO}${ZWSP}` }, sp_entity_id: { value: `x${ESC}]0;title${'\u0007'}` } });
    const tf = fakeTerraform(outs);
    const out = stackOutdir('flex-okta');
    const text = await cli(['console', 'flex-okta', '--output', out], { PATH: tf.path }, NOW);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    expect(text.stdout).toContain('http://evil\\u001b[2J\\u001b]52;c;aGk=\\u0007\\u000d\\u200bok issuer');
    expect(text.stdout).toContain(`${SSO}\\u200b`);
    const json = JSON.parse((await cli(['console', 'flex-okta', '--output', out, '--format', 'json'], { PATH: tf.path }, NOW)).stdout);
    expect(json.fields[0].value).toBe(hostile);
  });

  test("Terraform's stderr is shown escaped, its last lines only (exit 2)", async () => {
    const tf = scriptTerraform(`printf 'Error: \\033]52;c;aGk=\\007 bad \\033[2J\\r\\n' >&2; exit 1`);
    const r = await cli(['console', 'flex-okta', '--output', stackOutdir('flex-okta')], { PATH: tf }, NOW);
    const line = oneLine(r, 2);
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line).toContain('Error: \\u001b]52;c;aGk=\\u0007 bad \\u001b[2J');
  });
});

/** A stand-in Terraform: a shell script with `body`, on a PATH of its own. */
function scriptTerraform(body: string): string {
  const dir = tempDir('twilio-sso-bin-');
  writeFileSync(join(dir, 'terraform'), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, 'terraform'), 0o755);
  return `${dir}:/usr/bin:/bin`;
}

describe('console and verify on a stack that is not ready: one clear line each', () => {
  // What Terraform 1.11 prints for `output -json` in a stack folder where `init` never ran (its backend
  // block is new to it), and when the backend changed since: the same text, ending in -migrate-state.
  const NOT_INITIALISED = [
    'Error: Backend initialization required, please run "terraform init"',
    '',
    'Reason: Initial configuration of the requested backend "local"',
    '',
    'The "backend" is the interface that Terraform uses to store state,',
    'perform operations, etc. If this message is showing up, it means that the',
    'Terraform configuration you\'re using is using a custom configuration for',
    'the Terraform backend.',
    '',
    'Changes to backend configurations require reinitialization. This allows',
    'Terraform to set up the new configuration, copy existing state, etc. Please',
    'run',
    '"terraform init" with either the "-reconfigure" or "-migrate-state" flags to',
    'use the current configuration.',
  ].join('\n');

  test("not initialised: Terraform's -migrate-state text becomes one line saying what to run (exit 2), for console and verify", async () => {
    const tf = scriptTerraform(`cat >&2 <<'EOF'\n${NOT_INITIALISED}\nEOF\nexit 1`);
    const out = stackOutdir('flex-okta');
    for (const cmd of ['console', 'verify']) {
      const r = await cli([cmd, 'flex-okta', '--output', out], { PATH: tf }, NOW);
      expect(oneLine(r, 2)).toBe(`twilio-sso: the stack in '${out}/stacks/flex-okta' is not initialised (terraform init never ran there, or its backend or providers changed since): run 'terraform -chdir=${out}/stacks/flex-okta init', then apply it if it never was\n`);
    }
  });

  test('initialised but not applied (no outputs): one line, no MISMATCH lines, exit 2; --format json gives a JSON error', async () => {
    for (const cmd of ['console', 'verify']) {
      const tf = fakeTerraform({});
      const out = stackOutdir('flex-okta');
      const r = await cli([cmd, 'flex-okta', '--output', out, '--format', 'json'], { PATH: tf.path }, NOW);
      expect(oneLine(r, 2)).toMatch(/^twilio-sso: the stack 'flex-okta' has no outputs: it has not been applied yet/);
      expect(r.stdout).not.toContain('MISMATCH');
      expect(JSON.parse(r.stdout)).toMatchObject({ version: 1, target: 'flex-okta', error: { code: 'USAGE_OR_IO', kind: 'usage', message: expect.stringContaining('has not been applied yet') } });
    }
  });

  test('an unknown target lists the known ones (exit 2)', async () => {
    const out = stackOutdir('flex-okta');
    mkdirSync(join(out, 'stacks', 'frontline-entra'));
    const r = await cli(['console', 'flex-oka', '--output', out], {}, NOW);
    expect(oneLine(r, 2)).toBe(`twilio-sso: no target 'flex-oka' in '${out}'; its targets are: flex-okta, frontline-entra\n`);
  });

  test('--binary ./tf is resolved from where the user stands, not from the stack folder', async () => {
    const tf = fakeTerraform(outputs());
    const r = await cli(['console', 'flex-okta', '--output', stackOutdir('flex-okta'), '--binary', './terraform'], {}, NOW, tf.path);
    expect(r.code).toBe(0);
    expect(readFileSync(tf.log, 'utf8')).toMatch(/stacks\/flex-okta output -json/);
  });

  test('verify names the output of the stack’s product: single_sign_on_url for Flex, sso_url for Frontline, both when neither is there', async () => {
    const file = metadataFile(metadata());
    const json = async (outs: Record<string, { value: unknown }>) => JSON.parse((await verify(['--metadata', file, '--format', 'json'], outs as any)).stdout).checks.find((c: { id: string }) => c.id === 'sso-url').message;
    const { single_sign_on_url: _flex, ...noSso } = outputs();
    expect(await json({ ...noSso, single_sign_on_url: { value: null } })).toMatch(/^the stack has no single_sign_on_url output value/);
    expect(await json({ ...noSso, sso_url: { value: 'https://other' } })).toMatch(/the stack's sso_url is 'https:\/\/other'/);
    expect(await json(noSso)).toMatch(/^the stack has no single_sign_on_url \(Flex\) or sso_url \(Frontline\) output/);
  });
});

describe('Terraform that hangs or floods is cut off (exit 2)', () => {
  test('a binary that never ends, and whose child holds the pipe open: killed after --terraform-timeout', async () => {
    const tf = scriptTerraform('sleep 60 & sleep 60');
    const started = Date.now();
    const r = await cli(['console', 'flex-okta', '--output', stackOutdir('flex-okta'), '--terraform-timeout', '0.5'], { PATH: tf }, NOW);
    expect(oneLine(r, 2)).toContain('did not finish within 0.5 s (--terraform-timeout)');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a binary that prints without end: stopped past 8 MiB', async () => {
    const tf = scriptTerraform('exec cat /dev/zero');
    const r = await cli(['console', 'flex-okta', '--output', stackOutdir('flex-okta')], { PATH: tf }, NOW);
    expect(oneLine(r, 2)).toContain('printed more than 8388608 bytes');
  });
});
