import { Fn, Token } from 'cdktf';

/**
 * A full PEM certificate from a base64 DER body (what Okta and Entra export), wrapped at 64
 * characters as RFC 7468 requires. Works on Terraform tokens: the wrapping is done by Terraform.
 */
export function pemFromBase64(body: string): string {
  const lines = Token.isUnresolved(body) ? Fn.join('\n', Fn.regexall('.{1,64}', body)) : (body.match(/.{1,64}/g) ?? []).join('\n');
  return `-----BEGIN CERTIFICATE-----\n${lines}\n-----END CERTIFICATE-----\n`;
}
