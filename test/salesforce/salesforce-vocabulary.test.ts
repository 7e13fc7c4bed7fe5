import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { createHash } from 'crypto';
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { SalesforceAppType, SalesforceTwilioSso, SalesforceTwilioSsoProps } from '../../lib/salesforce';
import { SsoErrorCode, TwilioProduct, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';

// The shared vocabulary on Salesforce: displayName, nameId, email, fullName, attributes[].value,
// addAttribute after construction, tokens refused where they would be written into the files.

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const AC = 'AC0123456789abcdef0123456789abcdef';
const CERT = join(__dirname, '..', '..', 'examples', 'config', 'salesforce-idp-cert.pem');
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const ECA = 'force-app/main/default';
const SAML_POLICIES = `${ECA}/extlClntAppSamlConfigurablePolicies/Twilio_Flex_samlPlcy.ecaSamlPlcy-meta.xml`;
const CONNECTED_APP = `${ECA}/connectedApps/Twilio_Flex.connectedApp-meta.xml`;

const base = (over: Partial<SalesforceTwilioSsoProps> = {}): SalesforceTwilioSsoProps => ({
  target: flex,
  myDomain: 'acme',
  certificateFile: CERT,
  profiles: ['System Administrator'],
  ...over,
});

const newStack = () => new TerraformStack(Testing.app(), 'test');
const connectedApp = (over: Partial<SalesforceTwilioSsoProps> = {}) =>
  base({ target: TwilioTarget.flexLegacy({ accountSid: AC }), appType: SalesforceAppType.CONNECTED_APP, contactEmail: 'admin@example.com', ...over });

/** The text of each `<name>` element of an XML document. */
const elements = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
/** `key → formula` of each custom attribute. */
const customAttributes = (xml: string) => Object.fromEntries([...xml.matchAll(/<formula>([^<]*)<\/formula>\s*<key>([^<]*)<\/key>/g)].map((m) => [m[2], m[1]]));

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n)) : [join(dir, n)]));
}

describe('shared props on Salesforce', () => {
  test('displayName is the label of every component', () => {
    const eca = new SalesforceTwilioSso(newStack(), 'Sso', base({ displayName: 'Contact center' }));
    const labels = Object.entries(eca.files).filter(([p]) => p.endsWith('-meta.xml') && !p.startsWith('manifest/')).map(([, xml]) => elements(xml, 'label'));
    expect(labels).toEqual([['Contact center'], ['Contact center'], ['Contact center']]);
    expect(eca.displayName).toBe('Contact center');
    const ca = new SalesforceTwilioSso(newStack(), 'Sso', connectedApp({ displayName: 'Contact center' }));
    expect(elements(ca.files[CONNECTED_APP], 'label')).toEqual(['Contact center']);
  });

  test("displayName defaults to 'Twilio Flex' / 'Twilio Frontline'", () => {
    expect(new SalesforceTwilioSso(newStack(), 'Sso', base()).displayName).toBe('Twilio Flex');
    const frontline = new SalesforceTwilioSso(newStack(), 'Sso', base({ target: TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' }) }));
    expect(frontline.displayName).toBe('Twilio Frontline');
  });

  test('email, fullName and attribute values are the formulas of the custom attributes', () => {
    const sso = new SalesforceTwilioSso(
      newStack(),
      'Sso',
      base({ email: '$User.Username', fullName: '$User.CommunityNickname', attributes: [{ name: 'department', value: 'UPPER($User.Department)' }] }),
    );
    expect(customAttributes(sso.files[SAML_POLICIES])).toEqual({
      email: '$User.Username',
      full_name: '$User.CommunityNickname',
      roles: '"agent"',
      department: 'UPPER($User.Department)',
    });
  });

  test.each([
    ['$User.Username', 'Username'],
    ['$User.FederationIdentifier', 'FederationId'],
    ['$User.Id', 'UserId'],
  ])('nameId %s is subject type %s, in an External Client App and a Connected App', (nameId, subjectType) => {
    const eca = new SalesforceTwilioSso(newStack(), 'Sso', base({ nameId }));
    expect(elements(eca.files[SAML_POLICIES], 'subjectType')).toEqual([subjectType]);
    const ca = new SalesforceTwilioSso(newStack(), 'Sso', connectedApp({ nameId }));
    expect(elements(ca.files[CONNECTED_APP], 'samlSubjectType')).toEqual([subjectType]);
  });

  test('the default nameId renders the same bytes as $User.Username', () => {
    const explicit = new SalesforceTwilioSso(newStack(), 'Sso', base({ nameId: '$User.Username' }));
    expect(new SalesforceTwilioSso(newStack(), 'Sso', base()).metadataSha256).toBe(explicit.metadataSha256);
  });

  test('a nameId that is not a subject type is refused, listing the accepted values', () => {
    const e = ssoError(() => new SalesforceTwilioSso(newStack(), 'Sso', base({ nameId: '$User.Email' })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.NAME_ID_INVALID, 'nameId', '$User.Email']);
    expect(e.message).toContain("nameId must be one of '$User.Username', '$User.FederationIdentifier', '$User.Id'");
    expect(e.message).toContain("got '$User.Email'");
  });

  test('merge-field braces in a formula are refused, naming the prop', () => {
    const e = ssoError(() => new SalesforceTwilioSso(newStack(), 'Sso', base({ email: '{!$User.Email}' })));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.ATTRIBUTE_VALUE_INVALID, 'email', '{!$User.Email}']);
    expect(e.message).toContain("without the merge-field braces '{!…}'");
  });

  test('an empty displayName and a bad warning threshold are refused with the shared codes', () => {
    const e = ssoError(() => new SalesforceTwilioSso(newStack(), 'Sso', base({ displayName: ' ', certificateExpiryWarningDays: -1 })));
    expect(e.violations.map((v) => [v.code, v.field])).toEqual([
      [SsoErrorCode.DISPLAY_NAME_EMPTY, 'displayName'],
      [SsoErrorCode.CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID, 'certificateExpiryWarningDays'],
    ]);
  });
});

describe('Terraform tokens are refused where they would be written into the files', () => {
  test('a target whose SID comes from a TerraformVariable names target.entityId and target.acsUrl, and declares nothing', () => {
    const stack = newStack();
    const sid = new TerraformVariable(stack, 'sid', { type: 'string' });
    const e = ssoError(() => new SalesforceTwilioSso(stack, 'Sso', base({ target: TwilioTarget.flexEnhanced({ connectionSid: sid.stringValue }) })));
    expect(e.violations.map((v) => [v.code, v.field])).toEqual([
      [SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'target.entityId'],
      [SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'target.acsUrl'],
    ]);
    expect(e.message).toContain('target.entityId must be known at synth time, got a Terraform token');
    expect(e.message).toContain('not from a TerraformVariable');
    expect(stack.node.tryFindChild('Sso')).toBeUndefined();
  });

  test('token URLs given to fromServiceProvider are refused the same way', () => {
    const stack = newStack();
    const entityId = new TerraformVariable(stack, 'entity', { type: 'string' }).stringValue;
    const acsUrl = new TerraformVariable(stack, 'acs', { type: 'string' }).stringValue;
    const target = TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId, acsUrl, kind: flex.kind });
    const e = ssoError(() => SalesforceTwilioSso.validateProps(base({ target })));
    expect(e.violations.map((v) => [v.field, v.value])).toEqual([
      ['target.entityId', entityId],
      ['target.acsUrl', acsUrl],
    ]);
  });

  test('every token-valued prop is reported in one error, with the other problems', () => {
    const stack = newStack();
    const v = (id: string) => new TerraformVariable(stack, id, { type: 'string' }).stringValue;
    const e = ssoError(
      () =>
        new SalesforceTwilioSso(stack, 'Sso', {
          ...base(),
          displayName: v('name'),
          nameId: v('nameid'),
          attributes: [{ name: 'department', value: v('dept') }],
          profiles: ['Agents', v('profile')],
          roles: ['boss'],
        }),
    );
    expect(e.violations.map((x) => [x.code, x.field])).toEqual([
      [SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'displayName'],
      [SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'nameId'],
      [SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'attributes[0].value'],
      [SsoErrorCode.ROLE_UNKNOWN, 'roles[0]'],
      [SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'profiles[1]'],
    ]);
    expect(e.message).toMatch(/5 problems/);
  });
});

describe('addAttribute after construction', () => {
  test('the attribute is in the written XML and changes the deploy trigger hash', () => {
    const synth = (extra: boolean) => {
      const outdir = mkdtempSync(join(tmpdir(), 'sf-add-'));
      const app = new App({ outdir });
      const stack = new TerraformStack(app, 'sf');
      const sso = new SalesforceTwilioSso(stack, 'Sso', base({ deploy: { targetOrg: 'acme-prod' } }));
      if (extra) sso.addAttribute({ name: 'department', value: '$User.Department' });
      app.synth();
      const stackDir = join(outdir, 'stacks', 'sf');
      const projectDir = join(stackDir, sso.projectPath);
      const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
      const trigger = (Object.values(json.resource.terraform_data)[0] as any).triggers_replace.metadata_sha256 as string;
      // The hash of what was written, computed here from the files on disk.
      const hash = createHash('sha256');
      for (const file of listFiles(projectDir).map((f) => relative(projectDir, f).split('\\').join('/')).sort()) {
        hash.update(file).update('\0').update(readFileSync(join(projectDir, file), 'utf8')).update('\0');
      }
      return { xml: readFileSync(join(projectDir, SAML_POLICIES), 'utf8'), trigger, written: hash.digest('hex') };
    };
    const without = synth(false);
    const withExtra = synth(true);
    expect(customAttributes(withExtra.xml).department).toBe('$User.Department');
    expect(customAttributes(without.xml).department).toBeUndefined();
    expect(withExtra.trigger).toBe(withExtra.written);
    expect(without.trigger).toBe(without.written);
    expect(withExtra.trigger).not.toBe(without.trigger);
  });

  test('is refused once the project is rendered: after synth, or after its files were read', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'sf-synth-')) });
    const synthesized = new SalesforceTwilioSso(new TerraformStack(app, 'sf'), 'Sso', base());
    app.synth();
    const e = ssoError(() => synthesized.addAttribute({ name: 'department', value: '$User.Department' }));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.SALESFORCE_ALREADY_RENDERED, 'attributes[0].name', 'department']);
    expect(e.message).toContain("attributes[0].name 'department' cannot be added to sf/Sso: its Salesforce project was already rendered");
    expect(synthesized.attributes).toEqual([]);

    const read = new SalesforceTwilioSso(newStack(), 'Sso', base());
    expect(Object.keys(read.files)).toHaveLength(5);
    expect(ssoError(() => read.addAttribute({ name: 'department', value: '$User.Department' })).code).toBe(SsoErrorCode.SALESFORCE_ALREADY_RENDERED);
  });

  test('refuses a token value, a duplicate and a bad name', () => {
    const stack = newStack();
    const sso = new SalesforceTwilioSso(stack, 'Sso', base({ attributes: [{ name: 'department', value: '$User.Department' }] }));
    const token = new TerraformVariable(stack, 'v', { type: 'string' }).stringValue;
    const e = ssoError(() => sso.addAttribute({ name: 'location', value: token }));
    expect([e.code, e.field]).toEqual([SsoErrorCode.SALESFORCE_VALUE_TOKEN, 'attributes[1].value']);
    expect(ssoError(() => sso.addAttribute({ name: 'department', value: '$User.Title' })).code).toBe(SsoErrorCode.ATTRIBUTE_DUPLICATE);
    expect(ssoError(() => sso.addAttribute({ name: 'Location', value: '$User.City' })).code).toBe(SsoErrorCode.CLAIM_NAME_CAPITALISED);
    expect(sso.attributes).toEqual([{ name: 'department', value: '$User.Department' }]);
  });
});

describe('certificate expiry uses the shared threshold (expiring when the days left are at most it)', () => {
  const warnings = (sso: SalesforceTwilioSso) => sso.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));

  test('warns at exactly the threshold, not one day under it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-cert-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '10', '-subj', '/CN=Soon'], { stdio: 'ignore' });
    const file = join(dir, 'cert.pem');
    const end = Date.parse(execFileSync('openssl', ['x509', '-in', file, '-noout', '-enddate']).toString().trim().replace('notAfter=', ''));
    const daysLeft = Math.floor((end - Date.now()) / 86_400_000);
    expect(warnings(new SalesforceTwilioSso(newStack(), 'Sso', base({ certificateFile: file, certificateExpiryWarningDays: daysLeft })))).toEqual([
      expect.stringContaining(`in ${daysLeft} days (warning threshold ${daysLeft})`),
    ]);
    expect(warnings(new SalesforceTwilioSso(newStack(), 'Sso', base({ certificateFile: file, certificateExpiryWarningDays: daysLeft - 1 })))).toEqual([]);
  });
});

describe('examples/compose-salesforce.ts', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'sf-compose-'));
  require(join('..', '..', 'examples', 'compose-salesforce')).synthExample(outdir);
  const stackDir = join(outdir, 'stacks', 'contact-center-salesforce');
  const json = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
  const read = (path: string) => readFileSync(join(stackDir, path), 'utf8');

  test('the attributes added after construction and the Federation ID subject are in the Flex app', () => {
    const xml = read(`salesforce/Flex/${SAML_POLICIES}`);
    expect(customAttributes(xml)).toEqual({
      email: '$User.Email',
      full_name: '$User.FirstName &amp; " " &amp; $User.LastName', // as XML escapes it
      roles: '$User.Twilio_Roles__c',
      department: '$User.Department',
      location: '$User.City',
    });
    expect(elements(xml, 'subjectType')).toEqual(['FederationId']);
    expect(elements(xml, 'label')).toEqual(['Contact center (Flex)']);
  });

  test('both apps deploy (added with addDeployment) and both sets of Console outputs are prefixed', () => {
    const deploys = Object.values(json.resource.terraform_data) as any[];
    expect(deploys.map((d) => d.provisioner[0]['local-exec'].working_dir)).toEqual(['${path.module}/salesforce/Flex', '${path.module}/salesforce/Frontline']);
    expect(json.output.flex_single_sign_on_url.value).toBe('https://example-org.my.salesforce.com/idp/endpoint/HttpRedirect');
    expect(json.output.frontline_sso_url.value).toBe('https://example-org.my.salesforce.com/idp/endpoint/HttpRedirect');
    expect(json.output.flex_sp_entity_id.value).toBe('urn:flex:JQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  });
});
