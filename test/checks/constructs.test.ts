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
// Group IDs of each identity provider's shape (the constructs check them).
const OKTA_GROUP = '00g1agents0000000001';
const ENTRA_GROUP = '00000000-0000-4000-8000-0000000000a1';
const KEYCLOAK_GROUP = 'a3f2c1d0-0000-4000-8000-000000000001';
/** The policy checks' findings only (a construct's own warnings, e.g. Flex legacy SSO's retirement, are not theirs). */
const policyFindings = (stack: Parameters<typeof ruleFindings>[0]): string[] => ruleFindings(stack).filter((f) => f.includes(' TwilioSso-'));
const compliant = (n: number) => Array<RuleCompliance>(n).fill(RuleCompliance.COMPLIANT);

describe('our constructs pass the checks', () => {
  test.each(TARGETS)('Okta, %s', (_, target) => {
    const stack = oktaStack();
    const groups = [{ principalId: OKTA_GROUP, roles: [target.allowedRoles[0]] }];
    const sso = new OktaTwilioSso(stack, 'Sso', { target, groups });
    const rules = TwilioSsoRules.OKTA;
    expect(rules.map((r) => judge(r, sso.app))).toEqual(compliant(rules.length));
    expect(policyFindings(stack)).toEqual([]);

    const other = oktaStack();
    new OktaTwilioSso(other, 'Sso', { target, groups }).app.addOverride('signature_algorithm', 'RSA_SHA1');
    expect(policyFindings(other)).toEqual(['@cdktf/error test/Sso/Resource TwilioSso-OktaTwilioAppUsesSha256']);
  });

  test.each(TARGETS)('Entra, %s', (_, target) => {
    const stack = entraStack();
    const groups = [{ principalId: ENTRA_GROUP, roles: [target.allowedRoles[0]] }];
    const sso = new EntraTwilioSso(stack, 'Sso', { target, groups });
    const rules = TwilioSsoRules.ENTRA;
    expect(rules.map((r) => judge(r, r.resourceType === 'azuread_application' ? sso.application : sso.servicePrincipal))).toEqual(compliant(rules.length));
    expect(policyFindings(stack)).toEqual([]);

    const other = entraStack();
    new EntraTwilioSso(other, 'Sso', { target, groups }).servicePrincipal.addOverride('preferred_single_sign_on_mode', 'oidc');
    expect(policyFindings(other)).toEqual(['@cdktf/error test/Sso/ServicePrincipal TwilioSso-EntraTwilioAppUsesSamlMode']);
  });

  test.each(TARGETS)('Keycloak, %s', (_, target) => {
    const stack = keycloakStack();
    const groups = [{ principalId: KEYCLOAK_GROUP, roles: [target.allowedRoles[0]] }];
    const sso = new KeycloakTwilioSso(stack, 'Sso', { target, serverUrl: 'https://sso.example.com', realm: 'staff', groups });
    const rules = TwilioSsoRules.KEYCLOAK;
    expect(rules.map((r) => judge(r, sso.client))).toEqual(compliant(rules.length));
    expect(policyFindings(stack)).toEqual([]);

    const other = keycloakStack();
    new KeycloakTwilioSso(other, 'Sso', { target, serverUrl: 'https://sso.example.com', realm: 'staff', groups }).client.addOverride('encrypt_assertions', true);
    expect(policyFindings(other)).toEqual(['@cdktf/error test/Sso/Resource TwilioSso-KeycloakTwilioClientDoesNotEncryptAssertions']);
  });
});
