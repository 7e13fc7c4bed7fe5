import { DataAzureadUser } from '@cdktf/provider-azuread/lib/data-azuread-user';
import { Group } from '@cdktf/provider-azuread/lib/group';
import { TerraformVariable } from 'cdktf';
import { readFileSync } from 'fs';
import { join } from 'path';
import { TwilioConsoleOutputs } from '../../lib/core';
import { EntraTwilioSso } from '../../lib/entra';
import { SsoErrorCode, TwilioTarget } from '../../lib/twilio';
import { tempDir } from '../support/files';
import { entraStack, error, synthJson } from './support';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const GROUP = '11111111-1111-4111-8111-111111111111';
const USER = '33333333-3333-4333-8333-333333333333';
const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });

/** Assignment resources of a stack: construct ID (without the hash) → resource. */
function assignments(json: any): Record<string, any> {
  return Object.fromEntries(Object.entries<any>(json.resource.azuread_app_role_assignment).map(([k, v]) => [k.replace(/_[0-9A-F]{8}$/, ''), v]));
}

describe('EntraTwilioSso composed with resources and variables of the same stack', () => {
  test('object IDs that are tokens become Terraform references; their assignments are named ref<i>, literal ones keep their ID', () => {
    const stack = entraStack();
    const agents = new Group(stack, 'Agents', { displayName: 'Agents', securityEnabled: true });
    const leads = new Group(stack, 'Leads', { displayName: 'Leads', securityEnabled: true });
    const lead = new DataAzureadUser(stack, 'Lead', { userPrincipalName: 'lead@example.com' });
    // Each read of an attribute is a new token: read each once.
    const [agentsId, leadsId, leadId] = [agents.objectId, leads.objectId, lead.objectId];
    const sso = new EntraTwilioSso(stack, 'Sso', {
      target: flex,
      groups: [
        { principalId: GROUP, roles: ['admin'] },
        { principalId: agentsId, roles: ['agent'] },
      ],
    });
    sso.addGroup({ principalId: leadsId, roles: ['supervisor', 'wfo.team_leader'] });
    sso.addUser({ principalId: USER, roles: ['agent'] });
    sso.addUser({ principalId: leadId, roles: ['admin'] });
    const json = synthJson(stack);
    const sp = '${azuread_service_principal.Sso_ServicePrincipal_634D9441.object_id}';
    const byId = assignments(json);
    // A token's key is its position in its own list (groups or users), not its text.
    expect(Object.keys(byId).sort()).toEqual([
      `Sso_Group-${GROUP}-admin`,
      'Sso_Group-ref1-agent',
      'Sso_Group-ref2-supervisor',
      'Sso_Group-ref2-wfoteam_leader',
      `Sso_User-${USER}-agent`,
      'Sso_User-ref1-admin',
    ]);
    expect(byId['Sso_Group-ref1-agent']).toMatchObject({ principal_object_id: '${azuread_group.Agents.object_id}', resource_object_id: sp, app_role_id: EntraTwilioSso.appRoleId('agent') });
    expect(byId['Sso_Group-ref2-supervisor'].principal_object_id).toBe('${azuread_group.Leads.object_id}');
    expect(byId['Sso_User-ref1-admin'].principal_object_id).toBe('${data.azuread_user.Lead.object_id}');
    expect(byId[`Sso_Group-${GROUP}-admin`].principal_object_id).toBe(GROUP);
    // The recorded assignments give back what was passed, tokens included.
    expect(sso.groupAssignments.map((g) => g.principalId)).toEqual([GROUP, agentsId, leadsId]);
    expect(sso.userAssignments).toEqual([
      { principalId: USER, roles: ['agent'] },
      { principalId: leadId, roles: ['admin'] },
    ]);
    // App roles come from every assignment, tokens or not.
    expect(sso.appRoles).toEqual(['admin', 'supervisor', 'agent', 'wfo.team_leader']);
  });

  test('the same token principal added twice is refused like a literal one', () => {
    const stack = entraStack();
    const agentsId = new Group(stack, 'Agents', { displayName: 'Agents', securityEnabled: true }).objectId;
    const sso = new EntraTwilioSso(stack, 'Sso', { target: flex, groups: [{ principalId: agentsId, roles: ['agent'] }] });
    const e = error(() => sso.addGroup({ principalId: agentsId, roles: ['admin'] }));
    expect([e.code, e.field]).toEqual([SsoErrorCode.PRINCIPAL_DUPLICATE, 'groups[1].principalId']);
  });

  test('a Twilio SID, tenant and owner from TerraformVariables reach the resources', () => {
    const stack = entraStack();
    const sid = new TerraformVariable(stack, 'sid', { type: 'string' });
    const tenant = new TerraformVariable(stack, 'tenant', { type: 'string' });
    const owner = new TerraformVariable(stack, 'owner', { type: 'string' });
    const sso = new EntraTwilioSso(stack, 'Sso', { target: TwilioTarget.flexEnhanced({ connectionSid: sid.stringValue }), tenantId: tenant.stringValue, owners: [owner.stringValue] });
    new TwilioConsoleOutputs(stack, 'Console', { app: sso });
    const json = synthJson(stack);
    const app = Object.values<any>(json.resource.azuread_application)[0];
    expect(app.web.redirect_uris).toEqual(['https://login.flex.us1.twilio.com/login/callback?connection=${var.sid}']);
    expect(app.owners).toEqual(['${var.owner}']);
    expect(app.display_name).toBe('Twilio Flex enhanced SSO ${var.sid}');
    expect(Object.values<any>(json.resource.azuread_application_identifier_uri)[0].identifier_uri).toBe('urn:flex:${var.sid}');
    expect(json.output.identity_provider_issuer.value).toBe('https://sts.windows.net/${var.tenant}/');
    // Tenant and owners given: no client-config lookup.
    expect(json.data).toBeUndefined();
  });

  test('a value that is a token reaches the claims mapping policy with user. stripped by Terraform', () => {
    const stack = entraStack();
    const nameId = new TerraformVariable(stack, 'name_id', { type: 'string' });
    const dept = new TerraformVariable(stack, 'dept', { type: 'string' });
    const sso = new EntraTwilioSso(stack, 'Sso', { target: flex, nameId: nameId.stringValue });
    sso.addAttribute({ name: 'department', value: dept.stringValue });
    const definition: string = Object.values<any>(synthJson(stack).resource.azuread_claims_mapping_policy)[0].definition[0];
    expect(definition).toContain('"ID":"${trimprefix(var.name_id, "user.")}","SamlClaimType":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier"');
    expect(definition).toContain('"ID":"${trimprefix(var.dept, "user.")}","SamlClaimType":"department"');
  });

  test('roles that are tokens are refused, in the props and in addGroup/addUser: each role becomes an app role at synth', () => {
    const stack = entraStack();
    const roles = new TerraformVariable(stack, 'roles', { type: 'list(string)' });
    const role = new TerraformVariable(stack, 'role', { type: 'string' });
    const e = error(() => new EntraTwilioSso(stack, 'Sso', { target: flex, groups: [{ principalId: GROUP, roles: roles.listValue }], users: [{ principalId: USER, roles: ['agent', role.stringValue] }], roles: roles.listValue }));
    expect(e.violations.map((v) => [v.code, v.field])).toEqual([
      [SsoErrorCode.ROLE_UNRESOLVED, 'groups[0].roles'],
      [SsoErrorCode.ROLE_UNRESOLVED, 'users[0].roles[1]'],
      [SsoErrorCode.ROLE_UNRESOLVED, 'roles'],
    ]);
    // ENTRA_ROLE_UNRESOLVED is deprecated: every identity provider says ROLE_UNRESOLVED, in the same words.
    expect(e.violations.map((v) => v.code)).not.toContain(SsoErrorCode.ENTRA_ROLE_UNRESOLVED);
    expect(e.message).toContain('groups[0].roles must be a list of role names known at synth (the identity provider declares one resource per role), got a Terraform token');
    expect(synthJson(stack).resource).toBeUndefined();
    const sso = new EntraTwilioSso(entraStack(), 'Sso', { target: flex, groups: [{ principalId: GROUP, roles: ['agent'] }] });
    const added = [error(() => sso.addGroup({ principalId: USER, roles: roles.listValue })), error(() => sso.addUser({ principalId: USER, roles: [role.stringValue] }))];
    expect(added.map((a) => [a.code, a.field])).toEqual([
      [SsoErrorCode.ROLE_UNRESOLVED, 'groups[1].roles'],
      [SsoErrorCode.ROLE_UNRESOLVED, 'users[0].roles[0]'],
    ]);
    // The same words as the props path.
    expect(added[0].violations[0].problem).toBe(e.violations[0].problem);
    expect(sso.groupAssignments).toHaveLength(1);
    expect(sso.userAssignments).toHaveLength(0);
  });

  test('the compose example synthesizes with token principals named ref<i> and the variable in the app', () => {
    const { synthExample } = require('../../examples/compose-entra');
    const out = tempDir();
    synthExample(out);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'contact-center-entra', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(assignments(json)).sort()).toEqual(['Flex_Group-ref0-agent', 'Flex_Group-ref1-supervisor', 'Flex_Group-ref1-wfoteam_leader', 'Flex_User-ref0-admin']);
    expect(assignments(json)['Flex_Group-ref0-agent'].principal_object_id).toBe('${azuread_group.Agents.object_id}');
    expect(assignments(json)['Flex_User-ref0-admin'].principal_object_id).toBe('${data.azuread_user.OpsLead.object_id}');
    const app = Object.values<any>(json.resource.azuread_application)[0];
    expect(app.web.redirect_uris).toEqual(['https://login.flex.us1.twilio.com/login/callback?connection=${var.connection_sid}']);
    expect(Object.values<any>(json.resource.azuread_application_identifier_uri)[0].identifier_uri).toBe('urn:flex:${var.connection_sid}');
    expect(json.output.sp_entity_id.value).toBe('urn:flex:${var.connection_sid}');
    const schema = JSON.parse(Object.values<any>(json.resource.azuread_claims_mapping_policy)[0].definition[0]).ClaimsMappingPolicy.ClaimsSchema;
    expect(schema[0].ID).toBe('userprincipalname');
    expect(schema.at(-1)).toEqual({ Source: 'user', ID: 'department', SamlClaimType: 'department' });
  });
});
