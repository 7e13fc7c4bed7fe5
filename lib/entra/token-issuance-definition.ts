/** XML-DSig URI of RSA-SHA256 (Entra's `SigningAlgorithm` value for SHA-256). */
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/**
 * The token issuance policy definition that makes Entra sign both the SAML response and the
 * assertion with RSA-SHA256 (Microsoft Graph `tokenIssuancePolicy`,
 * https://learn.microsoft.com/graph/api/resources/tokenissuancepolicy: `TokenResponseSigningPolicy`
 * `ResponseAndToken`; Entra's default, `TokenOnly`, signs only the assertion, and Twilio wants both:
 * facts file, section 1.3). SAML 2.0 tokens. Returned as the one JSON string `definition` holds.
 */
export function tokenIssuanceDefinition(): string {
  return JSON.stringify({
    TokenIssuancePolicy: {
      Version: 1,
      SigningAlgorithm: RSA_SHA256,
      TokenResponseSigningPolicy: 'ResponseAndToken',
      SamlTokenVersion: '2.0',
    },
  });
}
