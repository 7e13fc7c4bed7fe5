import { TerraformStack, Testing } from 'cdktf';
import { legacySsoWarning } from '../../lib/core/twilio-sso-app';
import { KeycloakProvider, KeycloakTwilioSso } from '../../lib/keycloak';
import { OktaTwilioSso } from '../../lib/okta';
import { TwilioTarget } from '../../lib/twilio';
import { oktaStack } from '../support/synth';

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
const legacy = TwilioTarget.flexLegacy({ accountSid: 'AC0123456789abcdef0123456789abcdef' });

function warnings(stack: TerraformStack): string[] {
  Testing.synth(stack, true);
  return stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)));
}

function keycloakStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
  return stack;
}

describe('a target nobody can sign in to is warned about at synth', () => {
  test('Okta and Keycloak without groups or users warn once; a group or a user given later (addGroup) silences it', () => {
    const okta = oktaStack();
    new OktaTwilioSso(okta, 'S', { target: flex });
    expect(warnings(okta).filter((w) => /nobody can sign in/.test(w))).toHaveLength(1);
    expect(warnings(okta).filter((w) => /nobody can sign in/.test(w))).toHaveLength(1); // a second synth does not repeat it

    const keycloak = keycloakStack();
    new KeycloakTwilioSso(keycloak, 'S', { target: flex, serverUrl: 'https://sso.example.com', realm: 'staff' });
    expect(warnings(keycloak)).toEqual([expect.stringContaining(`No group and no user is given access to ${flex.description}`)]);

    const later = oktaStack();
    const sso = new OktaTwilioSso(later, 'S', { target: flex });
    sso.addUser({ principalId: '00u1', roles: ['agent'] });
    expect(warnings(later)).toEqual([]);
  });
});

describe('a Flex legacy SSO target is warned about at synth', () => {
  test("names Twilio's deadline, the migration guide and docs/adopt.md", () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'S', { target: legacy, groups: [{ principalId: '00g1', roles: ['agent'] }] });
    const [warning] = warnings(stack);
    expect(warning).toContain('Flex legacy SSO');
    expect(warning).toContain('31 March 2026');
    expect(warning).toContain('https://www.twilio.com/docs/flex/admin-guide/setup/sso-configuration/migration-guide');
    expect(warning).toContain('docs/adopt.md');
  });

  test('says the deadline has passed after 31 March 2026, and is near before', () => {
    expect(legacySsoWarning(legacy, new Date('2026-04-01T00:00:00Z'))).toContain('(31 March 2026) has passed');
    expect(legacySsoWarning(legacy, new Date('2026-03-01T00:00:00Z'))).toContain('(31 March 2026) is near');
  });

  test('an enhanced SSO target is not warned about', () => {
    const stack = oktaStack();
    new OktaTwilioSso(stack, 'S', { target: flex, groups: [{ principalId: '00g1', roles: ['agent'] }] });
    expect(warnings(stack)).toEqual([]);
  });
});
