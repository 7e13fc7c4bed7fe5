import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { load as parseYaml } from 'js-yaml';
import { synthesizeOrThrow } from '../../cli/synthesize';
import { readTree, tempDir } from '../support/files';
import { onlyResource } from '../support/synth';

// Legacy Flex SSO → enhanced SSO, side by side on one Okta org (docs/adopt.md).
const PHASE_1 = 'examples/config/migration/phase-1.yaml';
const PHASE_2 = 'examples/config/migration/phase-2.yaml';
const AC = 'AC0123456789abcdef0123456789abcdef';
const JQ = 'JQ0123456789abcdef0123456789abcdef';
const GROUPS = [
  { id: '00g1admins0000000003', priority: 0, profile: JSON.stringify({ roles: ['admin'] }) },
  { id: '00g1agents0000000001', priority: 1, profile: JSON.stringify({ roles: ['agent'] }) },
  { id: '00g1supervisors00002', priority: 2, profile: JSON.stringify({ roles: ['supervisor'] }) },
];

function synth(config: string): string {
  const out = tempDir();
  synthesizeOrThrow(config, out);
  return out;
}
const stacks = (out: string): string[] => readdirSync(join(out, 'stacks')).sort();
const stackJson = (out: string, stack: string): any => JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));

describe('phase 1: the legacy and the enhanced app side by side', () => {
  const out = synth(PHASE_1);

  test('two stacks, each with its own state', () => {
    expect(stacks(out)).toEqual(['flex-enhanced-okta', 'flex-legacy-okta']);
    expect(stackJson(out, 'flex-legacy-okta').terraform.backend).toEqual({ local: { path: 'terraform.flex-legacy-okta.tfstate' } });
    expect(stackJson(out, 'flex-enhanced-okta').terraform.backend).toEqual({ local: { path: 'terraform.flex-enhanced-okta.tfstate' } });
  });

  test("the legacy app keeps legacy SSO's Entity ID and ACS (iam.twilio.com)", () => {
    const app = onlyResource(stackJson(out, 'flex-legacy-okta'), 'okta_app_saml');
    const acs = `https://iam.twilio.com/v1/Accounts/${AC}/saml2`;
    expect(app).toMatchObject({ label: 'Twilio Flex (legacy SSO)', audience: `${acs}/metadata`, sso_url: acs, recipient: acs, destination: acs });
  });

  test("the enhanced app has the new connection's Entity ID and ACS", () => {
    const app = onlyResource(stackJson(out, 'flex-enhanced-okta'), 'okta_app_saml');
    const acs = `https://login.flex.us1.twilio.com/login/callback?connection=${JQ}`;
    expect(app).toMatchObject({ label: 'Twilio Flex', audience: `urn:flex:${JQ}`, sso_url: acs, recipient: acs, destination: acs });
  });

  test('both apps give the same groups the same roles, so every user can sign in either way during the move', () => {
    for (const stack of ['flex-legacy-okta', 'flex-enhanced-okta']) {
      expect(onlyResource(stackJson(out, stack), 'okta_app_group_assignments').group).toEqual(GROUPS);
    }
  });

  test('each stack declares only its own app (no resource of one is in the other)', () => {
    for (const stack of stacks(out)) {
      expect(Object.keys(stackJson(out, stack).resource.okta_app_saml)).toHaveLength(1);
    }
  });
});

describe('phase 2: the legacy app retired', () => {
  const out1 = synth(PHASE_1);
  const out2 = synth(PHASE_2);

  test('only the enhanced stack is left', () => {
    expect(stacks(out2)).toEqual(['flex-enhanced-okta']);
  });

  test('the enhanced stack is byte-identical to phase 1: retiring the legacy app changes nothing on the new one', () => {
    const tree = (out: string) => {
      const all = readTree(join(out, 'stacks', 'flex-enhanced-okta'));
      return Object.fromEntries(Object.entries(all).filter(([f]) => f.endsWith('.tf.json')));
    };
    expect(Object.keys(tree(out2))).toEqual(['cdk.tf.json']);
    expect(tree(out2)).toEqual(tree(out1));
  });

  test('the config files agree: phase 2 is phase 1 without the legacy target', () => {
    const phase1 = parseYaml(readFileSync(PHASE_1, 'utf8')) as any;
    const phase2 = parseYaml(readFileSync(PHASE_2, 'utf8')) as any;
    expect(phase2.defaults).toEqual(phase1.defaults);
    expect(phase2.targets).toEqual(phase1.targets.filter((t: any) => !t.twilio.flexLegacy));
    expect(phase1.targets.filter((t: any) => t.twilio.flexLegacy)).toHaveLength(1);
  });
});
