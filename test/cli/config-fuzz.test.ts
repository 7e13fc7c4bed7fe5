/**
 * Bad input at scale: generated and mutated configs through `twilio-sso validate` and `synth`.
 * Every run must end with exit code 0 or 1 and the documented report (never a stack trace, never
 * exit 2 or 3 for a readable file); every problem must point at a line of the file and a path the
 * file has; `synth` must agree with `validate` and write nothing when it fails.
 *
 * `npm test` runs FUZZ_RUNS=500 inputs through validate (JSON, and every fourth also as text) and a
 * twelfth of that through synth; `npm run test:fuzz` runs 20,000. A failure prints fast-check's seed and the
 * shrunk input: rerun with FUZZ_SEED=<seed> to reproduce it.
 */
import fc from 'fast-check';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { dump } from 'js-yaml';
import { ConfigDocument } from '../../stacks/config/config-document';
import { tempDir } from '../support/files';
import { cli } from './support';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const SYNTH_RUNS = Number(process.env.FUZZ_SYNTH_RUNS ?? Math.max(20, Math.round(RUNS / 12)));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const CERT = 'examples/config/salesforce-idp-cert.pem';
const tally = { validate: 0, synth: 0, valid: 0, byCode: new Map<string, number>(), ms: 0 };

// ---- generators: valid targets of every kind ------------------------------------------------

const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);
const uuid = fc.uuid({ version: 4 });
const FLEX_ROLES = ['admin', 'supervisor', 'agent', 'wfo.full_access', 'wfo.team_leader'];
const flexRoles = fc.subarray(FLEX_ROLES, { minLength: 1 });
const okId = fc.stringMatching(/^00g[A-Za-z0-9]{8,17}$/); // Okta group IDs (00u… is a user's, refused in groups)
const claim = fc.constantFrom('department', 'location', 'manager', 'channel.voice.capacity.int', 'skills.stringarray');

const twilioFlex = hex32.map((h) => ({ flexEnhanced: { connectionSid: `JQ${h}` } }));
const twilioFrontline = hex32.map((h) => ({ frontline: { realmSid: `JB${h}` } }));

const targetArb = fc.oneof(
  fc.record({ twilio: twilioFlex, okta: fc.record({ orgName: fc.constantFrom('acme', 'example-org'), groups: fc.array(fc.record({ id: okId, roles: flexRoles }), { maxLength: 3 }), attributes: fc.array(fc.record({ name: claim, value: fc.constant('user.department') }), { maxLength: 1 }) }) }),
  fc.record({ twilio: twilioFrontline, okta: fc.record({ orgName: fc.constant('acme'), groups: fc.array(fc.record({ id: okId, roles: fc.constant(['agent']) }), { maxLength: 2 }) }) }),
  fc.record({ twilio: twilioFlex, keycloak: fc.record({ url: fc.constantFrom('https://sso.example.com', 'http://127.0.0.1:18080'), realm: fc.constantFrom('staff', 'twilio'), nameId: fc.constantFrom('username', 'email'), groups: fc.array(fc.record({ id: uuid, roles: flexRoles }), { maxLength: 2 }) }) }),
  fc.record({ twilio: fc.oneof(twilioFlex, twilioFrontline), entra: fc.record({ tenantId: uuid, groups: fc.array(fc.record({ id: uuid, roles: fc.constant(['agent']) }), { maxLength: 2 }) }) }),
  fc.record({ twilio: twilioFlex, salesforce: fc.record({ myDomain: fc.constant('acme'), certificateFile: fc.constant('cert.pem'), profiles: fc.constant(['Twilio Flex Agent']), roles: flexRoles }) }),
);

const configArb = fc
  .record({ targets: fc.array(targetArb, { minLength: 1, maxLength: 3 }), withDefaults: fc.boolean() })
  .map(({ targets, withDefaults }) => ({
    ...(withDefaults ? { defaults: { backend: { local: { path: 'terraform.{target}.tfstate' } } } } : {}),
    targets: targets.map((t, i) => ({ name: `t${i}-${Object.keys(t).find((k) => k !== 'twilio')}`, ...t })),
  }));

// ---- generators: what goes wrong --------------------------------------------------------------

const deepNesting = fc.integer({ min: 1, max: 140 }).map((n) => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { k: v };
  return v;
});
const weirdString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '\ufeff', '${user.userName}', '~', 'null', 'true', '0x1F', '1e400', '<<', '*a', '&a', '!!binary', "'", '"', '\n\n'),
  fc.integer({ min: 2000, max: 20000 }).map((n) => 'x'.repeat(n)),
);
// Values of the right type that the Twilio model or an identity provider must refuse.
const plausiblyWrong = fc.constantFrom('owner', 'Admin', 'agent ', 'JQ123', 'JB0123', `JQ${'0'.repeat(31)}G`, 'AC1', 'Department', 'full name', 'ns/claim', 'x.integer', 'http://sso.example.com', 'https://sso.example.com/realms/x', 'not a url', 'acme.okta.com', '-', 'CN', '2031-13-45', 'user.nope');
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  plausiblyWrong,
  fc.array(plausiblyWrong, { minLength: 1, maxLength: 3 }),
  weirdString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(weirdString, { maxLength: 3 }),
  fc.dictionary(weirdString, weirdString, { maxKeys: 3 }),
  deepNesting,
);
const weirdKey = fc.oneof(weirdString.filter((s) => s.length < 100), fc.constantFrom('__proto__', 'constructor', 'toString', 'okta', 'entra', 'twilio', 'name', '<<', 'Targets', 'orgname'));

type Mutation = { kind: 'set' | 'leaf' | 'delete' | 'add' | 'rename' | 'share' | 'duplicate'; at: number; value: unknown; key: string; wrong: string };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'leaf', 'leaf', 'delete', 'add', 'rename', 'share', 'duplicate'),
  at: fc.nat(),
  value: weirdValue,
  key: weirdKey,
  wrong: plausiblyWrong,
});

type Node = Record<string, unknown> | unknown[];
function containers(v: unknown, out: Array<{ parent: Node; key: string | number }> = [], parent?: Node, key?: string | number): Array<{ parent: Node; key: string | number }> {
  if (parent !== undefined && key !== undefined) out.push({ parent, key });
  if (Array.isArray(v)) v.forEach((x, i) => containers(x, out, v, i));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) containers((v as any)[k], out, v as Node, k);
  return out;
}

/** Whether `target` is `from` or inside it (by identity). */
function reaches(from: unknown, target: unknown, seen = new Set<unknown>()): boolean {
  if (from === target) return true;
  if (!from || typeof from !== 'object' || seen.has(from)) return false;
  seen.add(from);
  return Object.values(from).some((v) => reaches(v, target, seen));
}

/** Applies mutations to a (deep-copied) config; `share` makes two places hold one object, which YAML writes as an anchor and an alias. */
function mutate(config: object, mutations: Mutation[]): unknown {
  const root = JSON.parse(JSON.stringify(config));
  for (const m of mutations) {
    const slots = containers(root);
    if (slots.length === 0) break;
    const slot = slots[m.at % slots.length];
    const p = slot.parent as any;
    switch (m.kind) {
      case 'set':
        p[slot.key] = m.value;
        break;
      case 'leaf': {
        // A string value replaced by a string the schema accepts and the model should not.
        const leaves = slots.filter((x) => typeof (x.parent as any)[x.key] === 'string');
        if (leaves.length > 0) {
          const leaf = leaves[m.at % leaves.length];
          (leaf.parent as any)[leaf.key] = m.wrong;
        }
        break;
      }
      case 'delete':
        if (Array.isArray(p)) p.splice(slot.key as number, 1);
        else delete p[slot.key];
        break;
      case 'add': {
        const target = p[slot.key] && typeof p[slot.key] === 'object' && !Array.isArray(p[slot.key]) ? p[slot.key] : p;
        if (!Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
      }
      case 'rename':
        if (!Array.isArray(p) && typeof slot.key === 'string') {
          const k = slot.key;
          const renamed = m.at % 2 ? k.toUpperCase() : `${k.slice(0, -1)}${k.slice(-1) === 'e' ? 'a' : 'e'}`;
          const v = p[k];
          delete p[k];
          p[renamed] = v;
        }
        break;
      case 'share': {
        const objects = slots.filter((s) => (s.parent as any)[s.key] && typeof (s.parent as any)[s.key] === 'object');
        if (objects.length > 1) {
          const from = objects[m.at % objects.length];
          const to = objects[(m.at >> 3) % objects.length];
          const shared = (from.parent as any)[from.key];
          // Not into itself: an alias of an enclosing node is a cycle, which YAML cannot load either.
          if (reaches(shared, to.parent)) break;
          (to.parent as any)[to.key] = shared;
        }
        break;
      }
      case 'duplicate':
        if (Array.isArray(root.targets) && root.targets.length > 0) root.targets.push(root.targets[m.at % root.targets.length]);
        break;
    }
  }
  return root;
}

type Encoding = 'yaml' | 'yaml-flow' | 'json';
function encode(value: unknown, encoding: Encoding): string {
  try {
    if (encoding === 'json') return JSON.stringify(value, null, 1);
    return dump(value, { flowLevel: encoding === 'yaml-flow' ? 1 : -1, lineWidth: -1 });
  } catch {
    return JSON.stringify(value);
  }
}

type ByteEdit = { kind: 'none' | 'insert' | 'replace' | 'truncate'; at: number; bytes: Uint8Array };
const byteEditArb: fc.Arbitrary<ByteEdit> = fc.record({
  kind: fc.constantFrom('none', 'none', 'none', 'insert', 'replace', 'truncate'),
  at: fc.nat(),
  bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.constantFrom(Uint8Array.from([0xff]), Uint8Array.from([0xc3]), Uint8Array.from([0xed, 0xa0, 0x80]), Uint8Array.from([0xef, 0xbb, 0xbf]), Uint8Array.from([0x00]))),
});
function editBytes(text: string, e: ByteEdit): Buffer {
  const b = Buffer.from(text, 'utf8');
  const at = b.length === 0 ? 0 : e.at % b.length;
  if (e.kind === 'insert') return Buffer.concat([b.subarray(0, at), Buffer.from(e.bytes), b.subarray(at)]);
  if (e.kind === 'replace') return Buffer.concat([b.subarray(0, at), Buffer.from(e.bytes), b.subarray(at + e.bytes.length)]);
  if (e.kind === 'truncate') return b.subarray(0, at);
  return b;
}

const aliasBombArb = fc.record({ depth: fc.integer({ min: 2, max: 12 }), fanout: fc.integer({ min: 2, max: 12 }) }).map(({ depth, fanout }) => {
  const lines = [`l0: &l0 [${Array(fanout).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < depth; i++) lines.push(`l${i}: &l${i} [${Array(fanout).fill(`*l${i - 1}`).join(', ')}]`);
  return { text: `${lines.join('\n')}\ntargets: *l${depth - 1}\n`, expanded: fanout ** depth };
});
const yamlNoise = fc.string({ unit: fc.constantFrom(...'ab:-[]{},&*!|>\'"#% \n\t?@`\\0'.split('')), maxLength: 200 });

/** A whole input file: a mutated valid config (as YAML, flow YAML or JSON, maybe with bytes edited), or YAML noise. */
const inputArb: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(configArb, fc.array(mutationArb, { maxLength: 4 }), fc.constantFrom<Encoding>('yaml', 'yaml', 'yaml-flow', 'json'), byteEditArb).map(([c, ms, enc, e]) => editBytes(encode(mutate(c, ms), enc), e)) },
  { weight: 1, arbitrary: yamlNoise.map((s) => Buffer.from(s, 'utf8')) },
  { weight: 1, arbitrary: aliasBombArb.map((b) => Buffer.from(b.text, 'utf8')) },
);

// ---- what every run must satisfy -------------------------------------------------------------

const RECEIVED_TYPES = ['string', 'number', 'boolean', 'null', 'object', 'array', 'absent'];

/** `targets[0].okta["a b"][2]` → ['targets', 0, 'okta', 'a b', 2] (the inverse of formatPath). */
function parsePath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(path)) !== null) {
    out.push(m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : JSON.parse(m[3]));
    end = re.lastIndex;
  }
  if (end !== path.length) throw new Error(`unparseable path '${path}'`);
  return out;
}

function writeInput(bytes: Buffer): { dir: string; file: string } {
  const dir = tempDir('twilio-sso-fuzz-');
  copyFileSync(CERT, join(dir, 'cert.pem'));
  const file = join(dir, 'twilio-sso.yaml');
  writeFileSync(file, bytes);
  return { dir, file };
}

async function validateChecks(bytes: Buffer): Promise<number> {
  const { file } = writeInput(bytes);
  const t0 = Date.now();
  const json = await cli(['validate', '--config', file, '--format', 'json']);
  // The text report is the same check formatted differently: every fourth input is enough.
  const text = tally.validate % 4 === 0 ? await cli(['validate', '--config', file]) : undefined;
  tally.ms += Date.now() - t0;
  tally.validate++;
  for (const r of text ? [json, text] : [json]) {
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\n\s+at .*[(:]\d+/); // no stack frame
  }
  if (text) expect(text.code).toBe(json.code);
  const report = JSON.parse(json.stdout);
  expect(Object.keys(report)).toEqual(['version', 'file', 'valid', 'targets', 'problems']);
  expect(report).toMatchObject({ version: 1, file, valid: json.code === 0 });
  expect(report.valid).toBe(report.problems.length === 0);
  const lineCount = bytes.toString('utf8').split(/\r\n|\r|\n/).length;
  let doc: ConfigDocument | undefined;
  try {
    doc = ConfigDocument.parse(bytes, file);
  } catch {
    doc = undefined;
  }
  for (const p of report.problems) {
    expect(Object.keys(p).filter((k) => !['received', 'expected'].includes(k))).toEqual(['severity', 'code', 'path', 'line', 'column', 'message', 'receivedType']);
    expect(p.severity).toBe('error');
    expect(p.code).toMatch(/^[A-Z][A-Z0-9_]*$|^TwilioSso-[A-Za-z0-9]+$/);
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
    expect(typeof p.message === 'string' && p.message.length > 0).toBe(true);
    expect(RECEIVED_TYPES).toContain(p.receivedType);
    if ('received' in p) expect(['string', 'number', 'boolean'].includes(typeof p.received) || p.received === null).toBe(true);
    if (typeof p.received === 'string') expect(p.received.length).toBeLessThanOrEqual(201);
    // The path is one the file has: the user's own key names, never a construct's prop.
    if (doc) expect({ path: p.path, exists: doc.has(parsePath(p.path)) }).toEqual({ path: p.path, exists: true });
    else expect(p.path).toBe('');
    tally.byCode.set(p.code, (tally.byCode.get(p.code) ?? 0) + 1);
  }
  if (json.code === 0) tally.valid++;
  if (!text) return json.code;
  // The text report: one "file:line:column: " line per problem and a summary, or one "valid" line.
  const lines = text.stdout.replace(/\n$/, '').split('\n');
  if (json.code === 0) {
    expect(lines).toEqual([expect.stringMatching(/: valid, \d+ targets?: /)]);
  } else {
    expect(lines).toHaveLength(report.problems.length + 1);
    report.problems.forEach((p: any, i: number) => expect(lines[i].startsWith(`${file}:${p.line}:${p.column}: `)).toBe(true));
    expect(lines[lines.length - 1]).toBe(`${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${file}.`);
  }
  return json.code;
}

const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: false });

describe(`property: bad input never breaks validate or synth (${RUNS} inputs, ${SYNTH_RUNS} synthesized)`, () => {
  afterAll(() => {
    const codes = [...tally.byCode.entries()].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
    process.stdout.write(`fuzz: ${tally.validate} inputs through validate (${tally.ms} ms in validate), ${tally.synth} through synth; ${tally.valid} valid; problem codes: ${codes.join(', ')}\n`);
  });

  test('validate: exit 0 or 1, the documented report, every problem at a line of the file and a path it has', async () => {
    await fc.assert(fc.asyncProperty(inputArb, async (bytes) => void (await validateChecks(bytes))), params(RUNS));
  }, 600_000);

  test('unmutated generated configs are valid (the generator is sound, so mutations are what fail)', async () => {
    await fc.assert(fc.asyncProperty(configArb, async (c) => expect(await validateChecks(Buffer.from(dump(c), 'utf8'))).toBe(0)), params(Math.max(20, Math.round(RUNS / 20))));
  }, 600_000);

  test('synth agrees with validate, and writes nothing (not even a staging folder) when it fails', async () => {
    const synthInput = fc.oneof({ weight: 1, arbitrary: configArb.map((c) => Buffer.from(dump(c), 'utf8')) }, { weight: 2, arbitrary: inputArb });
    await fc.assert(
      fc.asyncProperty(synthInput, async (bytes) => {
        const expected = await validateChecks(bytes);
        const { dir, file } = writeInput(bytes);
        const parent = join(dir, 'out-parent');
        mkdirSync(parent);
        const out = join(parent, 'cdktf.out');
        const r = await cli(['synth', '--config', file, '--output', out]);
        tally.synth++;
        expect(r.code).toBe(expected);
        expect(r.stdout).toBe('');
        expect(r.stderr).not.toMatch(/\n\s+at .*[(:]\d+/);
        if (r.code === 0) {
          const names = (require('js-yaml').load(bytes.toString('utf8').replace(/^\uFEFF/, '')) as any).targets.map((t: any) => t.name).sort();
          expect(readdirSync(join(out, 'stacks')).sort()).toEqual(names);
          expect(readdirSync(parent)).toEqual(['cdktf.out']);
        } else {
          expect(readdirSync(parent)).toEqual([]);
        }
      }),
      params(SYNTH_RUNS),
    );
  }, 600_000);

  test('an alias bomb of any shape is refused in bounded time and memory', async () => {
    await fc.assert(
      fc.asyncProperty(aliasBombArb, async ({ text, expanded }) => {
        const heap = process.memoryUsage().heapUsed;
        const t0 = Date.now();
        const { file } = writeInput(Buffer.from(text));
        const r = await cli(['validate', '--config', file, '--format', 'json']);
        expect(Date.now() - t0).toBeLessThan(2000);
        expect(process.memoryUsage().heapUsed - heap).toBeLessThan(128 * 1024 * 1024);
        const codes = JSON.parse(r.stdout).problems.map((p: any) => p.code);
        if (expanded > 200_000) expect(codes).toEqual(['YAML_ALIAS_LIMIT']);
        expect(r.code).toBe(1);
      }),
      params(Math.max(20, Math.round(RUNS / 20))),
    );
  }, 600_000);
});
