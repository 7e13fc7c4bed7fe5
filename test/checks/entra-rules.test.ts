import { Application } from '@cdktf/provider-azuread/lib/application';
import { ApplicationIdentifierUri } from '@cdktf/provider-azuread/lib/application-identifier-uri';
import { ApplicationRedirectUris } from '@cdktf/provider-azuread/lib/application-redirect-uris';
import { ClaimsMappingPolicy } from '@cdktf/provider-azuread/lib/claims-mapping-policy';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { ServicePrincipalClaimsMappingPolicyAssignment } from '@cdktf/provider-azuread/lib/service-principal-claims-mapping-policy-assignment';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { EntraTwilioAppRepliesToOneAcs } from '../../lib/checks/entra/entra-twilio-app-replies-to-one-acs';
import { EntraTwilioAppSendsBareClaimNames } from '../../lib/checks/entra/entra-twilio-app-sends-bare-claim-names';
import { EntraTwilioAppSignsResponseAndAssertion } from '../../lib/checks/entra/entra-twilio-app-signs-response-and-assertion';
import { EntraTwilioAppUsesSamlMode } from '../../lib/checks/entra/entra-twilio-app-uses-saml-mode';
import { EntraTwilioAppUsesSha256 } from '../../lib/checks/entra/entra-twilio-app-uses-sha256';
import { ITwilioSsoRule, RuleCompliance } from '../../lib/checks/rule';
import { TwilioSsoChecks } from '../../lib/checks/twilio-sso-checks';
import { TwilioSsoRules } from '../../lib/checks/twilio-sso-rules';
import { TwilioTarget } from '../../lib/twilio/target';
import { RawResource, entraStack, findings, judge, ruleFindings } from './support';

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
const frontline = TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' });
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const NAME_ID = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';

/** How a hand-written Entra SAML app differs from the one Twilio's Entra guide describes. */
interface EntraApp {
  /** The identifier; `inline` puts it in the application's `identifier_uris` instead of its own resource. */
  readonly entityId?: string;
  readonly inline?: boolean;
  readonly mode?: string;
  readonly redirectUris?: string[];
  /** Redirect URIs declared in a separate `azuread_application_redirect_uris` of this type. */
  readonly separateRedirects?: { type: string; uris: string[] };
  /** The token issuance policy's definition object; null: no policy linked. */
  readonly signing?: Record<string, unknown> | null;
  /** The SAML claim types besides the NameID; null: no claims mapping policy assigned. */
  readonly claims?: string[] | null;
}

interface Declared {
  readonly app: Application;
  readonly sp: ServicePrincipal;
  readonly policy?: RawResource;
  readonly claims?: ClaimsMappingPolicy;
}

/** Declares an Entra SAML app by hand with the azuread provider's classes and `msgraph_resource`s. */
function entraApp(stack: TerraformStack, o: EntraApp = {}, target = flex): Declared {
  const entityId = o.entityId ?? target.entityId;
  const app = new Application(stack, 'App', {
    displayName: 'Twilio',
    identifierUris: o.inline ? [entityId] : undefined,
    web: { redirectUris: o.redirectUris ?? [target.acsUrl] },
  });
  if (!o.inline) new ApplicationIdentifierUri(stack, 'AppIdentifier', { applicationId: app.id, identifierUri: entityId });
  if (o.separateRedirects) new ApplicationRedirectUris(stack, 'AppRedirects', { applicationId: app.id, type: o.separateRedirects.type, redirectUris: o.separateRedirects.uris });
  const sp = new ServicePrincipal(stack, 'Sp', { clientId: app.clientId, preferredSingleSignOnMode: 'mode' in o ? o.mode : 'saml' });

  let claims: ClaimsMappingPolicy | undefined;
  if (o.claims !== null) {
    const names = o.claims ?? target.requiredAttributes;
    const schema = [{ Source: 'user', ID: 'mail', SamlClaimType: NAME_ID }, ...names.map((n) => ({ Source: 'user', ID: 'mail', SamlClaimType: n }))];
    claims = new ClaimsMappingPolicy(stack, 'Claims', {
      displayName: 'Twilio claims',
      definition: [JSON.stringify({ ClaimsMappingPolicy: { Version: 1, IncludeBasicClaimSet: 'false', ClaimsSchema: schema } })],
    });
    new ServicePrincipalClaimsMappingPolicyAssignment(stack, 'ClaimsAssignment', { claimsMappingPolicyId: claims.id, servicePrincipalId: sp.id });
  }

  let policy: RawResource | undefined;
  if (o.signing !== null) {
    const definition = o.signing ?? { Version: 1, SigningAlgorithm: RSA_SHA256, TokenResponseSigningPolicy: 'ResponseAndToken', SamlTokenVersion: '2.0' };
    policy = new RawResource(stack, 'Signing', 'msgraph_resource', {
      url: 'policies/tokenIssuancePolicies',
      body: { displayName: 'Twilio signing', definition: [JSON.stringify({ TokenIssuancePolicy: definition })] },
    });
    new RawResource(stack, 'SigningLink', 'msgraph_resource', {
      api_version: 'beta',
      url: `servicePrincipals/${sp.objectId}/tokenIssuancePolicies/$ref`,
      body: { '@odata.id': `https://graph.microsoft.com/beta/policies/tokenIssuancePolicies/${policy.id}` },
    });
  }
  return { app, sp, policy, claims };
}

const RULES = TwilioSsoRules.ENTRA;
/** The resource each rule judges in {@link entraApp}. */
const judged = (rule: ITwilioSsoRule, d: Declared) => (rule.resourceType === 'azuread_application' ? d.app : d.sp);

describe('Entra rules', () => {
  test('the Entra list holds five rules, on the application and the service principal', () => {
    expect(RULES.map((r) => [r.name, r.resourceType])).toEqual([
      ['EntraTwilioAppUsesSamlMode', 'azuread_service_principal'],
      ['EntraTwilioAppRepliesToOneAcs', 'azuread_application'],
      ['EntraTwilioAppSignsResponseAndAssertion', 'azuread_service_principal'],
      ['EntraTwilioAppUsesSha256', 'azuread_service_principal'],
      ['EntraTwilioAppSendsBareClaimNames', 'azuread_service_principal'],
    ]);
  });

  test.each<[string, TwilioTarget, EntraApp]>([
    ['Flex, identifier as its own resource', flex, {}],
    ['Frontline, identifier inline, no SigningAlgorithm (SHA-256 by default)', frontline, { inline: true, signing: { Version: 1, TokenResponseSigningPolicy: 'ResponseAndToken' } }],
    ['Flex, ACS of another region, an extra Flex-typed claim', flex, { redirectUris: [flex.acsUrl.replace('us1', 'ie1')], claims: ['email', 'full_name', 'roles', 'channel.chat.capacity.int'] }],
  ])('every rule finds a hand-written app compliant: %s', (_, target, o) => {
    const stack = entraStack();
    const d = entraApp(stack, o, target);
    expect(RULES.map((r) => judge(r, judged(r, d)))).toEqual(RULES.map(() => RuleCompliance.COMPLIANT));
    expect(ruleFindings(stack)).toEqual([]);
  });

  test('an app whose identifier is not a Twilio Entity ID is not applicable, however it is set', () => {
    const stack = entraStack();
    const d = entraApp(stack, { entityId: 'api://intranet', mode: 'oidc', redirectUris: ['https://a.example.com', 'https://b.example.com'], signing: null, claims: ['Email'] });
    expect(RULES.map((r) => judge(r, judged(r, d)))).toEqual(RULES.map(() => RuleCompliance.NOT_APPLICABLE));
    expect(ruleFindings(stack)).toEqual([]);
  });

  test('a service principal of an application outside the stack is not applicable', () => {
    const stack = entraStack();
    const sp = new ServicePrincipal(stack, 'Sp', { clientId: '00000000-0000-0000-0000-000000000001', preferredSingleSignOnMode: 'oidc' });
    expect(RULES.filter((r) => r.resourceType === 'azuread_service_principal').map((r) => judge(r, sp))).toEqual([
      RuleCompliance.NOT_APPLICABLE,
      RuleCompliance.NOT_APPLICABLE,
      RuleCompliance.NOT_APPLICABLE,
      RuleCompliance.NOT_APPLICABLE,
    ]);
  });

  test.each<[string, string, EntraApp, TwilioTarget?]>([
    [EntraTwilioAppUsesSamlMode.name, 'Sp', { mode: 'oidc' }],
    [EntraTwilioAppUsesSamlMode.name, 'Sp', { mode: undefined }],
    [EntraTwilioAppRepliesToOneAcs.name, 'App', { redirectUris: [flex.acsUrl, 'https://example.com/acs'] }],
    [EntraTwilioAppRepliesToOneAcs.name, 'App', { redirectUris: [frontline.acsUrl] }],
    [EntraTwilioAppRepliesToOneAcs.name, 'App', { redirectUris: [] }],
    [EntraTwilioAppRepliesToOneAcs.name, 'App', { inline: true, separateRedirects: { type: 'Web', uris: ['https://example.com/acs'] } }],
    [EntraTwilioAppSignsResponseAndAssertion.name, 'Sp', { signing: null }],
    [EntraTwilioAppSignsResponseAndAssertion.name, 'Sp', { signing: { Version: 1, TokenResponseSigningPolicy: 'TokenOnly', SigningAlgorithm: RSA_SHA256 } }],
    [EntraTwilioAppUsesSha256.name, 'Sp', { signing: { Version: 1, TokenResponseSigningPolicy: 'ResponseAndToken', SigningAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' } }],
    [EntraTwilioAppSendsBareClaimNames.name, 'Sp', { claims: null }],
    [EntraTwilioAppSendsBareClaimNames.name, 'Sp', { claims: ['email', 'roles'] }],
    [EntraTwilioAppSendsBareClaimNames.name, 'Sp', { claims: ['Email', 'roles'] }, frontline],
    [EntraTwilioAppSendsBareClaimNames.name, 'Sp', { claims: ['email', 'roles', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'] }, frontline],
  ])('%s: a non-compliant hand-written app is an error on %s (%j)', (rule, on, o, target = flex) => {
    const stack = entraStack();
    const d = entraApp(stack, o, target);
    expect(judge(RULES.find((r) => r.name === rule)!, judged(RULES.find((r) => r.name === rule)!, d))).toBe(RuleCompliance.NON_COMPLIANT);
    expect(ruleFindings(stack)).toEqual([`@cdktf/error test/${on} TwilioSso-${rule}`]);
  });

  test('a Web redirect URI declared separately counts; one of another type does not', () => {
    const stack = entraStack();
    const d = entraApp(stack, { redirectUris: [], separateRedirects: { type: 'Web', uris: [flex.acsUrl] } });
    expect(judge(new EntraTwilioAppRepliesToOneAcs(), d.app)).toBe(RuleCompliance.COMPLIANT);
    const other = entraStack();
    const e = entraApp(other, { redirectUris: [], separateRedirects: { type: 'SPA', uris: [flex.acsUrl] } });
    expect(judge(new EntraTwilioAppRepliesToOneAcs(), e.app)).toBe(RuleCompliance.NON_COMPLIANT);
  });

  test('escape-hatch overrides on any of the related resources are caught', () => {
    const stack = entraStack();
    const d = entraApp(stack);
    d.sp.addOverride('preferred_single_sign_on_mode', 'oidc');
    // CDKTF appends an overriding list to the declared one: the definition written then holds two
    // JSON strings, and each is judged.
    d.policy!.addOverride('body.definition', [JSON.stringify({ TokenIssuancePolicy: { Version: 1, TokenResponseSigningPolicy: 'TokenOnly' } })]);
    d.claims!.addOverride('definition', [JSON.stringify({ ClaimsMappingPolicy: { Version: 1, ClaimsSchema: [{ Source: 'user', ID: 'mail', SamlClaimType: 'Email' }] } })]);
    expect(ruleFindings(stack).sort()).toEqual([
      '@cdktf/error test/Sp TwilioSso-EntraTwilioAppSendsBareClaimNames',
      '@cdktf/error test/Sp TwilioSso-EntraTwilioAppSignsResponseAndAssertion',
      '@cdktf/error test/Sp TwilioSso-EntraTwilioAppUsesSamlMode',
    ]);
  });

  test('a policy linked by a literal ID (outside the stack) cannot be judged; a redirect URI known only at plan neither', () => {
    const stack = entraStack();
    const acs = new TerraformVariable(stack, 'acs', { type: 'string' });
    const d = entraApp(stack, { signing: null, redirectUris: [acs.stringValue] });
    new RawResource(stack, 'LinkToExisting', 'msgraph_resource', {
      url: `servicePrincipals/${d.sp.objectId}/tokenIssuancePolicies/$ref`,
      body: { '@odata.id': 'https://graph.microsoft.com/beta/policies/tokenIssuancePolicies/11111111-2222-3333-4444-555555555555' },
    });
    expect(judge(new EntraTwilioAppSignsResponseAndAssertion(), d.sp)).toBe(RuleCompliance.NOT_APPLICABLE);
    expect(judge(new EntraTwilioAppUsesSha256(), d.sp)).toBe(RuleCompliance.NOT_APPLICABLE);
    expect(judge(new EntraTwilioAppRepliesToOneAcs(), d.app)).toBe(RuleCompliance.NOT_APPLICABLE);
    expect(ruleFindings(stack)).toEqual([]);
  });

  test('a claims definition known only at plan is reported as a rule that could not evaluate, not passed silently', () => {
    const stack = entraStack();
    const d = entraApp(stack);
    const definition = new TerraformVariable(stack, 'definition', { type: 'string' });
    d.claims!.addOverride('definition', [definition.stringValue]);
    const found = findings(stack, new TwilioSsoChecks({ rules: [new EntraTwilioAppSendsBareClaimNames()] }));
    expect(found.map((f) => `${f.level} ${f.path}`)).toEqual(['@cdktf/warn test/Sp']);
    expect(found[0].message).toMatch(/^TwilioSso-RuleFailure: EntraTwilioAppSendsBareClaimNames could not evaluate test\/Sp: the definition of test\/Claims is not a literal JSON string/);
  });
});
