import { EntraTwilioSso } from '../../lib/entra';
import { TwilioTarget } from '../../lib/twilio';
import { synthJson } from '../support/synth';
import { entraStack } from './support';

// EntraTwilioSso for SendGrid and Segment: claims only for what the product reads, groups assigned
// with the default app role (no roles).

const GROUP = '11111111-2222-3333-4444-555555555501';

describe.each([
  ['SendGrid', TwilioTarget.sendgrid({ integrationId: 'b0b98502-9408-4b24-9e3d-31ed7cb15312' }), []],
  ['Segment', TwilioTarget.segment({ connection: 'acme' }), ['email']],
])('EntraTwilioSso for %s', (_name, target, attributes) => {
  const stack = entraStack();
  new EntraTwilioSso(stack, 'Sso', { target, groups: [{ principalId: GROUP, roles: [] }] });
  const json = synthJson(stack);

  test('the claims mapping sends the NameID and only the attributes the product reads (no roles claim)', () => {
    const policy = Object.values(json.resource.azuread_claims_mapping_policy)[0] as any;
    const schema = JSON.parse(policy.definition[0]).ClaimsMappingPolicy.ClaimsSchema;
    expect(schema.map((e: any) => e.SamlClaimType)).toEqual(['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier', ...attributes]);
  });

  test('the group is assigned with the default app role; no app roles declared', () => {
    const assignments = Object.values(json.resource.azuread_app_role_assignment) as any[];
    expect(assignments.map((a) => [a.principal_object_id, a.app_role_id])).toEqual([[GROUP, '00000000-0000-0000-0000-000000000000']]);
    const application = Object.values(json.resource.azuread_application)[0] as any;
    expect(application.app_role ?? []).toEqual([]);
  });
});
