/**
 * Composing the construct in your own stack: an identity team's stack that already manages its Entra
 * groups adds Flex SSO. The groups are declared in the same stack and a user is looked up by name, so
 * their object IDs are Terraform references; the Flex connection SID comes from a Terraform variable
 * (`TF_VAR_connection_sid`). Nothing here is known before apply, and the construct takes it all.
 * Credentials come from ARM_TENANT_ID / ARM_CLIENT_ID / ARM_CLIENT_SECRET (or OIDC) at plan/apply.
 */
import { DataAzureadUser } from '@cdktf/provider-azuread/lib/data-azuread-user';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { EntraConsoleOutputs, EntraTwilioSso, TwilioConsoleOutputs, TwilioTarget } from 'cdktf-twilio-sso';

class ContactCenterIdentity extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Tenant and credentials from ARM_* in the environment; the msgraph provider is declared by the construct.
    new AzureadProvider(this, 'azuread', {});

    // Groups the team manages in the same stack, and a user looked up by name: their object IDs are
    // Terraform references.
    const agents = new Group(this, 'Agents', { displayName: 'Contact center agents', securityEnabled: true });
    const leads = new Group(this, 'Leads', { displayName: 'Contact center leads', securityEnabled: true });
    const opsLead = new DataAzureadUser(this, 'OpsLead', { userPrincipalName: 'ops.lead@example.com' });

    // The connection SID comes from the pipeline, per environment.
    const sid = new TerraformVariable(this, 'connection_sid', {
      type: 'string',
      description: "Flex connection SID (Console → Flex → Single sign-on, 'JQ…')",
      default: 'JQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    });

    const sso = new EntraTwilioSso(this, 'Flex', {
      target: TwilioTarget.flexEnhanced({ connectionSid: sid.stringValue }),
      displayName: 'Twilio Flex',
      nameId: 'user.userprincipalname',
      groups: [
        { principalId: agents.objectId, roles: ['agent'] },
        { principalId: leads.objectId, roles: ['supervisor', 'wfo.team_leader'] },
      ],
      attributes: [{ name: 'department', value: 'user.department' }],
    });
    sso.addUser({ principalId: opsLead.objectId, roles: ['admin'] });

    new TwilioConsoleOutputs(this, 'Console', { app: sso });
    new EntraConsoleOutputs(this, 'EntraConsole', { app: sso });
  }
}

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  new ContactCenterIdentity(app, 'contact-center-entra');
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
