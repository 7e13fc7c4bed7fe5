import { TerraformStack } from 'cdktf';
import { KeycloakTwilioClientDoesNotEncryptAssertions } from '../../lib/checks/keycloak/keycloak-twilio-client-does-not-encrypt-assertions';
import { KeycloakTwilioClientRequiresNoClientSignature } from '../../lib/checks/keycloak/keycloak-twilio-client-requires-no-client-signature';
import { KeycloakTwilioClientSendsBareAttributeNames } from '../../lib/checks/keycloak/keycloak-twilio-client-sends-bare-attribute-names';
import { KeycloakTwilioClientSignsDocumentsAndAssertions } from '../../lib/checks/keycloak/keycloak-twilio-client-signs-documents-and-assertions';
import { KeycloakTwilioClientUsesSha256 } from '../../lib/checks/keycloak/keycloak-twilio-client-uses-sha256';
import { RuleCompliance } from '../../lib/checks/rule';
import { TwilioSsoRules } from '../../lib/checks/twilio-sso-rules';
import { KeycloakGenericProtocolMapper, KeycloakSamlClient, KeycloakSamlClientConfig } from '../../lib/keycloak/provider';
import { TwilioTarget } from '../../lib/twilio/target';
import { RawResource, judge, keycloakStack, ruleFindings } from './support';

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
const frontline = TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' });

/**
 * A hand-written Keycloak SAML client for a target with the library's provider bindings, set as
 * Twilio requires unless overridden, with one generic SAML mapper per attribute name.
 */
function client(stack: TerraformStack, over: Partial<KeycloakSamlClientConfig> = {}, target = frontline, attributes = target.requiredAttributes): KeycloakSamlClient {
  const c = new KeycloakSamlClient(stack, 'Client', {
    realmId: 'staff',
    clientId: target.entityId,
    assertionConsumerPostUrl: target.acsUrl,
    signDocuments: true,
    signAssertions: true,
    signatureAlgorithm: 'RSA_SHA256',
    encryptAssertions: false,
    clientSignatureRequired: false,
    ...over,
  });
  attributes.forEach((name, i) => {
    new KeycloakGenericProtocolMapper(stack, `Mapper${i}`, {
      realmId: 'staff',
      clientId: c.id,
      name,
      protocol: 'saml',
      protocolMapper: name === 'roles' ? 'saml-role-list-mapper' : 'saml-user-property-mapper',
      config: { 'attribute.name': name, 'attribute.nameformat': 'Basic' },
    });
  });
  return c;
}

const RULES = TwilioSsoRules.KEYCLOAK;

describe('Keycloak rules', () => {
  test('the Keycloak list holds five keycloak_saml_client rules', () => {
    expect(RULES.map((r) => [r.name, r.resourceType])).toEqual([
      ['KeycloakTwilioClientSignsDocumentsAndAssertions', 'keycloak_saml_client'],
      ['KeycloakTwilioClientUsesSha256', 'keycloak_saml_client'],
      ['KeycloakTwilioClientDoesNotEncryptAssertions', 'keycloak_saml_client'],
      ['KeycloakTwilioClientRequiresNoClientSignature', 'keycloak_saml_client'],
      ['KeycloakTwilioClientSendsBareAttributeNames', 'keycloak_saml_client'],
    ]);
  });

  test.each<[string, Partial<KeycloakSamlClientConfig>, TwilioTarget]>([
    ['Frontline, every setting explicit', {}, frontline],
    ['Flex, with full_name', {}, flex],
    // The provider's defaults: documents signed, RSA_SHA256, no encryption.
    ['Frontline, defaults left to the provider', { signDocuments: undefined, signatureAlgorithm: undefined, encryptAssertions: undefined }, frontline],
  ])('every rule finds a hand-written client compliant: %s', (_, over, target) => {
    const stack = keycloakStack();
    const c = client(stack, over, target);
    expect(RULES.map((r) => judge(r, c))).toEqual(RULES.map(() => RuleCompliance.COMPLIANT));
    expect(ruleFindings(stack)).toEqual([]);
  });

  test('a client whose client ID is not a Twilio Entity ID is not applicable, however it is set', () => {
    const stack = keycloakStack();
    const c = client(stack, { clientId: 'https://app.example.com/saml', signAssertions: false, encryptAssertions: true, clientSignatureRequired: true, signatureAlgorithm: 'RSA_SHA1' }, frontline, ['Email']);
    expect(RULES.map((r) => judge(r, c))).toEqual(RULES.map(() => RuleCompliance.NOT_APPLICABLE));
    expect(ruleFindings(stack)).toEqual([]);
  });

  test.each<[string, Partial<KeycloakSamlClientConfig>, string[] | undefined, TwilioTarget?]>([
    [KeycloakTwilioClientSignsDocumentsAndAssertions.name, { signAssertions: false }, undefined],
    // The provider signs assertions only when asked.
    [KeycloakTwilioClientSignsDocumentsAndAssertions.name, { signAssertions: undefined }, undefined],
    [KeycloakTwilioClientSignsDocumentsAndAssertions.name, { signDocuments: false }, undefined],
    [KeycloakTwilioClientUsesSha256.name, { signatureAlgorithm: 'RSA_SHA1' }, undefined],
    [KeycloakTwilioClientUsesSha256.name, { signatureAlgorithm: 'RSA_SHA256_MGF1' }, undefined],
    [KeycloakTwilioClientDoesNotEncryptAssertions.name, { encryptAssertions: true }, undefined],
    [KeycloakTwilioClientRequiresNoClientSignature.name, { clientSignatureRequired: true }, undefined],
    // The provider requires client signatures unless told otherwise.
    [KeycloakTwilioClientRequiresNoClientSignature.name, { clientSignatureRequired: undefined }, undefined],
    [KeycloakTwilioClientSendsBareAttributeNames.name, {}, ['email']],
    [KeycloakTwilioClientSendsBareAttributeNames.name, {}, ['Email', 'roles']],
    [KeycloakTwilioClientSendsBareAttributeNames.name, {}, ['email', 'roles', 'urn:oid:0.9.2342.19200300.100.1.3']],
    [KeycloakTwilioClientSendsBareAttributeNames.name, {}, ['email', 'roles'], flex],
  ])('%s: a non-compliant hand-written client is an error on the client (%j, mappers %j)', (rule, over, attributes, target = frontline) => {
    // Every row has its mapper list (undefined: the target's required attributes), so that jest
    // does not take the parameter for a done callback.
    const stack = keycloakStack();
    const c = client(stack, over, target, attributes);
    expect(judge(RULES.find((r) => r.name === rule)!, c)).toBe(RuleCompliance.NON_COMPLIANT);
    expect(ruleFindings(stack)).toEqual([`@cdktf/error test/Client TwilioSso-${rule}`]);
  });

  test('a raw keycloak_saml_client and typed SAML mappers written as raw resources are judged too', () => {
    const stack = keycloakStack();
    const raw = new RawResource(stack, 'Raw', 'keycloak_saml_client', {
      realm_id: 'staff',
      client_id: frontline.entityId,
      sign_assertions: true,
      client_signature_required: false,
    });
    new RawResource(stack, 'EmailMapper', 'keycloak_saml_user_property_protocol_mapper', { realm_id: 'staff', client_id: raw.id, name: 'email', user_property: 'email', saml_attribute_name: 'email', saml_attribute_name_format: 'Basic' });
    new RawResource(stack, 'RolesMapper', 'keycloak_generic_client_protocol_mapper', { realm_id: 'staff', client_id: raw.id, name: 'roles', protocol: 'saml', protocol_mapper: 'saml-role-list-mapper', config: { 'attribute.name': 'roles' } });
    expect(RULES.map((r) => judge(r, raw))).toEqual(RULES.map(() => RuleCompliance.COMPLIANT));
    raw.addOverride('encrypt_assertions', true);
    new RawResource(stack, 'DeptMapper', 'keycloak_saml_user_attribute_protocol_mapper', { realm_id: 'staff', client_id: raw.id, name: 'dept', user_attribute: 'dept', saml_attribute_name: 'Department' });
    expect(ruleFindings(stack).sort()).toEqual([
      '@cdktf/error test/Raw TwilioSso-KeycloakTwilioClientDoesNotEncryptAssertions',
      '@cdktf/error test/Raw TwilioSso-KeycloakTwilioClientSendsBareAttributeNames',
    ]);
  });

  test("mappers of another client, and OpenID Connect mappers, do not count for this client's attributes", () => {
    const stack = keycloakStack();
    const c = client(stack, {}, frontline, ['email']);
    const other = new KeycloakSamlClient(stack, 'Other', { realmId: 'staff', clientId: 'https://app.example.com/saml' });
    new KeycloakGenericProtocolMapper(stack, 'OtherRoles', { realmId: 'staff', clientId: other.id, name: 'roles', protocol: 'saml', protocolMapper: 'saml-role-list-mapper', config: { 'attribute.name': 'roles' } });
    new KeycloakGenericProtocolMapper(stack, 'OidcRoles', { realmId: 'staff', clientId: c.id, name: 'roles', protocol: 'openid-connect', protocolMapper: 'oidc-usermodel-client-role-mapper', config: { 'attribute.name': 'roles' } });
    expect(judge(new KeycloakTwilioClientSendsBareAttributeNames(), c)).toBe(RuleCompliance.NON_COMPLIANT);
  });
});
