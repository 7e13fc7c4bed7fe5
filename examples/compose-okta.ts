/**
 * Composing the construct in your own stack: a platform team's stack that already manages its Okta
 * groups and users adds Flex SSO for two regions' Flex accounts. Group and user IDs are Terraform
 * references to resources of the same stack, and one connection SID comes from a Terraform variable
 * (`TF_VAR_emea_connection_sid`): nothing here is known before apply, and the construct takes it
 * all. Each app's Console outputs get a prefix so both fit in one stack.
 */
import { Group } from '@cdktf/provider-okta/lib/group';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { User } from '@cdktf/provider-okta/lib/user';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { OktaTwilioSso, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

class ContactCenterIdentity extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new OktaProvider(this, 'okta', { orgName: 'example-org', baseUrl: 'okta.com' });

    // Groups and a user the team already manages in the same stack: their IDs are Terraform references.
    const agents = new Group(this, 'Agents', { name: 'Contact center agents' });
    const leads = new Group(this, 'Leads', { name: 'Contact center leads' });
    const opsLead = new User(this, 'OpsLead', { firstName: 'Ops', lastName: 'Lead', login: 'ops.lead@example.com', email: 'ops.lead@example.com' });

    // The EMEA account's connection SID comes from the pipeline, per environment.
    const emeaSid = new TerraformVariable(this, 'emea_connection_sid', {
      type: 'string',
      description: "Flex connection SID of the EMEA account (Console → Flex → Single sign-on, 'JQ…')",
      default: 'JQbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    });

    const regions: Array<[string, TwilioTarget]> = [
      ['us', TwilioTarget.flexEnhanced({ connectionSid: 'JQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' })],
      ['emea', TwilioTarget.flexEnhanced({ connectionSid: emeaSid.stringValue, acsUrl: `https://login.flex.ie1.twilio.com/login/callback?connection=${emeaSid.stringValue}` })],
    ];
    for (const [region, target] of regions) {
      const sso = new OktaTwilioSso(this, `Flex-${region}`, {
        target,
        displayName: `Twilio Flex (${region.toUpperCase()})`,
        groups: [
          { principalId: agents.id, roles: ['agent'] },
          { principalId: leads.id, roles: ['supervisor'] },
        ],
      });
      sso.addUser({ principalId: opsLead.id, roles: ['admin'] });
      new TwilioConsoleOutputs(this, `Console-${region}`, { app: sso, prefix: `${region}_` });
      new TerraformOutput(this, `${region}-sso-check`, { value: sso.consoleValues.metadataUrl });
    }
  }
}

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  new ContactCenterIdentity(app, 'contact-center-identity');
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
