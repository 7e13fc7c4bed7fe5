/** Flex enhanced SSO on Salesforce: an External Client App for two profiles, deployed by Terraform. */
import { App, TerraformStack } from 'cdktf';
import { join } from 'path';
import { SalesforceTwilioSso, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'flex-salesforce');
  const sso = new SalesforceTwilioSso(stack, 'Flex', {
    target: TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef', runtimeDomain: 'kiwi-owl-1234.twil.io' }),
    myDomain: 'example-org',
    // Setup → Certificate and Key Management → Download Certificate (public certificate only).
    certificateFile: join(__dirname, 'config', 'salesforce-idp-cert.pem'),
    roles: ['agent'],
    profiles: ['Twilio Flex Agent'],
    permissionSets: ['Twilio_Flex_Supervisors'],
    deploy: { targetOrg: 'example-org' },
  });
  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
