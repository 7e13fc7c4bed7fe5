/**
 * Composing the construct in your own stack: a Salesforce team's stack gives Flex and Frontline SSO to
 * one org. Salesforce has no groups or users to assign: access goes to profiles and permission sets,
 * and roles come from a user field through a formula. Attributes and the deploy step are added after
 * construction, and each app's Console outputs get a prefix so both fit in one stack.
 *
 * The Twilio SIDs are literal here, on purpose: this construct writes the Salesforce project files at
 * synth, so every value in them (the Entity ID and ACS URL included) must be known then. A SID from a
 * `TerraformVariable` is only known at plan, and is refused with an error naming `target.entityId`.
 * Give a per-environment SID through cdktf context instead (`cdktf synth --context
 * flexConnectionSid=JQ…`, or `context` in cdktf.json), which is read at synth.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { join } from 'path';
import { SalesforceTwilioSso, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

class ContactCenterSalesforce extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const flexSid: string = this.node.tryGetContext('flexConnectionSid') ?? 'JQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const certificateFile = join(__dirname, 'config', 'salesforce-idp-cert.pem');

    const flex = new SalesforceTwilioSso(this, 'Flex', {
      target: TwilioTarget.flexEnhanced({ connectionSid: flexSid }),
      myDomain: 'example-org',
      certificateFile,
      displayName: 'Contact center (Flex)',
      // Users are matched by their Federation ID, which the org fills from the HR system.
      nameId: '$User.FederationIdentifier',
      // Per-user roles from a custom user field instead of one literal for everyone.
      rolesFormula: '$User.Twilio_Roles__c',
      profiles: ['Contact Center Agent'],
      permissionSets: ['Twilio_Flex_Supervisors'],
    });
    // After construction: still in the generated files, and in the deploy step's trigger.
    flex.addAttribute({ name: 'department', value: '$User.Department' });
    flex.addAttribute({ name: 'location', value: '$User.City' });
    flex.addDeployment({ targetOrg: 'example-org' });

    const frontline = new SalesforceTwilioSso(this, 'Frontline', {
      target: TwilioTarget.frontline({ realmSid: 'JB00112233445566778899aabbccddeeff' }),
      myDomain: 'example-org',
      certificateFile,
      permissionSets: ['Frontline_Workers'],
    });
    frontline.addDeployment({ targetOrg: 'example-org', useSfOnPath: true });

    new TwilioConsoleOutputs(this, 'FlexConsole', { app: flex, prefix: 'flex_' });
    new TwilioConsoleOutputs(this, 'FrontlineConsole', { app: frontline, prefix: 'frontline_' });
  }
}

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  new ContactCenterSalesforce(app, 'contact-center-salesforce');
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
