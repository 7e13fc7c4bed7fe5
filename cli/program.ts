import { Command, CommanderError } from 'commander';
import { version } from '../package.json';
import { consoleCommand } from './commands/console';
import { schemaCommand } from './commands/schema';
import { synthCommand } from './commands/synth';
import { validateCommand } from './commands/validate';
import { verifyCommand } from './commands/verify';
import { CliIo, CommandContext, CommandResult, EXIT_CODES_HELP, json } from './context';
import { CliError, EXIT } from './errors';

// Each command file declares its options here and loads what its action needs only when it runs:
// `synth` must start fast (a pipeline pays it per commit), and `validate`/`schema` need neither
// cdktf nor the XML parser.

/** The `twilio-sso` program, writing to `ctx.io`; each command's action sets `ctx.result.code`. */
export function buildProgram(ctx: CommandContext): Command {
  const { io } = ctx;
  const program = new Command('twilio-sso')
    .description('Twilio Flex and Frontline SAML single sign-on on Okta, Entra ID, Salesforce and Keycloak, from one config file.')
    .version(version, '-v, --version')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);
  for (const command of [validateCommand, synthCommand, consoleCommand, verifyCommand, schemaCommand]) {
    program.addCommand(command(ctx));
  }
  // Commander copies these settings to subcommands only when they are created by `.command()`.
  for (const c of [program, ...program.commands]) {
    c.exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .showHelpAfterError('(run with --help for usage)');
  }
  return program;
}

/**
 * Runs `twilio-sso` with `argv` (the arguments after the program name) and returns the exit code.
 * Never throws: a {@link CliError} is its one-line message and the exit code of its kind (1 input,
 * 2 usage/I/O), and anything else one line and code 3 (the stack trace only with TWILIO_SSO_DEBUG=1).
 */
export async function runTwilioSso(argv: string[], io: CliIo): Promise<number> {
  const result: CommandResult = { code: EXIT.OK };
  const program = buildProgram({ io, result });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0; every other parse error is a usage error.
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (e instanceof CliError) {
      if (result.jsonError) {
        io.stdout.write(json({ ...result.jsonError, error: { code: e.exitCode === EXIT.PROBLEMS ? 'INPUT' : 'USAGE_OR_IO', kind: e.kind, message: e.message } }));
      }
      io.stderr.write(`twilio-sso: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(`twilio-sso: internal error: ${(e as Error)?.message ?? String(e)}\nThis is a bug in twilio-sso; please report it with the command you ran${io.env.TWILIO_SSO_DEBUG ? '' : ' (TWILIO_SSO_DEBUG=1 shows the stack trace)'}.\n`);
    if (io.env.TWILIO_SSO_DEBUG) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return EXIT.INTERNAL;
  }
}
