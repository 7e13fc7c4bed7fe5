import { Command } from 'commander';
import { join } from 'path';
import { CommandContext, EXIT_CODES_HELP, JSON_FORMAT_VERSION, formatOption, json } from '../context';
import { EXIT } from '../errors';
import { DEFAULT_CONFIG, configPathOf, outdirOf } from '../io/invocation';
import { visible } from '../../lib/twilio/rules';
import { checkOrIoError } from './validate';
import type * as ProblemsModule from '../../stacks/config/config-problems';

/* eslint-disable @typescript-eslint/no-require-imports */
const problems = (): typeof ProblemsModule => require('../../stacks/config/config-problems');

/** Options of `twilio-sso targets`. */
interface TargetsOptions {
  config?: string;
  output?: string;
  format: string;
}

/** One target as `targets` lists it. */
export interface TargetListing {
  /** The target's name, which is its stack's name. */
  readonly name: string;
  /** `flex` or `frontline`. */
  readonly product: string;
  /** The config block of its identity provider: `okta`, `entra`, `salesforce` or `keycloak`. */
  readonly identityProvider: string;
  /** The folder `synth` writes its stack to (`<output>/stacks/<name>`), where Terraform runs. */
  readonly stack: string;
}

/** `twilio-sso targets`: the config's targets, for a person or a CI matrix. */
export function targetsCommand(ctx: CommandContext): Command {
  return new Command('targets')
    .description("list the config's targets: name, product, identity provider and stack folder (JSON for a CI matrix)")
    .option('-c, --config <file>', `config file (default: $TWILIO_SSO_CONFIG, else ${DEFAULT_CONFIG})`)
    .option('-o, --output <dir>', 'the synth output directory the stack folders are in (default: $CDKTF_OUTDIR, else cdktf.out)')
    .addOption(formatOption())
    .addHelpText(
      'after',
      `
The config is validated first: an invalid config lists its problems as \`validate\` does (exit 1).
JSON (--format json): {"version":1,"file","targets":[{"name","product","identityProvider","stack"}]}.
${EXIT_CODES_HELP}`,
    )
    .action((opts: TargetsOptions) => runTargets(ctx, opts));
}

function runTargets({ io, result }: CommandContext, opts: TargetsOptions): void {
  const file = configPathOf(opts.config, io.env);
  const outdir = outdirOf(opts.output, io.env);
  if (opts.format === 'json') result.jsonError = { version: JSON_FORMAT_VERSION, file, targets: [] };
  const c = checkOrIoError(file);
  if (c.problems.length > 0) {
    if (opts.format === 'json') io.stdout.write(json({ version: JSON_FORMAT_VERSION, file, valid: false, targets: [], problems: c.problems }));
    else io.stdout.write(problems().formatProblemsText(file, c.problems).replace(/; nothing was synthesized\.\n$/, '.\n'));
    result.code = EXIT.PROBLEMS;
    return;
  }
  const targets: TargetListing[] = (c.planned ?? []).map((p) => ({ name: p.name, product: p.target.product, identityProvider: p.idp.key, stack: join(outdir, 'stacks', p.name) }));
  if (opts.format === 'json') {
    io.stdout.write(json({ version: JSON_FORMAT_VERSION, file, targets }));
  } else {
    for (const t of targets) io.stdout.write(`${visible(t.name)}\t${t.product}\t${t.identityProvider}\t${visible(t.stack)}\n`);
  }
  result.code = EXIT.OK;
}
