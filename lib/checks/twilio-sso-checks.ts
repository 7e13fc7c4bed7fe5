import { Annotations, IAspect, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { SsoConfigError, SsoErrorCode } from '../twilio/errors';
import { show } from '../twilio/violations';
import { ITwilioSsoRule, RuleCompliance, RuleLevel } from './rule';
import { StackResources } from './stack-resources';
import { TwilioSsoRules } from './twilio-sso-rules';

/** A rule switched off for one resource, with the reason a reviewer will read. */
export interface RuleSuppression {
  /** The rule's name, e.g. `OktaTwilioAppUsesSha256`. */
  readonly rule: string;
  /** Why it does not apply here: at least 10 characters (a suppression without a reason is refused). */
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
   * @default - every rule, {@link TwilioSsoRules.ALL}
   */
  readonly rules?: ITwilioSsoRule[];
}

/** One rule a resource broke, as data (what the check also adds to the resource as an annotation). */
export interface RuleFinding {
  /** The rule's name, e.g. `OktaTwilioAppUsesSha256`; the annotation reads `TwilioSso-<rule>: <info>`. */
  readonly rule: string;
  /** ERROR (synthesis fails) or WARNING. */
  readonly level: RuleLevel;
  /** The construct path of the resource, e.g. `flex-okta/Sso/Resource`. */
  readonly path: string;
  /** The resource's Terraform address, `<type>.<name>`. */
  readonly address: string;
  /** Why it fired: the rule's info (and, with `verbose`, its explanation). */
  readonly info: string;
}

const SUPPRESSIONS = Symbol.for('cdktf-twilio-sso.suppressions');
const MIN_REASON = 10;

/**
 * Checks every Terraform resource in scope against Twilio's SSO requirements, cdk-nag style: each
 * rule is a small pure judgement of one resource's resolved arguments (reading the stack's other
 * resources where a setting lives elsewhere, e.g. an Entra app's signing policy), each finding an
 * annotation `TwilioSso-<Rule>: <info>` on that resource (an ERROR fails synthesis). It catches
 * what the constructs cannot: apps written by hand with the provider's own classes, and
 * escape-hatch overrides (`addOverride`). Apply with `Aspects.of(stack).add(new TwilioSsoChecks())`.
 */
export class TwilioSsoChecks implements IAspect {
  /**
   * Switches rules off for one resource; every suppression needs a reason of at least 10 characters.
   * @throws SsoConfigError (`SUPPRESSION_REASON_MISSING`) naming the suppression without a reason
   */
  public static suppress(resource: TerraformResource, suppressions: RuleSuppression[]): void {
    suppressions.forEach((s, i) => {
      if (typeof s.reason !== 'string' || s.reason.trim().length < MIN_REASON) {
        throw new SsoConfigError(
          SsoErrorCode.SUPPRESSION_REASON_MISSING,
          `suppressions[${i}].reason`,
          s.reason,
          `Cannot suppress ${s.rule} on ${resource.node.path}: give a reason of at least ${MIN_REASON} characters, got ${show(s.reason)}`,
        );
      }
    });
    const r = resource as unknown as Record<symbol, RuleSuppression[]>;
    r[SUPPRESSIONS] = [...(r[SUPPRESSIONS] ?? []), ...suppressions.map((s) => ({ rule: s.rule, reason: s.reason }))];
  }

  private readonly verbose: boolean;
  private readonly rulesByType = new Map<string, ITwilioSsoRule[]>();
  // One check run (one synthesis) visits each construct once; a construct seen again starts a new
  // run, whose resources are resolved afresh.
  private visited = new WeakSet<IConstruct>();
  private stacks = new WeakMap<TerraformStack, StackResources>();
  private found: RuleFinding[] = [];

  constructor(props: TwilioSsoChecksProps = {}) {
    this.verbose = props.verbose ?? false;
    for (const rule of props.rules ?? TwilioSsoRules.ALL) {
      this.rulesByType.set(rule.resourceType, [...(this.rulesByType.get(rule.resourceType) ?? []), rule]);
    }
  }

  /**
   * What the last check run (the last synthesis) found, in construct order: each finding is also an
   * annotation on its resource, `TwilioSso-<rule>: <info>`. For callers that report findings
   * themselves (the `twilio-sso` command names the config target they came from).
   */
  public get findings(): RuleFinding[] {
    return [...this.found];
  }

  /** Applies the rules to one construct (called by cdktf for each construct in scope). */
  public visit(node: IConstruct): void {
    if (this.visited.has(node)) {
      this.visited = new WeakSet();
      this.stacks = new WeakMap();
      this.found = [];
    }
    this.visited.add(node);
    if (!(node instanceof TerraformResource)) return;
    const suppressed = (node as unknown as Record<symbol, RuleSuppression[]>)[SUPPRESSIONS] ?? [];
    const rules = (this.rulesByType.get(node.terraformResourceType) ?? []).filter((r) => !suppressed.some((s) => s.rule === r.name));
    if (rules.length === 0) return;
    const resources = this.resourcesOf(TerraformStack.of(node));
    const self = resources.resource(node);
    const context = resources.contextFor(self.address);
    for (const rule of rules) {
      let result: RuleCompliance;
      try {
        result = rule.check(self.args, context);
      } catch (e) {
        Annotations.of(node).addWarning(`TwilioSso-RuleFailure: ${rule.name} could not evaluate ${node.node.path}: ${(e as Error).message}`);
        continue;
      }
      if (result !== RuleCompliance.NON_COMPLIANT) continue;
      const info = `${rule.info}${this.verbose ? ` ${rule.explanation}` : ''}`;
      this.found.push({ rule: rule.name, level: rule.level, path: node.node.path, address: self.address, info });
      const message = `TwilioSso-${rule.name}: ${info}`;
      if (rule.level === RuleLevel.ERROR) Annotations.of(node).addError(message);
      else Annotations.of(node).addWarning(message);
    }
  }

  private resourcesOf(stack: TerraformStack): StackResources {
    let r = this.stacks.get(stack);
    if (!r) {
      r = new StackResources(stack);
      this.stacks.set(stack, r);
    }
    return r;
  }
}
