/** Frontline on Okta: one group of agents. */
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { OktaTwilioSso, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'frontline-okta');
  new OktaProvider(stack, 'okta', { orgName: 'example-org', baseUrl: 'okta.com' });
  const sso = new OktaTwilioSso(stack, 'Frontline', {
    target: TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' }),
    groups: [{ principalId: '00g1frontline000004', roles: ['agent'] }],
  });
  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
