/**
 * Composing the construct in your own stack: an identity team's stack that manages a Keycloak realm,
 * its groups and users adds Flex SSO. The realm, the group and the user are declared in the same
 * stack, so the realm name and the group and user IDs are Terraform references; the Flex connection
 * SID comes from a Terraform variable (`TF_VAR_connection_sid`). Nothing here is known before apply,
 * and the construct takes it all. Credentials come from KEYCLOAK_CLIENT_ID / KEYCLOAK_CLIENT_SECRET
 * (or KEYCLOAK_USER / KEYCLOAK_PASSWORD) at plan/apply.
 */
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { TwilioConsoleOutputs } from 'cdktf-twilio-sso/core';
import {
  KeycloakGroup,
  KeycloakGroupMemberships,
  KeycloakProvider,
  KeycloakRealm,
  KeycloakRealmUserProfile,
  KeycloakTwilioSso,
  KeycloakUser,
} from 'cdktf-twilio-sso/keycloak';
import { TwilioTarget } from 'cdktf-twilio-sso/twilio';

class ContactCenterIdentity extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Where Terraform reaches the admin API; not a secret.
    new KeycloakProvider(this, 'keycloak', { url: 'https://sso.example.com', realm: 'master' });

    // The realm, a group and a user the team manages in the same stack: their names and IDs are
    // Terraform references.
    const realm = new KeycloakRealm(this, 'Realm', { realm: 'contact-center', displayName: 'Contact center' }).realmName;

    // The connection SID comes from the pipeline, per environment.
    const sid = new TerraformVariable(this, 'connection_sid', {
      type: 'string',
      description: "Flex connection SID (Console → Flex → Single sign-on, 'JQ…')",
      default: 'JQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    });

    const sso = new KeycloakTwilioSso(this, 'Flex', {
      target: TwilioTarget.flexEnhanced({ connectionSid: sid.stringValue }),
      serverUrl: 'https://sso.example.com',
      realm,
      displayName: 'Twilio Flex',
      attributes: [{ name: 'department', value: 'department' }],
    });

    // Keycloak 24+ keeps only the user attributes its user profile declares: declare the ones the
    // client reads (`full_name`, `department`) next to the built-in ones.
    const profile = new KeycloakRealmUserProfile(this, 'UserProfile', {
      realmId: realm,
      attributes: [{ name: 'username' }, { name: 'email' }, { name: 'firstName' }, { name: 'lastName' }, ...sso.userAttributes.map((name) => ({ name, edit: ['admin'] }))],
    });
    const agents = new KeycloakGroup(this, 'Agents', { realmId: realm, name: 'contact-center-agents' });
    const opsLead = new KeycloakUser(this, 'OpsLead', {
      realmId: realm,
      username: 'ops.lead',
      email: 'ops.lead@example.com',
      emailVerified: true,
      firstName: 'Ops',
      lastName: 'Lead',
      attributes: { full_name: 'Ops Lead', department: 'Operations' },
      dependsOn: [profile],
    });
    new KeycloakGroupMemberships(this, 'AgentsMembers', { realmId: realm, groupId: agents.id, members: ['ops.lead'], dependsOn: [opsLead] });

    sso.addGroup({ principalId: agents.id, roles: ['agent'] });
    sso.addUser({ principalId: opsLead.id, roles: ['admin'] });

    new TwilioConsoleOutputs(this, 'Console', { app: sso });
  }
}

export function synthExample(outdir: string): void {
  const app = new App({ outdir });
  new ContactCenterIdentity(app, 'contact-center-keycloak');
  app.synth();
}

if (require.main === module) synthExample('cdktf.out');
