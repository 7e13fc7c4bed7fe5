import { Token } from 'cdktf';

/**
 * Escapes Terraform template sequences in a literal string. CDKTF writes strings into JSON as-is and
 * Terraform then reads `${…}` and `%{…}` as interpolation, so an Okta template `${user.userName}`
 * must reach Terraform as `$${user.userName}` (okta provider issue #1291 shows the unescaped form
 * failing). Unresolved CDKTF tokens are left alone: they are Terraform references on purpose.
 */
export function escapeTerraformTemplate(value: string): string {
  if (Token.isUnresolved(value)) return value;
  // A replacer function, not a string: in a replacement string `$$` would collapse to `$`.
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
