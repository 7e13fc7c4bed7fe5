/**
 * True when a string is a placeholder for a value Terraform only knows at apply time (a CDKTF token
 * such as a `TerraformVariable`'s value). Such values are passed through unvalidated, like aws-cdk
 * does with `Token.isUnresolved`. Detected by CDKTF's string-token marker so that this model stays
 * free of any `cdktf` import (it is unit-tested without a stack).
 */
export function isUnresolved(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${TfToken[');
}
