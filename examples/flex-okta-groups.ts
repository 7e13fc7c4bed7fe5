/**
 * Flex enhanced SSO on Okta, roles by Okta group: agents, supervisors (with a Flex Insights role)
 * and admins. Run: `npx ts-node examples/flex-okta-groups.ts` or through the tests.
 */
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { OktaTwilioSso, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'flex-okta-groups');
  // Org and base URL are not secrets; the API token comes from OKTA_API_TOKEN at plan/apply time.
  new OktaProvider(stack, 'okta', { orgName: 'example-org', baseUrl: 'okta.com' });

  const sso = new OktaTwilioSso(stack, 'Flex', {
    target: TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef', runtimeDomain: 'kiwi-owl-1234.twil.io' }),
  });
  sso.addGroup({ principalId: '00g1agents0000000001', roles: ['agent'] });
  sso.addGroup({ principalId: '00g1supervisors00002', roles: ['supervisor', 'wfo.team_leader'] });
  sso.addGroup({ principalId: '00g1admins0000000003', roles: ['admin'] });
  sso.addAttribute({ name: 'team_name', value: 'user.department' });

  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
