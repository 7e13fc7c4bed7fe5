import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { Aspects, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { ITwilioSsoRule, RuleCompliance } from '../../lib/checks/rule';
import { StackResources } from '../../lib/checks/stack-resources';
import { TwilioSsoChecks } from '../../lib/checks/twilio-sso-checks';
import { KeycloakProvider } from '../../lib/keycloak/provider';

// Imports are by path, not from lib/index.ts: the checks' tests load only the checks, the Twilio
// model and the providers' bindings.

/** One annotation: its level, the construct it is on, and its message. */
export interface Finding {
  readonly level: string;
  readonly path: string;
  readonly message: string;
}

/** Synthesizes with the checks applied (once per stack) and returns every annotation. */
export function findings(stack: TerraformStack, checks: TwilioSsoChecks = new TwilioSsoChecks()): Finding[] {
  if (!Aspects.of(stack).all.includes(checks)) Aspects.of(stack).add(checks);
  Testing.synth(stack);
  return stack.node.findAll().flatMap((c) =>
    c.node.metadata.filter((m) => String(m.type).startsWith('@cdktf/')).map((m) => ({ level: String(m.type), path: c.node.path, message: String(m.data) })),
  );
}

/** `<level> <path> <rule>` of each finding, e.g. `@cdktf/error test/Sp TwilioSso-EntraTwilioAppUsesSamlMode`. */
export function ruleFindings(stack: TerraformStack, checks?: TwilioSsoChecks): string[] {
  // Rule findings only: the constructs' own synth warnings (a legacy target, nobody assigned) are not the checks'.
  return findings(stack, checks).filter((f) => f.message.startsWith('TwilioSso-')).map((f) => `${f.level} ${f.path} ${f.message.split(':')[0]}`);
}

/** What one rule concludes about one resource, judged directly (no aspect), with the stack as context. */
export function judge(rule: ITwilioSsoRule, resource: TerraformResource): RuleCompliance {
  const resources = new StackResources(TerraformStack.of(resource));
  const self = resources.resource(resource);
  return rule.check(self.args, resources.contextFor(self.address));
}

/** A resource of any type with its arguments written by hand, as raw JSON (snake_case). */
export class RawResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    type: string,
    private readonly args: Record<string, unknown>,
  ) {
    super(scope, id, { terraformResourceType: type });
  }

  /** The resource's `id`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return this.args;
  }
}

/** A stack with an Okta provider. */
export function oktaStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new OktaProvider(stack, 'okta', { orgName: 'example', baseUrl: 'okta.com' });
  return stack;
}

/** A stack with an azuread provider. */
export function entraStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzureadProvider(stack, 'azuread', {});
  return stack;
}

/** A stack with a keycloak provider. */
export function keycloakStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
  return stack;
}
