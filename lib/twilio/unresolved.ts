/**
 * Whether a value is a placeholder for something Terraform only knows at apply time (a CDKTF token:
 * a `TerraformVariable`'s value, a resource attribute) — a string, number or list token. Such values
 * are passed through unvalidated, as aws-cdk does with `Token.isUnresolved`.
 *
 * The answer is cdktf's own `Token.isUnresolved`, registered by `lib/core` when it loads (every
 * identity-provider construct loads it). This model imports nothing from cdktf, so that it is
 * unit-tested and usable without a stack; until `lib/core` has loaded, string and list tokens are
 * recognised by cdktf's markers (a number token can only come from cdktf, whose `Token` then is
 * registered as soon as any construct of this library is loaded). Internal: not in the public index.
 */
export function isUnresolved(value: unknown): boolean {
  return recognise(value);
}

let recognise: (value: unknown) => boolean = (value) => {
  if (typeof value === 'string') return value.includes('${TfToken[');
  if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && v.includes('#{TfToken['));
  return false;
};

/** Makes {@link isUnresolved} answer with `fn` (cdktf's `Token.isUnresolved`); called once by `lib/core`. */
export function recogniseTokensWith(fn: (value: unknown) => boolean): void {
  recognise = fn;
}
