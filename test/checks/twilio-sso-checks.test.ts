import { AppSaml } from '@cdktf/provider-okta/lib/app-saml';
import { Application } from '@cdktf/provider-azuread/lib/application';
import { ApplicationIdentifierUri } from '@cdktf/provider-azuread/lib/application-identifier-uri';
import { ServicePrincipal } from '@cdktf/provider-azuread/lib/service-principal';
import { DataAzureadClientConfig } from '@cdktf/provider-azuread/lib/data-azuread-client-config';
import { Aspects, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ITwilioSsoRule, ITwilioSsoRuleContext, RuleCompliance, RuleLevel, TwilioSsoRule } from '../../lib/checks/rule';
import { StackResources } from '../../lib/checks/stack-resources';
import { TwilioSsoChecks } from '../../lib/checks/twilio-sso-checks';
import { TwilioSsoRules } from '../../lib/checks/twilio-sso-rules';
import { SsoConfigError, SsoErrorCode } from '../../lib/twilio/errors';
import { TwilioTarget } from '../../lib/twilio/target';
import { RawResource, entraStack, findings, oktaStack, ruleFindings } from './support';

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });

function oktaApp(scope: Construct, id = 'HandWritten', over: Record<string, unknown> = {}): AppSaml {
  return new AppSaml(scope, id, {
    label: 'Flex',
    audience: flex.entityId,
    ssoUrl: flex.acsUrl,
    recipient: flex.acsUrl,
    destination: flex.acsUrl,
    responseSigned: true,
    assertionSigned: true,
    signatureAlgorithm: 'RSA_SHA256',
    digestAlgorithm: 'SHA256',
    attributeStatements: ['email', 'full_name', 'roles'].map((name) => ({ name, values: ['x'] })),
    ...over,
  });
}

/** A custom rule: labels of okta_app_saml must start with 'Twilio'. Warning level. */
class LabelStartsWithTwilio extends TwilioSsoRule {
  constructor() {
    super({ name: 'LabelStartsWithTwilio', resourceType: 'okta_app_saml', level: RuleLevel.WARNING, info: 'Label does not start with Twilio.', explanation: 'House style.' });
  }
  public check(args: { [key: string]: any }): RuleCompliance {
    return String(args.label).startsWith('Twilio') ? RuleCompliance.COMPLIANT : RuleCompliance.NON_COMPLIANT;
  }
}

describe('TwilioSsoChecks', () => {
  test('ALL is Okta, then Entra, then Keycloak, with unique names, and no caller can change a list', () => {
    const all = TwilioSsoRules.ALL;
    expect(all.map((r) => r.name)).toEqual([...TwilioSsoRules.OKTA, ...TwilioSsoRules.ENTRA, ...TwilioSsoRules.KEYCLOAK].map((r) => r.name));
    expect(new Set(all.map((r) => r.name)).size).toBe(14);
    expect(() => all.pop()).toThrow(TypeError);
    expect(() => TwilioSsoRules.OKTA.push(TwilioSsoRules.ENTRA[0])).toThrow(TypeError);
    expect(TwilioSsoRules.ALL).toHaveLength(14);
    expect(TwilioSsoRules.OKTA).toHaveLength(4);
  });

  test('findings as data: what each annotation says, with the resource and its address; a new synthesis starts afresh', () => {
    const stack = oktaStack();
    oktaApp(stack, 'A', { digestAlgorithm: 'SHA1' });
    oktaApp(stack, 'B', { label: 'Flex' });
    const checks = new TwilioSsoChecks({ rules: [...TwilioSsoRules.OKTA, new LabelStartsWithTwilio()] });
    const annotations = findings(stack, checks).filter((f) => f.message.startsWith('TwilioSso-'));
    expect(checks.findings.map((f) => ({ level: f.level, path: f.path, rule: f.rule }))).toEqual([
      { level: RuleLevel.ERROR, path: 'test/A', rule: 'OktaTwilioAppUsesSha256' },
      { level: RuleLevel.WARNING, path: 'test/A', rule: 'LabelStartsWithTwilio' },
      { level: RuleLevel.WARNING, path: 'test/B', rule: 'LabelStartsWithTwilio' },
    ]);
    // The data and the annotations say the same, finding for finding.
    expect(checks.findings.map((f) => `${f.path} TwilioSso-${f.rule}: ${f.info}`).sort()).toEqual(annotations.map((a) => `${a.path} ${a.message}`).sort());
    expect(checks.findings[0].address).toMatch(/^okta_app_saml\.A(_[0-9A-F]{8})?$/);
    Testing.synth(stack);
    expect(checks.findings).toHaveLength(3);
  });

  test('a suppression with a reason silences one rule on one resource only', () => {
    const stack = oktaStack();
    const a = oktaApp(stack, 'A', { digestAlgorithm: 'SHA1' });
    oktaApp(stack, 'B', { digestAlgorithm: 'SHA1' });
    TwilioSsoChecks.suppress(a, [{ rule: 'OktaTwilioAppUsesSha256', reason: 'Legacy sandbox org, removed in Q3' }]);
    expect(ruleFindings(stack)).toEqual(['@cdktf/error test/B TwilioSso-OktaTwilioAppUsesSha256']);
  });

  test.each([[''], ['   too short   '], [undefined]])('a suppression without a reason of 10 characters is refused with SUPPRESSION_REASON_MISSING (%j)', (reason) => {
    const stack = oktaStack();
    const app = oktaApp(stack);
    let error: unknown;
    try {
      TwilioSsoChecks.suppress(app, [
        { rule: 'OktaTwilioAppTargetsOneAcs', reason: 'A reason long enough' },
        { rule: 'OktaTwilioAppUsesSha256', reason: reason as string },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SsoConfigError);
    expect(error).toMatchObject({ code: SsoErrorCode.SUPPRESSION_REASON_MISSING, field: 'suppressions[1].reason', value: reason });
    expect((error as Error).message).toMatch(/Cannot suppress OktaTwilioAppUsesSha256 on test\/HandWritten: give a reason of at least 10 characters/);
    // Nothing of a refused call is kept: the first suppression does not apply either.
    app.addOverride('recipient', 'https://example.com/acs');
    expect(ruleFindings(stack)).toEqual(['@cdktf/error test/HandWritten TwilioSso-OktaTwilioAppTargetsOneAcs']);
  });

  test('verbose findings carry the explanation with its source', () => {
    const stack = oktaStack();
    oktaApp(stack, 'HandWritten', { responseSigned: false });
    const [f] = findings(stack, new TwilioSsoChecks({ verbose: true }));
    expect(f.message).toMatch(/^TwilioSso-OktaTwilioAppSignsResponseAndAssertion: .* Twilio's SSO guides require a signed response .*https:\/\/www\.twilio\.com\/docs\//);
  });

  test('custom rules replace the defaults; a WARNING rule warns without failing', () => {
    const stack = oktaStack();
    oktaApp(stack, 'HandWritten', { label: 'Flex', responseSigned: false });
    expect(ruleFindings(stack, new TwilioSsoChecks({ rules: [new LabelStartsWithTwilio()] }))).toEqual(['@cdktf/warn test/HandWritten TwilioSso-LabelStartsWithTwilio']);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('an ERROR finding fails a synthesis that checks annotations', () => {
    const stack = oktaStack();
    oktaApp(stack, 'HandWritten', { responseSigned: false });
    Aspects.of(stack).add(new TwilioSsoChecks());
    const app = stack.node.scope as unknown as { synth(): void };
    expect(() => app.synth()).toThrow(/TwilioSso-OktaTwilioAppSignsResponseAndAssertion/);
  });

  test('a rule that throws is reported as a warning naming the rule and resource; the other rules still run', () => {
    const throwing: ITwilioSsoRule = {
      name: 'Throws',
      resourceType: 'okta_app_saml',
      level: RuleLevel.ERROR,
      info: 'never',
      explanation: 'never',
      check: () => {
        throw new Error('boom');
      },
    };
    const stack = oktaStack();
    oktaApp(stack, 'HandWritten', { responseSigned: false });
    const found = findings(stack, new TwilioSsoChecks({ rules: [throwing, ...TwilioSsoRules.OKTA] }));
    expect(found.map((f) => `${f.level} ${f.message}`)).toEqual([
      '@cdktf/warn TwilioSso-RuleFailure: Throws could not evaluate test/HandWritten: boom',
      expect.stringMatching(/^@cdktf\/error TwilioSso-OktaTwilioAppSignsResponseAndAssertion: /),
    ]);
  });

  test('each synthesis judges the stack afresh: a change to a related resource between two syntheses is seen', () => {
    const stack = entraStack();
    const app = new Application(stack, 'App', { displayName: 'Twilio', web: { redirectUris: [flex.acsUrl] } });
    const uri = new ApplicationIdentifierUri(stack, 'AppIdentifier', { applicationId: app.id, identifierUri: 'api://not-twilio-yet' });
    new ServicePrincipal(stack, 'Sp', { clientId: app.clientId, preferredSingleSignOnMode: 'oidc' });
    const checks = new TwilioSsoChecks({ rules: TwilioSsoRules.ENTRA.filter((r) => r.name === 'EntraTwilioAppUsesSamlMode') });
    expect(ruleFindings(stack, checks)).toEqual([]);
    // Only the identifier changes; the service principal judged is the same.
    uri.addOverride('identifier_uri', flex.entityId);
    expect(ruleFindings(stack, checks)).toEqual(['@cdktf/error test/Sp TwilioSso-EntraTwilioAppUsesSamlMode']);
  });
});

describe('the context a rule reads', () => {
  /** A rule that records what the context shows it, for the service principal. */
  class Recorder implements ITwilioSsoRule {
    public readonly name = 'Recorder';
    public readonly resourceType = 'azuread_service_principal';
    public readonly level = RuleLevel.WARNING;
    public readonly info = 'recorded';
    public readonly explanation = 'test';
    public seen: Record<string, unknown> = {};
    public check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance {
      const app = context.referencedBy(args.client_id)[0];
      this.seen = {
        address: context.address,
        self: context.resourceAt(context.address)?.args.client_id === args.client_id,
        app: app?.address,
        appOnlyOfType: context.referencedBy(args.client_id, 'azuread_application_identifier_uri').length,
        identifiers: context.referencing(app.address, 'azuread_application_identifier_uri', 'application_id').map((r) => r.args.identifier_uri),
        identifiersAnyArgument: context.referencing(app.address, 'azuread_application_identifier_uri').map((r) => r.address),
        identifiersInOtherArgument: context.referencing(app.address, 'azuread_application_identifier_uri', 'identifier_uri').length,
        owners: context.referencedBy(args.owners).map((r) => r.address),
        applications: context.resourcesOfType('azuread_application').map((r) => r.path),
        nothing: context.resourceAt('azuread_application.Missing'),
      };
      return RuleCompliance.COMPLIANT;
    }
  }

  test('gives addresses, references both ways, types and paths; data sources and variables are not resources', () => {
    const stack = entraStack();
    const client = new DataAzureadClientConfig(stack, 'Client', {});
    const app = new Application(stack, 'App', { displayName: 'Twilio' });
    new Application(stack, 'Other', { displayName: 'Other' });
    new ApplicationIdentifierUri(stack, 'AppIdentifier', { applicationId: app.id, identifierUri: flex.entityId });
    new ServicePrincipal(stack, 'Sp', { clientId: app.clientId, owners: [client.objectId] });
    const recorder = new Recorder();
    expect(findings(stack, new TwilioSsoChecks({ rules: [recorder] }))).toEqual([]);
    expect(recorder.seen).toEqual({
      address: 'azuread_service_principal.Sp',
      self: true,
      app: 'azuread_application.App',
      appOnlyOfType: 0,
      identifiers: [flex.entityId],
      identifiersAnyArgument: ['azuread_application_identifier_uri.AppIdentifier'],
      identifiersInOtherArgument: 0,
      owners: [],
      applications: ['test/App', 'test/Other'],
      nothing: undefined,
    });
  });

  test('resolves each resource once per check run, however many rules read it', () => {
    const stack = oktaStack();
    const app = oktaApp(stack);
    const resources = new StackResources(stack);
    const spy = jest.spyOn(app, 'toTerraform');
    resources.resource(app);
    resources.ofType('okta_app_saml');
    resources.at('okta_app_saml.HandWritten');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('a resource in a nested construct has its logical ID as address, as in the JSON', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const group = new Construct(stack, 'Group');
    const raw = new RawResource(group, 'Thing', 'null_resource', {});
    const resources = new StackResources(stack);
    const json = JSON.parse(Testing.synth(stack));
    expect(resources.resource(raw).address).toBe(`null_resource.${Object.keys(json.resource.null_resource)[0]}`);
    expect(resources.resource(raw).path).toBe('test/Group/Thing');
  });
});
