/** What a rule concluded about one resource. */
export enum RuleCompliance {
  /** The resource meets the rule. */
  COMPLIANT = 'compliant',
  /** The resource breaks the rule. */
  NON_COMPLIANT = 'non-compliant',
  /** The rule does not apply to this resource (another type, or not a Twilio app). */
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
 * One check on a synthesized resource, as cdk-nag writes them: a pure function of the resource's
 * resolved Terraform arguments (snake_case, as in the JSON), with a name, a level and texts.
 */
export interface TwilioSsoRule {
  /** Rule name, e.g. `OktaTwilioAppSignsResponseAndAssertion`; findings are `TwilioSso-<name>`. */
  readonly name: string;
  /** The Terraform resource type the rule reads, e.g. `okta_app_saml`. */
  readonly resourceType: string;
  /** ERROR fails synthesis; WARNING is reported. */
  readonly level: RuleLevel;
  /** Why it fired, in one line. */
  readonly info: string;
  /** Why the rule exists, with its source. */
  readonly explanation: string;
  /** Decides compliance from the resolved arguments. */
  check(args: Record<string, any>): RuleCompliance;
}
