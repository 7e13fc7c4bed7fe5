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
    this.items.push({ code, field, value, message });
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

/**
 * Runs `fn` and rethrows any `SsoConfigError` with `prefix` put before the field of each violation,
 * so an error from a nested input (a config file's `targets[2].okta`) names the full path to each
 * bad value. `rename` maps a construct prop to the config key the user wrote (e.g. `serverUrl` to
 * `url`), segment by segment of the field path, so messages name what is in the file. The message becomes the list of prefixed violations.
 */
export function withFieldPrefix<T>(prefix: string, fn: () => T, rename: Record<string, string> = {}): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof SsoConfigError)) throw e;
    const violations = e.violations.map((v) => {
      const local = v.field
        .split('.')
        .map((segment) => segment.replace(/^[A-Za-z]+/, (name) => rename[name] ?? name))
        .join('.');
      const field = local ? `${prefix}.${local}` : prefix;
      const message = v.field && v.message.startsWith(v.field) ? field + v.message.slice(v.field.length) : `${field}: ${v.message}`;
      return { code: v.code, field, value: v.value, message };
    });
    const message =
      violations.length === 1
        ? SsoConfigError.withCode(violations[0].message, violations[0].code)
        : violations.map((v) => `- ${SsoConfigError.withCode(v.message, v.code)}`).join('\n');
    throw new SsoConfigError(violations[0].code, violations[0].field, violations[0].value, message, violations);
  }
}
