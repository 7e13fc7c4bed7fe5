import { ExpectedImport, adoptionPlanProblems, summarizePlan } from '../../scripts/e2e/plan-check';

// Plans in Terraform's JSON output format (`terraform show -json <planfile>`,
// developer.hashicorp.com/terraform/internals/json-format), reduced to the fields the check reads.
const change = (address: string, actions: string[], extra: { importing?: { id: string }; after?: object; mode?: string } = {}) => ({
  address,
  mode: extra.mode ?? 'managed',
  type: address.slice(0, address.indexOf('.')),
  name: address.slice(address.indexOf('.') + 1),
  change: { actions, after: extra.after ?? {}, ...(extra.importing ? { importing: extra.importing } : {}) },
});
const plan = (...resourceChanges: object[]) => ({ format_version: '1.2', terraform_version: '1.11.4', resource_changes: resourceChanges });

const CLIENT = '5c1b6f3e-0000-4000-8000-000000000001';
const AGENT = '5c1b6f3e-0000-4000-8000-000000000002';
const expected: ExpectedImport[] = [
  { what: 'the client', type: 'keycloak_saml_client', id: `r/${CLIENT}` },
  { what: "client role 'agent'", type: 'keycloak_role', id: `r/${AGENT}`, after: (a) => a.name === 'agent' },
];

const safe = plan(
  change('keycloak_saml_client.Flex_A', ['update'], { importing: { id: `r/${CLIENT}` } }),
  change('keycloak_role.Flex_Role-agent_B', ['no-op'], { importing: { id: `r/${AGENT}` }, after: { name: 'agent' } }),
  change('keycloak_role.Flex_Role-admin_C', ['create'], { after: { name: 'admin' } }),
  change('keycloak_saml_client_default_scopes.Flex_D', ['create']),
  change('data.keycloak_realm_keys.Flex_E', ['read'], { mode: 'data' }),
);

describe('summarizePlan', () => {
  test('sorts managed resources into imports, creates, updates and destroys; data reads are left out', () => {
    const s = summarizePlan(JSON.stringify(safe));
    expect(s.imports.map((c) => [c.address, c.importId])).toEqual([
      ['keycloak_saml_client.Flex_A', `r/${CLIENT}`],
      ['keycloak_role.Flex_Role-agent_B', `r/${AGENT}`],
    ]);
    expect(s.creates.map((c) => c.address)).toEqual(['keycloak_role.Flex_Role-admin_C', 'keycloak_saml_client_default_scopes.Flex_D']);
    expect(s.updates.map((c) => c.address)).toEqual(['keycloak_saml_client.Flex_A']);
    expect(s.destroys).toEqual([]);
    expect(s.line).toBe('2 to import, 2 to add, 1 to change, 0 to destroy');
  });

  test('lists the arguments an update changes, including values known only after apply', () => {
    const p = plan({
      address: 'keycloak_saml_client.Flex_A',
      mode: 'managed',
      type: 'keycloak_saml_client',
      change: {
        actions: ['update'],
        before: { name: 'Twilio', description: '', enabled: true, extra_config: null },
        after: { name: 'Twilio Flex', description: '', enabled: true },
        after_unknown: { extra_config: true },
        importing: { id: `r/${CLIENT}` },
      },
    });
    expect(summarizePlan(p).updates.map((u) => u.changedKeys)).toEqual([['extra_config', 'name']]);
    expect(summarizePlan(safe).changes.map((c) => c.changedKeys)).toEqual([[], [], [], []]);
  });

  test('fails on JSON that is not a saved plan', () => {
    expect(() => summarizePlan({ values: {} })).toThrow(/not the JSON of a saved plan/);
  });
});

describe('adoptionPlanProblems', () => {
  test('a plan of imports, in-place updates and creates is safe', () => {
    expect(adoptionPlanProblems(summarizePlan(safe), expected)).toEqual([]);
  });

  test.each([
    [['delete', 'create'], 'REPLACED (delete, create)'],
    [['create', 'delete'], 'REPLACED (create, delete)'],
    [['delete'], 'DESTROYED (delete)'],
  ])('reports a resource planned to %j', (actions, said) => {
    const p = plan(...safe.resource_changes, change('keycloak_generic_protocol_mapper.Flex_F', actions));
    expect(adoptionPlanProblems(summarizePlan(p), expected)).toEqual([`keycloak_generic_protocol_mapper.Flex_F would be ${said}`]);
  });

  test('reports an imported resource that is then replaced, both as a replace and as more than an update', () => {
    const p = plan(change('keycloak_saml_client.Flex_A', ['delete', 'create'], { importing: { id: `r/${CLIENT}` } }), safe.resource_changes[1]);
    expect(adoptionPlanProblems(summarizePlan(p), expected)).toEqual([
      'keycloak_saml_client.Flex_A would be REPLACED (delete, create)',
      'keycloak_saml_client.Flex_A is imported but also planned to delete, create',
    ]);
  });

  test('reports a missing import, an import into the wrong resource and an unexpected import', () => {
    const p = plan(
      change('keycloak_role.Flex_Role-admin_C', ['update'], { importing: { id: `r/${AGENT}` }, after: { name: 'admin' } }),
      change('keycloak_generic_protocol_mapper.Flex_F', ['update'], { importing: { id: 'r/client/x/y' } }),
    );
    expect(adoptionPlanProblems(summarizePlan(p), expected)).toEqual([
      `expected one import of the client (keycloak_saml_client from 'r/${CLIENT}'), found 0`,
      `client role 'agent' is imported into keycloak_role.Flex_Role-admin_C, which is not it (planned values: {"name":"admin"})`,
      "unexpected import of keycloak_generic_protocol_mapper.Flex_F from 'r/client/x/y'",
    ]);
  });
});
