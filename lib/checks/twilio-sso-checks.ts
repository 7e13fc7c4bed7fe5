import { Annotations, DefaultTokenResolver, IAspect, StringConcat, TerraformResource, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { RuleCompliance, RuleLevel, TwilioSsoRule } from './rule';
import { ALL_RULES } from './rules';

/** A rule switched off for one resource, with the reason a reviewer will read. */
export interface RuleSuppression {
  /** The rule's name, e.g. `OktaTwilioAppUsesSha256`. */
  readonly rule: string;
  /** Why it does not apply here (required: a suppression without a reason is refused). */
  readonly reason: string;
}

/** Props for {@link TwilioSsoChecks}. */
export interface TwilioSsoChecksProps {
  /**
   * Add each rule's explanation to its finding.
   * @default false
   */
  readonly verbose?: boolean;
  /**
   * The rules to apply.
   * @default - every rule in `ALL_RULES`
   */
  readonly rules?: TwilioSsoRule[];
}

const SUPPRESSIONS = Symbol.for('cdktf-twilio-sso.suppressions');
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * Checks every Terraform resource in scope against Twilio's SSO requirements, cdk-nag style: each
 * rule is a small pure function, each finding an annotation `TwilioSso-<Rule>: <info>` (an ERROR
 * fails synthesis). It catches what the constructs cannot: hand-written apps and escape-hatch
 * overrides (`addOverride`). Apply with `Aspects.of(stack).add(new TwilioSsoChecks())`.
 */
export class TwilioSsoChecks implements IAspect {
  /** Switches rules off for one resource; every suppression needs a reason. */
  public static suppress(resource: TerraformResource, suppressions: RuleSuppression[]): void {
    for (const s of suppressions) {
      if (!s.reason || s.reason.trim().length < 10) {
        throw new Error(`Cannot suppress ${s.rule} on ${resource.node.path}: give a reason of at least 10 characters, got ${JSON.stringify(s.reason)}`);
      }
    }
    const r = resource as unknown as Record<symbol, RuleSuppression[]>;
    r[SUPPRESSIONS] = [...(r[SUPPRESSIONS] ?? []), ...suppressions];
  }

  private readonly verbose: boolean;
  private readonly rules: readonly TwilioSsoRule[];

  constructor(props: TwilioSsoChecksProps = {}) {
    this.verbose = props.verbose ?? false;
    this.rules = props.rules ?? ALL_RULES;
  }

  /** Applies every rule to one construct (called by cdktf for each construct in scope). */
  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    const rules = this.rules.filter((r) => r.resourceType === node.terraformResourceType);
    if (rules.length === 0) return;
    const suppressed = (node as unknown as Record<symbol, RuleSuppression[]>)[SUPPRESSIONS] ?? [];
    const args = this.resolvedArguments(node);
    for (const rule of rules) {
      if (suppressed.some((s) => s.rule === rule.name)) continue;
      let result: RuleCompliance;
      try {
        result = rule.check(args);
      } catch (e) {
        Annotations.of(node).addWarning(`TwilioSso-RuleFailure: ${rule.name} could not evaluate ${node.node.path}: ${(e as Error).message}`);
        continue;
      }
      if (result !== RuleCompliance.NON_COMPLIANT) continue;
      const message = `TwilioSso-${rule.name}: ${rule.info}${this.verbose ? ` ${rule.explanation}` : ''}`;
      if (rule.level === RuleLevel.ERROR) Annotations.of(node).addError(message);
      else Annotations.of(node).addWarning(message);
    }
  }

  private resolvedArguments(node: TerraformResource): Record<string, any> {
    // toTerraform() includes escape-hatch overrides, so the rules see what will be written.
    const json = Tokenization.resolve(node.toTerraform(), { scope: node, resolver: RESOLVER }) as { resource: Record<string, Record<string, any>> };
    const byName = json.resource[node.terraformResourceType];
    return Object.values(byName)[0];
  }
}
