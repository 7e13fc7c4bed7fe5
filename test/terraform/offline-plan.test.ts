import { control } from '../../scripts/terraform/broken-stacks';
import { offlinePlanBlockers, planEnv } from '../../scripts/terraform/offline-plan';
import { StackJson } from '../../scripts/terraform/stack-json';

const withProviders = (required: Record<string, { source: string; version: string }>, extra: Partial<StackJson> = {}): StackJson => ({
  terraform: { required_providers: required },
  ...extra,
});
const OKTA = { source: 'okta/okta', version: '4.20.0' };

describe('offlinePlanBlockers', () => {
  test('an Okta stack configured by org name alone plans offline', () => {
    expect(offlinePlanBlockers(control())).toEqual([]);
  });

  test('a stack with no provider (Salesforce: terraform_data only) plans offline', () => {
    expect(offlinePlanBlockers({ resource: { terraform_data: { x: {} } } })).toEqual([]);
  });

  test('azuread, msgraph and keycloak each block it, with the reason', () => {
    const blockers = offlinePlanBlockers(
      withProviders({
        azuread: { source: 'hashicorp/azuread', version: '3.7.0' },
        msgraph: { source: 'microsoft/msgraph', version: '0.2.0' },
        time: { source: 'hashicorp/time', version: '0.13.1' },
        keycloak: { source: 'keycloak/keycloak', version: '5.9.0' },
      }),
    );
    expect(blockers.map((b) => b.provider)).toEqual(['hashicorp/azuread', 'microsoft/msgraph', 'keycloak/keycloak']);
    expect(blockers[2].reason).toMatch(/logs in to the Keycloak server/);
  });

  test('a provider the check does not know blocks it', () => {
    expect(offlinePlanBlockers(withProviders({ aws: { source: 'hashicorp/aws', version: '6.0.0' } }))).toEqual([
      { provider: 'hashicorp/aws', reason: 'not known to configure without the network' },
    ]);
  });

  test('import blocks block it (planning an import reads the object from the identity provider)', () => {
    expect(offlinePlanBlockers({ ...control(), import: [{ to: 'okta_app_saml.sso', id: '0oa1' }] }).map((b) => b.provider)).toEqual(['import blocks']);
  });

  test('an Okta provider block with an API token (a list or a single block) makes it call the API at configure', () => {
    const asList = withProviders({ okta: OKTA }, { provider: { okta: [{ org_name: 'o', api_token: '${var.token}' }] } });
    const single = withProviders({ okta: OKTA }, { provider: { okta: { org_name: 'o', private_key: 'k' } } });
    expect(offlinePlanBlockers(asList)).toEqual([{ provider: 'okta/okta', reason: 'its provider block sets api_token, which makes it call the API at configure' }]);
    expect(offlinePlanBlockers(single)[0].reason).toMatch(/sets private_key/);
  });
});

describe('planEnv', () => {
  test("sets Okta's fake access token, removes its real credentials and proxies everything to a closed port", () => {
    const env = planEnv({ PATH: '/bin', OKTA_API_TOKEN: 'real', OKTA_CLIENT_ID: 'id', NO_PROXY: '*', https_proxy: 'http://proxy:3128' }, control());
    expect(env).toEqual({
      PATH: '/bin',
      OKTA_ACCESS_TOKEN: 'offline-check-not-a-real-token',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      https_proxy: 'http://127.0.0.1:9',
      http_proxy: 'http://127.0.0.1:9',
    });
  });

  test('leaves the base environment as it was', () => {
    const base = { OKTA_API_TOKEN: 'real' };
    planEnv(base, control());
    expect(base).toEqual({ OKTA_API_TOKEN: 'real' });
  });
});
