/** Which kind of Salesforce app carries the SAML settings. */
export enum SalesforceAppType {
  /**
   * An External Client App (ExternalClientApplication + ExtlClntAppConfigurablePolicies +
   * ExtlClntAppSamlConfigurablePolicies, API 63.0+). The default: since Spring '26 new Connected Apps
   * cannot be created, through the Metadata API either (Salesforce Help 005228017).
   */
  EXTERNAL_CLIENT_APP = 'ExternalClientApplication',
  /** A Connected App with `samlConfig`, for an org that keeps one it already has. */
  CONNECTED_APP = 'ConnectedApp',
}

/** Which of the org's IdP endpoints Twilio sends the AuthnRequest to. */
export enum SalesforceSsoBinding {
  /** `/idp/endpoint/HttpRedirect` (Twilio's Salesforce guides). */
  HTTP_REDIRECT = 'HttpRedirect',
  /** `/idp/endpoint/HttpPost`. */
  HTTP_POST = 'HttpPost',
}

/** How {@link SalesforceTwilioSso.addDeployment} runs the Salesforce CLI. */
export interface SalesforceDeployOptions {
  /** The org to deploy to: an alias or username already authorised with `sf org login …`. */
  readonly targetOrg: string;
  /**
   * Run `sf` from PATH instead of a pinned `@salesforce/cli` through npx.
   * @default false
   */
  readonly useSfOnPath?: boolean;
  /**
   * The `@salesforce/cli` version npx runs (ignored with `useSfOnPath`).
   * @default SalesforceTwilioSso.DEFAULT_CLI_VERSION ('2.150.6')
   */
  readonly cliVersion?: string;
}
