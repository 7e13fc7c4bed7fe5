import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';

/** A stack with an Okta provider, for construct tests. */
export function oktaStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new OktaProvider(stack, 'okta', { orgName: 'example', baseUrl: 'okta.com' });
  return stack;
}

/** Synthesizes a stack (running validations) and parses the Terraform JSON. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** The one resource of a type in synthesized JSON, failing if there are zero or several. */
export function onlyResource(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

export { App };
