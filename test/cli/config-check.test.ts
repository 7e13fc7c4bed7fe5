import { copyFileSync } from 'fs';
import { dirname, join } from 'path';
import { checkConfigBytes, checkConfigFile } from '../../stacks/config/check-config';
import { ConfigDocument } from '../../stacks/config/config-document';
import { writeConfig } from '../support/files';

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
      rolesSource: groups
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
        'targets[0].okta.rolesSource SCHEMA_ENUM',
        // The Okta block has a schema problem (rolesSource) and the Twilio block a bad SID: its
        // roles and claim names are still checked, against Flex.
        'targets[0].okta.groups[0].roles[1] ROLE_UNKNOWN',
        'targets[0].okta.attributes[0].name CLAIM_NAME_CAPITALISED',
        'targets[1].twilio.frontline.realmSid JB_SID_INVALID',
        'targets[1].okta.groups[0].roles[0] ROLE_UNKNOWN',
        'targets[1].okta.displayNmae SCHEMA_UNKNOWN_KEY',
        'targets[1].okta.label SCHEMA_UNKNOWN_KEY',
        'targets[2].keycloak.url KEYCLOAK_SERVER_URL_NOT_HTTPS',
        'targets[2].keycloak.adopt SCHEMA_REQUIRED',
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
    expect(byPath('targets[0].okta.rolesSource')[0]).toMatchObject({ received: 'groups', receivedType: 'string', expected: 'one of "assignments", "userType"' });
    expect(byPath('targets[1].okta.displayNmae')[0]).toMatchObject({ received: 'typo', expected: expect.stringContaining('displayName') });
    expect(byPath('targets[1].okta.displayNmae')[0].message).toContain("did you mean 'displayName'?");
    // A key of 0.1.0 names its new name.
    expect(byPath('targets[1].okta.label')[0].message).toContain("unknown key 'label' (renamed to 'displayName')");
    expect(byPath('targets[0].okta.groups[0].roles[1]')[0]).toMatchObject({ received: 'owner', receivedType: 'string' });
    expect(byPath('targets[2].keycloak.adopt')[0]).toMatchObject({ receivedType: 'object', expected: expect.stringContaining("'clientUuid'") });
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
    expect(r.problems[0].message).toContain("'useConnectedApp: true'");
    expect(r.problems[0].message).not.toContain('appType');
    // contactEmail is missing: the problem points at the block that lacks it, the message names it.
    expect(r.problems[0].path).toBe('targets[0].salesforce');
    expect(r.problems[0].message).toMatch(/^targets\[0\]\.salesforce\.contactEmail is required with 'useConnectedApp: true'/);
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
