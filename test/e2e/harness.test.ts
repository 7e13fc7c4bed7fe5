import { keycloakTerraformEnv, pemBody, testUser } from '../../scripts/e2e/harness';

describe('e2e harness', () => {
  test('testUser: username, address and full name from the names, a fresh password each time', () => {
    const a = testUser('Ada', 'Lovelace', 'agent');
    expect(a).toEqual({ username: 'ada.agent', password: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/), email: 'ada.agent@example.com', firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace' });
    expect(testUser('Ada', 'Lovelace', 'agent').password).not.toBe(a.password);
  });

  test('pemBody: the base64 body, whatever the armour and line breaks', () => {
    expect(pemBody('-----BEGIN CERTIFICATE-----\nMIIB\r\nAbC=\n-----END CERTIFICATE-----\n')).toBe('MIIBAbC=');
  });

  test("keycloakTerraformEnv: the run's CLI config and the local admin's login, no prompts", () => {
    expect(keycloakTerraformEnv('/w/cli.tfrc', { user: 'admin', password: 'pw' })).toMatchObject({
      TF_CLI_CONFIG_FILE: '/w/cli.tfrc',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      KEYCLOAK_CLIENT_ID: 'admin-cli',
      KEYCLOAK_USER: 'admin',
      KEYCLOAK_PASSWORD: 'pw',
    });
  });
});
