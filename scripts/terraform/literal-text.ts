/**
 * Issue 19.1 proven with real Terraform: a config whose strings carry Terraform template syntax
 * (`${…}` interpolation, `%{…}` directives) must plan with that text as the literal value, never as
 * an expression Terraform evaluates on the runner. The check synthesizes this config with the
 * `twilio-sso` command, plans it, reads the saved plan (`terraform show -json`) and compares each
 * planned value with the exact input string.
 *
 * Okta is the identity provider here because its provider can plan offline (offline-plan.ts). Its
 * group and user IDs are checked by shape (`00g…`, `00u…`) and its expressions refuse `${`, so the
 * free text that reaches Terraform is the display name (the app's label).
 */

/** Text Terraform would evaluate if it reached the JSON unescaped: a file read, a directive, and an already-escaped sequence that must stay as written. */
export const TEMPLATE_TEXT = '${file("/etc/hostname")} %{ if true }x%{ endif } $${kept}';

/** The app's label: what an Okta admin sees, carrying the template text. */
export const LITERAL_DISPLAY_NAME = `Flex ${TEMPLATE_TEXT}`;

/** The stack (target) name of the fixture. */
export const LITERAL_TEXT_TARGET = 'literal-text-okta';

/** The fixture config (JSON, which the YAML loader reads as YAML). */
export function literalTextConfig(): object {
  return {
    targets: [
      {
        name: LITERAL_TEXT_TARGET,
        twilio: { flexEnhanced: { connectionSid: 'JQ0123456789abcdef0123456789abcdef' } },
        okta: {
          orgName: 'example-org',
          displayName: LITERAL_DISPLAY_NAME,
          nameId: 'user.email',
          groups: [{ id: '00g1agents0000000001', roles: ['agent'] }],
        },
      },
    ],
  };
}

/** A value the plan must show exactly as written. */
export interface LiteralExpectation {
  /** What the value is, for messages: `okta_app_saml label`. */
  readonly what: string;
  /** The resource type whose planned `after` holds it. */
  readonly type: string;
  /** Reads the value from a planned resource's `after`. */
  readonly read: (after: Record<string, unknown>) => unknown;
  /** The exact string the plan must show. */
  readonly expected: string;
}

/** What the fixture's plan must show: the label as typed, and Okta's own `${…}` NameID template intact. */
export const LITERAL_TEXT_EXPECTATIONS: readonly LiteralExpectation[] = [
  { what: 'okta_app_saml label (okta.displayName)', type: 'okta_app_saml', read: (a) => a.label, expected: LITERAL_DISPLAY_NAME },
  // Okta's template syntax is also `${…}`: the provider must receive it, not Terraform evaluate it.
  { what: 'okta_app_saml subject_name_id_template (okta.nameId)', type: 'okta_app_saml', read: (a) => a.subject_name_id_template, expected: '${user.email}' },
];

/** A plan as `terraform show -json <planfile>` prints it, reduced to what is read here. */
interface PlanJson {
  resource_changes?: Array<{ address?: string; type?: string; change?: { after?: Record<string, unknown> | null } }>;
}

/**
 * Problems with a saved plan's values against the expectations ([] = every value planned literally):
 * a resource type missing from the plan, or a value that differs from the input string.
 */
export function literalTextProblems(planJsonText: string, expectations: readonly LiteralExpectation[]): string[] {
  let plan: PlanJson;
  try {
    plan = JSON.parse(planJsonText) as PlanJson;
  } catch (e) {
    return [`the saved plan is not JSON: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  for (const x of expectations) {
    const changes = (plan.resource_changes ?? []).filter((c) => c.type === x.type);
    if (changes.length === 0) {
      problems.push(`${x.what}: no ${x.type} in the plan`);
      continue;
    }
    for (const c of changes) {
      const actual = c.change?.after ? x.read(c.change.after) : undefined;
      if (actual !== x.expected) {
        problems.push(`${x.what} of ${c.address}: planned ${JSON.stringify(actual)}, but the input was ${JSON.stringify(x.expected)}: the text did not reach Terraform as a literal`);
      }
    }
  }
  return problems;
}
