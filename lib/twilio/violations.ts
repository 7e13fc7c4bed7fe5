import { SsoConfigError, SsoErrorCode, Violation } from './errors';

// Internal to the library (not in the public index): how every construct collects its problems.

/**
 * Collects every violation for one input and throws once (aws-cdk's `validateBucketName` habit): a
 * user fixing a config sees all of its problems in one run, not one per run.
 */
export class Violations {
  private readonly items: Violation[] = [];

  /** Records a violation. */
  public add(code: SsoErrorCode, field: string, value: unknown, message: string): void {
    const problem = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
    this.items.push({ code, field, value, problem, message });
  }

  /** Records violations found by rules. */
  public addAll(violations: Violation[]): void {
    this.items.push(...violations.map((v) => ({ ...v })));
  }

  /** Runs `check` and records what it throws as violations instead of stopping. */
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
        ? `${header}: ${SsoConfigError.withCode(first.message, first.code)}`
        : `${header}: ${this.items.length} problems:\n${this.items.map((v) => `  - ${SsoConfigError.withCode(v.message, v.code)}`).join('\n')}`;
    throw new SsoConfigError(first.code, first.field, first.value, message, [...this.items]);
  }
}

/**
 * The violations `check` throws as an {@link SsoConfigError}, as data (copies); none when it passes.
 * Any other error propagates. Behind each construct's static `findProblems`.
 */
export function violationsOf(check: () => unknown): Violation[] {
  try {
    check();
    return [];
  } catch (e) {
    if (!(e instanceof SsoConfigError)) throw e;
    return e.violations.map((v) => ({ ...v }));
  }
}

/** Shows a received value in an error message exactly as it was given. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}
