/**
 * Both sides of SendGrid single sign-on in one stack and one apply: a Keycloak SAML client for
 * SendGrid, and SendGrid's SSO integration and certificate filled from it. Keycloak's issuer and SAML
 * endpoint belong to the realm, so Terraform creates the SendGrid integration first, then the client
 * (whose Entity ID and ACS URL carry the integration's ID), then the certificate: see
 * docs/sendgrid.md. Credentials come from the environment at plan/apply: SENDGRID_API_KEY (an API key
 * with the SSO settings scopes) and KEYCLOAK_CLIENT_ID / KEYCLOAK_CLIENT_SECRET. Nothing secret is
 * synthesized.
 */
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { KeycloakProvider, KeycloakTwilioSso } from '../lib/keycloak';
import { SendGridSso } from '../lib/sendgrid';

class SendGridSignIn extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KeycloakProvider(this, 'keycloak', { url: 'https://sso.example.com', realm: 'master' });

    // SendGrid's side first: its integration ID is in the URLs the Keycloak client needs.
    const sendgrid = new SendGridSso(this, 'SendGrid', { name: 'Keycloak (staff realm)' });
    const app = new KeycloakTwilioSso(this, 'App', {
      target: sendgrid.target,
      serverUrl: 'https://sso.example.com',
      realm: 'staff',
      displayName: 'Twilio SendGrid',
    });
    // Then SendGrid trusts the client's realm: issuer, SAML endpoint and signing certificate.
    sendgrid.connect(app);

    new TerraformOutput(this, 'sendgrid_integration_id', { value: sendgrid.integrationId, description: 'SendGrid SSO integration ID' });
  }
}

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  new SendGridSignIn(app, 'sendgrid-keycloak');
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
