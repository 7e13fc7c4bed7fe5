import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { App, TerraformStack, Testing } from 'cdktf';
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { TwilioConsoleOutputs } from '../../lib/core';
import { SalesforceAppType, SalesforceSsoBinding, SalesforceTwilioSso, SalesforceTwilioSsoProps } from '../../lib/salesforce';
import { SsoConfigError, SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';
const AC = 'AC0123456789abcdef0123456789abcdef';
const CERT = join(__dirname, '..', '..', 'examples', 'config', 'salesforce-idp-cert.pem');
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
const frontline = TwilioTarget.frontline({ realmSid: JB });

const base = (over: Partial<SalesforceTwilioSsoProps> = {}): SalesforceTwilioSsoProps => ({
  target: flex,
  myDomain: 'acme',
  certificateFile: CERT,
  profiles: ['System Administrator'],
  ...over,
});

function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

/** Synthesizes a fresh app into a new directory; returns the directory. */
function synthTo(build: (stack: TerraformStack) => void): string {
  const outdir = mkdtempSync(join(tmpdir(), 'sf-synth-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'sf');
  build(stack);
  app.synth();
  return outdir;
}

function makeCert(days: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sf-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', String(days), '-subj', '/CN=Soon'], { stdio: 'ignore' });
  return join(dir, 'cert.pem');
}

const ECA_DIR = 'force-app/main/default';

describe('SalesforceTwilioSso for Flex enhanced SSO (External Client App)', () => {
  const stack = newStack();
  const sso = new SalesforceTwilioSso(stack, 'Sso', base({ roles: ['supervisor', 'wfo.team_leader'], permissionSets: ['Twilio_Flex_Users'] }));

  test('writes the three ECA components, the manifest and sfdx-project.json', () => {
    expect(Object.keys(sso.files)).toEqual([
      `${ECA_DIR}/externalClientApps/Twilio_Flex.eca-meta.xml`,
      `${ECA_DIR}/extlClntAppPolicies/Twilio_Flex_plcy.ecaPlcy-meta.xml`,
      `${ECA_DIR}/extlClntAppSamlConfigurablePolicies/Twilio_Flex_samlPlcy.ecaSamlPlcy-meta.xml`,
      'manifest/package.xml',
      'sfdx-project.json',
    ]);
  });

  test('SAML policies carry exactly the values Twilio requires', () => {
    expect(sso.files[`${ECA_DIR}/extlClntAppSamlConfigurablePolicies/Twilio_Flex_samlPlcy.ecaSamlPlcy-meta.xml`]).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<ExtlClntAppSamlConfigurablePolicies xmlns="http://soap.sforce.com/2006/04/metadata">',
        `    <acsUrl>https://login.flex.us1.twilio.com/login/callback?connection=${JQ}</acsUrl>`,
        '    <commaSeparatedPermissionSet>Twilio_Flex_Users</commaSeparatedPermissionSet>',
        '    <commaSeparatedProfile>System Administrator</commaSeparatedProfile>',
        '    <customAttributes>',
        '        <formula>$User.Email</formula>',
        '        <key>email</key>',
        '    </customAttributes>',
        '    <customAttributes>',
        '        <formula>$User.FirstName &amp; " " &amp; $User.LastName</formula>',
        '        <key>full_name</key>',
        '    </customAttributes>',
        '    <customAttributes>',
        '        <formula>"supervisor,wfo.team_leader"</formula>',
        '        <key>roles</key>',
        '    </customAttributes>',
        `    <entityUrl>urn:flex:${JQ}</entityUrl>`,
        '    <externalClientApplication>Twilio_Flex</externalClientApplication>',
        '    <issuer>https://acme.my.salesforce.com</issuer>',
        '    <label>Twilio Flex</label>',
        '    <nameIdFormat>Unspecified</nameIdFormat>',
        '    <signingAlgorithmType>SHA256</signingAlgorithmType>',
        '    <startUrl>https://flex.twilio.com/agent-desktop</startUrl>',
        '    <subjectType>Username</subjectType>',
        '</ExtlClntAppSamlConfigurablePolicies>',
        '',
      ].join('\n'),
    );
  });

  test('never turns on request-signature verification or encryption', () => {
    for (const xml of Object.values(sso.files)) expect(xml).not.toMatch(/<(certificate|encryptionCertificate|encryptionType)>/);
  });

  test('the app is Local and the SAML plugin is on', () => {
    expect(sso.files[`${ECA_DIR}/externalClientApps/Twilio_Flex.eca-meta.xml`]).toContain('<distributionState>Local</distributionState>');
    const policies = sso.files[`${ECA_DIR}/extlClntAppPolicies/Twilio_Flex_plcy.ecaPlcy-meta.xml`];
    expect(policies).toContain('<externalClientApplication>Twilio_Flex</externalClientApplication>');
    expect(policies).toContain('<isEnabled>true</isEnabled>');
    expect(policies).toContain('<isSamlPluginEnabled>true</isSamlPluginEnabled>');
  });

  test('manifest lists every component at API 63.0', () => {
    const xml = sso.files['manifest/package.xml'];
    expect(xml.match(/<name>[^<]+<\/name>/g)).toEqual([
      '<name>ExternalClientApplication</name>',
      '<name>ExtlClntAppConfigurablePolicies</name>',
      '<name>ExtlClntAppSamlConfigurablePolicies</name>',
    ]);
    expect(xml).toContain('<version>63.0</version>');
    expect(JSON.parse(sso.files['sfdx-project.json'])).toEqual({
      name: 'Twilio_Flex',
      namespace: '',
      packageDirectories: [{ path: 'force-app', default: true }],
      sourceApiVersion: '63.0',
    });
  });

  test('Console values: issuer from My Domain, HttpRedirect, the PEM and its expiry', () => {
    const pem = readFileSync(CERT, 'utf8');
    expect(sso.consoleValues.issuer).toBe('https://acme.my.salesforce.com');
    expect(sso.consoleValues.ssoUrl).toBe('https://acme.my.salesforce.com/idp/endpoint/HttpRedirect');
    expect(sso.consoleValues.certificatePem.trim()).toBe(pem.trim());
    expect(sso.consoleValues.certificateExpiresAt).toBe(new Date(execFileSync('openssl', ['x509', '-in', CERT, '-noout', '-enddate']).toString().trim().replace('notAfter=', '')).toISOString());
  });

  test('declares no resource unless deploying', () => {
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });
});

describe('generated projects pass the Salesforce metadata registry', () => {
  const cases: Array<[string, Partial<SalesforceTwilioSsoProps>, string[]]> = [
    ['Flex enhanced, External Client App', {}, ['ExternalClientApplication', 'ExtlClntAppConfigurablePolicies', 'ExtlClntAppSamlConfigurablePolicies']],
    ['Frontline, External Client App', { target: frontline }, ['ExternalClientApplication', 'ExtlClntAppConfigurablePolicies', 'ExtlClntAppSamlConfigurablePolicies']],
    ['Flex legacy, Connected App', { target: TwilioTarget.flexLegacy({ accountSid: AC }), appType: SalesforceAppType.CONNECTED_APP, contactEmail: 'admin@example.com' }, ['ConnectedApp']],
  ];
  test.each(cases)('%s: every component resolves to its type and converts to metadata format', async (_name, over, types) => {
    let sso!: SalesforceTwilioSso;
    const outdir = synthTo((stack) => {
      sso = new SalesforceTwilioSso(stack, 'Sso', base(over));
    });
    const projectDir = join(outdir, 'stacks', 'sf', sso.projectPath);
    const cs = ComponentSet.fromSource(join(projectDir, 'force-app'));
    // The project's own API version: unset, the library asks appexchange.salesforce.com for one.
    cs.sourceApiVersion = JSON.parse(sso.files['sfdx-project.json']).sourceApiVersion;
    const components = cs.getSourceComponents().toArray();
    expect(components.map((c) => c.type.name).sort()).toEqual([...types].sort());
    for (const c of components) {
      expect(relative(projectDir, c.xml!)).toBe(Object.keys(sso.files).find((k) => k.includes(`/${c.fullName}.`)));
    }
    const out = mkdtempSync(join(tmpdir(), 'sf-mdapi-'));
    await new MetadataConverter().convert(cs, 'metadata', { type: 'directory', outputDirectory: out, genUniqueDir: false });
    const converted = listFiles(out).map((f) => relative(out, f)).sort();
    expect(converted).toContain('package.xml');
    expect(readFileSync(join(out, 'package.xml'), 'utf8')).toContain('<version>63.0</version>');
    expect(converted.length).toBe(types.length + 1);
  });
});

describe('targets', () => {
  test('Frontline: roles agent, no full_name, no start URL, HttpPost selectable', () => {
    const sso = new SalesforceTwilioSso(newStack(), 'Sso', base({ target: frontline, ssoBinding: SalesforceSsoBinding.HTTP_POST }));
    const xml = sso.files[`${ECA_DIR}/extlClntAppSamlConfigurablePolicies/Twilio_Frontline_samlPlcy.ecaSamlPlcy-meta.xml`];
    expect(sso.samlAttributes).toEqual([
      { name: 'email', value: '$User.Email' },
      { name: 'roles', value: '"agent"' },
    ]);
    expect(xml).toContain(`<acsUrl>https://iam.twilio.com/v2/saml2/authenticate/${JB}</acsUrl>`);
    expect(xml).toContain(`<entityUrl>https://iam.twilio.com/v2/saml2/metadata/${JB}</entityUrl>`);
    expect(xml).not.toContain('startUrl');
    expect(xml).not.toContain('full_name');
    expect(sso.consoleValues.ssoUrl).toBe('https://acme.my.salesforce.com/idp/endpoint/HttpPost');
  });

  test('Connected App for Flex legacy: exact XML', () => {
    const sso = new SalesforceTwilioSso(
      newStack(),
      'Sso',
      base({ target: TwilioTarget.flexLegacy({ accountSid: AC }), appType: SalesforceAppType.CONNECTED_APP, contactEmail: 'admin@example.com', permissionSets: ['Flex'], issuerTrailingSlash: true }),
    );
    expect(Object.keys(sso.files)).toEqual([`${ECA_DIR}/connectedApps/Twilio_Flex.connectedApp-meta.xml`, 'manifest/package.xml', 'sfdx-project.json']);
    expect(sso.files[`${ECA_DIR}/connectedApps/Twilio_Flex.connectedApp-meta.xml`]).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <attributes>',
        '        <formula>$User.Email</formula>',
        '        <key>email</key>',
        '    </attributes>',
        '    <attributes>',
        '        <formula>$User.FirstName &amp; " " &amp; $User.LastName</formula>',
        '        <key>full_name</key>',
        '    </attributes>',
        '    <attributes>',
        '        <formula>"agent"</formula>',
        '        <key>roles</key>',
        '    </attributes>',
        '    <contactEmail>admin@example.com</contactEmail>',
        `    <description>SAML single sign-on for Flex legacy SSO ${AC} (generated by cdktf-twilio-sso)</description>`,
        '    <label>Twilio Flex</label>',
        '    <permissionSetName>Flex</permissionSetName>',
        '    <profileName>System Administrator</profileName>',
        '    <samlConfig>',
        `        <acsUrl>https://iam.twilio.com/v1/Accounts/${AC}/saml2</acsUrl>`,
        `        <entityUrl>https://iam.twilio.com/v1/Accounts/${AC}/saml2/metadata</entityUrl>`,
        '        <issuer>https://acme.my.salesforce.com/</issuer>',
        '        <samlNameIdFormat>Unspecified</samlNameIdFormat>',
        '        <samlSigningAlgoType>SHA256</samlSigningAlgoType>',
        '        <samlSubjectType>Username</samlSubjectType>',
        '    </samlConfig>',
        '    <startUrl>https://flex.twilio.com/agent-desktop</startUrl>',
        '</ConnectedApp>',
        '',
      ].join('\n'),
    );
    expect(sso.consoleValues.issuer).toBe('https://acme.my.salesforce.com/');
  });

  test('sandbox host, extra attribute and roles formula', () => {
    const sso = new SalesforceTwilioSso(
      newStack(),
      'Sso',
      base({ myDomain: 'acme--uat.sandbox.my.salesforce.com', rolesFormula: '$User.Twilio_Roles__c', attributes: [{ name: 'department', value: '$User.Department' }], startUrl: '' }),
    );
    expect(sso.consoleValues.issuer).toBe('https://acme--uat.sandbox.my.salesforce.com');
    expect(sso.samlAttributes.slice(2)).toEqual([
      { name: 'roles', value: '$User.Twilio_Roles__c' },
      { name: 'department', value: '$User.Department' },
    ]);
    expect(Object.values(sso.files).join()).not.toContain('startUrl');
  });
});

describe('synth output', () => {
  const build = (stack: TerraformStack) => {
    const sso = new SalesforceTwilioSso(stack, 'Sso', base({ deploy: { targetOrg: 'acme-prod' } }));
    new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  };

  test('is byte-identical on a second synth', () => {
    const a = synthTo(build);
    const b = synthTo(build);
    const filesA = listFiles(a).map((f) => relative(a, f)).sort();
    expect(listFiles(b).map((f) => relative(b, f)).sort()).toEqual(filesA);
    expect(filesA.filter((f) => f.includes('/salesforce/Sso/')).length).toBe(5);
    for (const f of filesA) expect(readFileSync(join(b, f))).toEqual(readFileSync(join(a, f)));
  });

  test('deploy is a terraform_data resource replaced when the metadata changes', () => {
    const stack = newStack();
    const sso = new SalesforceTwilioSso(stack, 'Sso', base({ deploy: { targetOrg: 'acme-prod' } }));
    const json = JSON.parse(Testing.synth(stack));
    const data = Object.values(json.resource.terraform_data) as any[];
    expect(data).toHaveLength(1);
    expect(data[0].triggers_replace).toEqual({ metadata_sha256: sso.metadataSha256, target_org: 'acme-prod' });
    expect(data[0].provisioner).toEqual([
      {
        'local-exec': {
          command: "npx --yes --package=@salesforce/cli@2.150.6 -- sf project deploy start --source-dir force-app --target-org 'acme-prod' --wait 30",
          working_dir: `\${path.module}/${sso.projectPath}`,
        },
      },
    ]);
    expect(json.provider).toBeUndefined();
    const other = new SalesforceTwilioSso(newStack(), 'Sso', base({ roles: ['admin'] }));
    expect(other.metadataSha256).not.toBe(sso.metadataSha256);
  });

  test('sf on PATH', () => {
    const stack = newStack();
    new SalesforceTwilioSso(stack, 'Sso', base({ deploy: { targetOrg: 'me@example.com', useSfOnPath: true } }));
    const data = Object.values(JSON.parse(Testing.synth(stack)).resource.terraform_data) as any[];
    expect(data[0].provisioner[0]['local-exec'].command).toBe("sf project deploy start --source-dir force-app --target-org 'me@example.com' --wait 30");
  });

  test('two apps of one name deployed to one org are rejected (each deploy would overwrite the other), in any stacks', () => {
    const app = Testing.app();
    const one = new TerraformStack(app, 'one');
    const two = new TerraformStack(app, 'two');
    new SalesforceTwilioSso(one, 'Sso', base({ deploy: { targetOrg: 'acme-prod' } }));
    const e = ssoError(() => new SalesforceTwilioSso(two, 'Sso', base({ deploy: { targetOrg: 'acme-prod' } })));
    expect(e.code).toBe('SALESFORCE_APP_NAME_TAKEN');
    expect(e.message).toContain("appName 'Twilio_Flex' of two/Sso is already deployed to org 'acme-prod' by one/Sso, and each deploy would overwrite the other");
    expect(two.node.findAll().some((c) => c.node.id === 'Deploy' || c.node.id === 'Project')).toBe(false);
    // Another name, another org, or no deploy step: fine.
    new SalesforceTwilioSso(two, 'Other', base({ appName: 'Twilio_Flex_EU', deploy: { targetOrg: 'acme-prod' } }));
    new SalesforceTwilioSso(two, 'Eu', base({ deploy: { targetOrg: 'acme-eu' } }));
    new SalesforceTwilioSso(two, 'FilesOnly', base());
  });
});

describe('certificate expiry warning', () => {
  const warnings = (sso: SalesforceTwilioSso) => sso.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => String(m.data));

  test('warns when the certificate expires within the threshold', () => {
    const sso = new SalesforceTwilioSso(newStack(), 'Sso', base({ certificateFile: makeCert(5) }));
    expect(warnings(sso)).toEqual([expect.stringMatching(/ends on .* in [45] days \(warning threshold 30\)/)]);
  });

  test('threshold is configurable', () => {
    const sso = new SalesforceTwilioSso(newStack(), 'Sso', base({ certificateFile: makeCert(5), certificateExpiryWarningDays: 3 }));
    expect(warnings(sso)).toEqual([]);
  });

  test('no warning for a certificate valid for years', () => {
    expect(warnings(new SalesforceTwilioSso(newStack(), 'Sso', base()))).toEqual([]);
  });
});

describe('bad input is an SsoConfigError naming the field and value', () => {
  const error = (over: Partial<SalesforceTwilioSsoProps>): SsoConfigError => {
    try {
      new SalesforceTwilioSso(newStack(), 'Sso', base(over));
    } catch (e) {
      if (e instanceof SsoConfigError) return e;
      throw e;
    }
    throw new Error('expected an SsoConfigError');
  };

  test.each([
    ['https://acme.my.salesforce.com/', /myDomain must be a host name without scheme or path, got 'https:\/\/acme.my.salesforce.com\/'; use 'acme.my.salesforce.com'/],
    ['acme.lightning.force.com', /myDomain is a Lightning Experience host.*got 'acme.lightning.force.com'; use 'acme.my.salesforce.com'/],
    ['acme.example.com', /myDomain must be a My Domain name .* got 'acme.example.com'/],
    ['Acme', /myDomain must be lowercase.*got 'Acme'; use 'acme'/],
    ['acme corp', /got 'acme corp'/],
  ])('fails if myDomain is %s', (myDomain, message) => {
    const e = error({ myDomain });
    expect(e.code).toBe('SALESFORCE_MY_DOMAIN_INVALID');
    expect(e.field).toBe('myDomain');
    expect(e.message).toMatch(message);
  });

  test('fails if a role is not a product role', () => {
    const e = error({ target: frontline, roles: ['supervisor'] });
    expect(e.code).toBe('ROLE_UNKNOWN');
    expect(e.field).toBe('roles[0]');
    expect(e.message).toMatch(/roles\[0\] is not a frontline role, got 'supervisor'; frontline accepts: agent/);
  });

  test('fails if the certificate file is not a certificate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-bad-'));
    const file = join(dir, 'not-a-cert.pem');
    writeFileSync(file, '<html>Session expired</html>\n');
    const e = error({ certificateFile: file });
    expect(e.code).toBe('SALESFORCE_CERT_INVALID');
    expect(e.field).toBe('certificateFile');
    expect(e.message).toContain(`certificateFile is not an X.509 certificate (PEM or DER), got '${file}'`);
  });

  test('fails if the certificate file is a private key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-key-'));
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-out', join(dir, 'key.pem')], { stdio: 'ignore' });
    expect(error({ certificateFile: join(dir, 'key.pem') }).message).toMatch(/holds a private key, not a certificate/);
  });

  test('fails if the certificate file is missing', () => {
    expect(error({ certificateFile: '/nonexistent/cert.pem' }).code).toBe('SALESFORCE_CERT_NOT_FOUND');
  });

  test('fails if nobody gets access', () => {
    const e = error({ profiles: [] });
    expect(e.code).toBe('SALESFORCE_NO_ACCESS');
    expect(e.message).toMatch(/Authentication failed/);
  });

  test('fails if a Connected App has no contact email', () => {
    expect(error({ appType: SalesforceAppType.CONNECTED_APP }).message).toMatch(/contactEmail is required with 'appType' ConnectedApp: the Metadata API requires it on a Connected App/);
  });

  test('fails if roles and rolesFormula are both given', () => {
    expect(error({ roles: ['agent'], rolesFormula: '$User.X__c' }).code).toBe('SALESFORCE_ROLES_CONFLICT');
  });

  test('fails if the deploy alias could break the shell command', () => {
    const e = error({ deploy: { targetOrg: "prod'; rm -rf /" } });
    expect(e.field).toBe('deploy.targetOrg');
  });

  test('fails if an extra attribute is capitalised', () => {
    expect(error({ attributes: [{ name: 'Department', value: '$User.Department' }] }).field).toBe('attributes[0].name');
  });

  test('collects every problem in one error', () => {
    const e = error({ myDomain: 'https://x', roles: ['boss'], profiles: [] });
    expect(e.message).toMatch(/3 problems/);
  });

  test('validateProps accepts good props', () => {
    expect(() => SalesforceTwilioSso.validateProps(base())).not.toThrow();
  });
});

describe('SalesforceTwilioSso and the products it does not serve yet', () => {
  test('a SendGrid target is refused with TARGET_NOT_SUPPORTED, not declared with roles', () => {
    const target = TwilioTarget.sendgrid({ integrationId: 'b0b98502-9408-4b24-9e3d-31ed7cb15312' });
    const problems = SalesforceTwilioSso.findProblems(base({ target }));
    expect(problems.map((v) => [v.field, v.code])).toEqual([['target', SsoErrorCode.TARGET_NOT_SUPPORTED]]);
  });
});
