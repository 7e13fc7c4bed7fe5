import { Testing } from 'cdktf';
import { join } from 'path';
import { SalesforceTwilioSso } from '../../lib/salesforce';
import { SsoConfigError } from '../../lib/twilio';
import { declareCheckedConfig, declareConfig } from '../support/config';

const CONFIG = join(__dirname, '..', '..', 'examples', 'config', 'twilio-sso.yaml');

const target = (salesforce: Record<string, unknown>) => ({
  targets: [{ name: 'flex-salesforce', twilio: { flexEnhanced: { connectionSid: 'JQ0123456789abcdef0123456789abcdef' } }, salesforce }],
});

describe('salesforce config block', () => {
  test('the example config declares both Salesforce stacks, certificate relative to the config file', () => {
    const stacks = declareCheckedConfig(CONFIG).filter((s) => s.app instanceof SalesforceTwilioSso);
    expect(stacks.map((s) => s.node.id)).toEqual(['flex-salesforce', 'frontline-salesforce']);
    const flex = stacks[0].app as SalesforceTwilioSso;
    expect(flex.consoleValues.issuer).toBe('https://example-org.my.salesforce.com');
    expect(flex.certificate.file).toBe(join(__dirname, '..', '..', 'examples', 'config', 'salesforce-idp-cert.pem'));
  });

  test('fails if the block has an unknown key', () => {
    expect(() => declareConfig(target({ myDomain: 'acme', certificateFile: 'salesforce-idp-cert.pem', profile: ['x'] }))).toThrow(/targets\[0\]\.salesforce: unknown key 'profile' \(did you mean 'profiles'\?\)/);
  });

  test('fails with the full path when myDomain is not a host name', () => {
    let error: SsoConfigError | undefined;
    try {
      declareConfig(target({ myDomain: 'acme.lightning.force.com', certificateFile: 'salesforce-idp-cert.pem', profiles: ['x'] }));
    } catch (e) {
      error = e as SsoConfigError;
    }
    expect(error).toBeInstanceOf(SsoConfigError);
    expect(error!.field).toBe('targets[0].salesforce.myDomain');
    expect(error!.message).toMatch(/targets\[0\]\.salesforce\.myDomain is a Lightning Experience host.*got 'acme.lightning.force.com'/);
  });

  test('deploy and useConnectedApp map to the construct', () => {
    const [stack] = declareConfig(
      target({ myDomain: 'acme', certificateFile: 'salesforce-idp-cert.pem', profiles: ['x'], useConnectedApp: true, contactEmail: 'a@example.com', deploy: { targetOrg: 'acme' } }),
    );
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(json.resource.terraform_data)).toHaveLength(1);
    expect(Object.keys((stack.app as SalesforceTwilioSso).files)[0]).toMatch(/connectedApps\/Twilio_Flex\.connectedApp-meta\.xml$/);
  });

  test('keys of 0.1.0 are unknown and name their new key', () => {
    let message = '';
    try {
      declareConfig(
        target({
          myDomain: 'acme',
          certificateFile: 'salesforce-idp-cert.pem',
          profiles: ['x'],
          label: 'Flex',
          emailFormula: '$User.Email',
          fullNameFormula: '$User.Name',
          attributes: [{ name: 'department', formula: '$User.Department' }],
        }),
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("targets[0].salesforce: unknown key 'label' (renamed to 'displayName')");
    expect(message).toContain("targets[0].salesforce: unknown key 'emailFormula' (renamed to 'email')");
    expect(message).toContain("targets[0].salesforce: unknown key 'fullNameFormula' (renamed to 'fullName')");
    expect(message).toContain("targets[0].salesforce.attributes[0]: unknown key 'formula' (renamed to 'value')");
  });

  test('the shared keys reach the construct, and its problems name the key in the file', () => {
    const block = {
      myDomain: 'acme',
      certificateFile: 'salesforce-idp-cert.pem',
      profiles: ['x'],
      displayName: 'Contact center',
      nameId: '$User.FederationIdentifier',
      email: '$User.Username',
      attributes: [{ name: 'department', value: '$User.Department' }],
      certificateExpiryWarningDays: 10,
    };
    const [stack] = declareConfig(target(block));
    const sso = stack.app as SalesforceTwilioSso;
    expect([sso.displayName, sso.certificateExpiryWarningDays]).toEqual(['Contact center', 10]);
    expect(sso.samlAttributes.map((a) => [a.name, a.value])).toEqual([
      ['email', '$User.Username'],
      ['full_name', '$User.FirstName & " " & $User.LastName'],
      ['roles', '"agent"'],
      ['department', '$User.Department'],
    ]);
    const policies = Object.entries(sso.files).find(([path]) => path.endsWith('.ecaSamlPlcy-meta.xml'))![1];
    expect(policies).toContain('<subjectType>FederationId</subjectType>');

    let error: SsoConfigError | undefined;
    try {
      declareConfig(target({ ...block, nameId: '$User.Email' }));
    } catch (e) {
      error = e as SsoConfigError;
    }
    expect(error).toBeInstanceOf(SsoConfigError);
    expect([error!.code, error!.field, error!.value]).toEqual(['NAME_ID_INVALID', 'targets[0].salesforce.nameId', '$User.Email']);
  });
});
