import { Command } from 'commander';
import { CommandContext, EXIT_CODES_HELP, JSON_FORMAT_VERSION, formatOption, json, nowOf } from '../context';
import { EXIT } from '../errors';
import type * as SheetModule from '../console/sheet';
import type * as TerraformModule from '../io/terraform';

/* eslint-disable @typescript-eslint/no-require-imports */
const sheetModule = (): typeof SheetModule => require('../console/sheet');
const terraform = (): typeof TerraformModule => require('../io/terraform');

/** Options of `twilio-sso console`. */
interface ConsoleOptions {
  output?: string;
  binary?: string;
  prefix: string;
  format: string;
}

/** `twilio-sso console <target>`: the Twilio Console sheet of an applied target. */
export function consoleCommand(ctx: CommandContext): Command {
  return new Command('console')
    .description("print the Twilio Console sheet of an applied target: each Console field and the value to paste, and the certificate's subject, fingerprints and expiry")
    .argument('<target>', 'the target (stack) name, as in the config')
    .option('-o, --output <dir>', 'the synth output directory holding stacks/<target> (default: $CDKTF_OUTDIR, else cdktf.out)')
    .option('--binary <terraform|tofu|path>', 'the Terraform CLI that reads the outputs (default: terraform, else tofu, on PATH)')
    .option('--prefix <prefix>', 'output-name prefix, for a stack with several apps (TwilioConsoleOutputs prefix)', '')
    .addOption(formatOption())
    .addHelpText(
      'after',
      `
Reads "<binary> output -json" in <output>/stacks/<target> (after terraform apply / cdktf deploy). Only the
Console outputs are shown; an output Terraform marks sensitive never is. A certificate that expires within
x509_certificate_expiry_warning_days (output; default 30) days gets a warning (exit code stays 0).
${EXIT_CODES_HELP}`,
    )
    .action((target: string, opts: ConsoleOptions) => runConsole(ctx, target, opts));
}

function runConsole({ io, result }: CommandContext, target: string, opts: ConsoleOptions): void {
  if (opts.format === 'json') result.jsonError = { version: JSON_FORMAT_VERSION, target };
  const outputs = terraform().readStackOutputs(io, target, opts);
  const sheets = sheetModule();
  const sheet = sheets.consoleSheet(target, outputs, { prefix: opts.prefix, now: nowOf(io) });
  io.stdout.write(opts.format === 'json' ? json(sheet) : sheets.formatConsoleSheet(sheet));
  result.code = EXIT.OK;
}
