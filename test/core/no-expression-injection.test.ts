import * as fc from 'fast-check';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { TwilioConsoleOutputs } from '../../lib/core';
import { KeycloakProvider, KeycloakTwilioSso, KeycloakTwilioSsoProps } from '../../lib/keycloak';
import { OktaTwilioSso, OktaTwilioSsoProps } from '../../lib/okta';
import { TwilioTarget } from '../../lib/twilio';
import { oktaStack } from '../support/synth';
import { MARK, asTerraformReadsIt, strings } from '../support/terraform-strings';

// Issue 19.1: no string given to a construct becomes a Terraform expression. Terraform reads `${…}`
// and `%{…}` in any string as an interpolation or directive, and `$${`/`%%{` as the literal text
// (developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences). Every string prop
// is fed text full of both: either the construct refuses it before declaring anything, or the
// synthesized JSON carries it escaped — Terraform reads back exactly what was given.

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });

/** Text made of Terraform's expression and directive openers, their escapes, braces, quotes and a marker. */
const hostile = fc
  .array(fc.constantFrom('${', '%{', '$${', '%%{', '$', '%', '{', '}', '"', '\\', ' ', 'a', 'file("/etc/passwd")', 'if true', '~', '\n'), { minLength: 1, maxLength: 8 })
  .map((parts) => `${parts.join('')}${MARK}`)
  .filter((s) => /[$%]\{/.test(s));

interface Case<P> {
  readonly prop: string;
  readonly props: (s: string) => P;
  /** Where the text lands, and what Terraform must read there. */
  readonly lands?: (json: any, s: string) => Array<[string, string]>;
}

function check<P>(build: (stack: TerraformStack, props: P) => void, stack: () => TerraformStack, findProblems: (p: P) => unknown[], c: Case<P>): void {
  fc.assert(
    fc.property(hostile, (s) => {
      const props = c.props(s);
      if (findProblems(props).length > 0) {
        // Refused: the constructor throws before declaring anything.
        const st = stack();
        expect(() => build(st, props)).toThrow();
        return;
      }
      const st = stack();
      build(st, props);
      const json = JSON.parse(Testing.synth(st, true));
      for (const text of strings(json).filter((t) => t.includes(MARK))) expect(asTerraformReadsIt(text)).toBeDefined();
      for (const [got, want] of c.lands?.(json, s) ?? []) expect(asTerraformReadsIt(got)).toBe(want);
    }),
    { numRuns: 12, seed: 1905 },
  );
}

const one = (json: any, type: string): any => Object.values(json.resource[type])[0];

describe('OktaTwilioSso: every string prop reaches Terraform as the literal text given, or is refused', () => {
  const okta = (stack: TerraformStack, props: OktaTwilioSsoProps): void => {
    new TwilioConsoleOutputs(stack, 'Console', { app: new OktaTwilioSso(stack, 'S', props) });
  };
  const cases: Array<Case<OktaTwilioSsoProps>> = [
    { prop: 'displayName', props: (s) => ({ target: flex, displayName: s }), lands: (json, s) => [[one(json, 'okta_app_saml').label, s]] },
    { prop: 'nameId', props: (s) => ({ target: flex, nameId: s }) },
    { prop: 'email', props: (s) => ({ target: flex, email: s }) },
    { prop: 'fullName', props: (s) => ({ target: flex, fullName: s }) },
    { prop: 'attributes[0].name', props: (s) => ({ target: flex, attributes: [{ name: s, value: 'user.department' }] }) },
    { prop: 'attributes[0].value', props: (s) => ({ target: flex, attributes: [{ name: 'department', value: s }] }) },
    { prop: 'groups[0].principalId', props: (s) => ({ target: flex, groups: [{ principalId: s, roles: ['agent'] }] }) },
    { prop: 'users[0].principalId', props: (s) => ({ target: flex, users: [{ principalId: s, roles: ['agent'] }] }) },
    { prop: 'groups[0].roles[0]', props: (s) => ({ target: flex, groups: [{ principalId: '00g1', roles: [s] }] }) },
    { prop: 'adopt.appId', props: (s) => ({ target: flex, adopt: { appId: s } }) },
  ];
  test.each(cases.map((c) => [c.prop, c]))('%s', (_prop, c) => check(okta, oktaStack, OktaTwilioSso.findProblems, c));

  test('a display name mixing a token and hostile text: the reference stays a reference, the text is escaped', () => {
    const stack = oktaStack();
    const v = new TerraformVariable(stack, 'team', { type: 'string' }).stringValue;
    new OktaTwilioSso(stack, 'S', { target: flex, displayName: `Flex ${v} \${file("/etc/passwd")} %{if true}` });
    expect(one(JSON.parse(Testing.synth(stack, true)), 'okta_app_saml').label).toBe('Flex ${var.team} $${file("/etc/passwd")} %%{if true}');
  });

  test('the NameID template is escaped once: Okta receives ${user.userName}, a token expression is wrapped around the reference', () => {
    const stack = oktaStack();
    const v = new TerraformVariable(stack, 'nameid', { type: 'string' }).stringValue;
    new OktaTwilioSso(stack, 'A', { target: flex });
    new OktaTwilioSso(stack, 'B', { target: flex, nameId: v });
    const apps = Object.values(JSON.parse(Testing.synth(stack, true)).resource.okta_app_saml) as any[];
    expect(apps.map((a) => a.subject_name_id_template)).toEqual(['$${user.userName}', '${join("", ["$${", var.nameid, "}"])}']);
  });
});

describe('KeycloakTwilioSso: every string prop reaches Terraform as the literal text given, or is refused', () => {
  const stack = (): TerraformStack => {
    const st = new TerraformStack(Testing.app(), 'test');
    new KeycloakProvider(st, 'keycloak', { url: 'https://sso.example.com' });
    return st;
  };
  const keycloak = (st: TerraformStack, props: KeycloakTwilioSsoProps): void => {
    new TwilioConsoleOutputs(st, 'Console', { app: new KeycloakTwilioSso(st, 'S', props) });
  };
  const base = { target: flex, serverUrl: 'https://sso.example.com', realm: 'staff' };
  const GROUP = '6f0e3d1a-0000-4000-8000-000000000001';
  const cases: Array<Case<KeycloakTwilioSsoProps>> = [
    { prop: 'displayName', props: (s) => ({ ...base, displayName: s }), lands: (json, s) => [[one(json, 'keycloak_saml_client').name, s]] },
    {
      prop: 'serverUrl',
      props: (s) => ({ ...base, serverUrl: `https://sso.example.com/${s}` }),
      lands: (json, s) => [[json.output.identity_provider_issuer.value, `https://sso.example.com/${s}`.replace(/\/+$/, '') + '/realms/staff']],
    },
    { prop: 'realm', props: (s) => ({ ...base, realm: s }) },
    { prop: 'idpInitiatedSsoUrlName', props: (s) => ({ ...base, idpInitiatedSsoUrlName: s }) },
    { prop: 'nameId', props: (s) => ({ ...base, nameId: s }) },
    { prop: 'email', props: (s) => ({ ...base, email: s }) },
    { prop: 'fullName', props: (s) => ({ ...base, fullName: s }) },
    { prop: 'attributes[0].value', props: (s) => ({ ...base, attributes: [{ name: 'department', value: s }] }) },
    { prop: 'groups[0].principalId', props: (s) => ({ ...base, groups: [{ principalId: s, roles: ['agent'] }] }) },
    { prop: 'users[0].principalId', props: (s) => ({ ...base, users: [{ principalId: s, roles: ['agent'] }] }) },
    { prop: 'adopt.clientUuid', props: (s) => ({ ...base, adopt: { clientUuid: s } }) },
    { prop: 'adopt.roleIds.agent', props: (s) => ({ ...base, adopt: { clientUuid: GROUP, roleIds: { agent: s } } }) },
    { prop: 'adopt.mapperIds.email', props: (s) => ({ ...base, adopt: { clientUuid: GROUP, mapperIds: { email: s } } }) },
  ];
  test.each(cases.map((c) => [c.prop, c]))('%s', (_prop, c) => check(keycloak, stack, KeycloakTwilioSso.findProblems, c));
});
