/**
 * The one error type the library throws for bad input. It carries a stable `code` (tests and
 * callers match on it) and the `field` that was wrong, so a config loader can point at the path.
 */
export class SsoConfigError extends Error {
  /** Stable identifier of the rule that failed, e.g. `FLEX_CONNECTION_SID_INVALID`. */
  public readonly code: string;
  /** The input field that holds the offending value, e.g. `connectionSid`. */
  public readonly field: string;
  /** Every rule broken, when one error reports several (the first gives `code` and `field`). */
  public readonly violations: Violation[];

  constructor(code: string, field: string, message: string, violations?: Violation[]) {
    super(message);
    this.name = 'SsoConfigError';
    this.code = code;
    this.field = field;
    this.violations = violations ?? [{ code, field, message }];
  }
}

/** One rule broken by one input. */
export interface Violation {
  /** Stable rule identifier. */
  readonly code: string;
  /** The field that holds the offending value. */
  readonly field: string;
  /** Human-readable explanation naming the value and what is accepted. */
  readonly message: string;
}

/**
 * Collects every violation for one input and throws once (aws-cdk's `validateBucketName` habit):
 * a user fixing a config sees all of its problems in one run, not one per run.
 */
export class Violations {
  private readonly items: Violation[] = [];

  /** Records a violation. */
  public add(code: string, field: string, message: string): void {
    this.items.push({ code, field, message });
  }

  /** Runs `check` and records what it throws as a violation instead of stopping. */
  public capture(check: () => void): void {
    try {
      check();
    } catch (e) {
      if (!(e instanceof SsoConfigError)) throw e;
      this.items.push(...e.violations);
    }
  }

  /** True when nothing was recorded. */
  public get isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** Throws one `SsoConfigError` listing every violation, if there are any. */
  public throwIfAny(header: string): void {
    if (this.items.length === 0) return;
    const first = this.items[0];
    const message =
      this.items.length === 1
        ? `${header}: ${first.message}`
        : `${header}: ${this.items.length} problems:\n${this.items.map((v) => `  - ${v.message}`).join('\n')}`;
    throw new SsoConfigError(first.code, first.field, message, [...this.items]);
  }
}

/** Shows a received value in an error message exactly as it was given. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/**
 * Runs `fn` and rethrows any `SsoConfigError` with `prefix` put before the field of each violation,
 * so an error from a nested input (a config file's `targets[2].okta`) names the full path to each
 * bad value. The message becomes the list of prefixed violations.
 */
export function withFieldPrefix<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof SsoConfigError)) throw e;
    const violations = e.violations.map((v) => {
      const field = v.field ? `${prefix}.${v.field}` : prefix;
      const message = v.field && v.message.startsWith(v.field) ? field + v.message.slice(v.field.length) : `${field}: ${v.message}`;
      return { code: v.code, field, message };
    });
    const message = violations.length === 1 ? violations[0].message : violations.map((v) => `- ${v.message}`).join('\n');
    throw new SsoConfigError(violations[0].code, violations[0].field, message, violations);
  }
}
