// Internal: the token issuance policy's JSON. Not in the public index.

/** XML-DSig URI of RSA-SHA256 (Entra's `SigningAlgorithm` value for SHA-256). */
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/**
 * The token issuance policy definition that makes Entra sign both the SAML response and the
 * assertion with RSA-SHA256 (Microsoft Graph `tokenIssuancePolicy`,
 * https://learn.microsoft.com/graph/api/resources/tokenissuancepolicy: `TokenResponseSigningPolicy`
 * `ResponseAndToken`; Entra's default, `TokenOnly`, signs only the assertion, and Twilio's Entra guide
 * asks for "Sign SAML response and assertion" with SHA-256:
 * https://www.twilio.com/docs/flex/sso-configuration/azure-ad). SAML 2.0 tokens. Returned as the one
 * JSON string `definition` holds.
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
