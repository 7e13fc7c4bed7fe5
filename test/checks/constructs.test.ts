import { RuleCompliance } from '../../lib/checks/rule';
import { TwilioSsoRules } from '../../lib/checks/twilio-sso-rules';
import { EntraTwilioSso } from '../../lib/entra';
import { KeycloakTwilioSso } from '../../lib/keycloak';
import { OktaTwilioSso } from '../../lib/okta';
import { TwilioTarget } from '../../lib/twilio/target';
import { entraStack, judge, keycloakStack, oktaStack, ruleFindings } from './support';

// The library's own constructs pass every check (the default rules: every identity provider's),
// for each Twilio target shape: each of their identity provider's rules judges them COMPLIANT (not
// merely not applicable), and the aspect finds nothing. An escape hatch on them is caught.

const TARGETS: Array<[string, TwilioTarget]> = [
  ['Flex enhanced SSO', TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' })],
  ['Flex legacy SSO', TwilioTarget.flexLegacy({ accountSid: 'AC0123456789abcdef0123456789abcdef' })],
  ['Frontline', TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' })],
];
const GROUP = '00000000-0000-0000-0000-0000000000a1';
const OKTA_GROUP = '00g1agents000000001';
const compliant = (n: number) => Array<RuleCompliance>(n).fill(RuleCompliance.COMPLIANT);

describe('our constructs pass the checks', () => {
  test.each(TARGETS)('Okta, %s', (_, target) => {
    const stack = oktaStack();
    const sso = new OktaTwilioSso(stack, 'Sso', { target, groups: [{ principalId: OKTA_GROUP, roles: [target.allowedRoles[0]] }] });
    const rules = TwilioSsoRules.OKTA;
    expect(rules.map((r) => judge(r, sso.app))).toEqual(compliant(rules.length));
    expect(ruleFindings(stack)).toEqual([]);

    const other = oktaStack();
    new OktaTwilioSso(other, 'Sso', { target }).app.addOverride('signature_algorithm', 'RSA_SHA1');
    expect(ruleFindings(other)).toEqual(['@cdktf/error test/Sso/Resource TwilioSso-OktaTwilioAppUsesSha256']);
  });

  test.each(TARGETS)('Entra, %s', (_, target) => {
    const stack = entraStack();
    const sso = new EntraTwilioSso(stack, 'Sso', { target, groups: [{ principalId: GROUP, roles: [target.allowedRoles[0]] }] });
    const rules = TwilioSsoRules.ENTRA;
    expect(rules.map((r) => judge(r, r.resourceType === 'azuread_application' ? sso.application : sso.servicePrincipal))).toEqual(compliant(rules.length));
    expect(ruleFindings(stack)).toEqual([]);

    const other = entraStack();
    new EntraTwilioSso(other, 'Sso', { target }).servicePrincipal.addOverride('preferred_single_sign_on_mode', 'oidc');
    expect(ruleFindings(other)).toEqual(['@cdktf/error test/Sso/ServicePrincipal TwilioSso-EntraTwilioAppUsesSamlMode']);
  });

  test.each(TARGETS)('Keycloak, %s', (_, target) => {
    const stack = keycloakStack();
    const sso = new KeycloakTwilioSso(stack, 'Sso', { target, serverUrl: 'https://sso.example.com', realm: 'staff', groups: [{ principalId: 'group-1', roles: [target.allowedRoles[0]] }] });
    const rules = TwilioSsoRules.KEYCLOAK;
    expect(rules.map((r) => judge(r, sso.client))).toEqual(compliant(rules.length));
    expect(ruleFindings(stack)).toEqual([]);

    const other = keycloakStack();
    new KeycloakTwilioSso(other, 'Sso', { target, serverUrl: 'https://sso.example.com', realm: 'staff' }).client.addOverride('encrypt_assertions', true);
    expect(ruleFindings(other)).toEqual(['@cdktf/error test/Sso/Resource TwilioSso-KeycloakTwilioClientDoesNotEncryptAssertions']);
  });
});
