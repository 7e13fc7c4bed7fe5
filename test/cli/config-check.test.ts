import { execFileSync } from 'child_process';
import { copyFileSync } from 'fs';
import { dirname, join } from 'path';
import { checkConfigBytes, checkConfigFile } from '../../stacks/config/check-config';
import { ConfigDocument } from '../../stacks/config/config-document';
import { tempDir, writeConfig } from '../support/files';
import { cli } from './support';

/** Line and column (from 1) of the first occurrence of `needle` after `after` in `text`: found by search, not by the code under test. */
function at(text: string, needle: string, after = ''): { line: number; column: number } {
  const start = after ? text.indexOf(after) : 0;
  if (start < 0) throw new Error(`'${after}' is not in the text`);
  const i = text.indexOf(needle, start);
  if (i < 0) throw new Error(`'${needle}' is not in the text`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const check = (text: string) => checkConfigFile(writeConfig(text));

// Ten mistakes of different kinds in four targets: schema (pattern, enum, unknown key, a oneOf
// branch, missing key) and Twilio model (SIDs, roles, claim name, an http Keycloak URL).
const MANY = `targets:
  - name: Flex_Okta
    twilio:
      flexEnhanced:
        connectionSid: JQ123
    okta:
      orgName: acme
      baseUrl: okta.co
      groups:
        - id: 00g1
          roles: [agent, owner]
      attributes:
        - name: Department
          value: user.department
  - name: fl
    twilio:
      frontline: { realmSid: JB1 }
    okta:
      orgName: acme
      groups: [{ id: 00g2, roles: [admin] }]
      displayNmae: typo
      label: old
  - name: kc
    twilio:
      flexEnhanced:
        connectionSid: JQ0123456789abcdef0123456789abcdef
    keycloak:
      url: http://sso.example.com
      realm: staff
      adopt: { clientId: x }
`;

describe('validate: every problem in one run', () => {
  const result = check(MANY);
  const byPath = (path: string) => result.problems.filter((p) => p.path === path);

  test('reports schema and Twilio-model problems together, none hidden behind another', () => {
    expect(result.problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual(
      [
        'targets[0].name SCHEMA_PATTERN',
        'targets[0].twilio.flexEnhanced.connectionSid JQ_SID_INVALID',
        'targets[0].okta.baseUrl SCHEMA_ENUM',
        // The Okta block has a schema problem (baseUrl) and the Twilio block a bad SID: its
        // roles and claim names are still checked, against Flex.
        'targets[0].okta.groups[0].roles[1] ROLE_UNKNOWN',
        'targets[0].okta.attributes[0].name CLAIM_NAME_CAPITALISED',
        'targets[1].twilio.frontline.realmSid JB_SID_INVALID',
        'targets[1].okta.groups[0].roles[0] ROLE_UNKNOWN',
        'targets[1].okta.displayNmae SCHEMA_UNKNOWN_KEY',
        'targets[1].okta.label SCHEMA_UNKNOWN_KEY',
        'targets[2].keycloak.url KEYCLOAK_SERVER_URL_NOT_HTTPS',
        // clientId for clientUuid: one mistake, the unknown key that says so (not also 'missing clientUuid').
        'targets[2].keycloak.adopt.clientId SCHEMA_UNKNOWN_KEY',
      ].sort(),
    );
  });

  test('each problem is at the line and column where the user wrote the value (or key)', () => {
    const expectAt = (path: string, pos: { line: number; column: number }) => expect(byPath(path).map((p) => ({ line: p.line, column: p.column }))).toContainEqual(pos);
    expectAt('targets[0].name', at(MANY, 'Flex_Okta'));
    expectAt('targets[0].twilio.flexEnhanced.connectionSid', at(MANY, 'JQ123'));
    expectAt('targets[0].okta.groups[0].roles[1]', at(MANY, 'owner'));
    expectAt('targets[0].okta.attributes[0].name', at(MANY, 'Department'));
    expectAt('targets[1].twilio.frontline.realmSid', at(MANY, 'JB1'));
    expectAt('targets[1].okta.groups[0].roles[0]', at(MANY, 'admin'));
    expectAt('targets[1].okta.displayNmae', at(MANY, 'displayNmae'));
    expectAt('targets[2].keycloak.url', at(MANY, 'http://sso'));
    expectAt('targets[2].keycloak.adopt.clientId', at(MANY, 'clientId', 'adopt'));
  });

  test("names the config key the user wrote, not the construct prop (keycloak.url, not serverUrl)", () => {
    const [p] = byPath('targets[2].keycloak.url');
    expect(p.message).toBe("targets[2].keycloak.url must use https (users' browsers post credentials to it), got 'http://sso.example.com'; plain http is accepted only on a loopback host");
    expect(result.problems.map((x) => x.message).join('\n')).not.toContain('serverUrl');
  });

  test('each problem carries the value received and, where a rule can say it, what is accepted', () => {
    expect(byPath('targets[0].okta.baseUrl')[0]).toMatchObject({ received: 'okta.co', receivedType: 'string', expected: expect.stringMatching(/^one of "okta.com", "oktapreview.com", /) });
    expect(byPath('targets[1].okta.displayNmae')[0]).toMatchObject({ received: 'typo', expected: expect.stringContaining('displayName') });
    expect(byPath('targets[1].okta.displayNmae')[0].message).toContain("did you mean 'displayName'?");
    // A key of 0.1.0 names its new name.
    expect(byPath('targets[1].okta.label')[0].message).toContain("unknown key 'label' (renamed to 'displayName')");
    expect(byPath('targets[0].okta.groups[0].roles[1]')[0]).toMatchObject({ received: 'owner', receivedType: 'string' });
    expect(byPath('targets[2].keycloak.adopt.clientId')[0].message).toBe("targets[2].keycloak.adopt: unknown key 'clientId' (did you mean 'clientUuid'?); targets[2].keycloak.adopt accepts 'clientUuid', 'roleIds', 'mapperIds'");
  });

  test('problems come in file order', () => {
    const order = result.problems.map((p) => p.line * 1000 + p.column);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('config keys, not construct props, in every message', () => {
  const flex = { flexEnhanced: { connectionSid: 'JQ0123456789abcdef0123456789abcdef' } };
  const yaml = (o: unknown) => JSON.stringify(o);

  test('keycloak publicUrl: the public URL is the one named when it is wrong', () => {
    const r = check(yaml({ targets: [{ name: 'kc', twilio: flex, keycloak: { url: 'http://10.0.0.5:8080', publicUrl: 'http://sso.example.com', realm: 'r' } }] }));
    expect(r.problems.map((p) => p.path)).toEqual(['targets[0].keycloak.publicUrl']);
    expect(r.problems[0].message).toMatch(/^targets\[0\]\.keycloak\.publicUrl must use https/);
  });

  test("groups and users: the key 'id', not the prop 'principalId'", () => {
    const id = '6f0e3d1a-0000-4000-8000-000000000001';
    const r = check(yaml({ targets: [{ name: 'e', twilio: flex, entra: { groups: [{ id, roles: ['agent'] }, { id, roles: ['admin'] }] } }] }));
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([['targets[0].entra.groups[1].id', 'PRINCIPAL_DUPLICATE']]);
    expect(r.problems[0].message).toMatch(/^targets\[0\]\.entra\.groups\[1\]\.id '6f0e3d1a-0000-4000-8000-000000000001' is already listed at groups\[0\]/);
    expect(r.problems[0].message).not.toContain('principalId');
    expect(r.problems[0].received).toBe(id);
  });

  test("salesforce useConnectedApp: the message names useConnectedApp, not the prop 'appType'", () => {
    const file = writeConfig(yaml({ targets: [{ name: 's', twilio: flex, salesforce: { myDomain: 'acme', certificateFile: 'cert.pem', profiles: ['x'], useConnectedApp: true } }] }));
    copyFileSync('examples/config/salesforce-idp-cert.pem', join(dirname(file), 'cert.pem'));
    const r = checkConfigFile(file);
    expect(r.problems.map((p) => p.code)).toEqual(['SALESFORCE_CONTACT_EMAIL_REQUIRED']);
    // contactEmail is missing: the problem points at the block that lacks it, the message names it.
    expect(r.problems[0].path).toBe('targets[0].salesforce');
    expect(r.problems[0].message).toMatch(/^targets\[0\]\.salesforce\.contactEmail[: ]/);
  });
});

describe('one mistake, one problem', () => {
  test("a misspelt required key is the unknown key that names it, not also 'missing'", () => {
    const text = 'targets:\n  - name: flex\n    twilio: { frontline: { realmSid: JB00112233445566778899aabbccddeeff } }\n    okta: { orgname: acme }\n';
    const r = check(text);
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([['targets[0].okta.orgname', 'SCHEMA_UNKNOWN_KEY']]);
    expect(r.problems[0].message).toContain("unknown key 'orgname' (did you mean 'orgName'?)");
    expect({ line: r.problems[0].line, column: r.problems[0].column }).toEqual(at(text, 'orgname'));
    // A key that is simply missing is still reported as missing.
    expect(check(text.replace('orgname: acme', 'baseUrl: okta.com')).problems.map((p) => p.code)).toEqual(['SCHEMA_REQUIRED']);
  });

  test('a value of the wrong type is one schema problem, not also the construct’s', () => {
    const r = check('targets:\n  - name: flex\n    twilio: { frontline: { realmSid: JB00112233445566778899aabbccddeeff } }\n    okta: { orgName: acme, groups: [{ id: 00g1, roles: agent }] }\n');
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([['targets[0].okta.groups[0].roles', 'SCHEMA_TYPE']]);
  });
});

describe('files that are not a config', () => {
  test('a byte that is not UTF-8: its line and column, and what to do', () => {
    const bytes = Buffer.concat([Buffer.from('targets:\n  - name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const r = checkConfigBytes(bytes, 'x.yaml');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'CONFIG_ENCODING', line: 2, column: 14 })]);
    expect(r.problems[0].message).toContain('byte 0xe9');
    expect(r.problems[0].message).toContain('save the file as UTF-8');
  });

  test('a UTF-8 byte-order mark is accepted; UTF-16 is refused with the reason', () => {
    const text = 'targets:\n  - name: flex\n    twilio: { frontline: { realmSid: JB00112233445566778899aabbccddeeff } }\n    okta: { orgName: acme }\n';
    expect(checkConfigBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'bom.yaml').problems).toEqual([]);
    const utf16 = checkConfigBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'u16.yaml');
    expect(utf16.problems[0]).toMatchObject({ code: 'CONFIG_ENCODING', message: expect.stringContaining('UTF-16') });
  });

  test('a YAML alias bomb is refused quickly, at the alias that crosses the limit', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = `${levels.join('\n')}\n`; // 10^9 values once expanded, 400 bytes
    const heap = process.memoryUsage().heapUsed;
    const t0 = Date.now();
    const r = checkConfigBytes(Buffer.from(bomb), 'bomb.yaml');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    expect(r.problems).toEqual([expect.objectContaining({ code: 'YAML_ALIAS_LIMIT' })]);
    expect(r.problems[0].line).toBeGreaterThan(1);
  });

  test('anchors and aliases within the limit are fine, and a problem inside an alias points at the alias', () => {
    const text = 'x-roles: &r [agent]\ntargets:\n  - name: one\n    twilio: { frontline: { realmSid: JB00112233445566778899aabbccddeeff } }\n    okta: { orgName: acme, groups: [{ id: 00g1, roles: *r }] }\n';
    const r = check(text);
    expect(r.problems.map((p) => p.code)).toEqual(['SCHEMA_UNKNOWN_KEY']); // x-roles
    const ok = check(text.replace('x-roles: &r [agent]\n', '').replace('*r', '[agent]'));
    expect(ok.problems).toEqual([]);
    const aliased = 'targets:\n  - name: one\n    twilio: { frontline: { realmSid: JB00112233445566778899aabbccddeeff } }\n    okta: { orgName: acme, groups: [{ id: 00g1, roles: &r [admin] }], users: [{ id: 00u1, roles: *r }] }\n';
    const users = check(aliased).problems.find((p) => p.path === 'targets[0].okta.users[0].roles[0]')!;
    expect(users).toBeDefined();
    expect({ line: users.line, column: users.column }).toEqual(at(aliased, '*r'));
  });

  test('syntax errors, several documents and an empty file: one problem each, with where', () => {
    expect(check('targets:\n  - name: flex\n    name: again\n').problems).toEqual([expect.objectContaining({ code: 'YAML_SYNTAX', line: 3, column: 5, message: expect.stringContaining('duplicated mapping key') })]);
    expect(check('targets: []\n---\ntargets: []\n').problems).toEqual([expect.objectContaining({ code: 'CONFIG_MULTIPLE_DOCUMENTS', line: 3 })]);
    expect(check('# nothing here\n').problems).toEqual([expect.objectContaining({ code: 'CONFIG_EMPTY' })]);
    expect(check(`${'['.repeat(150)}${']'.repeat(150)}\n`).problems).toEqual([expect.objectContaining({ code: 'YAML_SYNTAX', message: expect.stringContaining('maxDepth') })]);
  });

  test('YAML 1.2 core schema: an unquoted date stays a string, yes is not a boolean', () => {
    const d = ConfigDocument.parse(Buffer.from('a: 2027-01-01\nb: yes\nc: true\n'), 'x.yaml');
    expect(d.value).toEqual({ a: '2027-01-01', b: 'yes', c: true });
  });
});

describe('limits that say what they are (README, "Limits")', () => {
  const JB = 'JB00112233445566778899aabbccddeeff';
  const plainTargets = (n: number): string =>
    `targets:\n${Array.from({ length: n }, (_, i) => `  - name: t${i}\n    twilio: { frontline: { realmSid: ${JB} } }\n    okta: { orgName: acme, displayName: Twilio Frontline ${i}, groups: [{ id: 00g${String(i).padStart(17, '0')}, roles: [agent] }] }\n`).join('')}`;

  test('a plain config of 5,000 targets (over 1 MB, no aliases) validates', () => {
    const text = plainTargets(5000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const r = checkConfigBytes(Buffer.from(text), 'big.yaml');
    expect(r.problems).toEqual([]);
    expect(r.planned).toHaveLength(5000);
  });

  test('the alias guard counts what aliases repeat: 1,000 aliases of a 50-value block pass, 3,000 do not', () => {
    const block = `x-shared: &s [${Array(49).fill('agent').join(', ')}]\n`;
    const withAliases = (n: number) => `${block}x-uses: [${Array(n).fill('*s').join(', ')}]\ntargets: []\n`;
    expect(checkConfigBytes(Buffer.from(withAliases(1000)), 'a.yaml').problems.map((p) => p.code)).not.toContain('YAML_ALIAS_LIMIT');
    const refused = checkConfigBytes(Buffer.from(withAliases(3000)), 'a.yaml').problems;
    expect(refused).toEqual([expect.objectContaining({ code: 'YAML_ALIAS_LIMIT', line: 2 })]);
    expect(refused[0].message).toContain('repeat more than 100000 values');
  });

  test('more targets than the limit: one problem at targets', () => {
    const text = `targets:\n${'  - {}\n'.repeat(10_001)}`;
    const r = checkConfigBytes(Buffer.from(text), 'many.yaml');
    expect(r.problems.filter((p) => p.path === 'targets' && p.code === 'SCHEMA_RANGE').map((p) => p.message)).toEqual(['targets: must be at most 10000 items, got an array of 10001 items']);
  });

  test('a file over 4 MiB, and a value over 65,536 characters, are refused by their limit, without echoing them', () => {
    const big = checkConfigBytes(Buffer.alloc(4 * 1024 * 1024 + 1, 0x20), 'big.yaml');
    expect(big.problems).toEqual([expect.objectContaining({ code: 'CONFIG_TOO_LARGE', message: expect.stringContaining('larger than 4194304 bytes') })]);
    const huge = `targets:\n  - name: t\n    twilio: { frontline: { realmSid: ${JB} } }\n    okta: { orgName: acme, displayName: ${'x'.repeat(3_000_000)} }\n`;
    const r = checkConfigBytes(Buffer.from(huge), 'huge.yaml');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'CONFIG_TOO_LARGE', line: 4 })]);
    expect(r.problems[0].message).toBe('cannot be read as a config: a value of 3000000 characters; a config value (or key) may be at most 65536 characters');
  });

  test('a long value is cut in the message and in received; invisible characters are shown escaped; NaN is NaN', async () => {
    const long = 'x'.repeat(60_000);
    const text = `targets:\n  - name: t\n    twilio: { flexEnhanced: { connectionSid: JQ0123456789abcdef0123456789abcdef } }\n    okta: { orgName: acme, baseUrl: "okta.com\\u200b", keyYearsValid: .nan, displayName: ${long} }\n  - name: ${long}\n    twilio: { frontline: { realmSid: ${JB} } }\n    okta: { orgName: acme }\n`;
    const file = writeConfig(text);
    const json = JSON.parse((await cli(['validate', '--config', file, '--format', 'json'])).stdout);
    const byPath = (p: string) => json.problems.find((x: any) => x.path === p);
    const baseUrl = byPath('targets[0].okta.baseUrl');
    expect(baseUrl.message).toContain("got 'okta.com\\u200b'"); // the escape, as text: a valid-looking value shows why it is refused
    expect(baseUrl.received).toBe('okta.com\u200b'); // JSON keeps the value exact
    const years = byPath('targets[0].okta.keyYearsValid');
    expect(years.message).toContain('NaN');
    expect(years.received).toBe('NaN');
    const name = byPath('targets[1].name');
    expect(name.message.length).toBeLessThan(500);
    expect(name.message).toContain('(60000 characters)');
    expect(name.received).toHaveLength(201);
    const textRun = await cli(['validate', '--config', file]);
    for (const line of textRun.stdout.split('\n')) expect(line.length).toBeLessThan(600);
    expect(textRun.stdout).not.toMatch(/[\u200b\u0000-\u0008]/);
  });
});

describe('the config file is read with a bound', () => {
  test.each([
    ['/dev/zero', 'a character device'],
    ['a directory', 'a directory'],
  ])('%s: exit 2 at once, with what it is', async (what, kind) => {
    const file = what === 'a directory' ? tempDir() : what;
    const t0 = Date.now();
    const r = await cli(['validate', '--config', file]);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`it is ${kind}, not a regular file`);
  });

  test('a regular file past the limit: read up to the limit and one byte, reported as too large (exit 1)', async () => {
    const file = writeConfig(`# ${'x'.repeat(5 * 1024 * 1024)}\ntargets: []\n`);
    const r = await cli(['validate', '--config', file, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toEqual([expect.objectContaining({ code: 'CONFIG_TOO_LARGE', line: 1, column: 1 })]);
  });

  test('a FIFO: exit 2 at once, never waiting for a writer', async () => {
    const fifo = join(tempDir(), 'twilio-sso.yaml');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    const r = await cli(['validate', '--config', fifo, '--format', 'json']);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a FIFO (named pipe), not a regular file');
  });
});
