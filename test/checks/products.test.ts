import { RuleCompliance } from '../../lib/checks/rule';
import { TwilioSsoRules } from '../../lib/checks/twilio-sso-rules';
import { KeycloakTwilioSso } from '../../lib/keycloak';
import { OktaTwilioSso } from '../../lib/okta';
import { TwilioTarget } from '../../lib/twilio/target';
import { judge, keycloakStack, oktaStack, ruleFindings } from './support';

// The policy rules recognise SendGrid's and Segment's Entity IDs (TwilioTarget.fromEntityId) and
// judge the library's own Okta and Keycloak apps for them compliant; a broken one is caught.

const TARGETS: Array<[string, TwilioTarget]> = [
  ['SendGrid', TwilioTarget.sendgrid({ integrationId: 'b0b98502-9408-4b24-9e3d-31ed7cb15312' })],
  ['Segment', TwilioTarget.segment({ connection: 'acme' })],
];
const compliant = (n: number) => Array<RuleCompliance>(n).fill(RuleCompliance.COMPLIANT);

describe('checks on apps for SendGrid and Segment', () => {
  test.each(TARGETS)('Okta, %s', (_, target) => {
    const stack = oktaStack();
    const sso = new OktaTwilioSso(stack, 'Sso', { target, groups: [{ principalId: '00g1agents000000001', roles: [] }] });
    expect(TwilioSsoRules.OKTA.map((r) => judge(r, sso.app))).toEqual(compliant(TwilioSsoRules.OKTA.length));
    expect(ruleFindings(stack)).toEqual([]);
    const other = oktaStack();
    new OktaTwilioSso(other, 'Sso', { target }).app.addOverride('assertion_signed', false);
    expect(ruleFindings(other)).toEqual(['@cdktf/error test/Sso/Resource TwilioSso-OktaTwilioAppSignsResponseAndAssertion']);
  });

  test.each(TARGETS)('Keycloak, %s', (_, target) => {
    const stack = keycloakStack();
    const sso = new KeycloakTwilioSso(stack, 'Sso', { target, serverUrl: 'https://sso.example.com', realm: 'staff' });
    expect(TwilioSsoRules.KEYCLOAK.map((r) => judge(r, sso.client))).toEqual(compliant(TwilioSsoRules.KEYCLOAK.length));
    expect(ruleFindings(stack)).toEqual([]);
  });
});
