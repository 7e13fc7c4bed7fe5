import { join } from 'path';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { TwilioSsoApp } from '../../lib/core';
import { EntraTwilioSso } from '../../lib/entra';
import { KeycloakProvider, KeycloakTwilioSso } from '../../lib/keycloak';
import { OktaTwilioSso } from '../../lib/okta';
import { SalesforceTwilioSso } from '../../lib/salesforce';
import { SsoConfigError, SsoErrorCode, TwilioTarget, Violation } from '../../lib/twilio';
import { oktaStack } from '../support/synth';

// Issue 20.1: the same mistake gets the same code and the same words on every path (findProblems,
// the constructor, add*) and in every identity provider. One table, four identity providers.

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
const CERT = join(__dirname, '..', '..', 'examples', 'config', 'salesforce-idp-cert.pem');

/** What the table needs to know of one identity provider. */
interface Idp {
  readonly name: string;
  readonly stack: () => TerraformStack;
  /** Valid props without `target`. */
  readonly base: Record<string, unknown>;
  readonly findProblems: (props: any) => Violation[];
  readonly create: (stack: TerraformStack, props: any) => TwilioSsoApp;
  /** A valid attribute value in the identity provider's language. */
  readonly value: string;
  /** An attribute value the identity provider cannot read. */
  readonly badValue: string;
  /** Valid group and user IDs, when it has groups and users. */
  readonly principals?: { readonly group: string; readonly otherGroup: string; readonly user: string };
}

const entraStack = (): TerraformStack => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AzureadProvider(stack, 'azuread', {});
  return stack;
};
const keycloakStack = (): TerraformStack => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new KeycloakProvider(stack, 'keycloak', { url: 'https://sso.example.com' });
  return stack;
};

const IDPS: Idp[] = [
  {
    name: 'Okta',
    stack: oktaStack,
    base: {},
    findProblems: (p) => OktaTwilioSso.findProblems(p),
    create: (s, p) => new OktaTwilioSso(s, 'Sso', p),
    value: 'user.department',
    badValue: '${user.department}',
    principals: { group: '00g1agents000000001', otherGroup: '00g1supers000000002', user: '00u1jane0000000003' },
  },
  {
    name: 'Entra',
    stack: entraStack,
    base: {},
    findProblems: (p) => EntraTwilioSso.findProblems(p),
    create: (s, p) => new EntraTwilioSso(s, 'Sso', p),
    value: 'user.department',
    badValue: 'user.department()',
    principals: { group: '6f0e3d1a-0000-4000-8000-000000000001', otherGroup: '6f0e3d1a-0000-4000-8000-000000000002', user: '6f0e3d1a-0000-4000-8000-000000000003' },
  },
  {
    name: 'Keycloak',
    stack: keycloakStack,
    base: { serverUrl: 'https://sso.example.com', realm: 'staff' },
    findProblems: (p) => KeycloakTwilioSso.findProblems(p),
    create: (s, p) => new KeycloakTwilioSso(s, 'Sso', p),
    value: 'department',
    badValue: 'the department',
    principals: { group: '6f0e3d1a-0000-4000-8000-000000000001', otherGroup: '6f0e3d1a-0000-4000-8000-000000000002', user: '6f0e3d1a-0000-4000-8000-000000000003' },
  },
  {
    name: 'Salesforce',
    stack: () => new TerraformStack(Testing.app(), 'test'),
    base: { myDomain: 'acme', certificateFile: CERT, profiles: ['System Administrator'] },
    findProblems: (p) => SalesforceTwilioSso.findProblems(p),
    create: (s, p) => new SalesforceTwilioSso(s, 'Sso', p),
    value: '$User.Department',
    badValue: '{!$User.Department}',
  },
];

/** Every violation an SsoConfigError carries; fails the test on any other outcome (a TypeError included). */
function thrown(fn: () => unknown): Violation[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SsoConfigError) return e.violations;
    throw e;
  }
  return [];
}

type Path = 'findProblems' | 'constructor' | 'add';

/** One mistake: how to make it on each path it can be made on, in one identity provider. */
interface Mistake {
  readonly name: string;
  readonly code: SsoErrorCode;
  /** The field the violation names (the first path that makes the mistake at all). */
  readonly field: string;
  /** Whether the words must be the same in every identity provider (not for shapes of the IdP's own IDs). */
  readonly sameWordsEverywhere: boolean;
  /** The props holding the mistake, or undefined where the identity provider has no such prop. */
  readonly props?: (idp: Idp, stack: TerraformStack) => unknown;
  /** The same mistake through add*: valid props, then the call; undefined where there is no such method. */
  readonly add?: (idp: Idp, sso: any, stack: TerraformStack) => { props: Record<string, unknown>; call: () => unknown } | undefined;
  /** Identity providers where this is not a mistake (so nothing is reported), e.g. a role token on Okta. */
  readonly allowedIn?: string[];
}

const withTarget = (idp: Idp, more: Record<string, unknown>): Record<string, unknown> => ({ target: flex, ...idp.base, ...more });
const principals = (idp: Idp): NonNullable<Idp['principals']> | undefined => idp.principals;

const MISTAKES: Mistake[] = [
  {
    name: 'a duplicate attribute',
    code: SsoErrorCode.ATTRIBUTE_DUPLICATE,
    field: 'attributes[1].name',
    sameWordsEverywhere: true,
    props: (idp) => withTarget(idp, { attributes: [{ name: 'department', value: idp.value }, { name: 'department', value: idp.value }] }),
    add: (idp, sso) => ({ props: withTarget(idp, { attributes: [{ name: 'department', value: idp.value }] }), call: () => sso().addAttribute({ name: 'department', value: idp.value }) }),
  },
  {
    name: 'a reserved attribute',
    code: SsoErrorCode.ATTRIBUTE_RESERVED,
    field: 'attributes[0].name',
    sameWordsEverywhere: true,
    props: (idp) => withTarget(idp, { attributes: [{ name: 'email', value: idp.value }] }),
    add: (idp, sso) => ({ props: withTarget(idp, {}), call: () => sso().addAttribute({ name: 'email', value: idp.value }) }),
  },
  {
    name: 'a bad attribute name',
    code: SsoErrorCode.CLAIM_NAME_SPACES,
    field: 'attributes[0].name',
    sameWordsEverywhere: true,
    props: (idp) => withTarget(idp, { attributes: [{ name: 'team name', value: idp.value }] }),
    add: (idp, sso) => ({ props: withTarget(idp, {}), call: () => sso().addAttribute({ name: 'team name', value: idp.value }) }),
  },
  {
    name: 'an attribute value the identity provider cannot read',
    code: SsoErrorCode.ATTRIBUTE_VALUE_INVALID,
    field: 'attributes[0].value',
    sameWordsEverywhere: false, // each identity provider has its own value language
    props: (idp) => withTarget(idp, { attributes: [{ name: 'department', value: idp.badValue }] }),
    add: (idp, sso) => ({ props: withTarget(idp, {}), call: () => sso().addAttribute({ name: 'department', value: idp.badValue }) }),
  },
  {
    name: 'an attribute that is not an object',
    code: SsoErrorCode.VALUE_TYPE_INVALID,
    field: 'attributes[0]',
    sameWordsEverywhere: true,
    props: (idp) => withTarget(idp, { attributes: ['department'] }),
    add: (idp, sso) => ({ props: withTarget(idp, {}), call: () => sso().addAttribute('department') }),
  },
  {
    name: 'an unknown (misspelt) role',
    code: SsoErrorCode.ROLE_UNKNOWN,
    field: 'groups[0].roles[0]',
    sameWordsEverywhere: true,
    props: (idp) => (principals(idp) ? withTarget(idp, { groups: [{ principalId: principals(idp)!.group, roles: ['wfo.teamleader'] }] }) : withTarget(idp, { roles: ['wfo.teamleader'] })),
    add: (idp, sso) => (principals(idp) ? { props: withTarget(idp, {}), call: () => sso().addGroup({ principalId: principals(idp)!.group, roles: ['wfo.teamleader'] }) } : undefined),
  },
  {
    name: 'a group without roles',
    code: SsoErrorCode.VALUE_REQUIRED,
    field: 'groups[0].roles',
    sameWordsEverywhere: true,
    props: (idp) => (principals(idp) ? withTarget(idp, { groups: [{ principalId: principals(idp)!.group }] }) : undefined),
    add: (idp, sso) => (principals(idp) ? { props: withTarget(idp, {}), call: () => sso().addGroup({ principalId: principals(idp)!.group }) } : undefined),
  },
  {
    name: 'an empty principal ID',
    code: SsoErrorCode.PRINCIPAL_ID_EMPTY,
    field: 'users[0].principalId',
    sameWordsEverywhere: true,
    props: (idp) => (principals(idp) ? withTarget(idp, { users: [{ principalId: ' ', roles: ['agent'] }] }) : undefined),
    add: (idp, sso) => (principals(idp) ? { props: withTarget(idp, {}), call: () => sso().addUser({ principalId: ' ', roles: ['agent'] }) } : undefined),
  },
  {
    name: 'a duplicate principal',
    code: SsoErrorCode.PRINCIPAL_DUPLICATE,
    field: 'groups[1].principalId',
    sameWordsEverywhere: false, // the ID shown differs by identity provider
    props: (idp) =>
      principals(idp) ? withTarget(idp, { groups: [{ principalId: principals(idp)!.group, roles: ['agent'] }, { principalId: principals(idp)!.group, roles: ['admin'] }] }) : undefined,
    add: (idp, sso) =>
      principals(idp)
        ? { props: withTarget(idp, { groups: [{ principalId: principals(idp)!.group, roles: ['agent'] }] }), call: () => sso().addGroup({ principalId: principals(idp)!.group, roles: ['admin'] }) }
        : undefined,
  },
  {
    name: 'a group name given as its ID',
    code: SsoErrorCode.PRINCIPAL_ID_INVALID,
    field: 'groups[0].principalId',
    sameWordsEverywhere: false, // each identity provider's IDs have their own shape
    props: (idp) => (principals(idp) ? withTarget(idp, { groups: [{ principalId: 'Flex Agents', roles: ['agent'] }] }) : undefined),
    add: (idp, sso) => (principals(idp) ? { props: withTarget(idp, {}), call: () => sso().addGroup({ principalId: 'Flex Agents', roles: ['agent'] }) } : undefined),
  },
  {
    name: 'a role token where roles must be known at synth',
    code: SsoErrorCode.ROLE_UNRESOLVED,
    field: 'groups[0].roles[1]',
    sameWordsEverywhere: true,
    allowedIn: ['Okta'],
    props: (idp, stack) =>
      principals(idp) ? withTarget(idp, { groups: [{ principalId: principals(idp)!.group, roles: ['agent', new TerraformVariable(stack, 'role', { type: 'string' }).stringValue] }] }) : undefined,
    add: (idp, sso, stack) =>
      principals(idp)
        ? { props: withTarget(idp, {}), call: () => sso().addGroup({ principalId: principals(idp)!.group, roles: ['agent', new TerraformVariable(stack, 'role2', { type: 'string' }).stringValue] }) }
        : undefined,
  },
  {
    name: 'warning days out of range',
    code: SsoErrorCode.CERTIFICATE_EXPIRY_WARNING_DAYS_INVALID,
    field: 'certificateExpiryWarningDays',
    sameWordsEverywhere: true,
    props: (idp) => withTarget(idp, { certificateExpiryWarningDays: 4000 }),
  },
  { name: 'null props', code: SsoErrorCode.VALUE_REQUIRED, field: 'props', sameWordsEverywhere: true, props: () => null },
  { name: 'props that are not an object', code: SsoErrorCode.VALUE_TYPE_INVALID, field: 'props', sameWordsEverywhere: true, props: () => 'flex' },
  { name: 'no target', code: SsoErrorCode.VALUE_REQUIRED, field: 'target', sameWordsEverywhere: true, props: (idp) => ({ ...idp.base }) },
  { name: 'a target that is not one', code: SsoErrorCode.VALUE_TYPE_INVALID, field: 'target', sameWordsEverywhere: true, props: (idp) => ({ ...idp.base, target: {} }) },
  { name: 'a display name of the wrong type', code: SsoErrorCode.VALUE_TYPE_INVALID, field: 'displayName', sameWordsEverywhere: true, props: (idp) => withTarget(idp, { displayName: 5 }) },
  { name: 'an empty display name', code: SsoErrorCode.DISPLAY_NAME_EMPTY, field: 'displayName', sameWordsEverywhere: true, props: (idp) => withTarget(idp, { displayName: ' ' }) },
  { name: 'attributes that are not a list', code: SsoErrorCode.VALUE_TYPE_INVALID, field: 'attributes', sameWordsEverywhere: true, props: (idp) => withTarget(idp, { attributes: 'department' }) },
];

/** The violations of one mistake on one path in one identity provider (undefined: no such path there). */
function violationsOn(idp: Idp, m: Mistake, path: Path): Violation[] | undefined {
  const stack = idp.stack();
  if (path === 'findProblems') {
    const props = m.props?.(idp, stack);
    return props === undefined ? undefined : idp.findProblems(props);
  }
  if (path === 'constructor') {
    const props = m.props?.(idp, stack);
    return props === undefined ? undefined : thrown(() => idp.create(stack, props));
  }
  let sso: TwilioSsoApp | undefined;
  const add = m.add?.(idp, () => sso, stack);
  if (add === undefined) return undefined;
  sso = idp.create(stack, add.props);
  return thrown(add.call);
}

/** The field of `m` as each identity provider names it (Salesforce has one `roles` list). */
function fieldIn(idp: Idp, m: Mistake): string {
  return !idp.principals && m.field.startsWith('groups[0].roles') ? m.field.replace('groups[0].roles', 'roles') : m.field;
}

const PATHS: Path[] = ['findProblems', 'constructor', 'add'];

describe.each(MISTAKES.map((m) => [m.name, m] as const))('%s', (_name, m) => {
  // [idp, path, the violation at the mistake's field (or none)]
  const seen: Array<[string, Path, Violation | undefined]> = [];
  for (const idp of IDPS) {
    for (const path of PATHS) {
      test(`${idp.name}, ${path}`, () => {
        const violations = violationsOn(idp, m, path);
        if (violations === undefined) return; // no such path for this identity provider
        const at = violations.filter((v) => v.field === fieldIn(idp, m));
        if (m.allowedIn?.includes(idp.name)) {
          expect(at).toEqual([]);
          return;
        }
        expect(at.map((v) => v.code)).toEqual([m.code]);
        expect(at[0].message).toBe(`${at[0].field} ${at[0].problem}`);
        seen.push([idp.name, path, at[0]]);
      });
    }
  }

  test('the same words on every path of each identity provider, and in every identity provider', () => {
    // Every identity provider that has the prop was seen on every path it has (the table cannot pass empty).
    const expected = IDPS.filter((idp) => !m.allowedIn?.includes(idp.name)).flatMap((idp) => PATHS.filter((p) => violationsOn(idp, m, p) !== undefined).map((p) => `${idp.name} ${p}`));
    expect(seen.map(([idp, path]) => `${idp} ${path}`).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
    const byIdp = new Map<string, Set<string>>();
    for (const [idp, , v] of seen) byIdp.set(idp, (byIdp.get(idp) ?? new Set()).add(v!.problem));
    for (const [idp, problems] of byIdp) expect([idp, [...problems]]).toEqual([idp, [[...problems][0]]]);
    if (m.sameWordsEverywhere) expect(new Set(seen.map(([, , v]) => v!.problem)).size).toBeLessThanOrEqual(1);
  });
});
