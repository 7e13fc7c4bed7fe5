import { Command } from 'commander';
import { CommandContext, EXIT_CODES_HELP, JSON_FORMAT_VERSION, formatOption, json } from '../context';
import { EXIT, ioError } from '../errors';
import { DEFAULT_CONFIG, configPathOf } from '../io/invocation';
import type * as CheckModule from '../../stacks/config/check-config';
import type * as ProblemsModule from '../../stacks/config/config-problems';

/* eslint-disable @typescript-eslint/no-require-imports */
const check = (): typeof CheckModule => require('../../stacks/config/check-config');
const problems = (): typeof ProblemsModule => require('../../stacks/config/config-problems');

/** Options of `twilio-sso validate`. */
interface ValidateOptions {
  config?: string;
  format: string;
}

/** `twilio-sso validate`: checks the config (YAML, schema, Twilio and identity-provider rules), every problem in one run. */
export function validateCommand(ctx: CommandContext): Command {
  return new Command('validate')
    .description('check the config: YAML, the schema, and the Twilio and identity-provider rules, every problem in one run')
    .option('-c, --config <file>', `config file (default: $TWILIO_SSO_CONFIG, else ${DEFAULT_CONFIG})`)
    .addOption(formatOption())
    .addHelpText(
      'after',
      `
Each problem names the key as written in the file (targets[5].keycloak.url), the value received, what
is accepted, and its line:column. Text: one "file:line:column: message" line per problem.
JSON (--format json): {"version":1,"file","valid","targets":[names],"problems":[{"severity","code",
"path","line","column","message","receivedType","received"?,"expected"?}]}.
${EXIT_CODES_HELP}`,
    )
    .action((opts: ValidateOptions) => runValidate(ctx, opts));
}

function runValidate({ io, result }: CommandContext, opts: ValidateOptions): void {
  const file = configPathOf(opts.config, io.env);
  if (opts.format === 'json') result.jsonError = { version: JSON_FORMAT_VERSION, file, valid: false };
  const c = checkOrIoError(file);
  const targets = (c.planned ?? []).map((p) => p.name);
  if (opts.format === 'json') {
    io.stdout.write(json({ version: JSON_FORMAT_VERSION, file, valid: c.problems.length === 0, targets, problems: c.problems }));
  } else if (c.problems.length === 0) {
    io.stdout.write(`${file}: valid, ${targets.length} target${targets.length === 1 ? '' : 's'}: ${targets.join(', ')}\n`);
  } else {
    io.stdout.write(problems().formatProblemsText(file, c.problems).replace(/; nothing was synthesized\.\n$/, '.\n'));
  }
  result.code = c.problems.length === 0 ? EXIT.OK : EXIT.PROBLEMS;
}

/** The config check; a file that cannot be read is an I/O error (exit 2). */
export function checkOrIoError(file: string): CheckModule.ConfigCheck {
  const m = check();
  try {
    return m.checkConfigFile(file);
  } catch (e) {
    if (e instanceof m.ConfigReadError) throw ioError(e.message);
    throw e;
  }
}
