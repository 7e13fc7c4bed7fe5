/**
 * Frontline on Salesforce: an External Client App, deployed by Terraform with the `sf` already on PATH.
 * Without `deploy`, deploy by hand with `sf project deploy start` (docs/salesforce.md).
 */
import { App, TerraformStack } from 'cdktf';
import { join } from 'path';
import { SalesforceTwilioSso, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'frontline-salesforce');
  const sso = new SalesforceTwilioSso(stack, 'Frontline', {
    target: TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' }),
    myDomain: 'example-org',
    certificateFile: join(__dirname, 'config', 'salesforce-idp-cert.pem'),
    profiles: ['Frontline Worker'],
    deploy: { targetOrg: 'example-org', useSfOnPath: true },
  });
  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
