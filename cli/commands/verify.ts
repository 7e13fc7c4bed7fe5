import { Command } from 'commander';
import { CommandContext, EXIT_CODES_HELP, JSON_FORMAT_VERSION, formatOption, json, nowOf } from '../context';
import { EXIT, usageError } from '../errors';
import type * as MetadataModule from '../saml/metadata';
import type * as MetadataSourceModule from '../io/metadata-source';
import type * as TerraformModule from '../io/terraform';
import type * as ChecksModule from '../verify/checks';

/* eslint-disable @typescript-eslint/no-require-imports */
const metadataModule = (): typeof MetadataModule => require('../saml/metadata');
const metadataSource = (): typeof MetadataSourceModule => require('../io/metadata-source');
const terraform = (): typeof TerraformModule => require('../io/terraform');
const checks = (): typeof ChecksModule => require('../verify/checks');

/** Options of `twilio-sso verify`. */
interface VerifyOptions {
  metadata?: string;
  output?: string;
  binary?: string;
  prefix: string;
  timeout: string;
  format: string;
}

/** `twilio-sso verify <target>`: the IdP's published metadata against what Twilio was given. */
export function verifyCommand(ctx: CommandContext): Command {
  return new Command('verify')
    .description("check what the identity provider publishes (its SAML metadata) against what Twilio was given (the stack's outputs)")
    .argument('<target>', 'the target (stack) name, as in the config')
    .option('-m, --metadata <url|file>', "the IdP metadata to check (default: the stack's idp_metadata_url output)")
    .option('-o, --output <dir>', 'the synth output directory holding stacks/<target> (default: $CDKTF_OUTDIR, else cdktf.out)')
    .option('--binary <terraform|tofu|path>', 'the Terraform CLI that reads the outputs (default: terraform, else tofu, on PATH)')
    .option('--prefix <prefix>', 'output-name prefix, for a stack with several apps', '')
    .option('--timeout <seconds>', 'how long to wait for the metadata URL', '20')
    .addOption(formatOption())
    .addHelpText(
      'after',
      `
Checks: saml2 (the IdP supports SAML 2.0); issuer (= the metadata's entityID); sso-url (= a
SingleSignOnService with the HTTP-Redirect or HTTP-POST binding); certificate (= a published signing
certificate); certificate-expiry (not expired, not within the warning window). Each mismatch shows both
values. JSON (--format json): {"version":1,"target","metadataSource","ok","checks":[{"id","ok","message",
"stack"?,"metadata"?}]}.
${EXIT_CODES_HELP}`,
    )
    .action((target: string, opts: VerifyOptions) => runVerify(ctx, target, opts));
}

async function runVerify({ io, result }: CommandContext, target: string, opts: VerifyOptions): Promise<void> {
  if (opts.format === 'json') result.jsonError = { version: JSON_FORMAT_VERSION, target, ok: false };
  const timeout = Number(opts.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw usageError(`--timeout must be a number of seconds, got '${opts.timeout}'`);
  const outputs = terraform().readStackOutputs(io, target, opts);
  const source =
    opts.metadata ??
    (() => {
      const o = outputs[`${opts.prefix}idp_metadata_url`];
      if (!o || o.sensitive || typeof o.value !== 'string' || o.value === '') {
        throw usageError(`the stack '${target}' has no ${opts.prefix}idp_metadata_url output: pass --metadata <url|file>`);
      }
      return o.value;
    })();
  const bytes = await metadataSource().readMetadata(source, timeout * 1000);
  const issuer = outputs[`${opts.prefix}identity_provider_issuer`]?.value;
  const v = checks();
  let report: ChecksModule.VerifyReport;
  try {
    const metadata = metadataModule().parseIdpMetadata(bytes, typeof issuer === 'string' ? issuer : undefined);
    report = v.verifyAgainstMetadata(target, outputs, metadata, { prefix: opts.prefix, now: nowOf(io), metadataSource: source });
  } catch (e) {
    if (!(e instanceof metadataModule().MetadataFormatError)) throw e;
    report = { version: 1, target, metadataSource: source, ok: false, checks: [{ id: 'metadata', ok: false, message: `the identity provider's metadata cannot be used: ${e.message}` }] };
  }
  io.stdout.write(opts.format === 'json' ? json(report) : v.formatVerifyReport(report));
  result.code = report.ok ? EXIT.OK : EXIT.PROBLEMS;
}
