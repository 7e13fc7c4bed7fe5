import { readFileSync } from 'fs';
import { join } from 'path';
import { dump as stringify } from 'js-yaml';
import { synthesizeOrThrow } from '../../cli/synthesize';
import { cli } from '../cli/support';
import { configError } from '../support/config';
import { readTree, tempDir, writeConfig } from '../support/files';

const EXAMPLE = 'examples/config/twilio-sso.yaml';
const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JB = 'JB00112233445566778899aabbccddeeff';

function synth(configPath: string): string {
  const out = tempDir();
  synthesizeOrThrow(configPath, out);
  return out;
}

function stackJson(out: string, stack: string): any {
  return JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

const okTarget = (over: object = {}) => ({
  name: 'flex',
  twilio: { flexEnhanced: { connectionSid: JQ } },
  okta: { orgName: 'acme', groups: [{ id: '00g1', roles: ['agent'] }] },
  ...over,
});

describe('the example config', () => {
  const out = synth(EXAMPLE);

  test('synthesizes one stack per Okta target with the provider pinned and no credentials', () => {
    for (const stack of ['flex-okta', 'frontline-okta']) {
      const json = stackJson(out, stack);
      expect(json.terraform.required_providers.okta).toEqual({ source: 'okta/okta', version: '4.20.0' });
      expect(json.provider.okta).toEqual([{ org_name: 'example-org', base_url: 'okta.com' }]);
      expect(json.terraform.backend).toEqual({ local: { path: `terraform.${stack}.tfstate` } });
    }
  });

  test('pins the construct IDs (renaming one replaces an app in the IdP)', () => {
    const addresses = (stack: string) => {
      const json = stackJson(out, stack);
      return Object.entries(json.resource).flatMap(([type, rs]) => Object.keys(rs as object).map((n) => `${type}.${n}`)).sort();
    };
    expect(addresses('flex-okta')).toEqual([
      'okta_app_group_assignments.Sso_GroupAssignments_97F4A197',
      'okta_app_saml.Sso_A0A4D89C',
      'okta_app_user_schema_property.Sso_RolesProperty_2D632DEA',
    ]);
    expect(addresses('frontline-okta')).toEqual(addresses('flex-okta'));
  });

  test('synthesizing twice gives byte-identical files', () => {
    expect(readTree(synth(EXAMPLE))).toEqual(readTree(out));
  });

  test('twilio-sso synth reads the config path from TWILIO_SSO_CONFIG when --config is absent', async () => {
    const out2 = tempDir();
    expect((await cli(['synth', '--output', out2], { TWILIO_SSO_CONFIG: EXAMPLE })).code).toBe(0);
    expect(readTree(out2)).toEqual(readTree(out));
  });
});

describe('backends', () => {
  test.each([
    [{ s3: { bucket: 'state', region: 'eu-west-1' } }, 's3', { bucket: 'state', key: 'twilio-sso/flex.tfstate', region: 'eu-west-1', encrypt: true }],
    [
      { azurerm: { resourceGroupName: 'rg', storageAccountName: 'sa', containerName: 'tf', key: 'sso/{target}.tfstate' } },
      'azurerm',
      { resource_group_name: 'rg', storage_account_name: 'sa', container_name: 'tf', key: 'sso/flex.tfstate' },
    ],
  ])('declares the %j backend per target', (backend, kind, expected) => {
    const out = synth(writeConfig(stringify({ defaults: { backend }, targets: [okTarget()] })));
    expect(stackJson(out, 'flex').terraform.backend).toEqual({ [kind]: expected });
  });

  test('a target backend overrides the default; HCP Terraform gets a workspace per target', () => {
    const out = synth(writeConfig(stringify({ defaults: { backend: { local: {} } }, targets: [okTarget({ backend: { cloud: { organization: 'acme' } } })] })));
    expect(stackJson(out, 'flex').terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: 'flex' } });
  });
});

describe('bad config fails at synth time with the path in the file', () => {
  test('a role the product does not have', () => {
    const e = configError({
      targets: [okTarget(), { name: 'fl', twilio: { frontline: { realmSid: JB } }, okta: { orgName: 'acme', groups: [{ id: '00g1', roles: ['agent', 'admin'] }] } }],
    });
    expect(e.message).toContain("targets[1].okta.groups[0].roles[1] is not a frontline role, got 'admin'");
  });

  test('a malformed SID', () => {
    const e = configError({ targets: [okTarget({ twilio: { flexEnhanced: { connectionSid: 'JQ123' } } })] });
    expect(e.message).toContain("targets[0].twilio.flexEnhanced.connectionSid must look like JQ followed by 32 lowercase hex characters (the flex connection SID), got 'JQ123'");
  });

  test('an Entity ID and ACS URL from different targets', () => {
    const e = configError({
      targets: [
        okTarget({
          twilio: {
            serviceProvider: {
              product: 'flex',
              entityId: `urn:flex:${JQ}`,
              acsUrl: 'https://iam.twilio.com/v1/Accounts/ACfedcba9876543210fedcba9876543210/saml2',
            },
          },
        }),
      ],
    });
    expect(e.message).toContain('targets[0].twilio.serviceProvider.acsUrl');
    expect(e.code).toBe('SP_TARGET_MISMATCH');
  });

  test('preview.twilio.com and Frontline v2 URLs for Flex', () => {
    const AC = 'ACfedcba9876543210fedcba9876543210';
    const preview = configError({
      targets: [okTarget({ twilio: { serviceProvider: { product: 'flex', entityId: `https://iam.twilio.com/v1/Accounts/${AC}/saml2/metadata`, acsUrl: `https://preview.twilio.com/iam/Accounts/${AC}/saml2` } } })],
    });
    expect(preview.message).toContain("targets[0].twilio.serviceProvider.acsUrl uses the deprecated pre-GA endpoint preview.twilio.com, got 'https://preview.twilio.com/iam/Accounts/");
    const v2 = configError({ targets: [okTarget({ twilio: { flexEnhanced: { connectionSid: JQ, acsUrl: `https://iam.twilio.com/v2/saml2/authenticate/${JB}` } } })] });
    expect(v2.message).toContain('targets[0].twilio.flexEnhanced.acsUrl is a Frontline (iam.twilio.com/v2) URL, which is never valid for Flex');
  });

  test('a Flex type suffix Flex does not accept', () => {
    const e = configError({ targets: [okTarget({ okta: { orgName: 'acme', attributes: [{ name: 'channel.chat.capacity.integer', value: 'user.capacity' }] } })] });
    expect(e.message).toContain("targets[0].okta.attributes[0].name has type suffix '.integer'");
  });

  test('a capitalised claim name', () => {
    const e = configError({ targets: [okTarget({ okta: { orgName: 'acme', attributes: [{ name: 'Department', value: 'user.department' }] } })] });
    expect(e.message).toContain("targets[0].okta.attributes[0].name must be lowercase");
    expect(e.message).toContain("got 'Department'");
  });

  test('schema errors: unknown keys, wrong types and enums, each with its path', () => {
    const e = configError({ targets: [okTarget({ okta: { orgName: 'acme', rolesSource: 'groups', groups: [{ id: '00g1', roles: 'agent' }], typo: 1 } })] });
    expect(e.message).toContain("targets[0].okta: unknown key 'typo'");
    expect(e.message).toContain('targets[0].okta.rolesSource: must be one of "assignments", "userType", got "groups"');
    expect(e.message).toContain('targets[0].okta.groups[0].roles: must be array, got "agent"');
  });

  test('keys of 0.1.0 are unknown and name their new key', () => {
    const e = configError({ targets: [okTarget({ okta: { orgName: 'acme', label: 'x', emailExpression: 'user.email', attributes: [{ name: 'department', expression: 'user.department' }] } })] });
    expect(e.message).toContain("targets[0].okta: unknown key 'label' (renamed to 'displayName')");
    expect(e.message).toContain("targets[0].okta: unknown key 'emailExpression' (renamed to 'email')");
    expect(e.message).toContain("targets[0].okta.attributes[0]: unknown key 'expression' (renamed to 'value')");
  });

  test('construct-level problems name the config keys the user wrote (id, not principalId)', () => {
    const e = configError({ targets: [okTarget({ okta: { orgName: 'acme', nameId: '${user.email}', groups: [{ id: '00g1', roles: ['agent'] }, { id: '00g1', roles: ['admin'] }] } })] });
    expect(e.violations.map((v) => v.field)).toEqual(['targets[0].okta.nameId', 'targets[0].okta.groups[1].id']);
    expect(e.message).toContain("targets[0].okta.groups[1].id '00g1' is already listed at groups[0]");
    expect(e.violations[0].value).toBe('${user.email}');
  });

  test('a target with no identity provider, and duplicate stack names', () => {
    const { okta: _okta, ...noIdp } = okTarget();
    expect(configError({ targets: [noIdp] }).message).toContain('targets[0]: must have exactly one identity provider block');
    expect(configError({ targets: [okTarget(), okTarget()] }).message).toContain("targets[1].name: 'flex' is already used by targets[0]");
  });

  test('problems in several targets are reported together', () => {
    const e = configError({
      targets: [okTarget({ twilio: { flexLegacy: { accountSid: 'AC1' } } }), okTarget({ name: 'two', twilio: { frontline: { realmSid: 'JB1' } } })],
    });
    expect(e.message).toMatch(/targets\[0\][\s\S]*'AC1'[\s\S]*targets\[1\][\s\S]*'JB1'/);
  });

  test('a missing config file names the path and how to set it', () => {
    expect(() => synthesizeOrThrow('/nonexistent/twilio-sso.yaml', tempDir())).toThrow(/Cannot read config file '\/nonexistent\/twilio-sso.yaml'.*TWILIO_SSO_CONFIG/);
  });

  test('a YAML syntax error names the file and the line, and nothing is written', () => {
    const out = tempDir();
    const file = writeConfig('targets:\n  - name: flex\n    name: again\n');
    expect(() => synthesizeOrThrow(file, out)).toThrow(`${file}:3:5: cannot be read as a config: duplicated mapping key`);
    expect(readTree(out)).toEqual({});
  });

  test('YAML 1.2 core schema: unquoted dates and yes/no stay strings, so the schema reports them as such', () => {
    const file = writeConfig('targets:\n  - name: 2027-01-01\n    okta: yes\n');
    expect(() => synthesizeOrThrow(file, tempDir())).toThrow(/targets\[0\]\.okta: must be object, got "yes"/);
  });
});

