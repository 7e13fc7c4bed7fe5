import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SalesforceTwilioSso, SalesforceTwilioSsoProps } from '../../lib/salesforce';
import { SsoErrorCode, TwilioTarget, Violation } from '../../lib/twilio';
import { ssoError } from '../support/errors';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const CERT = join(__dirname, '..', '..', 'examples', 'config', 'salesforce-idp-cert.pem');
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const base = (over: Record<string, unknown> = {}): SalesforceTwilioSsoProps =>
  ({ target: flex, myDomain: 'acme', certificateFile: CERT, profiles: ['System Administrator'], ...over }) as SalesforceTwilioSsoProps;
const codes = (vs: Violation[]) => vs.map((v) => [v.code, v.field]);
const newStack = () => new TerraformStack(Testing.app(), 'test');

describe('findProblems is the primitive: it never throws, whatever it is given', () => {
  test('empty props: every missing prop, as data', () => {
    expect(codes(SalesforceTwilioSso.findProblems({} as SalesforceTwilioSsoProps))).toEqual([[SsoErrorCode.VALUE_REQUIRED, 'target']]);
    expect(codes(SalesforceTwilioSso.findProblems({ target: flex } as SalesforceTwilioSsoProps))).toEqual([
      [SsoErrorCode.SALESFORCE_MY_DOMAIN_INVALID, 'myDomain'],
      [SsoErrorCode.VALUE_REQUIRED, 'certificateFile'],
      [SsoErrorCode.SALESFORCE_NO_ACCESS, 'profiles'],
    ]);
  });

  test.each([null, undefined, 42, 'props', []])('props %p: a violation of props, not a TypeError', (props) => {
    const found = SalesforceTwilioSso.findProblems(props as unknown as SalesforceTwilioSsoProps);
    expect(found.map((v) => v.field)).toEqual(['props']);
    expect([SsoErrorCode.VALUE_REQUIRED, SsoErrorCode.VALUE_TYPE_INVALID]).toContain(found[0].code);
    expect(() => new SalesforceTwilioSso(newStack(), 'Sso', props as unknown as SalesforceTwilioSsoProps)).toThrow(/props (is required|must be)/);
  });

  test.each<[string, unknown, SsoErrorCode, RegExp]>([
    ['myDomain', 42, SsoErrorCode.SALESFORCE_MY_DOMAIN_INVALID, /myDomain must be a My Domain name .*got 42/],
    ['certificateFile', 7, SsoErrorCode.VALUE_TYPE_INVALID, /certificateFile must be the path of the certificate file, got a number 7/],
    ['profiles', 'Admins', SsoErrorCode.VALUE_TYPE_INVALID, /profiles must be a list of names, got a string 'Admins'/],
    ['permissionSets', [3], SsoErrorCode.SALESFORCE_ACCESS_NAME_INVALID, /permissionSets\[0\] must be a non-empty name without commas, got 3/],
    ['roles', 'agent', SsoErrorCode.VALUE_TYPE_INVALID, /roles must be a list of flex roles/],
    ['rolesFormula', {}, SsoErrorCode.VALUE_TYPE_INVALID, /rolesFormula must be a Salesforce formula/],
    ['appType', 'bogus', SsoErrorCode.VALUE_TYPE_INVALID, /appType must be one of 'ExternalClientApplication', 'ConnectedApp', got 'bogus'/],
    ['ssoBinding', 'bogus', SsoErrorCode.VALUE_TYPE_INVALID, /ssoBinding must be one of 'HttpRedirect', 'HttpPost', got 'bogus'/],
    ['issuerTrailingSlash', 'yes', SsoErrorCode.VALUE_TYPE_INVALID, /issuerTrailingSlash must be true or false, got 'yes'/],
    ['appName', 5, SsoErrorCode.VALUE_TYPE_INVALID, /appName must be an API name or left out, got a number 5/],
    ['contactEmail', false, SsoErrorCode.VALUE_TYPE_INVALID, /contactEmail must be an email address or left out, got a boolean false/],
    ['startUrl', 1, SsoErrorCode.VALUE_TYPE_INVALID, /startUrl must be an https URL or '' or left out, got a number 1/],
    ['apiVersion', 63, SsoErrorCode.VALUE_TYPE_INVALID, /apiVersion must be a version such as '63.0' or left out, got a number 63/],
    ['deploy', 'prod', SsoErrorCode.VALUE_TYPE_INVALID, /deploy must be the deploy options/],
    ['deploy', { targetOrg: 5 }, SsoErrorCode.SALESFORCE_TARGET_ORG_INVALID, /deploy.targetOrg must be an org alias or username .*got 5/],
    ['deploy', { targetOrg: 'prod', useSfOnPath: 'yes' }, SsoErrorCode.VALUE_TYPE_INVALID, /deploy.useSfOnPath must be true or false/],
  ])('%s = %p: %s', (key, value, code, message) => {
    const found = SalesforceTwilioSso.findProblems(base({ [key]: value }));
    expect(found.map((v) => v.code)).toContain(code);
    expect(found.map((v) => v.message).join('\n')).toMatch(message);
  });

  test('validateProps throws exactly what findProblems returns', () => {
    const props = base({ myDomain: 'https://x', roles: ['boss'], profiles: [], appType: 'bogus' });
    const found = SalesforceTwilioSso.findProblems(props);
    expect(found.length).toBe(4);
    expect(ssoError(() => SalesforceTwilioSso.validateProps(props)).violations).toEqual(found);
  });
});

describe('a cdktf token in every prop', () => {
  const stack = newStack();
  const text = new TerraformVariable(stack, 'text', { type: 'string' }).stringValue;
  const list = new TerraformVariable(stack, 'list', { type: 'list(string)' }).listValue;
  const days = new TerraformVariable(stack, 'days', { type: 'number' }).numberValue;
  const flag = new TerraformVariable(stack, 'flag', { type: 'bool' }).booleanValue;

  // Everything Salesforce takes is written into the project files at synth: a token is refused
  // with SALESFORCE_VALUE_TOKEN (the My Domain with its own code), except the expiry threshold,
  // which only decides a synth warning and is accepted.
  test.each<[string, () => unknown, SsoErrorCode | undefined]>([
    ['displayName', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['nameId', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['email', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['fullName', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['attributes', () => [{ name: 'department', value: text }], SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['attributes', () => [{ name: text, value: '$User.Department' }], SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['certificateExpiryWarningDays', () => days, undefined],
    ['myDomain', () => text, SsoErrorCode.SALESFORCE_MY_DOMAIN_TOKEN],
    ['certificateFile', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['roles', () => list, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['roles', () => ['agent', text], SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['rolesFormula', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['profiles', () => list, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['permissionSets', () => [text], SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['appType', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['appName', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['contactEmail', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['startUrl', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['ssoBinding', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['issuerTrailingSlash', () => flag, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['apiVersion', () => text, SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['deploy', () => ({ targetOrg: text }), SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['deploy', () => ({ targetOrg: 'prod', cliVersion: text }), SsoErrorCode.SALESFORCE_VALUE_TOKEN],
    ['deploy', () => ({ targetOrg: 'prod', useSfOnPath: flag }), SsoErrorCode.SALESFORCE_VALUE_TOKEN],
  ])('%s', (key, value, code) => {
    const found = SalesforceTwilioSso.findProblems(base({ profiles: key === 'profiles' ? value() : ['Admins'], [key]: value() }));
    expect(found.map((v) => v.code)).toEqual(code === undefined ? [] : [code]);
    for (const v of found) expect(v.message).toMatch(/must be known at synth time.*, got a Terraform token/);
  });

  test('the target: its Entity ID and ACS URL are written into the files', () => {
    const target = TwilioTarget.fromServiceProvider({ entityId: text, acsUrl: text, product: 'flex' } as never);
    expect(codes(SalesforceTwilioSso.findProblems(base({ target })))).toEqual([
      [SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'target.entityId'],
      [SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'target.acsUrl'],
    ]);
  });

  test('a number token as the expiry threshold is accepted (the synth warning is then the plan’s to skip)', () => {
    const sso = new SalesforceTwilioSso(stack, 'Sso', base({ certificateExpiryWarningDays: days }));
    expect(sso.certificateExpiryWarningDays).toBe(days);
  });
});

describe('add* methods run the same rules as the props', () => {
  test('addDeployment: the same code and words as the deploy prop', () => {
    const bad = { targetOrg: "prod'; rm -rf /", cliVersion: 'latest' };
    const fromProps = SalesforceTwilioSso.findProblems(base({ deploy: bad }));
    const sso = new SalesforceTwilioSso(newStack(), 'Sso', base());
    expect(ssoError(() => sso.addDeployment(bad)).violations).toEqual(fromProps);
    expect(ssoError(() => sso.addDeployment(null as never)).violations.map((v) => [v.code, v.field])).toEqual([[SsoErrorCode.VALUE_REQUIRED, 'deploy']]);
  });

  test('addAttribute with a token: the same code and words as the attributes prop', () => {
    const stack = newStack();
    const text = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    const fromProps = SalesforceTwilioSso.findProblems(base({ attributes: [{ name: 'department', value: text }] }));
    const sso = new SalesforceTwilioSso(stack, 'Sso', base());
    expect(ssoError(() => sso.addAttribute({ name: 'department', value: text })).violations).toEqual(fromProps);
  });
});

describe('the certificate file is read in a step of its own, bounded and type-checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sf-cert-read-'));
  const fifo = join(dir, 'cert.fifo');
  execFileSync('mkfifo', [fifo]);

  test('validateProps and findProblems read no file: a FIFO path is only a path to them', () => {
    expect(SalesforceTwilioSso.findProblems(base({ certificateFile: fifo }))).toEqual([]);
    expect(() => SalesforceTwilioSso.validateProps(base({ certificateFile: '/dev/zero' }))).not.toThrow();
  });

  test.each<[string, () => string, SsoErrorCode, RegExp]>([
    ['a FIFO (nothing ever writes to it: reading would wait for ever)', () => fifo, SsoErrorCode.SALESFORCE_CERT_INVALID, /certificateFile must be a regular file holding the certificate, got '.*cert\.fifo', which is a FIFO \(named pipe\)/],
    ['/dev/zero (reading it all would never end)', () => '/dev/zero', SsoErrorCode.SALESFORCE_CERT_INVALID, /certificateFile must be a regular file .*got '\/dev\/zero', which is a character device/],
    ['a directory', () => dir, SsoErrorCode.SALESFORCE_CERT_INVALID, /which is a directory/],
    [
      'a file larger than 64 KiB',
      () => {
        const big = join(dir, 'big.pem');
        writeFileSync(big, Buffer.alloc(64 * 1024 + 1, 0x41));
        return big;
      },
      SsoErrorCode.SALESFORCE_CERT_INVALID,
      /certificateFile must be a certificate file of at most 65536 bytes \(a certificate is a few kilobytes\), got '.*big\.pem' \(65537 bytes\)/,
    ],
    ['a missing file', () => join(dir, 'nope.pem'), SsoErrorCode.SALESFORCE_CERT_NOT_FOUND, /certificateFile cannot be read, got '.*nope\.pem': no such file/],
  ])('%s: a clear violation, at once', (_what, file, code, message) => {
    const path = file();
    const found = SalesforceTwilioSso.findCertificateProblems(path);
    expect(found.map((v) => [v.code, v.field, v.value])).toEqual([[code, 'certificateFile', path]]);
    expect(found[0].message).toMatch(message);
    expect(ssoError(() => SalesforceTwilioSso.readCertificate(path)).violations).toEqual(found);
    // The constructor reads it too, after the props, and reports both in one error.
    const e = ssoError(() => new SalesforceTwilioSso(newStack(), 'Sso', base({ certificateFile: path, appName: '1bad' })));
    expect(e.violations.map((v) => v.code)).toEqual([SsoErrorCode.SALESFORCE_APP_NAME_INVALID, code]);
  });

  test('readCertificate parses a good file', () => {
    const cert = SalesforceTwilioSso.readCertificate(CERT);
    expect(cert.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(cert.file).toBe(CERT);
  });
});

describe('no module-level state', () => {
  test('apps of one name deployed to one org are refused within one construct tree only', () => {
    for (let i = 0; i < 2; i++) {
      const app = new App();
      new SalesforceTwilioSso(new TerraformStack(app, 'one'), 'Sso', base({ deploy: { targetOrg: 'prod' } }));
      expect(ssoError(() => new SalesforceTwilioSso(new TerraformStack(app, 'two'), 'Sso', base({ deploy: { targetOrg: 'prod' } }))).code).toBe(SsoErrorCode.SALESFORCE_APP_NAME_TAKEN);
    }
  });
});
