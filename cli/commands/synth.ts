import { Command } from 'commander';
import { CommandContext, EXIT_CODES_HELP, JSON_FORMAT_VERSION, formatOption, json } from '../context';
import { EXIT, ioError } from '../errors';
import { DEFAULT_CONFIG, configPathOf, outdirOf, runByCdktfCli } from '../io/invocation';
import type * as ProblemsModule from '../../stacks/config/config-problems';
import type * as CheckModule from '../../stacks/config/check-config';
import type * as SynthesizeModule from '../synthesize';

/* eslint-disable @typescript-eslint/no-require-imports */
const synthesizeModule = (): typeof SynthesizeModule => require('../synthesize');
const problems = (): typeof ProblemsModule => require('../../stacks/config/config-problems');
const check = (): typeof CheckModule => require('../../stacks/config/check-config');

/** Options of `twilio-sso synth`. */
interface SynthOptions {
  config?: string;
  output?: string;
  format: string;
}

/** `twilio-sso synth`: validates as `validate` does, then writes one Terraform stack per target, all or nothing. */
export function synthCommand(ctx: CommandContext): Command {
  return new Command('synth')
    .description('validate the config as `validate` does, then write one Terraform stack per target (nothing is written if anything is wrong)')
    .option('-c, --config <file>', `config file (default: $TWILIO_SSO_CONFIG, else ${DEFAULT_CONFIG})`)
    .option('-o, --output <dir>', 'output directory (default: $CDKTF_OUTDIR, else cdktf.out); stacks go to <dir>/stacks/<target>')
    .addOption(formatOption())
    .addHelpText(
      'after',
      `
Text: problems, warnings and a summary on stderr. JSON (--format json) on stdout: the validate document
plus "outdir", "stacks" and "warnings". cdktf.json runs "twilio-sso synth"; under the cdktf CLI it is silent
on success (the CLI prints the stacks and annotations).
${EXIT_CODES_HELP}`,
    )
    .action((opts: SynthOptions) => runSynth(ctx, opts));
}

function runSynth({ io, result }: CommandContext, opts: SynthOptions): void {
  const file = configPathOf(opts.config, io.env);
  const outdir = outdirOf(opts.output, io.env);
  if (opts.format === 'json') result.jsonError = { version: JSON_FORMAT_VERSION, file, valid: false, outdir };
  let outcome: SynthesizeModule.SynthOutcome;
  try {
    outcome = synthesizeModule().synthesize(file, outdir);
  } catch (e) {
    if (e instanceof check().ConfigReadError) throw ioError(e.message);
    throw e;
  }
  if (!outcome.ok) {
    if (opts.format === 'json') io.stdout.write(json({ version: JSON_FORMAT_VERSION, file, valid: false, targets: [], problems: outcome.check.problems, outdir, stacks: [], warnings: [] }));
    else io.stderr.write(problems().formatProblemsText(file, outcome.check.problems));
    result.code = EXIT.PROBLEMS;
    return;
  }
  const r = outcome.result;
  if (opts.format === 'json') {
    io.stdout.write(json({ version: JSON_FORMAT_VERSION, file, valid: true, targets: r.stacks, problems: [], outdir: r.outdir, stacks: r.stacks, warnings: r.warnings }));
  } else if (!runByCdktfCli(io.env)) {
    for (const w of r.warnings) io.stderr.write(`Warning: ${w}\n`);
    io.stderr.write(`Synthesized ${r.stacks.length} stack(s) into ${r.outdir}/stacks: ${r.stacks.join(', ')}\n`);
  }
  result.code = EXIT.OK;
}
