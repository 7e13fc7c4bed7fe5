import { Group } from '@cdktf/provider-okta/lib/group';
import { TerraformVariable } from 'cdktf';
import { readFileSync } from 'fs';
import { join } from 'path';
import { OktaTwilioSso } from '../../lib/okta';
import { SsoErrorCode, TwilioProduct, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';
import { tempDir } from '../support/files';
import { oktaStack, synthJson } from '../support/synth';

const JQ = 'JQ0123456789abcdef0123456789abcdef';

describe('OktaTwilioSso composed with resources and variables of the same stack', () => {
  test('group and user IDs that are tokens become Terraform references; their resources are named ref<i>', () => {
    const stack = oktaStack();
    const agents = new Group(stack, 'Agents', { name: 'Agents' });
    const leads = new Group(stack, 'Leads', { name: 'Leads' });
    const sso = new OktaTwilioSso(stack, 'Sso', {
      target: TwilioTarget.flexEnhanced({ connectionSid: JQ }),
      groups: [{ principalId: leads.id, roles: ['supervisor'] }],
    });
    sso.addGroup({ principalId: agents.id, roles: ['agent'] });
    sso.addUser({ principalId: '00uliteral', roles: ['admin'] });
    sso.addUser({ principalId: agents.id, roles: ['agent'] }); // any token: the position names it
    const json = synthJson(stack);
    // Literal IDs keep `User-<id>`; a token gets its position among the users.
    expect(sso.node.children.map((c) => c.node.id).filter((id) => id.startsWith('User-'))).toEqual(['User-00uliteral-Login', 'User-00uliteral', 'User-ref1-Login', 'User-ref1']);
    // okta_app_user needs the app username (okta provider: "'username' is required"): the user's login.
    const appUsers = Object.entries<any>(json.resource.okta_app_user);
    for (const [, u] of appUsers) {
      const ref = /^\$\{data\.okta_user\.([^.]+)\.login\}$/.exec(u.username);
      expect(ref).not.toBeNull();
      expect(json.data.okta_user[ref![1]].user_id).toBe(u.user_id);
    }
    expect(Object.keys(json.resource.okta_app_user).map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual(['Sso_User-00uliteral', 'Sso_User-ref1']);
    const groups = Object.values<any>(json.resource.okta_app_group_assignments)[0].group;
    expect(groups.map((g: any) => g.id).sort()).toEqual(['${okta_group.Agents.id}', '${okta_group.Leads.id}']);
    expect(Object.values<any>(json.resource.okta_app_user).map((u) => u.user_id).sort()).toEqual(['${okta_group.Agents.id}', '00uliteral']);
  });

  test('a Twilio SID from a TerraformVariable reaches the app; a literal is still validated', () => {
    const stack = oktaStack();
    const sid = new TerraformVariable(stack, 'sid', { type: 'string' });
    new OktaTwilioSso(stack, 'Sso', { target: TwilioTarget.flexEnhanced({ connectionSid: sid.stringValue }) });
    const app = Object.values<any>(synthJson(stack).resource.okta_app_saml)[0];
    expect(app.audience).toBe('urn:flex:${var.sid}');
    expect(app.sso_url).toBe('https://login.flex.us1.twilio.com/login/callback?connection=${var.sid}');
    expect(ssoError(() => TwilioTarget.flexEnhanced({ connectionSid: 'JQ123' })).code).toBe(SsoErrorCode.JQ_SID_INVALID);
  });

  test('fromServiceProvider takes variables for the Entity ID and ACS URL', () => {
    const stack = oktaStack();
    const entityId = new TerraformVariable(stack, 'entity_id', { type: 'string' });
    const acsUrl = new TerraformVariable(stack, 'acs_url', { type: 'string' });
    const target = TwilioTarget.fromServiceProvider({ product: TwilioProduct.FRONTLINE, entityId: entityId.stringValue, acsUrl: acsUrl.stringValue });
    expect(target.sid).toBeUndefined();
    new OktaTwilioSso(stack, 'Sso', { target });
    const app = Object.values<any>(synthJson(stack).resource.okta_app_saml)[0];
    expect([app.audience, app.sso_url, app.recipient, app.destination]).toEqual(['${var.entity_id}', '${var.acs_url}', '${var.acs_url}', '${var.acs_url}']);
    expect(app.label).toBe('Twilio Frontline');
  });

  test('the compose example synthesizes with token principals named ref<i> and the variable in the app', () => {
    const { synthExample } = require('../../examples/compose-okta');
    const out = tempDir();
    synthExample(out);
    const json = JSON.parse(readFileSync(join(out, 'stacks', 'contact-center-identity', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(json.resource.okta_app_user).map((k) => k.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual(['Flex-emea_User-ref0', 'Flex-us_User-ref0']);
    const emea = Object.entries<any>(json.resource.okta_app_saml).find(([k]) => k.startsWith('Flex-emea'))![1];
    expect(emea.audience).toBe('urn:flex:${var.emea_connection_sid}');
    expect(emea.sso_url).toBe('https://login.flex.ie1.twilio.com/login/callback?connection=${var.emea_connection_sid}');
  });
});
