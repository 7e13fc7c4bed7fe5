/** Frontline on Salesforce: an External Client App, deployed by hand (`sf project deploy start`). */
import { App, TerraformStack } from 'cdktf';
import { join } from 'path';
import { SalesforceTwilioSso, TwilioConsoleOutputs, TwilioTarget } from '../lib';

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'frontline-salesforce');
  const sso = new SalesforceTwilioSso(stack, 'Frontline', {
    target: TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' }),
    myDomain: 'example-org',
    certificateFile: join(__dirname, 'config', 'salesforce-idp-cert.pem'),
    profiles: ['Frontline Worker'],
  });
  new TwilioConsoleOutputs(stack, 'Console', { app: sso });
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
