import { validateClaimName } from '../twilio/attributes';
import { SsoConfigError } from '../twilio/errors';
import { TwilioTarget } from '../twilio/target';
import { RuleCompliance } from './rule';
import { isExpression } from './stack-resources';

// Internal: the claim-name judgement every identity provider's rule shares.

/**
 * Judges the attribute (claim) names an app sends to a Twilio target: NON_COMPLIANT when one is
 * capitalised, spaced, namespaced or (Flex) has a type suffix Flex rejects (`validateClaimName`,
 * the same check the constructs make), or when an attribute the target requires
 * ({@link TwilioTarget.requiredAttributes}) is missing. Names known only at plan (Terraform
 * expressions) are skipped; a required name missing while some are unknown is NOT_APPLICABLE.
 */
export function judgeClaimNames(target: TwilioTarget, names: unknown[]): RuleCompliance {
  const literal = names.filter((n): n is string => !isExpression(n));
  for (const name of literal) {
    try {
      validateClaimName(name, 'name', target.isFlex);
    } catch (e) {
      if (e instanceof SsoConfigError) return RuleCompliance.NON_COMPLIANT;
      throw e;
    }
  }
  if (target.requiredAttributes.every((r) => literal.includes(r))) return RuleCompliance.COMPLIANT;
  return literal.length < names.length ? RuleCompliance.NOT_APPLICABLE : RuleCompliance.NON_COMPLIANT;
}
