import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { pemFromBase64 } from '../core/pem';
import { EntraTwilioSso } from './entra-twilio-sso';

/** Props for {@link EntraConsoleOutputs}. */
export interface EntraConsoleOutputsProps {
  /** The Entra app. */
  readonly app: EntraTwilioSso;
  /**
   * Prefix for every output name, for stacks that hold several apps (e.g. `emea_`).
   * @default '' (plain names, as in the ready-made stacks)
   */
  readonly prefix?: string;
}

/**
 * The Entra-specific Terraform outputs that complement {@link TwilioConsoleOutputs} (which already
 * gives the issuer, SSO URL, PEM certificate, its end date and the metadata URL): the active
 * certificate as Base64 and its thumbprint, and for each staged (inactive) certificate the PEM,
 * thumbprint and end date, to hand to Twilio before activating it (docs/entra.md, "Certificate
 * rotation").
 */
export class EntraConsoleOutputs extends Construct {
  /** The output names declared, in declaration order. */
  public readonly outputNames: string[] = [];

  constructor(scope: Construct, id: string, props: EntraConsoleOutputsProps) {
    super(scope, id);
    const prefix = props.prefix ?? '';
    const app = props.app;
    const add = (name: string, value: string, description: string): void => {
      const output = new TerraformOutput(this, name, { value, description });
      output.overrideLogicalId(`${prefix}${name}`);
      this.outputNames.push(`${prefix}${name}`);
    };
    add('x509_certificate_base64', app.certificateBase64, 'Twilio Console: X.509 Certificate as Base64 without BEGIN/END lines (Entra: Certificate (Base64))');
    add('x509_certificate_thumbprint', app.certificateThumbprint, `Thumbprint of the active signing certificate '${app.activeCertificateName}'`);
    add('entra_active_certificate', app.activeCertificateName, 'Name of the certificate Entra signs with');
    for (const c of app.signingCertificates) {
      if (c.name === app.activeCertificateName) continue;
      add(`staged_x509_certificate_${c.name}`, pemFromBase64(c.resource.value), `Staged (inactive) certificate '${c.name}': paste into the Twilio Console X.509 Certificate, then make it activeCertificate`);
      add(`staged_x509_certificate_${c.name}_thumbprint`, c.resource.thumbprint, `Thumbprint of staged certificate '${c.name}'`);
      add(`staged_x509_certificate_${c.name}_expires_at`, c.resource.endDate, `End date of staged certificate '${c.name}'`);
    }
  }
}
