/**
 * Flex enhanced SSO on Microsoft Entra ID, roles by Entra group: agents, supervisors (with a Flex
 * Insights role) and admins. Run: `npx ts-node examples/flex-entra.ts` or through the tests.
 * Credentials come from ARM_TENANT_ID / ARM_CLIENT_ID / ARM_CLIENT_SECRET (or OIDC) at plan/apply.
 */
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { EntraConsoleOutputs, EntraTwilioSso, MsgraphProvider, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'flex-entra');
  const tenantId = '00000000-0000-4000-8000-000000000001'; // not a secret
  new AzureadProvider(stack, 'azuread', { tenantId });
  new MsgraphProvider(stack, 'msgraph', { tenantId });

  const sso = new EntraTwilioSso(stack, 'Flex', {
    target: TwilioTarget.flexEnhanced({ connectionSid: 'JQ00112233445566778899aabbccddeeff', runtimeDomain: 'kiwi-owl-1234.twil.io' }),
    tenantId,
    notificationEmails: ['identity-team@example.com'],
  });
  sso.addGroup({ principalId: '6f0e3d1a-0000-4000-8000-000000000001', roles: ['agent'] });
  sso.addGroup({ principalId: '6f0e3d1a-0000-4000-8000-000000000002', roles: ['supervisor', 'wfo.team_leader'] });
  sso.addGroup({ principalId: '6f0e3d1a-0000-4000-8000-000000000003', roles: ['admin'] });
  sso.addAttribute({ name: 'department', value: 'user.department' });

  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  new EntraConsoleOutputs(stack, 'EntraConsole', { app: sso });
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
