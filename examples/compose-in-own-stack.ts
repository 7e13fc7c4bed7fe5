/**
 * Composing the construct in your own stack: a platform team's stack that already has an Okta
 * provider and other resources adds Flex SSO for two regions' Flex accounts. Each app's Console
 * outputs get a prefix so both fit in one stack, and the app objects' `consoleValues` feed other
 * resources (here a plain output; in practice a secret store or a ticket).
 */
import { Group } from '@cdktf/provider-okta/lib/group';
import { OktaProvider } from '@cdktf/provider-okta/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OktaTwilioSso, TwilioConsoleOutputs, TwilioTarget } from '../lib';

class ContactCenterIdentity extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new OktaProvider(this, 'okta', { orgName: 'example-org', baseUrl: 'okta.com' });

    // Groups the team already manages in the same stack: their IDs are Terraform references.
    const agents = new Group(this, 'Agents', { name: 'Contact center agents' });
    const leads = new Group(this, 'Leads', { name: 'Contact center leads' });

    const regions: Array<[string, string]> = [
      ['us', 'JQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
      ['emea', 'JQbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'],
    ];
    for (const [region, connectionSid] of regions) {
      const sso = new OktaTwilioSso(this, `Flex-${region}`, {
        target: TwilioTarget.flexEnhanced({ connectionSid }),
        label: `Twilio Flex (${region.toUpperCase()})`,
        groups: [
          { principalId: agents.id, roles: ['agent'] },
          { principalId: leads.id, roles: ['supervisor'] },
        ],
      });
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
