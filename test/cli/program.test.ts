import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { dump as stringify } from 'js-yaml';
import { configSchema } from '../../stacks/config/schema';
import { FIELD_DOCS, docKey, publishedConfigSchema, publishedConfigSchemaText } from '../../stacks/config/schema-docs';
import { readTree, tempDir, writeConfig } from '../support/files';
import { cli } from './support';

const EXAMPLE = 'examples/config/twilio-sso.yaml';
const JQ = 'JQ0123456789abcdef0123456789abcdef';
/** Line:column (from 1) of `needle` in `text`, found by search. */
const pos = (text: string, needle: string): string => {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
};
const okTarget = { name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'acme', groups: [{ id: '00g1', roles: ['agent'] }] } };

describe('--help for the program and every subcommand', () => {
  test.each([
    [[], ['validate', 'synth', 'console', 'verify', 'schema', 'Exit codes']],
    [['validate'], ['--config', '--format', 'line:column', '"problems"', 'Exit codes']],
    [['synth'], ['--config', '--output', '--format', 'nothing is written', 'Exit codes']],
    [['console'], ['<target>', '--output', '--binary', '--prefix', 'sensitive', 'Exit codes']],
    [['verify'], ['<target>', '--metadata', '--binary', '--timeout', 'certificate-expiry', 'Exit codes']],
    [['schema'], ['yaml-language-server', 'Exit codes']],
  ])('twilio-sso %j --help', async (sub, mentions) => {
    const r = await cli([...sub, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: twilio-sso/);
    for (const m of mentions) expect(r.stdout).toContain(m);
  });

  test('an unknown command or option is a usage error (exit 2), not a stack trace', async () => {
    for (const argv of [['frobnicate'], ['validate', '--no-such-option'], ['validate', '--format', 'xml'], ['console'], ['verify', 'a', 'b']]) {
      const r = await cli(argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.stderr).toMatch(/error:/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`, stderr: '' });
  });
});

describe('twilio-sso validate', () => {
  test('a valid config: exit 0, the target names', async () => {
    const r = await cli(['validate', '--config', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${EXAMPLE}: valid, 7 targets: flex-okta, frontline-okta, flex-salesforce, frontline-salesforce, flex-entra, frontline-entra, flex-keycloak-local\n`);
  });

  test('the config path comes from --config, else TWILIO_SSO_CONFIG', async () => {
    expect((await cli(['validate'], { TWILIO_SSO_CONFIG: EXAMPLE })).code).toBe(0);
    const r = await cli(['validate'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Cannot read config file 'twilio-sso.yaml'");
  });

  test('problems: exit 1, one file:line:column line each, then the count', async () => {
    const text = 'targets:\n  - name: Bad\n    twilio: { frontline: { realmSid: JB1 } }\n    okta: { orgName: acme, typo: 1 }\n';
    const file = writeConfig(text);
    const r = await cli(['validate', '--config', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines.slice(0, -1)) expect(l.slice(file.length)).toMatch(/^:\d+:\d+: targets\[0\]/);
    expect(lines[lines.length - 1]).toBe(`3 problems in ${file}.`);
    expect(r.stdout).toContain(`${file}:${pos(text, 'Bad')}: targets[0].name:`);
    expect(r.stdout).toContain(`${file}:${pos(text, 'typo')}: targets[0].okta: unknown key 'typo'`);
  });

  test('--format json: the documented, stable shape', async () => {
    const text = 'targets:\n  - name: Bad\n    twilio: { frontline: { realmSid: JB1 } }\n    okta: { orgName: acme }\n';
    const file = writeConfig(text);
    const r = await cli(['validate', '--config', file, '--format', 'json']);
    const [badLine, badCol] = pos(text, 'Bad').split(':').map(Number);
    const [sidLine, sidCol] = pos(text, 'JB1').split(':').map(Number);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['version', 'file', 'valid', 'targets', 'problems']);
    expect(doc).toMatchObject({ version: 1, file, valid: false, targets: [] });
    expect(doc.problems).toEqual([
      {
        severity: 'error',
        code: 'SCHEMA_PATTERN',
        path: 'targets[0].name',
        line: badLine,
        column: badCol,
        message: 'targets[0].name: must be a stack name: lowercase letters, digits and dashes (pattern ^[a-z0-9][a-z0-9-]{0,62}$), got "Bad"',
        receivedType: 'string',
        received: 'Bad',
        expected: 'a stack name: lowercase letters, digits and dashes (pattern ^[a-z0-9][a-z0-9-]{0,62}$)',
      },
      {
        severity: 'error',
        code: 'JB_SID_INVALID',
        path: 'targets[0].twilio.frontline.realmSid',
        line: sidLine,
        column: sidCol,
        message: "targets[0].twilio.frontline.realmSid must look like JB followed by 32 lowercase hex characters (the frontline realm SID), got 'JB1'",
        receivedType: 'string',
        received: 'JB1',
      },
    ]);
    const valid = JSON.parse((await cli(['validate', '--config', EXAMPLE, '--format', 'json'])).stdout);
    expect(valid).toMatchObject({ version: 1, valid: true, problems: [], targets: expect.arrayContaining(['flex-okta', 'flex-keycloak-local']) });
  });

  test('text reports stay one line per problem: newlines and bidirectional overrides in a value are shown escaped', async () => {
    const file = writeConfig(JSON.stringify({ targets: [{ ...okTarget, name: 'a\u202eb\nc' }] }));
    const r = await cli(['validate', '--config', file]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(2);
    expect(r.stdout).toContain('got "a\\u202eb\\nc"');
    expect(r.stdout).not.toContain('\u202e');
  });

  test('an unreadable file: exit 2, and with --format json still a JSON document', async () => {
    const r = await cli(['validate', '--config', '/nonexistent/x.yaml', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ version: 1, valid: false, error: { code: 'USAGE_OR_IO', message: expect.stringContaining('/nonexistent/x.yaml') } });
  });
});

describe('twilio-sso synth', () => {
  test('writes one stack per target, the same files as the library entry point', async () => {
    // In a folder of its own: the staging check below reads the output's parent, which must not be
    // the shared temp folder (other test files, and CI's parallel Node 22/24 runs, synthesize there).
    const out = join(tempDir(), 'out');
    const r = await cli(['synth', '--config', EXAMPLE, '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Synthesized 7 stack(s) into ${out}/stacks: flex-okta,`);
    expect(readdirSync(join(out, 'stacks')).sort()).toEqual(['flex-entra', 'flex-keycloak-local', 'flex-okta', 'flex-salesforce', 'frontline-entra', 'frontline-okta', 'frontline-salesforce']);
    // No staging directory is left next to the output.
    expect(readdirSync(dirname(out)).filter((f) => f.startsWith('.twilio-sso-synth-'))).toEqual([]);
  });

  test('bad config: exit 1, every problem on stderr, nothing written (not even the output folder)', async () => {
    const parent = tempDir();
    const out = join(parent, 'deep', 'cdktf.out');
    const file = writeConfig(stringify({ targets: [{ ...okTarget, name: 'Bad' }, { ...okTarget, name: 'two', okta: { orgName: 'acme', groups: [{ id: 'g', roles: ['boss'] }] } }] }));
    const r = await cli(['synth', '--config', file, '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('targets[0].name');
    expect(r.stderr).toContain("targets[1].okta.groups[0].roles[0] is not a flex role, got 'boss'");
    expect(r.stderr).toContain('nothing was synthesized');
    expect(readdirSync(parent)).toEqual([]);
  });

  test('a second synth into the same folder keeps what Terraform put there and gives the same files', async () => {
    const out = tempDir();
    await cli(['synth', '--config', EXAMPLE, '--output', out]);
    const first = readTree(out);
    writeFileSync(join(out, 'stacks', 'flex-okta', '.terraform.lock.hcl'), '# lock\n');
    const r = await cli(['synth', '--config', EXAMPLE, '--output', out]);
    expect(r.code).toBe(0);
    const second = readTree(out);
    expect(second['stacks/flex-okta/.terraform.lock.hcl']).toBe('# lock\n');
    delete second['stacks/flex-okta/.terraform.lock.hcl'];
    expect(second).toEqual(first);
  });

  test('a generated file a target no longer produces is removed, as a direct synth would', async () => {
    const out = tempDir();
    await cli(['synth', '--config', EXAMPLE, '--output', out]);
    const sfDir = join(out, 'stacks', 'flex-salesforce');
    const listed: string[] = JSON.parse(readFileSync(join(sfDir, 'generated-files.json'), 'utf8')).files;
    const stale = 'salesforce/Sso/force-app/main/default/stale.xml';
    writeFileSync(join(sfDir, 'generated-files.json'), JSON.stringify({ files: [...listed, stale] }));
    writeFileSync(join(sfDir, ...stale.split('/')), '<stale/>');
    await cli(['synth', '--config', EXAMPLE, '--output', out]);
    expect(existsSync(join(sfDir, ...stale.split('/')))).toBe(false);
    expect(existsSync(join(sfDir, ...listed[0].split('/')))).toBe(true);
  });

  test('--format json: the validate document plus outdir, stacks and warnings', async () => {
    const out = tempDir();
    const r = await cli(['synth', '--config', EXAMPLE, '--output', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ version: 1, file: EXAMPLE, valid: true, problems: [], outdir: out, stacks: expect.arrayContaining(['flex-okta']) });
    expect(Array.isArray(doc.warnings)).toBe(true);
  });

  test('run by the cdktf CLI (CDKTF_OUTDIR and CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS): silent, into CDKTF_OUTDIR', async () => {
    const out = tempDir();
    const r = await cli(['synth'], { CDKTF_OUTDIR: out, CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true', TWILIO_SSO_CONFIG: EXAMPLE });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(join(out, 'stacks'))).toHaveLength(7);
  });
});

describe('twilio-sso schema and the shipped schema file', () => {
  const SCHEMA_FILE = 'schema/twilio-sso.schema.json';

  test('prints exactly the file the package ships, which is up to date (npm run schema)', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(publishedConfigSchemaText());
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(r.stdout);
  });

  test('adds only annotations: it accepts exactly what the validator accepts', () => {
    const strip = (s: any): any =>
      Array.isArray(s) ? s.map(strip) : s && typeof s === 'object' ? Object.fromEntries(Object.entries(s).filter(([k]) => !['description', 'examples', 'title', '$schema'].includes(k)).map(([k, v]) => [k, strip(v)])) : s;
    expect(strip(publishedConfigSchema())).toEqual(strip(configSchema()));
  });

  test('every key has a description and examples, each example valid for its key; no entry names a missing key', () => {
    const ajv = new Ajv({ strict: false });
    const seen = new Set<string>();
    const problems: string[] = [];
    const walk = (s: any, path: string) => {
      if (!s || typeof s !== 'object') return;
      if (path) {
        seen.add(docKey(path));
        if (typeof s.description !== 'string' || s.description.length < 10) problems.push(`${path}: no description`);
        if (!Array.isArray(s.examples) || s.examples.length === 0) problems.push(`${path}: no examples`);
        else {
          const validate = ajv.compile({ ...s, examples: undefined });
          for (const e of s.examples) if (!validate(e)) problems.push(`${path}: example ${JSON.stringify(e)} is invalid: ${ajv.errorsText(validate.errors)}`);
        }
      }
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, path ? `${path}.${k}` : k);
      if (s.items) walk(s.items, `${path}[]`);
      for (const b of s.oneOf ?? []) for (const [k, v] of Object.entries(b.properties ?? {})) walk(v, `${path}.${k}`);
    };
    walk(publishedConfigSchema(), '');
    expect(problems).toEqual([]);
    expect(Object.keys(FIELD_DOCS).filter((k) => !seen.has(k))).toEqual([]);
    expect(seen.size).toBe(Object.keys(FIELD_DOCS).length);
  });

  test("the example config's first line points yaml-language-server at the shipped schema", () => {
    const first = readFileSync(EXAMPLE, 'utf8').split('\n')[0];
    const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
    expect(m).not.toBeNull();
    expect(resolve(dirname(EXAMPLE), m![1])).toBe(resolve(SCHEMA_FILE));
  });

  test('the example config is valid against the published schema (as an editor checks it)', () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(publishedConfigSchema());
    expect(validate(require('js-yaml').load(readFileSync(EXAMPLE, 'utf8')))).toBe(true);
  });
});
