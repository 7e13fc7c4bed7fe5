/** What a rule concluded about one resource. */
export enum RuleCompliance {
  /** The resource meets the rule. */
  COMPLIANT = 'compliant',
  /** The resource breaks the rule. */
  NON_COMPLIANT = 'non-compliant',
  /**
   * The rule does not apply to this resource: another type, not a Twilio app, or what the rule
   * needs is outside the stack (e.g. a policy referred to by a literal ID).
   */
  NOT_APPLICABLE = 'not-applicable',
}

/** How serious a finding is. */
export enum RuleLevel {
  /** Synthesis fails. */
  ERROR = 'error',
  /** Synthesis goes on; the warning is printed. */
  WARNING = 'warning',
}

/**
 * One Terraform resource of the stack as the rules see it: its address and its arguments resolved
 * as they will be written to the Terraform JSON (snake_case, escape-hatch overrides included).
 * A reference to another resource reads `${<type>.<name>.<attribute>}`.
 */
export interface TwilioSsoResource {
  /** The Terraform address, `<type>.<name>`, e.g. `azuread_application.Sso_Resource_1A2B3C4D`. */
  readonly address: string;
  /** The Terraform resource type, e.g. `azuread_application`. */
  readonly type: string;
  /** The construct path, e.g. `stack/Sso/Resource`, for messages. */
  readonly path: string;
  /** The resolved arguments. */
  readonly args: { [key: string]: any };
}

/**
 * What a rule may read besides the resource it judges: the other resources of the same stack,
 * resolved, and the references between them. A rule on a service principal, say, finds its
 * application through the reference in `client_id`, and the application's Entity ID through the
 * `azuread_application_identifier_uri` that refers to the application.
 */
export interface ITwilioSsoRuleContext {
  /** The address of the resource being judged. */
  readonly address: string;

  /** Every resource of a type in the stack, in construct order. */
  resourcesOfType(type: string): TwilioSsoResource[];

  /** The resource at a Terraform address, or undefined when the stack has none there. */
  resourceAt(address: string): TwilioSsoResource | undefined;

  /**
   * The resources of the stack that a value refers to (`${<type>.<name>.<attribute>}` anywhere in
   * it, nested lists and maps included), in order of appearance, without repeats.
   * @param value a resolved argument value
   * @param type only resources of this Terraform type; when omitted, every type
   */
  referencedBy(value: any, type?: string): TwilioSsoResource[];

  /**
   * The resources of a type that refer to the resource at `address`, e.g. the identifier URIs whose
   * `application_id` refers to an application.
   * @param address the resource referred to
   * @param type the Terraform type of the referring resources
   * @param argument only references in this top-level argument; when omitted, in any argument
   */
  referencing(address: string, type: string, argument?: string): TwilioSsoResource[];
}

/**
 * One check on a synthesized resource, as cdk-nag writes them: a pure judgement of the resource's
 * resolved Terraform arguments (and, through the context, of the stack's other resources), with a
 * name, a level and texts.
 */
export interface ITwilioSsoRule {
  /** Rule name, e.g. `OktaTwilioAppSignsResponseAndAssertion`; findings are `TwilioSso-<name>`. */
  readonly name: string;
  /** The Terraform resource type the rule judges, e.g. `okta_app_saml`; findings are attached to it. */
  readonly resourceType: string;
  /** ERROR fails synthesis; WARNING is reported. */
  readonly level: RuleLevel;
  /** Why it fired, in one line. */
  readonly info: string;
  /** Why the rule exists, with its public source. */
  readonly explanation: string;

  /**
   * Decides compliance.
   * @param args the resolved arguments of the resource judged
   * @param context the stack's other resources
   */
  check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance;
}

/** The texts and target of a rule, for {@link TwilioSsoRule}. */
export interface TwilioSsoRuleProps {
  /** Rule name, e.g. `OktaTwilioAppSignsResponseAndAssertion`. */
  readonly name: string;
  /** The Terraform resource type the rule judges. */
  readonly resourceType: string;
  /** ERROR fails synthesis; WARNING is reported. */
  readonly level: RuleLevel;
  /** Why it fired, in one line. */
  readonly info: string;
  /** Why the rule exists, with its public source. */
  readonly explanation: string;
}

/**
 * Base of the built-in rules (and a convenience for your own): the texts from the props, the
 * judgement in {@link TwilioSsoRule.check}.
 */
export abstract class TwilioSsoRule implements ITwilioSsoRule {
  /** {@inheritDoc ITwilioSsoRule.name} */
  public readonly name: string;
  /** {@inheritDoc ITwilioSsoRule.resourceType} */
  public readonly resourceType: string;
  /** {@inheritDoc ITwilioSsoRule.level} */
  public readonly level: RuleLevel;
  /** {@inheritDoc ITwilioSsoRule.info} */
  public readonly info: string;
  /** {@inheritDoc ITwilioSsoRule.explanation} */
  public readonly explanation: string;

  protected constructor(props: TwilioSsoRuleProps) {
    this.name = props.name;
    this.resourceType = props.resourceType;
    this.level = props.level;
    this.info = props.info;
    this.explanation = props.explanation;
  }

  /** {@inheritDoc ITwilioSsoRule.check} */
  public abstract check(args: { [key: string]: any }, context: ITwilioSsoRuleContext): RuleCompliance;
}
