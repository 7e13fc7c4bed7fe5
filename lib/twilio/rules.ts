import { SsoConfigError, SsoErrorCode, Violation } from './errors';
import { isUnresolved } from './unresolved';

// Internal to the library (not in the public index): the one shape every validation rule takes.
//
// A rule is a pure function: (value, field, context) → Violation[]. It never throws, whatever it is
// given (null, a number for a string, a non-token object): a value of the wrong type is a violation
// like any other. `findProblems` is built from rules and is the primitive; `validateProps` throws
// what it returns (`throwIfAny`); `add*` methods run the same rules on one item. So one mistake has
// one code and one wording on every path. (aws-cdk's `validateBucketName` collects every problem
// before throwing; cdk-nag's rules are small named functions: this is both.)

/**
 * A validation rule: every problem with `value`, found at `field`, given what else it needs
 * (`context`: the target, an identity provider's value language, …). Never throws.
 */
export type Rule<T = unknown, C = unknown> = (value: T, field: string, context: C) => Violation[];

/** Longest value echoed in a message; longer ones are cut (the violation's `value` keeps it whole). */
export const MAX_SHOWN_LENGTH = 120;

/**
 * A received value as a message shows it: strings quoted, with control and invisible characters
 * escaped (`\u001b`, `\u200b`) so that a message can neither drive a terminal nor hide what was
 * refused, cut after {@link MAX_SHOWN_LENGTH} characters; numbers as written (NaN, Infinity);
 * a Terraform token as such; anything else as compact JSON (or its type when it has none).
 */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    if (isUnresolved(value)) return '(a Terraform token)';
    return `'${visible(value)}'`;
  }
  if (typeof value === 'number') return isUnresolved(value) ? '(a Terraform token)' : String(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol' || typeof value === 'bigint') return `a ${typeof value}`;
  try {
    const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    return json === undefined ? `a ${typeof value}` : visible(json);
  } catch {
    return `a ${typeof value}`; // a cycle, or a getter that throws: never the rule's crash
  }
}

/**
 * `text` with every control, format (zero-width, bidi) and line-separator character written as a
 * `\uXXXX` escape, cut after `max` characters with the length said. For every value that reaches a
 * terminal from a file, Terraform, an HTTP response or the identity provider.
 */
export function visible(text: string, max = MAX_SHOWN_LENGTH): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  // eslint-disable-next-line no-control-regex
  const escaped = cut.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > max ? `${escaped}… (${text.length} characters)` : escaped;
}

/**
 * One violation. Its message is always `<field> <problem>`, so a caller that knows the field by
 * another name (the config file's key) renders `<its key> <problem>` from the data, never by
 * rewriting text.
 */
export function violation(code: SsoErrorCode, field: string, value: unknown, problem: string): Violation {
  return { code, field, value, problem, message: field === '' ? problem : `${field} ${problem}` };
}

/** `[violation(...)]` when `failed`, else none: the common one-check rule body. */
export function unless(ok: boolean, code: SsoErrorCode, field: string, value: unknown, problem: () => string): Violation[] {
  return ok ? [] : [violation(code, field, value, problem())];
}

/** The violations of `field` re-rooted under `prefix` (`groups[1]` + `roles[0]` → `groups[1].roles[0]`). */
export function under(prefix: string, violations: Violation[]): Violation[] {
  return violations.map((v) => violation(v.code, join(prefix, v.field), v.value, v.problem));
}

/** `a` + `.b`, `a` + `[0]`, or either alone when the other is empty. */
export function join(prefix: string, field: string): string {
  if (prefix === '') return field;
  if (field === '') return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/** Throws one {@link SsoConfigError} listing every violation, when there are any. */
export function throwIfAny(header: string, violations: Violation[]): void {
  if (violations.length === 0) return;
  const first = violations[0];
  const message =
    violations.length === 1
      ? `${header}: ${SsoConfigError.withCode(first.message, first.code)}`
      : `${header}: ${violations.length} problems:\n${violations.map((v) => `  - ${SsoConfigError.withCode(v.message, v.code)}`).join('\n')}`;
  throw new SsoConfigError(first.code, first.field, first.value, message, violations.map((v) => ({ ...v })));
}

/** True for a non-null object that is not an array (a props object or a list item). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value's kind as a message names it: `a number`, `an array`, `null`, `an object`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? 'an object' : `a ${type}`;
}

/**
 * The problems of a value that must be a string (a string token passes): none for a string,
 * VALUE_REQUIRED when it is missing (`undefined` or `null`), VALUE_TYPE_INVALID otherwise. `what`
 * completes "must be …", e.g. `an Okta group ID`.
 */
export function stringProblems(value: unknown, field: string, what: string): Violation[] {
  if (typeof value === 'string') return [];
  if (value === undefined || value === null) return [violation(SsoErrorCode.VALUE_REQUIRED, field, value, `is required: ${what}, got ${show(value)}`)];
  return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, value, `must be ${what}, got ${kindOf(value)} ${show(value)}`)];
}

/** {@link stringProblems} for an optional prop: `undefined` is fine, `null` and other types are not. */
export function optionalStringProblems(value: unknown, field: string, what: string): Violation[] {
  if (value === undefined || typeof value === 'string') return [];
  return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, value, `must be ${what} or left out, got ${kindOf(value)} ${show(value)}`)];
}

/**
 * The problems of a value that must be a list (a list token passes): none for an array,
 * VALUE_REQUIRED when missing, VALUE_TYPE_INVALID otherwise.
 */
export function listProblems(value: unknown, field: string, what: string): Violation[] {
  if (Array.isArray(value)) return [];
  if (value === undefined || value === null) return [violation(SsoErrorCode.VALUE_REQUIRED, field, value, `is required: ${what}, got ${show(value)}`)];
  return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, value, `must be ${what}, got ${kindOf(value)} ${show(value)}`)];
}

/**
 * The problems of a props object or list item that must be an object: none for one,
 * VALUE_REQUIRED when missing, VALUE_TYPE_INVALID otherwise.
 */
export function recordProblems(value: unknown, field: string, what: string): Violation[] {
  if (isRecord(value)) return [];
  if (value === undefined || value === null) return [violation(SsoErrorCode.VALUE_REQUIRED, field, value, `is required: ${what}, got ${show(value)}`)];
  return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, value, `must be ${what}, got ${kindOf(value)} ${show(value)}`)];
}

/**
 * Throws the violations, when there are any, as one {@link SsoConfigError}: one violation as its own
 * message (`<field> <problem> [CODE]`, no header), several under `header`.
 */
export function throwEach(violations: Violation[], header = 'Invalid input'): void {
  if (violations.length === 1) {
    const v = violations[0];
    throw new SsoConfigError(v.code, v.field, v.value, v.message);
  }
  throwIfAny(header, violations);
}

/**
 * The problems of an optional value that must be one of `values` (an enum's): none when it is one or
 * left out, VALUE_TYPE_INVALID otherwise (`null` included), naming what is accepted.
 */
export function optionalEnumProblems(value: unknown, field: string, values: readonly string[]): Violation[] {
  if (value === undefined || values.includes(value as string)) return [];
  return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, value, `must be one of ${values.map((v) => `'${v}'`).join(', ')}, got ${show(value)}`)];
}
