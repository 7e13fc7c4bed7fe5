import { formatDiagnostic, parsePlanEvents, planSummaryOf } from '../../scripts/terraform/check-stack';
import { LITERAL_DISPLAY_NAME, LITERAL_TEXT_EXPECTATIONS, LITERAL_TEXT_TARGET, TEMPLATE_TEXT, literalTextConfig, literalTextProblems } from '../../scripts/terraform/literal-text';
import { parseOptions } from '../../scripts/terraform/options';
import { exampleConfigs, mainFirst } from '../../scripts/terraform/synthesize';

describe('formatDiagnostic', () => {
  test('severity, summary, address, file:line, then the detail indented under it', () => {
    const text = formatDiagnostic({
      severity: 'error',
      summary: 'Missing required argument',
      detail: 'The argument "label" is required,\nbut no definition was found.',
      address: 'okta_app_saml.sso',
      range: { filename: 'cdk.tf.json', start: { line: 12 } },
    });
    expect(text).toBe('error: Missing required argument [okta_app_saml.sso] (cdk.tf.json:12)\n        The argument "label" is required,\n        but no definition was found.');
    expect(formatDiagnostic({ severity: 'warning', summary: 'Deprecated', range: { filename: 'x.tf.json' } })).toBe('warning: Deprecated (x.tf.json:?)');
  });
});

describe('plan -json events', () => {
  // The machine-readable UI (developer.hashicorp.com/terraform/internals/machine-readable-ui): one JSON object per line.
  const stdout = [
    '{"@level":"info","@message":"Terraform 1.11.4","type":"version"}',
    'not json: a provider wrote to stdout',
    '',
    '{"@level":"info","type":"change_summary","changes":{"add":3,"change":1,"import":0,"remove":2,"operation":"plan"}}',
  ].join('\n');

  test('lines that are not JSON are skipped', () => {
    expect(parsePlanEvents(stdout).map((e) => e.type)).toEqual(['version', 'change_summary']);
  });

  test('the change summary as a line; none when plan gave none', () => {
    expect(planSummaryOf(parsePlanEvents(stdout))).toBe('3 to add, 1 to change, 2 to destroy');
    expect(planSummaryOf([])).toBe('no change summary');
  });
});

describe('literalTextProblems', () => {
  // `terraform show -json <planfile>` (developer.hashicorp.com/terraform/internals/json-format), reduced.
  const plan = (after: Record<string, unknown> | null, type = 'okta_app_saml'): string =>
    JSON.stringify({ format_version: '1.2', resource_changes: [{ address: `${type}.App`, type, change: { actions: ['create'], after } }] });

  test('passes when the plan shows each input string exactly', () => {
    expect(literalTextProblems(plan({ label: LITERAL_DISPLAY_NAME, subject_name_id_template: '${user.email}' }), LITERAL_TEXT_EXPECTATIONS)).toEqual([]);
  });

  test('names the value Terraform evaluated, with what it planned and what was written', () => {
    const problems = literalTextProblems(plan({ label: 'Flex host-1\n x ${kept}', subject_name_id_template: '${user.email}' }), LITERAL_TEXT_EXPECTATIONS);
    expect(problems).toEqual([
      `okta_app_saml label (okta.displayName) of okta_app_saml.App: planned "Flex host-1\\n x \${kept}", but the input was ${JSON.stringify(LITERAL_DISPLAY_NAME)}: the text did not reach Terraform as a literal`,
    ]);
  });

  test('a resource missing from the plan, a value missing from it, and a plan that is not JSON are problems too', () => {
    expect(literalTextProblems(plan({ label: 'x' }, 'okta_app_oauth'), LITERAL_TEXT_EXPECTATIONS.slice(0, 1))).toEqual(['okta_app_saml label (okta.displayName): no okta_app_saml in the plan']);
    expect(literalTextProblems(plan(null), LITERAL_TEXT_EXPECTATIONS.slice(0, 1))[0]).toMatch(/planned undefined, but the input was/);
    expect(literalTextProblems('{', LITERAL_TEXT_EXPECTATIONS)[0]).toMatch(/^the saved plan is not JSON: /);
  });

  test('the fixture carries interpolation, a directive and an escaped sequence in its display name', () => {
    expect(TEMPLATE_TEXT).toContain('${file(');
    expect(TEMPLATE_TEXT).toContain('%{ if true }');
    expect(TEMPLATE_TEXT).toContain('$${');
    const target = (literalTextConfig() as { targets: Array<{ name: string; okta: { displayName: string } }> }).targets[0];
    expect(target).toMatchObject({ name: LITERAL_TEXT_TARGET, okta: { displayName: LITERAL_DISPLAY_NAME } });
  });
});

describe('parseOptions', () => {
  test('defaults: mirror, build, stacks and self-test, both binaries', () => {
    expect(parseOptions([])).toEqual({ registry: false, selfTestOnly: false, build: true, selfTest: true, keep: false, help: false });
  });

  test('every flag', () => {
    expect(parseOptions(['--registry', '--self-test', '--no-build', '--no-self-test', '--keep', '--only', 'tofu', '-h'])).toEqual({
      registry: true,
      selfTestOnly: true,
      build: false,
      selfTest: false,
      keep: true,
      only: 'tofu',
      help: true,
    });
  });

  test('an unknown flag or binary is refused by name', () => {
    expect(() => parseOptions(['--regsitry'])).toThrow(/^unknown argument "--regsitry"/);
    expect(() => parseOptions(['--only', 'pulumi'])).toThrow('--only takes terraform or tofu, got "pulumi"');
    expect(() => parseOptions(['--only'])).toThrow('--only takes terraform or tofu, got undefined');
  });
});

describe('exampleConfigs', () => {
  test('twilio-sso.yaml first, then the others in path order', () => {
    expect(mainFirst(['migration/phase-2.yaml', 'adopt.yaml', 'twilio-sso.yaml', 'migration/phase-1.yaml'], 'twilio-sso.yaml')).toEqual([
      'twilio-sso.yaml',
      'adopt.yaml',
      'migration/phase-1.yaml',
      'migration/phase-2.yaml',
    ]);
  });

  test("finds the project's example configs, nested ones with '/'", () => {
    const found = exampleConfigs();
    expect(found[0]).toBe('twilio-sso.yaml');
    expect(found).toContain('adopt.yaml');
    expect(found.filter((f) => f.startsWith('migration/')).length).toBeGreaterThan(0);
  });
});
