import { IConstruct } from 'constructs';
import { SsoConfigError, SsoErrorCode, TwilioTarget } from '../twilio';
import { isUnresolved } from '../twilio/unresolved';
import { Violations, show } from '../twilio/violations';

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

/** Throws when `value` is not written in `language`; `field` names it. */
export function checkValue(language: ValueLanguage, value: unknown, field: string, code = SsoErrorCode.ATTRIBUTE_VALUE_INVALID): void {
  if (isUnresolved(value)) return;
  const problem = typeof value !== 'string' || value.trim() === '' ? 'empty' : language.problem(value);
  if (problem !== undefined) {
    const detail = problem === 'empty' ? '' : ` (${problem})`;
    throw new SsoConfigError(code, field, value, `${field} must be ${language.describe}${detail}, got ${show(value)}`);
  }
}

/** Checks a props `attributes` list: names, duplicates and values. */
export function validateAttributes(target: TwilioTarget, attributes: SamlAttribute[], language: ValueLanguage, v: Violations): void {
  const names = new Map<string, number>();
  attributes.forEach((a, i) => {
    const f = `attributes[${i}]`;
    v.capture(() => target.validateAttributeName(a.name, `${f}.name`));
    if (names.has(a.name)) v.add(SsoErrorCode.ATTRIBUTE_DUPLICATE, `${f}.name`, a.name, `${f}.name ${show(a.name)} is already declared at attributes[${names.get(a.name)}]`);
    else names.set(a.name, i);
    v.capture(() => checkValue(language, a.value, `${f}.value`));
  });
}

/** The extra attributes a construct sends, as its `addAttribute` records them: copies, each name once. */
export class SamlAttributeList {
  private readonly items: SamlAttribute[] = [];

  /** @param checkValue throws when a value is not in the identity provider's language */
  constructor(
    private readonly target: TwilioTarget,
    private readonly checkValue: (value: string, field: string) => void,
    private readonly owner: IConstruct,
  ) {}

  /** Checks and records one attribute; returns the recorded copy. */
  public add(attribute: SamlAttribute): SamlAttribute {
    const f = `attributes[${this.items.length}]`;
    this.target.validateAttributeName(attribute.name, `${f}.name`);
    if (this.items.some((a) => a.name === attribute.name)) {
      throw new SsoConfigError(SsoErrorCode.ATTRIBUTE_DUPLICATE, `${f}.name`, attribute.name, `Cannot add attribute ${show(attribute.name)} to ${this.owner.node.path}: it is already declared`);
    }
    this.checkValue(attribute.value, `${f}.value`);
    const copy = { name: attribute.name, value: attribute.value };
    this.items.push(copy);
    return { ...copy };
  }

  /** Copies of the recorded attributes, in order. */
  public get all(): SamlAttribute[] {
    return this.items.map((a) => ({ ...a }));
  }
}
