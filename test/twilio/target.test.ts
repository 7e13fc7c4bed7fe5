import { SsoErrorCode, TwilioProduct, TwilioSsoKind, TwilioTarget } from '../../lib/twilio';
import { ssoError } from '../support/errors';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const JQ2 = 'JQffffffffffffffffffffffffffffffff';
const AC = 'ACfedcba9876543210fedcba9876543210';
const JB = 'JB00112233445566778899aabbccddeeff';

function codeOf(fn: () => unknown): string {
  return ssoError(fn).code;
}

describe('TwilioTarget.flexEnhanced', () => {
  test('derives the us1 Entity ID and ACS URL from the connection SID', () => {
    const t = TwilioTarget.flexEnhanced({ connectionSid: JQ });
    expect(t.kind).toBe(TwilioSsoKind.FLEX_ENHANCED);
    expect(t.product).toBe(TwilioProduct.FLEX);
    expect(t.entityId).toBe('urn:flex:JQ0123456789abcdef0123456789abcdef');
    expect(t.acsUrl).toBe('https://login.flex.us1.twilio.com/login/callback?connection=JQ0123456789abcdef0123456789abcdef');
    expect(t.loginUrl).toBeUndefined();
    expect(t.requiredAttributes).toEqual(['email', 'full_name', 'roles']);
    expect(t.allowedRoles).toEqual(expect.arrayContaining(['admin', 'supervisor', 'agent', 'wfo.full_access', 'wfo.dashboard_viewer']));
    expect(t.allowedRoles).toHaveLength(10);
  });

  test('accepts a whole ACS URL on another region host when it carries the same SID', () => {
    const acsUrl = `https://login.flex.ie1.twilio.com/login/callback?connection=${JQ}`;
    expect(TwilioTarget.flexEnhanced({ connectionSid: JQ, acsUrl }).acsUrl).toBe(acsUrl);
  });

  test('builds the login link from the runtime domain', () => {
    expect(TwilioTarget.flexEnhanced({ connectionSid: JQ, runtimeDomain: 'kiwi-owl-1234.twil.io' }).loginUrl).toBe(
      'https://flex.twilio.com/kiwi-owl-1234.twil.io',
    );
  });

  test('fails if the connection SID is malformed, naming the value', () => {
    expect(() => TwilioTarget.flexEnhanced({ connectionSid: 'JQ123' })).toThrow(
      "connectionSid must look like JQ followed by 32 lowercase hex characters (the flex connection SID), got 'JQ123'",
    );
    expect(codeOf(() => TwilioTarget.flexEnhanced({ connectionSid: AC }))).toBe('JQ_SID_INVALID');
    expect(codeOf(() => TwilioTarget.flexEnhanced({ connectionSid: JQ.toUpperCase() }))).toBe('JQ_SID_INVALID');
  });

  test('fails if the ACS URL carries another connection SID', () => {
    const acsUrl = `https://login.flex.us1.twilio.com/login/callback?connection=${JQ2}`;
    expect(() => TwilioTarget.flexEnhanced({ connectionSid: JQ, acsUrl })).toThrow(/acsUrl carries connection 'JQf+' but connectionSid is 'JQ0123/);
  });

  test('fails if the ACS URL is a Frontline v2 URL or a preview.twilio.com URL', () => {
    expect(codeOf(() => TwilioTarget.flexEnhanced({ connectionSid: JQ, acsUrl: `https://iam.twilio.com/v2/saml2/authenticate/${JB}` }))).toBe(
      'FRONTLINE_URL_FOR_FLEX',
    );
    expect(() => TwilioTarget.flexEnhanced({ connectionSid: JQ, acsUrl: `https://preview.twilio.com/iam/Accounts/${AC}/saml2` })).toThrow(
      /preview\.twilio\.com.*migration-guide/,
    );
  });

  test('fails if the runtime domain is a URL', () => {
    expect(() => TwilioTarget.flexEnhanced({ connectionSid: JQ, runtimeDomain: 'https://flex.twilio.com/x' })).toThrow(
      /runtimeDomain must be a host name.*got 'https:\/\/flex.twilio.com\/x'/,
    );
  });

  test('passes unresolved tokens through', () => {
    const token = '${TfToken[TOKEN.1]}';
    expect(TwilioTarget.flexEnhanced({ connectionSid: token }).entityId).toBe(`urn:flex:${token}`);
  });
});

describe('TwilioTarget.flexLegacy and frontline', () => {
  test('legacy Flex URLs come from the Account SID', () => {
    const t = TwilioTarget.flexLegacy({ accountSid: AC });
    expect(t.entityId).toBe('https://iam.twilio.com/v1/Accounts/ACfedcba9876543210fedcba9876543210/saml2/metadata');
    expect(t.acsUrl).toBe('https://iam.twilio.com/v1/Accounts/ACfedcba9876543210fedcba9876543210/saml2');
  });

  test('Frontline URLs come from the Realm SID, with email and roles required and agent the only role', () => {
    const t = TwilioTarget.frontline({ realmSid: JB });
    expect(t.product).toBe(TwilioProduct.FRONTLINE);
    expect(t.entityId).toBe('https://iam.twilio.com/v2/saml2/metadata/JB00112233445566778899aabbccddeeff');
    expect(t.acsUrl).toBe('https://iam.twilio.com/v2/saml2/authenticate/JB00112233445566778899aabbccddeeff');
    expect(t.requiredAttributes).toEqual(['email', 'roles']);
    expect(t.allowedRoles).toEqual(['agent']);
  });

  test('fails if the SIDs are malformed', () => {
    expect(() => TwilioTarget.flexLegacy({ accountSid: 'AC12' })).toThrow("accountSid must look like AC followed by 32 lowercase hex characters (the flex account SID), got 'AC12'");
    expect(() => TwilioTarget.frontline({ realmSid: JQ })).toThrow(/realmSid must look like JB .*frontline realm SID.* got 'JQ0123/);
  });
});

describe('TwilioTarget.fromServiceProvider', () => {
  const enhanced = TwilioTarget.flexEnhanced({ connectionSid: JQ });
  const frontline = TwilioTarget.frontline({ realmSid: JB });
  const legacy = TwilioTarget.flexLegacy({ accountSid: AC });

  test('recognises each of the three shapes', () => {
    for (const t of [enhanced, frontline, legacy]) {
      const parsed = TwilioTarget.fromServiceProvider({ product: t.product, entityId: t.entityId, acsUrl: t.acsUrl });
      expect([parsed.kind, parsed.sid]).toEqual([t.kind, t.sid]);
    }
  });

  test('fails if Entity ID and ACS URL come from different targets', () => {
    expect(codeOf(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: legacy.entityId, acsUrl: enhanced.acsUrl }))).toBe(
      'SP_TARGET_MISMATCH',
    );
  });

  test('fails if Entity ID and ACS URL carry different SIDs', () => {
    const other = TwilioTarget.flexEnhanced({ connectionSid: JQ2 });
    expect(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: enhanced.entityId, acsUrl: other.acsUrl })).toThrow(
      /acsUrl carries SID 'JQf+' but entityId carries 'JQ0123.*'/,
    );
  });

  test('fails if Frontline URLs are given for Flex', () => {
    expect(codeOf(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: frontline.entityId, acsUrl: frontline.acsUrl }))).toBe(
      'FRONTLINE_URL_FOR_FLEX',
    );
  });

  test('fails on preview.twilio.com and on URLs that are not Twilio SSO URLs', () => {
    expect(codeOf(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: legacy.entityId, acsUrl: `https://preview.twilio.com/iam/Accounts/${AC}/saml2` }))).toBe(
      'PREVIEW_ENDPOINT',
    );
    expect(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: 'https://example.com/sp', acsUrl: enhanced.acsUrl })).toThrow(
      "entityId is not a Twilio SSO URL, got 'https://example.com/sp'; expected one of urn:flex:JQ…, https://iam.twilio.com/v1/Accounts/AC…/saml2/metadata or https://iam.twilio.com/v2/saml2/metadata/JB…",
    );
  });
});

describe('roles and attribute names', () => {
  const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
  const frontline = TwilioTarget.frontline({ realmSid: JB });

  test('accepts the roles each product has', () => {
    expect(() => flex.validateRoles(['admin', 'wfo.team_leader'], 'roles')).not.toThrow();
    expect(() => frontline.validateRoles(['agent'], 'roles')).not.toThrow();
  });

  test('fails on roles the product does not have, naming each with its index', () => {
    expect(() => frontline.validateRoles(['agent', 'supervisor'], 'groups[0].roles')).toThrow(
      "groups[0].roles[1] is not a frontline role, got 'supervisor'; frontline accepts: agent",
    );
    expect(() => flex.validateRoles(['Admin', 'owner'], 'roles')).toThrow(/2 problems:[\s\S]*roles\[0\][\s\S]*'Admin'[\s\S]*roles\[1\][\s\S]*'owner'/);
    expect(() => flex.validateRoles([], 'roles')).toThrow(/must name at least one role/);
  });

  test.each([
    ['Department', 'CLAIM_NAME_CAPITALISED'],
    ['team name', 'CLAIM_NAME_SPACES'],
    ['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/department', 'CLAIM_NAME_NAMESPACED'],
    ['team_id.integer', 'FLEX_TYPE_SUFFIX_INVALID'],
    ['channel.chat.capacity.number', 'FLEX_TYPE_SUFFIX_INVALID'],
    ['email', 'ATTRIBUTE_RESERVED'],
  ])('fails on attribute name %s (%s)', (name, code) => {
    expect(codeOf(() => flex.validateAttributeName(name, 'attributes[0].name'))).toBe(code);
  });

  test('names the field and value in attribute errors', () => {
    expect(() => flex.validateAttributeName('team_id.integer', 'attributes[0].name')).toThrow(
      "attributes[0].name has type suffix '.integer', which Flex rejects (\"invalid attribute format\"), got 'team_id.integer'; accepted suffixes: string, int, boolean, stringarray, intarray, booleanarray",
    );
  });

  test.each(['department', 'team_id.int', 'channel.voice.availability.boolean', 'channel.chat.capacity', 'team_owner.stringarray'])(
    'accepts attribute name %s',
    (name) => expect(() => flex.validateAttributeName(name, 'n')).not.toThrow(),
  );
});

// A CDKTF string token as cdktf writes it (this model has no cdktf import; see unresolved.ts).
const TOKEN = '${TfToken[TOKEN.42]}';

describe('TwilioTarget with tokens', () => {
  test('fromServiceProvider takes one URL as a token: the literal one is checked and gives kind and SID', () => {
    const t = TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: `urn:flex:${JQ}`, acsUrl: TOKEN });
    expect([t.kind, t.sid, t.entityId, t.acsUrl]).toEqual([TwilioSsoKind.FLEX_ENHANCED, JQ, `urn:flex:${JQ}`, TOKEN]);
    const legacy = TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: TOKEN, acsUrl: `https://iam.twilio.com/v1/Accounts/${AC}/saml2` });
    expect([legacy.kind, legacy.sid, legacy.entityId]).toEqual([TwilioSsoKind.FLEX_LEGACY, AC, TOKEN]);
  });

  test('fromServiceProvider still rejects a bad literal next to a token, with field and value', () => {
    const e = ssoError(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: 'https://example.com/sp', acsUrl: TOKEN }));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.SP_URL_UNRECOGNISED, 'entityId', 'https://example.com/sp']);
    const wrongKind = ssoError(() =>
      TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: `urn:flex:${JQ}`, acsUrl: TOKEN, kind: TwilioSsoKind.FLEX_LEGACY }),
    );
    expect([wrongKind.code, wrongKind.field]).toEqual([SsoErrorCode.SP_TARGET_MISMATCH, 'kind']);
  });

  test('fromServiceProvider with two tokens: kind from `kind` or the product, no SID', () => {
    const t = TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: TOKEN, acsUrl: TOKEN, kind: TwilioSsoKind.FLEX_LEGACY });
    expect([t.kind, t.sid, t.description]).toEqual([TwilioSsoKind.FLEX_LEGACY, undefined, 'Flex legacy SSO']);
    expect(TwilioTarget.fromServiceProvider({ product: TwilioProduct.FRONTLINE, entityId: TOKEN, acsUrl: TOKEN }).kind).toBe(TwilioSsoKind.FRONTLINE);
    const e = ssoError(() => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FRONTLINE, entityId: TOKEN, acsUrl: TOKEN, kind: TwilioSsoKind.FLEX_ENHANCED }));
    expect([e.code, e.field, e.value]).toEqual([SsoErrorCode.SP_PRODUCT_MISMATCH, 'product', 'frontline']);
  });

  test('every factory passes a token SID through; roles as a list token are left to the plan', () => {
    expect(TwilioTarget.flexEnhanced({ connectionSid: TOKEN }).entityId).toBe(`urn:flex:${TOKEN}`);
    expect(TwilioTarget.flexLegacy({ accountSid: TOKEN }).acsUrl).toBe(`https://iam.twilio.com/v1/Accounts/${TOKEN}/saml2`);
    expect(TwilioTarget.frontline({ realmSid: TOKEN }).acsUrl).toBe(`https://iam.twilio.com/v2/saml2/authenticate/${TOKEN}`);
    expect(() => TwilioTarget.frontline({ realmSid: JB }).validateRoles(['#{TfToken[TOKEN.7]}'], 'roles')).not.toThrow();
  });
});

describe('TwilioTarget for policy checks', () => {
  test('fromEntityId gives the target of a Twilio Entity ID, and undefined for anything else', () => {
    expect(TwilioTarget.fromEntityId(`urn:flex:${JQ}`)?.kind).toBe(TwilioSsoKind.FLEX_ENHANCED);
    expect(TwilioTarget.fromEntityId(`https://iam.twilio.com/v1/Accounts/${AC}/saml2/metadata`)?.sid).toBe(AC);
    expect(TwilioTarget.fromEntityId(`https://iam.twilio.com/v2/saml2/metadata/${JB}`)?.kind).toBe(TwilioSsoKind.FRONTLINE);
    for (const other of ['https://example.com/sp', `urn:flex:JQ123`, TOKEN, `https://iam.twilio.com/v2/saml2/metadata/${JQ}`]) {
      expect(TwilioTarget.fromEntityId(other)).toBeUndefined();
    }
  });

  test('isAcsUrl accepts this target’s ACS in any Flex region and nothing else', () => {
    const t = TwilioTarget.flexEnhanced({ connectionSid: JQ });
    expect(t.isAcsUrl(`https://login.flex.ie1.twilio.com/login/callback?connection=${JQ}`)).toBe(true);
    expect(t.isAcsUrl(t.acsUrl)).toBe(true);
    expect(t.isAcsUrl(`https://login.flex.us1.twilio.com/login/callback?connection=JQ${'f'.repeat(32)}`)).toBe(false);
    expect(t.isAcsUrl(`https://iam.twilio.com/v1/Accounts/${AC}/saml2`)).toBe(false);
  });
});

// Outside TypeScript (Python, through jsii) an error is only its message: the message must carry
// the code, the field and the value of every problem.
describe('error messages carry the code, the field and the value', () => {
  test('one problem: the message ends with its code in brackets', () => {
    const e = ssoError(() => TwilioTarget.frontline({ realmSid: 'JB123' }));
    expect(e.message).toBe("realmSid must look like JB followed by 32 lowercase hex characters (the frontline realm SID), got 'JB123' [JB_SID_INVALID]");
    expect(e.violations[0].message).not.toContain('[JB_SID_INVALID]');
  });

  test('several problems: each line ends with its own code', () => {
    const e = ssoError(() => TwilioTarget.flexEnhanced({ connectionSid: JQ }).validateRoles(['admin', 'owner', 'boss'], 'groups[0].roles'));
    expect(e.message.split('\n')).toEqual([
      `Invalid roles for Flex enhanced SSO ${JQ}: 2 problems:`,
      "  - groups[0].roles[1] is not a flex role, got 'owner'; flex accepts: admin, supervisor, agent, wfo.full_access, wfo.team_leader, wfo.data_analyst, wfo.data_auditor, wfo.quality_manager, wfo.quality_process_manager, wfo.dashboard_viewer [ROLE_UNKNOWN]",
      "  - groups[0].roles[2] is not a flex role, got 'boss'; flex accepts: admin, supervisor, agent, wfo.full_access, wfo.team_leader, wfo.data_analyst, wfo.data_auditor, wfo.quality_manager, wfo.quality_process_manager, wfo.dashboard_viewer [ROLE_UNKNOWN]",
    ]);
  });
});

// A JavaScript caller (or Python, through jsii) can pass anything: every mistake is an SsoConfigError
// with a code, a field and the value, never a TypeError.
describe('TwilioTarget factories never fail with a TypeError', () => {
  test.each([
    ['flexEnhanced(null)', () => TwilioTarget.flexEnhanced(null as any), SsoErrorCode.VALUE_REQUIRED, 'options'],
    ['flexEnhanced({})', () => TwilioTarget.flexEnhanced({} as any), SsoErrorCode.VALUE_REQUIRED, 'connectionSid'],
    ['flexEnhanced sid 5', () => TwilioTarget.flexEnhanced({ connectionSid: 5 as any }), SsoErrorCode.VALUE_TYPE_INVALID, 'connectionSid'],
    ['flexEnhanced acsUrl 5', () => TwilioTarget.flexEnhanced({ connectionSid: JQ, acsUrl: 5 as any }), SsoErrorCode.VALUE_TYPE_INVALID, 'acsUrl'],
    ['runtimeDomain 42', () => TwilioTarget.flexEnhanced({ connectionSid: JQ, runtimeDomain: 42 as any }), SsoErrorCode.VALUE_TYPE_INVALID, 'runtimeDomain'],
    ['flexLegacy runtimeDomain 42', () => TwilioTarget.flexLegacy({ accountSid: AC, runtimeDomain: 42 as any }), SsoErrorCode.VALUE_TYPE_INVALID, 'runtimeDomain'],
    ['flexLegacy(undefined)', () => TwilioTarget.flexLegacy(undefined as any), SsoErrorCode.VALUE_REQUIRED, 'options'],
    ['frontline([])', () => TwilioTarget.frontline([] as any), SsoErrorCode.VALUE_TYPE_INVALID, 'options'],
    ['fromServiceProvider({})', () => TwilioTarget.fromServiceProvider({} as any), SsoErrorCode.VALUE_REQUIRED, 'product'],
    ['fromServiceProvider product "sms"', () => TwilioTarget.fromServiceProvider({ product: 'sms' as any, entityId: `urn:flex:${JQ}`, acsUrl: TOKEN }), SsoErrorCode.VALUE_TYPE_INVALID, 'product'],
    ['fromServiceProvider entityId null', () => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: null as any, acsUrl: TOKEN }), SsoErrorCode.VALUE_REQUIRED, 'entityId'],
    ['fromServiceProvider bad %-escape', () => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: 'urn:flex:%E0%A4%A', acsUrl: TOKEN }), SsoErrorCode.SP_URL_UNRECOGNISED, 'entityId'],
    ['fromServiceProvider kind "x"', () => TwilioTarget.fromServiceProvider({ product: TwilioProduct.FLEX, entityId: TOKEN, acsUrl: TOKEN, kind: 'x' as any }), SsoErrorCode.VALUE_TYPE_INVALID, 'kind'],
    ['validateRoles(null)', () => TwilioTarget.flexEnhanced({ connectionSid: JQ }).validateRoles(null as any, 'roles'), SsoErrorCode.VALUE_REQUIRED, 'roles'],
    ['validateRoles([5])', () => TwilioTarget.flexEnhanced({ connectionSid: JQ }).validateRoles([5 as any], 'roles'), SsoErrorCode.VALUE_TYPE_INVALID, 'roles[0]'],
    ['validateAttributeName(7)', () => TwilioTarget.flexEnhanced({ connectionSid: JQ }).validateAttributeName(7 as any, 'name'), SsoErrorCode.VALUE_TYPE_INVALID, 'name'],
  ])('%s', (_name, fn, code, field) => {
    const e = ssoError(fn);
    expect([e.code, e.field]).toEqual([code, field]);
    expect(e.message).toContain(`${field} `);
  });

  test('a runtime domain with a path or scheme is still RUNTIME_DOMAIN_INVALID; every problem of one call is reported', () => {
    expect(codeOf(() => TwilioTarget.flexLegacy({ accountSid: AC, runtimeDomain: 'flex.twilio.com/x' }))).toBe(SsoErrorCode.RUNTIME_DOMAIN_INVALID);
    const e = ssoError(() => TwilioTarget.flexEnhanced({ connectionSid: 'JQ1', runtimeDomain: 'https://x' }));
    expect(e.violations.map((v) => v.code)).toEqual([SsoErrorCode.JQ_SID_INVALID, SsoErrorCode.RUNTIME_DOMAIN_INVALID]);
  });
});

describe('a misspelt role names the nearest one', () => {
  const flex = TwilioTarget.flexEnhanced({ connectionSid: JQ });
  test.each([
    ['wfo.teamleader', 'wfo.team_leader'],
    ['Admin', 'admin'],
    ['agnet', 'agent'],
    ['supervisr', 'supervisor'],
    ['wfo.dashboard-viewer', 'wfo.dashboard_viewer'],
  ])('%s → %s', (given, near) => {
    expect(ssoError(() => flex.validateRole(given, 'roles[0]')).message).toContain(`did you mean '${near}'?`);
  });

  test('no suggestion for a value that is not near any role', () => {
    expect(ssoError(() => flex.validateRole('owner', 'roles[0]')).message).not.toContain('did you mean');
    expect(ssoError(() => flex.validateRole('boss', 'roles[0]')).message).not.toContain('did you mean');
  });
});
