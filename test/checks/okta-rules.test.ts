import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { OktaTwilioAppSendsBareClaimNames } from '../../lib/checks/okta/okta-twilio-app-sends-bare-claim-names';
import { OktaTwilioAppSignsResponseAndAssertion } from '../../lib/checks/okta/okta-twilio-app-signs-response-and-assertion';
import { OktaTwilioAppTargetsOneAcs } from '../../lib/checks/okta/okta-twilio-app-targets-one-acs';
import { OktaTwilioAppUsesSha256 } from '../../lib/checks/okta/okta-twilio-app-uses-sha256';
import { RuleCompliance } from '../../lib/checks/rule';
import { TwilioSsoRules } from '../../lib/checks/twilio-sso-rules';
import { TwilioTarget } from '../../lib/twilio/target';
import { judge, oktaStack, ruleFindings } from './support';

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
const frontline = TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' });

/** A hand-written Okta app for a target, as Twilio's Okta guide configures it, with overrides. */
function handWritten(stack: TerraformStack, over: Record<string, unknown> = {}, target = flex): AppSaml {
  return new AppSaml(stack, 'HandWritten', {
    label: 'Twilio',
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
      ...(target.isFlex ? [{ name: 'full_name', values: ['user.displayName'] }] : []),
      { name: 'roles', values: ['user.userType'] },
    ],
    ...over,
  });
}

const RULES = TwilioSsoRules.OKTA;

describe('Okta rules', () => {
  test('the Okta list holds the four okta_app_saml rules', () => {
    expect(RULES.map((r) => [r.name, r.resourceType])).toEqual([
      ['OktaTwilioAppSignsResponseAndAssertion', 'okta_app_saml'],
      ['OktaTwilioAppUsesSha256', 'okta_app_saml'],
      ['OktaTwilioAppTargetsOneAcs', 'okta_app_saml'],
      ['OktaTwilioAppSendsBareClaimNames', 'okta_app_saml'],
    ]);
  });

  test.each([
    [flex.description, flex],
    [frontline.description, frontline],
  ])('every rule finds a hand-written app for %s compliant', (_, target) => {
    const stack = oktaStack();
    const app = handWritten(stack, {}, target);
    expect(RULES.map((r) => judge(r, app))).toEqual(RULES.map(() => RuleCompliance.COMPLIANT));
    expect(ruleFindings(stack)).toEqual([]);
  });

  test('a non-Twilio app (or a token audience) is not applicable to any rule', () => {
    const stack = oktaStack();
    const other = new AppSaml(stack, 'Other', { label: 'Other', audience: 'https://example.com/sp', responseSigned: false });
    const malformed = new AppSaml(stack, 'Malformed', { label: 'M', audience: 'urn:flex:JQ123', responseSigned: false });
    expect(RULES.map((r) => judge(r, other))).toEqual(RULES.map(() => RuleCompliance.NOT_APPLICABLE));
    expect(RULES.map((r) => judge(r, malformed))).toEqual(RULES.map(() => RuleCompliance.NOT_APPLICABLE));
    expect(ruleFindings(stack)).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, TwilioTarget?]>([
    [OktaTwilioAppSignsResponseAndAssertion.name, { responseSigned: false }],
    [OktaTwilioAppSignsResponseAndAssertion.name, { assertionSigned: undefined }],
    [OktaTwilioAppUsesSha256.name, { signatureAlgorithm: 'RSA_SHA1' }],
    [OktaTwilioAppUsesSha256.name, { digestAlgorithm: undefined }],
    [OktaTwilioAppTargetsOneAcs.name, { recipient: 'https://example.com/acs' }],
    // A Frontline ACS URL for a Flex audience: the URLs come from two different Twilio SSO pages.
    [OktaTwilioAppTargetsOneAcs.name, { ssoUrl: frontline.acsUrl, recipient: frontline.acsUrl, destination: frontline.acsUrl }],
    // The ACS URL of another Flex connection.
    [OktaTwilioAppTargetsOneAcs.name, { ssoUrl: `https://login.flex.us1.twilio.com/login/callback?connection=JQ${'f'.repeat(32)}` }],
    [OktaTwilioAppSendsBareClaimNames.name, { attributeStatements: [{ name: 'Email', values: ['user.email'] }, { name: 'full_name', values: ['x'] }, { name: 'roles', values: ['x'] }] }],
    [OktaTwilioAppSendsBareClaimNames.name, { attributeStatements: [{ name: 'email', values: ['user.email'] }, { name: 'roles', values: ['x'] }] }],
    [OktaTwilioAppSendsBareClaimNames.name, { attributeStatements: [{ name: 'email', values: ['x'] }, { name: 'http://schemas.example.com/roles', values: ['x'] }] }, frontline],
  ])('%s: a non-compliant hand-written app is an error on the app (%j)', (rule, over, target = flex) => {
    const stack = oktaStack();
    const app = handWritten(stack, over, target);
    expect(judge(RULES.find((r) => r.name === rule)!, app)).toBe(RuleCompliance.NON_COMPLIANT);
    expect(ruleFindings(stack)).toEqual([`@cdktf/error test/HandWritten TwilioSso-${rule}`]);
  });

  test('an ACS URL known only at plan is not judged against the target, but must still be one URL', () => {
    const stack = oktaStack();
    const acs = new TerraformVariable(stack, 'acs', { type: 'string' });
    const app = handWritten(stack, { ssoUrl: acs.stringValue, recipient: acs.stringValue, destination: acs.stringValue });
    expect(judge(new OktaTwilioAppTargetsOneAcs(), app)).toBe(RuleCompliance.NOT_APPLICABLE);
    app.addOverride('recipient', flex.acsUrl);
    expect(judge(new OktaTwilioAppTargetsOneAcs(), app)).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test('an escape-hatch override is judged as written', () => {
    const stack = oktaStack();
    const app = handWritten(stack);
    app.addOverride('assertion_signed', false);
    expect(ruleFindings(stack)).toEqual([`@cdktf/error test/HandWritten TwilioSso-${OktaTwilioAppSignsResponseAndAssertion.name}`]);
  });
});
