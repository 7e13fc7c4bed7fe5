/** Frontline on Microsoft Entra ID: one group of agents; tenant from the provider's environment. */
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { EntraConsoleOutputs, EntraTwilioSso, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'frontline-entra');
  // Tenant and credentials from ARM_* in the environment; the msgraph provider is declared by the construct.
  new AzureadProvider(stack, 'azuread', {});
  const sso = new EntraTwilioSso(stack, 'Frontline', {
    target: TwilioTarget.frontline({ realmSid: 'JB0123456789abcdef0123456789abcdef' }),
    groups: [{ principalId: '6f0e3d1a-0000-4000-8000-000000000004', roles: ['agent'] }],
  });
  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  new EntraConsoleOutputs(stack, 'EntraConsole', { app: sso });
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
