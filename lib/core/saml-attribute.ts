import { SsoErrorCode, TwilioTarget, Violation } from '../twilio';
import { attributeNameProblems } from '../twilio/attributes';
import { isRecord, join, listProblems, recordProblems, show, stringProblems, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

/** An extra SAML attribute sent to Twilio (Flex Insights, channel capacity, …). */
export interface SamlAttribute {
  /** Attribute name as Twilio reads it, e.g. `department` or `channel.chat.capacity.int`. */
  readonly name: string;
  /**
   * Where the value comes from, in the identity provider's own language: an Okta expression
   * (`user.department`), an Entra user attribute (`user.department`), a Keycloak user attribute
   * (`department`) or a Salesforce formula (`$User.Department`).
   */
  readonly value: string;
}

// Internal from here down.

/**
 * How one identity provider writes a value (NameID, email, full name, extra attributes): its
 * language's name with an example for messages, and a check that returns what is wrong, if anything.
 */
export interface ValueLanguage {
  /** E.g. `an Okta expression such as 'user.department'`. */
  readonly describe: string;
  /** Returns a problem (completing "… must be <describe>") or undefined when the value is fine. */
  problem(value: string): string | undefined;
}

/**
 * The problems of a value written in `language` at `field`: not a string, empty, or not the
 * language's (`code`, ATTRIBUTE_VALUE_INVALID unless given). A token is the plan's to judge.
 */
export function valueProblems(language: ValueLanguage, value: unknown, field: string, code = SsoErrorCode.ATTRIBUTE_VALUE_INVALID): Violation[] {
  if (isUnresolved(value)) return [];
  const type = stringProblems(value, field, language.describe);
  if (type.length > 0) return type;
  const problem = (value as string).trim() === '' ? undefined : language.problem(value as string);
  if ((value as string).trim() !== '' && problem === undefined) return [];
  const detail = problem === undefined ? '' : ` (${problem})`;
  return [violation(code, field, value, `must be ${language.describe}${detail}, got ${show(value)}`)];
}

/**
 * The problems of one extra attribute at `field` (`attributes[2]`), given the names declared before it
 * (`earlier`): not an object, its name ({@link attributeNameProblems}), a name already declared, its
 * value. The one rule behind the `attributes` prop and `addAttribute`.
 */
export function attributeProblems(
  attribute: unknown,
  field: string,
  target: TwilioTarget,
  language: ValueLanguage,
  earlier: readonly unknown[],
): Violation[] {
  const shape = recordProblems(attribute, field, 'an attribute { name, value }');
  if (shape.length > 0 || !isRecord(attribute)) return shape;
  const nameField = join(field, 'name');
  const out = attributeNameProblems(attribute.name, nameField, target);
  const before = typeof attribute.name === 'string' ? earlier.indexOf(attribute.name) : -1;
  if (before >= 0) out.push(violation(SsoErrorCode.ATTRIBUTE_DUPLICATE, nameField, attribute.name, `${show(attribute.name)} is already declared at attributes[${before}]`));
  const valueField = join(field, 'value');
  out.push(...valueProblems(language, attribute.value, valueField));
  return out;
}

/** The problems of an `attributes` prop: not a list, or any attribute's problems. */
export function attributeListProblems(list: unknown, target: TwilioTarget, language: ValueLanguage): Violation[] {
  if (list === undefined) return [];
  const notList = listProblems(list, 'attributes', 'a list of attributes { name, value }');
  if (notList.length > 0 || !Array.isArray(list)) return notList;
  const names: unknown[] = [];
  const out: Violation[] = [];
  list.forEach((a, i) => {
    out.push(...attributeProblems(a, `attributes[${i}]`, target, language, names));
    names.push(isRecord(a) ? a.name : undefined);
  });
  return out;
}
