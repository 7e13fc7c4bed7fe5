/**
 * The program test/python/compose.py writes in Python, written in TypeScript: one stack that composes
 * the Okta and the Entra constructs with groups declared in the same stack, a Flex connection SID
 * from a Terraform variable, the Console outputs and the policy checks. The two must synthesize the
 * same `cdk.tf.json`, byte for byte (test/python/compose.test.ts; .ci/run runs the Python side).
 * Keep the two files in step, statement for statement.
 */
import { Group as AzureadGroup } from '@cdktf/provider-azuread/lib/group';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { Group as OktaGroup } from '@cdktf/provider-okta/lib/group';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { App, Aspects, TerraformStack, TerraformVariable } from 'cdktf';
import { EntraConsoleOutputs, EntraTwilioSso, OktaTwilioSso, TwilioConsoleOutputs, TwilioSsoChecks, TwilioSsoRules, TwilioTarget } from '../../lib';

export function synthCompose(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'contact-center');
  new OktaProvider(stack, 'okta', { orgName: 'example-org', baseUrl: 'okta.com' });
  new AzureadProvider(stack, 'azuread', {});

  const sid = new TerraformVariable(stack, 'connection_sid', {
    type: 'string',
    description: "Flex connection SID (Console → Flex → Single sign-on, 'JQ…')",
    default: 'JQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  });
  const target = TwilioTarget.flexEnhanced({ connectionSid: sid.stringValue });

  const oktaAgents = new OktaGroup(stack, 'OktaAgents', { name: 'Contact center agents' });
  const okta = new OktaTwilioSso(stack, 'FlexOkta', {
    target,
    displayName: 'Twilio Flex',
    groups: [{ principalId: oktaAgents.id, roles: ['agent'] }],
  });
  okta.addAttribute({ name: 'department', value: 'user.department' });
  new TwilioConsoleOutputs(stack, 'OktaConsole', { app: okta, prefix: 'okta_' });

  const entraLeads = new AzureadGroup(stack, 'EntraLeads', { displayName: 'Contact center leads', securityEnabled: true });
  const entra = new EntraTwilioSso(stack, 'FlexEntra', {
    target: TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' }),
    displayName: 'Twilio Frontline',
    groups: [{ principalId: entraLeads.objectId, roles: ['agent'] }],
  });
  new TwilioConsoleOutputs(stack, 'EntraConsole', { app: entra, prefix: 'entra_' });
  new EntraConsoleOutputs(stack, 'EntraLinks', { app: entra });

  Aspects.of(stack).add(new TwilioSsoChecks({ rules: [...TwilioSsoRules.OKTA, ...TwilioSsoRules.ENTRA], verbose: true }));
  app.synth();
}
