import { IDENTITY_PROVIDERS, keyPathOf, parseField, propsFrom } from '../../stacks/identity-providers';

// Each identity provider's config block maps to its construct's props by one table, read both ways:
// props from the block, and a violation's prop path back to the key the user wrote.
const idp = (key: string) => IDENTITY_PROVIDERS.find((p) => p.key === key)!;
const context = { configDir: '/configs', targetName: 't' };
const keyOf = (key: string, field: string, block: unknown) => keyPathOf(parseField(field), block, idp(key).props);

describe('a violation names the key the user wrote', () => {
  test.each([
    ['okta', 'groups[1].principalId', { groups: [{}, {}] }, ['groups', 1, 'id']],
    ['okta', 'users[0].roles[2]', {}, ['users', 0, 'roles', 2]],
    ['okta', 'displayName', {}, ['displayName']],
    ['entra', 'groups[0].principalId', {}, ['groups', 0, 'id']],
    ['entra', 'certificates[1].displayName', {}, ['certificates', 1, 'displayName']],
    ['keycloak', 'serverUrl', { url: 'http://10.0.0.5:8080' }, ['url']],
    ['keycloak', 'serverUrl', { url: 'http://10.0.0.5:8080', publicUrl: 'https://sso.example.com' }, ['publicUrl']],
    ['keycloak', 'users[3].principalId', {}, ['users', 3, 'id']],
    ['salesforce', 'appType', { useConnectedApp: true }, ['useConnectedApp']],
    ['salesforce', 'certificateFile', {}, ['certificateFile']],
    ['salesforce', '', {}, []],
  ])('%s: %s → %j', (key, field, block, expected) => {
    expect(keyOf(key, field, block)).toEqual(expected);
  });
});

describe('the props a block sets', () => {
  test('Okta: the provider keys set no prop; id is principalId, no roles are none', () => {
    expect(propsFrom({ orgName: 'acme', baseUrl: 'okta.com', displayName: 'Flex', groups: [{ id: '00g1', roles: ['agent'] }], users: [{ id: '00u1' }] }, idp('okta').props, context)).toEqual({
      displayName: 'Flex',
      groups: [{ principalId: '00g1', roles: ['agent'] }],
      users: [{ principalId: '00u1', roles: [] }],
    });
  });

  test('Keycloak: serverUrl is publicUrl when given, else url; stack-only keys set no prop', () => {
    const props = idp('keycloak').props;
    expect(propsFrom({ url: 'https://a', realm: 'r', createRealm: true, adminRealm: 'master' }, props, context)).toEqual({ realm: 'r', serverUrl: 'https://a' });
    expect(propsFrom({ url: 'http://10.0.0.5', publicUrl: 'https://b', realm: 'r' }, props, context)).toEqual({ realm: 'r', serverUrl: 'https://b' });
  });

  test('Salesforce: useConnectedApp sets appType, certificateFile is relative to the config file', () => {
    const props = idp('salesforce').props;
    expect(propsFrom({ myDomain: 'acme', certificateFile: 'cert.pem', useConnectedApp: true }, props, context)).toEqual({ myDomain: 'acme', certificateFile: '/configs/cert.pem', appType: 'ConnectedApp' });
    expect(propsFrom({ certificateFile: '/abs/cert.pem' }, props, context)).toEqual({ certificateFile: '/abs/cert.pem', appType: 'ExternalClientApplication' });
    // A value of the wrong type reaches the construct as written (it reports it; the schema too).
    expect(propsFrom({ certificateFile: 5, useConnectedApp: 'yes' }, props, context)).toEqual({ certificateFile: 5, appType: 'yes' });
  });

  test("a key named __proto__ is data, never the props' prototype", () => {
    const block = JSON.parse('{"__proto__": {"polluted": true}, "displayName": "x"}');
    const props = propsFrom(block, idp('entra').props, context);
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect((props as any).polluted).toBeUndefined();
    expect(Object.keys(props)).toEqual(['__proto__', 'displayName']);
  });

  test('what is not a mapping is passed on as it is, for the construct to report', () => {
    expect(propsFrom('yes', idp('okta').props, context)).toBe('yes');
    expect(propsFrom(null, idp('okta').props, context)).toBe(null);
  });
});
