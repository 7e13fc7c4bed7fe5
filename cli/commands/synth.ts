import { Command } from 'commander';
import { CommandContext, EXIT_CODES_HELP, JSON_FORMAT_VERSION, formatOption, json } from '../context';
import { visible } from '../../lib/twilio/rules';
import { EXIT, ioError } from '../errors';
import { DEFAULT_CONFIG, configPathOf, outdirOf, outdirSourceOf, runByCdktfCli } from '../io/invocation';
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
    outcome = synthesizeModule().synthesize(file, outdir, { cwd: io.cwd, outdirSource: outdirSourceOf(opts.output, io.env), underCdktfCli: runByCdktfCli(io.env) });
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
  // What the run did to state or to an interrupted synth's leftovers is said even under the cdktf CLI.
  for (const n of r.notices) io.stderr.write(`Note: ${n}\n`);
  if (opts.format === 'json') {
    io.stdout.write(json({ version: JSON_FORMAT_VERSION, file, valid: true, targets: r.stacks, problems: [], outdir: r.outdir, stacks: r.stacks, warnings: r.warnings, notices: r.notices }));
  } else if (!runByCdktfCli(io.env)) {
    // A warning can quote config values: escaped in text, exact in JSON.
    for (const w of r.warnings) io.stderr.write(`Warning: ${visible(w, 2000)}\n`);
    io.stderr.write(`Synthesized ${r.stacks.length} stack(s) into ${visible(r.outdir, 300)}/stacks: ${r.stacks.join(', ')}\n`);
  }
  result.code = EXIT.OK;
}
