/**
 * True when a value is a placeholder for something Terraform only knows at apply time (a CDKTF token
 * such as a `TerraformVariable`'s value or a resource attribute): a string holding a string token, or
 * a list holding a list token. Such values are passed through unvalidated, like aws-cdk does with
 * `Token.isUnresolved`. Detected by CDKTF's token markers so that this model stays free of any
 * `cdktf` import (it is unit-tested without a stack). Internal: not in the public index.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${TfToken[');
  if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' && value[0].includes('#{TfToken[');
  return false;
}
