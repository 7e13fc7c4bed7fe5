// What `twilio-sso init` writes: a commented config with one target per identity provider and product
// asked for. Every value only the user knows is a placeholder that `validate` rejects, and the message
// it prints quotes the placeholder, which says what to fill in. Lines that validation cannot catch
// (an Okta group ID is any string) are written as comments to uncomment, never as placeholders that
// would pass. No relative paths: nothing breaks when the file moves (the `$schema` line is for editors
// only). flexLegacy is never offered: Twilio's migration deadline for legacy Flex SSO has passed.

/** The identity providers `init` writes a block for, in the order the config documents them. */
export const INIT_IDPS = ['okta', 'entra', 'salesforce', 'keycloak'] as const;
/** An identity provider `init` knows. */
export type InitIdp = (typeof INIT_IDPS)[number];
/** The Twilio products `init` writes a target for (enhanced Flex SSO and Frontline). */
export const INIT_PRODUCTS = ['flex', 'frontline'] as const;
/** A product `init` knows. */
export type InitProduct = (typeof INIT_PRODUCTS)[number];

/** What `init` is asked for. */
export interface InitChoices {
  /** One target per identity provider and product, in this order. */
  readonly idps: readonly InitIdp[];
  /** The products of every identity provider. */
  readonly products: readonly InitProduct[];
  /** The `yaml-language-server` schema reference (a path relative to the config file, or a URL). */
  readonly schemaRef: string;
}

const fillIn = (what: string): string => JSON.stringify(`<fill in: ${what}>`);

function twilioBlock(product: InitProduct): string[] {
  return product === 'flex'
    ? [
        '    twilio:',
        '      flexEnhanced:                # enhanced Flex SSO (legacy SSO is past its migration deadline: docs/adopt.md)',
        `        connectionSid: ${fillIn('the JQ… connection SID, Twilio Console → Flex → Single sign-on')}`,
        '        # runtimeDomain: example-owl-1234.twil.io   # optional: adds default_redirect_url, the Flex login link',
      ]
    : ['    twilio:', '      frontline:', `        realmSid: ${fillIn('the JB… realm SID from the Frontline SSO page of the Twilio Console')}`];
}

function idpBlock(idp: InitIdp): string[] {
  switch (idp) {
    case 'okta':
      return [
        '    okta:                          # credentials: OKTA_API_TOKEN (or OAuth), never in this file',
        `      orgName: ${fillIn('your Okta org name, acme for acme.okta.com')}`,
        '      baseUrl: okta.com            # or okta-emea.com, oktapreview.com',
        '      # groups:                    # who signs in with which roles: Okta group IDs (00g…), not names',
        '      #   - id: 00g1abcdefghijklmno',
        '      #     roles: [agent]',
      ];
    case 'entra':
      return [
        '    entra:                         # credentials: ARM_CLIENT_ID + ARM_CLIENT_SECRET (or OIDC), never in this file',
        `      tenantId: ${fillIn('your directory (tenant) ID, a UUID from the Entra admin center')}`,
        '      # groups:                    # who signs in with which roles: group object IDs (UUIDs), not names',
        '      #   - id: 6f0e3d1a-0000-4000-8000-000000000001',
        '      #     roles: [agent]',
      ];
    case 'salesforce':
      return [
        '    salesforce:                    # writes a Salesforce DX project to deploy (docs/salesforce.md)',
        `      myDomain: ${fillIn('your lowercase My Domain, acme for acme.my.salesforce.com')}`,
        `      certificateFile: ${fillIn('the absolute path of the certificate from Setup → Certificate and Key Management (never the key)')}`,
        '      roles: [agent]               # the roles every user of the app gets',
        '      # profiles: [Twilio Flex Agent]   # who may use the app: profile names as Setup shows them',
      ];
    case 'keycloak':
      return [
        '    keycloak:                      # credentials: KEYCLOAK_CLIENT_ID + KEYCLOAK_CLIENT_SECRET, never in this file',
        `      url: ${fillIn("your Keycloak's https URL, such as https://sso.example.com")}`,
        `      realm: ${fillIn('the realm name, the part after /realms/ in its URLs')}`,
        '      # groups:                    # who signs in with which roles: Keycloak group IDs',
        '      #   - id: 2b4a7c1e-0000-4000-8000-000000000001',
        '      #     roles: [agent]',
      ];
  }
}

/** The config file `init` writes for `choices`. */
export function initConfigText(choices: InitChoices): string {
  const lines = [
    `# yaml-language-server: $schema=${choices.schemaRef}`,
    '# twilio-sso config, written by `twilio-sso init`. One entry under `targets` = one Terraform stack.',
    '# Replace every "<fill in: …>" (`npx twilio-sso validate` lists what is left, with line numbers),',
    '# then `npx twilio-sso synth`. No secrets belong here: credentials come from the identity',
    "# provider's environment variables (README: Deploy for real).",
    'defaults:',
    '  backend:                         # each target keeps its own state; a pipeline wants a remote backend:',
    '    local:                         # s3: { bucket, region, key: "twilio-sso/{target}.tfstate" } or azurerm or cloud',
    '      path: "terraform.{target}.tfstate"',
    '',
    'targets:',
  ];
  for (const idp of choices.idps) {
    for (const product of choices.products) {
      lines.push(`  - name: ${product}-${idp}`, ...twilioBlock(product), ...idpBlock(idp), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
