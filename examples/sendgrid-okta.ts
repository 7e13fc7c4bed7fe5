/**
 * Both sides of SendGrid single sign-on with an Okta custom SAML app: two applies of the same stack.
 * Okta's issuer and SSO URL belong to the app, and the app's ACS URL carries SendGrid's integration
 * ID, so the two cannot be created in one apply (Terraform reports a cycle; `SendGridSso.connect`
 * refuses it before synth). See docs/sendgrid.md.
 *
 * - Step 1 (no `SENDGRID_INTEGRATION_ID`): SendGrid's integration only, disabled, with the Okta org URL
 *   as a placeholder. `cdktf deploy`, then read the `sendgrid_integration_id` output.
 * - Step 2 (`SENDGRID_INTEGRATION_ID=<that ID>`): the Okta app for that integration, the integration
 *   updated in place with the app's issuer and SSO URL and enabled, and the app's certificate added.
 *
 * `synthExample` writes both steps as two stacks so that both are checked; a real program
 * synthesizes one stack, once per step. Credentials come from the environment at plan/apply:
 * SENDGRID_API_KEY and Okta's (OKTA_API_TOKEN or OAuth); nothing secret is synthesized.
 */
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OktaTwilioSso } from '../lib/okta';
import { SendGridSso } from '../lib/sendgrid';
import { TwilioTarget } from '../lib/twilio';

class SendGridSignIn extends TerraformStack {
  constructor(scope: Construct, id: string, integrationId: string | undefined) {
    super(scope, id);
    new OktaProvider(this, 'okta', { orgName: 'example', baseUrl: 'okta.com' });

    // Step 2 only: the app needs the integration's ID, known from step 1's output.
    const app =
      integrationId === undefined
        ? undefined
        : new OktaTwilioSso(this, 'App', {
            target: TwilioTarget.sendgrid({ integrationId }),
            displayName: 'Twilio SendGrid',
          });
    // The same construct in both steps, so step 2 updates the integration step 1 created.
    const sendgrid = new SendGridSso(this, 'SendGrid', { app, placeholderUrl: 'https://example.okta.com', name: 'Okta' });

    new TerraformOutput(this, 'sendgrid_integration_id', { value: sendgrid.integrationId, description: 'SendGrid SSO integration ID (for step 2)' });
  }
}

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  new SendGridSignIn(app, 'sendgrid-okta-step-1', undefined);
  new SendGridSignIn(app, 'sendgrid-okta-step-2', 'b0b98502-9408-4b24-9e3d-31ed7cb15312');
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
