import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { OktaTwilioSso, TwilioSsoChecks, TwilioTarget } from '../../lib';
import { oktaStack } from '../support/synth';

const target = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });

/** Synthesizes with the checks applied and returns the messages of every annotation. */
function findings(stack: TerraformStack, checks = new TwilioSsoChecks()): string[] {
  Aspects.of(stack).add(checks);
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => String(m.type).startsWith('@cdktf/'))
    .map((m) => `${m.type} ${m.data}`);
}

function handWritten(stack: TerraformStack, over: Record<string, unknown> = {}): AppSaml {
  return new AppSaml(stack, 'HandWritten', {
    label: 'Flex',
    audience: target.entityId,
    ssoUrl: target.acsUrl,
    recipient: target.acsUrl,
    destination: target.acsUrl,
    responseSigned: true,
    assertionSigned: true,
    signatureAlgorithm: 'RSA_SHA256',
    digestAlgorithm: 'SHA256',
    attributeStatements: [
      { name: 'email', values: ['user.email'] },
      { name: 'roles', values: ['user.userType'] },
    ],
    ...over,
  });
}

describe('TwilioSsoChecks on Okta apps', () => {
  test('our construct is compliant with every rule', () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'Sso', { target });
    expect(findings(stack)).toEqual([]);
  });

  test('a compliant hand-written app raises nothing; a non-Twilio app is not checked', () => {
    const stack = oktaStack();
    handWritten(stack);
    new AppSaml(stack, 'Other', { label: 'Other', audience: 'https://example.com/sp', responseSigned: false });
    expect(findings(stack)).toEqual([]);
  });

  test.each([
    ['OktaTwilioAppSignsResponseAndAssertion', { responseSigned: false }],
    ['OktaTwilioAppUsesSha256', { signatureAlgorithm: 'RSA_SHA1' }],
    ['OktaTwilioAppTargetsOneAcs', { recipient: 'https://example.com/acs' }],
    ['OktaTwilioAppTargetsOneAcs', { ssoUrl: 'https://iam.twilio.com/v2/saml2/authenticate/JB00112233445566778899aabbccddeeff', recipient: undefined, destination: undefined }],
    ['OktaTwilioAppSendsBareClaimNames', { attributeStatements: [{ name: 'Email', values: ['user.email'] }, { name: 'roles', values: ['x'] }] }],
    ['OktaTwilioAppSendsBareClaimNames', { attributeStatements: [{ name: 'email', values: ['user.email'] }] }],
  ])('%s: a non-compliant hand-written app is an error', (rule, over) => {
    const stack = oktaStack();
    handWritten(stack, over);
    const found = findings(stack);
    expect(found).toEqual([expect.stringMatching(new RegExp(`^@cdktf/error TwilioSso-${rule}: `))]);
  });

  test('an escape-hatch override on our construct is caught', () => {
    const stack = oktaStack();
    const sso = new OktaTwilioSso(stack, 'Sso', { target });
    sso.app.addOverride('assertion_signed', false);
    expect(findings(stack)).toEqual([expect.stringContaining('TwilioSso-OktaTwilioAppSignsResponseAndAssertion')]);
  });

  test('a suppression with a reason silences one rule on one resource; without a reason it is refused', () => {
    const stack = oktaStack();
    const app = handWritten(stack, { digestAlgorithm: 'SHA1' });
    TwilioSsoChecks.suppress(app, [{ rule: 'OktaTwilioAppUsesSha256', reason: 'Legacy sandbox org, removed in Q3' }]);
    expect(findings(stack)).toEqual([]);
    expect(() => TwilioSsoChecks.suppress(app, [{ rule: 'OktaTwilioAppUsesSha256', reason: '' }])).toThrow(/give a reason/);
  });

  test('verbose findings carry the explanation', () => {
    const stack = oktaStack();
    handWritten(stack, { responseSigned: false });
    expect(findings(stack, new TwilioSsoChecks({ verbose: true }))[0]).toMatch(/Twilio's SSO guides require a signed response/);
  });
});
