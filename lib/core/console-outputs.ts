import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { SsoErrorCode, TwilioProduct, TwilioTarget, Violation } from '../twilio';
import { isRecord, kindOf, optionalStringProblems, recordProblems, show, throwIfAny, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import { ITwilioSsoApp } from './console-values';
import { literal } from './literal';

/** Props for {@link TwilioConsoleOutputs}. */
export interface TwilioConsoleOutputsProps {
  /** The identity-provider app whose values the Console needs. */
  readonly app: ITwilioSsoApp;
  /**
   * Prefix for every output name, for stacks that hold several apps (e.g. `emea_`).
   * @default '' (plain Console field names, as in the ready-made stacks)
   */
  readonly prefix?: string;
}

/** The Console field each output fills, per product; the output name is the field in snake_case. */
const FIELD_NAMES: Record<TwilioProduct, { issuer: string; ssoUrl: string; certificate: string }> = {
  [TwilioProduct.FLEX]: { issuer: 'identity_provider_issuer', ssoUrl: 'single_sign_on_url', certificate: 'x509_certificate' },
  [TwilioProduct.FRONTLINE]: { issuer: 'identity_provider_issuer', ssoUrl: 'sso_url', certificate: 'x509_certificate' },
  // The Console's SSO profile asks for the same three values as Flex
  // (https://www.twilio.com/docs/iam/single-sign-on/configuring-sso-with-other-saml2-idp).
  [TwilioProduct.CONSOLE]: { issuer: 'identity_provider_issuer', ssoUrl: 'single_sign_on_url', certificate: 'x509_certificate' },
  // SendGrid's SSO settings: "SAML Issuer ID", "Embed Link", "X509 Certificate"
  // (https://www.twilio.com/docs/sendgrid/ui/account-and-settings/sso).
  [TwilioProduct.SENDGRID]: { issuer: 'saml_issuer_id', ssoUrl: 'embed_link', certificate: 'x509_certificate' },
  // Segment's SAML 2.0 connection: "SAML 2.0 Endpoint URL", "Public Certificate" (Microsoft Learn,
  // "Tutorial: Microsoft Entra SSO integration with Segment", Configure Segment SSO).
  [TwilioProduct.SEGMENT]: { issuer: 'identity_provider_issuer', ssoUrl: 'saml_2_0_endpoint_url', certificate: 'public_certificate' },
};

/**
 * What a prefix may be so that every output name is one Terraform takes: letters, digits, `_` and `-`,
 * not starting with a digit (developer.hashicorp.com/terraform/language/syntax/configuration#identifiers).
 */
const PREFIX = /^([A-Za-z_][A-Za-z0-9_-]*)?$/;

/** The problems of {@link TwilioConsoleOutputsProps}: no app, an object that is not one, a prefix Terraform refuses. */
function consoleOutputsProblems(props: unknown): Violation[] {
  const shape = recordProblems(props, 'props', 'props { app, prefix? }');
  if (shape.length > 0 || !isRecord(props)) return shape;
  const out: Violation[] = [];
  const app = props.app;
  const what = 'an identity-provider construct of this library (OktaTwilioSso, EntraTwilioSso, …)';
  if (app === undefined || app === null) {
    out.push(violation(SsoErrorCode.VALUE_REQUIRED, 'app', app, `is required: ${what}, got ${show(app)}`));
  } else if (!isRecord(app) || !(app.target instanceof TwilioTarget) || !('consoleValues' in app)) {
    out.push(violation(SsoErrorCode.VALUE_TYPE_INVALID, 'app', app, `must be ${what}, got ${kindOf(app)}`));
  }
  const prefix = props.prefix;
  const type = optionalStringProblems(prefix, 'prefix', 'a prefix for the output names');
  out.push(...type);
  if (type.length === 0 && typeof prefix === 'string' && (isUnresolved(prefix) || !PREFIX.test(prefix))) {
    out.push(
      violation(
        SsoErrorCode.OUTPUT_PREFIX_INVALID,
        'prefix',
        prefix,
        `must make Terraform output names: letters, digits, '_' and '-', not starting with a digit (e.g. 'emea_'), got ${show(prefix)}`,
      ),
    );
  }
  return out;
}

/**
 * Terraform outputs named after the Twilio Console fields they fill, so `cdktf output` (or
 * `terraform output`) prints exactly what to paste where. See the README's mapping table.
 */
export class TwilioConsoleOutputs extends Construct {
  /** The output names declared, in declaration order. */
  public readonly outputNames: string[] = [];

  constructor(scope: Construct, id: string, props: TwilioConsoleOutputsProps) {
    throwIfAny('Invalid Twilio Console outputs', consoleOutputsProblems(props));
    super(scope, id);
    const prefix = props.prefix ?? '';
    const { target, consoleValues, certificateExpiryWarningDays } = props.app;
    const names = FIELD_NAMES[target.product];
    const add = (name: string, value: string | number | undefined, description: string): void => {
      if (value === undefined) return;
      const output = new TerraformOutput(this, name, { value, description });
      output.overrideLogicalId(`${prefix}${name}`);
      this.outputNames.push(`${prefix}${name}`);
    };
    add(names.issuer, consoleValues.issuer, 'Twilio Console: Identity Provider Issuer');
    add(names.ssoUrl, consoleValues.ssoUrl, 'Twilio Console: Single Sign-On URL');
    add(names.certificate, consoleValues.certificatePem, 'Twilio Console: X.509 Certificate (full PEM)');
    add('x509_certificate_expires_at', consoleValues.certificateExpiresAt, 'When the X.509 certificate expires: rotate before then');
    add('x509_certificate_expiry_warning_days', certificateExpiryWarningDays, 'Days before the end from which `twilio-sso console` and `verify` report the certificate as expiring');
    add('idp_metadata_url', consoleValues.metadataUrl, 'The identity provider SAML metadata (to check the values above)');
    // The target's strings as given (the identity provider's values above are Terraform-ready already).
    const given = literal({ loginUrl: target.loginUrl, entityId: target.entityId, acsUrl: target.acsUrl });
    add('default_redirect_url', given.loginUrl, 'Twilio Console: Default Redirect URL (the Flex login link)');
    add('sp_entity_id', given.entityId, 'Twilio service provider Entity ID the app was configured with');
    add('sp_acs_url', given.acsUrl, 'Twilio service provider ACS URL the app was configured with');
  }
}
