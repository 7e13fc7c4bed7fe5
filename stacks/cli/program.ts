import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import { DEFAULT_CONFIG, configPathOf, outdirOf, runByCdktfCli } from './invocation';
import type * as ConsoleSheetModule from './console-sheet';
import type * as MetadataModule from './saml-metadata';
import type * as OutputsModule from './terraform-outputs';
import type * as VerifyModule from './verify';
import type * as SchemaDocsModule from '../config/schema-docs';
import type * as CheckModule from '../config/check-config';
import type * as ProblemsModule from '../config/config-problems';
import type * as SynthModule from './synth';

/** Exit codes of every `twilio-sso` command (README, "Exit codes"). */
export const EXIT = {
  /** Success: the config is valid, the stacks were written, the sheet was printed, every check passed. */
  OK: 0,
  /** The input is wrong: config problems, a policy-check finding, a verify mismatch, outputs that are not a Twilio SSO stack's. */
  PROBLEMS: 1,
  /** Usage or I/O: an unknown option, an unreadable file, Terraform or the metadata URL unreachable. */
  USAGE: 2,
  /** A bug in twilio-sso itself (never expected; set TWILIO_SSO_DEBUG=1 for the stack trace). */
  INTERNAL: 3,
} as const;

/** Where a command reads and writes: the process's streams, or a test's. */
export interface CliIo {
  /** Standard output (reports, the sheet, JSON). */
  readonly stdout: { write(s: string): unknown };
  /** Standard error (progress, warnings, usage errors). */
  readonly stderr: { write(s: string): unknown };
  /** The environment (TWILIO_SSO_CONFIG, CDKTF_OUTDIR, PATH for Terraform). */
  readonly env: NodeJS.ProcessEnv;
  /** The current time, for certificate expiry. */
  readonly now?: () => Date;
}

/** Format version of every `--format json` document; fields are only ever added within a version. */
export const JSON_FORMAT_VERSION = 1;

// Each command loads only what it needs: `synth` must start fast (a pipeline pays it per commit),
// and `validate`/`schema` need neither cdktf nor the XML parser.
/* eslint-disable @typescript-eslint/no-require-imports */
const check = (): typeof CheckModule => require('../config/check-config');
const problemsModule = (): typeof ProblemsModule => require('../config/config-problems');
const synthModule = (): typeof SynthModule => require('./synth');
const outputsModule = (): typeof OutputsModule => require('./terraform-outputs');
const sheetModule = (): typeof ConsoleSheetModule => require('./console-sheet');
const metadataModule = (): typeof MetadataModule => require('./saml-metadata');
const verifyModule = (): typeof VerifyModule => require('./verify');
const schemaDocs = (): typeof SchemaDocsModule => require('../config/schema-docs');

/** A usage or I/O failure a command reports with exit code 2. */
class UsageError extends Error {}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const formatOption = (): Option => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

const EXIT_CODES_HELP = `
Exit codes: 0 success; 1 the input is wrong (config problems, a verify mismatch);
2 usage or I/O (bad option, unreadable file, Terraform or the URL unreachable); 3 internal error.`;

/** The `twilio-sso` program, writing to `io`; each action sets `result.code`. */
export function buildProgram(io: CliIo, result: { code: number }): Command {
  const program = new Command('twilio-sso')
    .description('Twilio Flex and Frontline SAML single sign-on on Okta, Entra ID, Salesforce and Keycloak, from one config file.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('validate')
    .description('check the config: YAML, the schema, and the Twilio and identity-provider rules, every problem in one run')
    .option('-c, --config <file>', `config file (default: $TWILIO_SSO_CONFIG, else ${DEFAULT_CONFIG})`)
    .addOption(formatOption())
    .addHelpText('after', `
Each problem names the key as written in the file (targets[5].keycloak.url), the value received, what
is accepted, and its line:column. Text: one "file:line:column: message" line per problem.
JSON (--format json): {"version":1,"file","valid","targets":[names],"problems":[{"severity","code",
"path","line","column","message","receivedType","received"?,"expected"?}]}.
${EXIT_CODES_HELP}`)
    .action((opts: { config?: string; format: string }) => {
      const file = configPathOf(opts.config, io.env);
      let c: CheckModule.ConfigCheck;
      try {
        c = check().checkConfigFile(file);
      } catch (e) {
        if (e instanceof check().ConfigReadError) return usage(io, result, e.message, opts.format, { file });
        throw e;
      }
      const targets = (c.planned ?? []).map((p) => p.name);
      if (opts.format === 'json') {
        io.stdout.write(json({ version: JSON_FORMAT_VERSION, file, valid: c.problems.length === 0, targets, problems: c.problems }));
      } else if (c.problems.length === 0) {
        io.stdout.write(`${file}: valid, ${targets.length} target${targets.length === 1 ? '' : 's'}: ${targets.join(', ')}\n`);
      } else {
        io.stdout.write(problemsModule().formatProblemsText(file, c.problems).replace(/; nothing was synthesized\.\n$/, '.\n'));
      }
      result.code = c.problems.length === 0 ? EXIT.OK : EXIT.PROBLEMS;
    });

  program
    .command('synth')
    .description('validate the config as `validate` does, then write one Terraform stack per target (nothing is written if anything is wrong)')
    .option('-c, --config <file>', `config file (default: $TWILIO_SSO_CONFIG, else ${DEFAULT_CONFIG})`)
    .option('-o, --output <dir>', 'output directory (default: $CDKTF_OUTDIR, else cdktf.out); stacks go to <dir>/stacks/<target>')
    .addOption(formatOption())
    .addHelpText('after', `
Text: problems, warnings and a summary on stderr. JSON (--format json) on stdout: the validate document
plus "outdir", "stacks" and "warnings". cdktf.json runs "twilio-sso synth"; under the cdktf CLI it is silent
on success (the CLI prints the stacks and annotations).
${EXIT_CODES_HELP}`)
    .action((opts: { config?: string; output?: string; format: string }) => {
      const file = configPathOf(opts.config, io.env);
      const outdir = outdirOf(opts.output, io.env);
      let outcome: SynthModule.SynthOutcome;
      try {
        outcome = synthModule().synthesize(file, outdir);
      } catch (e) {
        if (e instanceof check().ConfigReadError) return usage(io, result, e.message, opts.format, { file });
        throw e;
      }
      if (!outcome.ok) {
        if (opts.format === 'json') io.stdout.write(json({ version: JSON_FORMAT_VERSION, file, valid: false, targets: [], problems: outcome.check.problems, outdir, stacks: [], warnings: [] }));
        else io.stderr.write(problemsModule().formatProblemsText(file, outcome.check.problems));
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
    });

  program
    .command('console')
    .description("print the Twilio Console sheet of an applied target: each Console field and the value to paste, and the certificate's subject, fingerprints and expiry")
    .argument('<target>', 'the target (stack) name, as in the config')
    .option('-o, --output <dir>', 'the synth output directory holding stacks/<target> (default: $CDKTF_OUTDIR, else cdktf.out)')
    .option('--binary <terraform|tofu|path>', 'the Terraform CLI that reads the outputs (default: terraform, else tofu, on PATH)')
    .option('--prefix <prefix>', 'output-name prefix, for a stack with several apps (TwilioConsoleOutputs prefix)', '')
    .addOption(formatOption())
    .addHelpText('after', `
Reads "<binary> output -json" in <output>/stacks/<target> (after terraform apply / cdktf deploy). Only the
Console outputs are shown; an output Terraform marks sensitive never is. A certificate that expires within
x509_certificate_expiry_warning_days (output; default 30) days gets a warning (exit code stays 0).
${EXIT_CODES_HELP}`)
    .action((target: string, opts: { output?: string; binary?: string; prefix: string; format: string }) => {
      const outputs = readOutputs(io, target, opts);
      const sheet = sheetModule().consoleSheet(target, outputs, { prefix: opts.prefix, now: (io.now ?? (() => new Date()))() });
      io.stdout.write(opts.format === 'json' ? json(sheet) : sheetModule().formatConsoleSheet(sheet));
      result.code = EXIT.OK;
    });

  program
    .command('verify')
    .description("check what the identity provider publishes (its SAML metadata) against what Twilio was given (the stack's outputs)")
    .argument('<target>', 'the target (stack) name, as in the config')
    .option('-m, --metadata <url|file>', "the IdP metadata to check (default: the stack's idp_metadata_url output)")
    .option('-o, --output <dir>', 'the synth output directory holding stacks/<target> (default: $CDKTF_OUTDIR, else cdktf.out)')
    .option('--binary <terraform|tofu|path>', 'the Terraform CLI that reads the outputs (default: terraform, else tofu, on PATH)')
    .option('--prefix <prefix>', 'output-name prefix, for a stack with several apps', '')
    .option('--timeout <seconds>', 'how long to wait for the metadata URL', '20')
    .addOption(formatOption())
    .addHelpText('after', `
Checks: saml2 (the IdP supports SAML 2.0); issuer (= the metadata's entityID); sso-url (= a
SingleSignOnService with the HTTP-Redirect or HTTP-POST binding); certificate (= a published signing
certificate); certificate-expiry (not expired, not within the warning window). Each mismatch shows both
values. JSON (--format json): {"version":1,"target","metadataSource","ok","checks":[{"id","ok","message",
"stack"?,"metadata"?}]}.
${EXIT_CODES_HELP}`)
    .action(async (target: string, opts: { metadata?: string; output?: string; binary?: string; prefix: string; timeout: string; format: string }) => {
      const timeout = Number(opts.timeout);
      if (!Number.isFinite(timeout) || timeout <= 0) throw new UsageError(`--timeout must be a number of seconds, got '${opts.timeout}'`);
      const outputs = readOutputs(io, target, opts);
      const source = opts.metadata ?? (() => {
        const o = outputs[`${opts.prefix}idp_metadata_url`];
        if (!o || o.sensitive || typeof o.value !== 'string' || o.value === '') {
          throw new UsageError(`the stack '${target}' has no ${opts.prefix}idp_metadata_url output: pass --metadata <url|file>`);
        }
        return o.value;
      })();
      const v = verifyModule();
      let bytes: Buffer;
      try {
        bytes = await v.readMetadata(source, timeout * 1000);
      } catch (e) {
        if (e instanceof v.MetadataFetchError) throw new UsageError(e.message);
        throw e;
      }
      const issuer = outputs[`${opts.prefix}identity_provider_issuer`]?.value;
      let report: VerifyModule.VerifyReport;
      try {
        const metadata = metadataModule().parseIdpMetadata(bytes, typeof issuer === 'string' ? issuer : undefined);
        report = v.verifyAgainstMetadata(target, outputs, metadata, { prefix: opts.prefix, now: (io.now ?? (() => new Date()))(), metadataSource: source });
      } catch (e) {
        if (!(e instanceof metadataModule().MetadataFormatError)) throw e;
        report = { version: 1, target, metadataSource: source, ok: false, checks: [{ id: 'metadata', ok: false, message: `the identity provider's metadata cannot be used: ${e.message}` }] };
      }
      io.stdout.write(opts.format === 'json' ? json(report) : v.formatVerifyReport(report));
      result.code = report.ok ? EXIT.OK : EXIT.PROBLEMS;
    });

  program
    .command('schema')
    .description("print the config's JSON Schema (descriptions and examples on every key, for editors)")
    .addHelpText('after', `
The same file ships in the package: node_modules/cdktf-twilio-sso/schema/twilio-sso.schema.json. Point
yaml-language-server at it with a first line in the config:
  # yaml-language-server: $schema=node_modules/cdktf-twilio-sso/schema/twilio-sso.schema.json
${EXIT_CODES_HELP}`)
    .action(() => {
      io.stdout.write(schemaDocs().publishedConfigSchemaText());
      result.code = EXIT.OK;
    });

  return program;
}

function readOutputs(io: CliIo, target: string, opts: { output?: string; binary?: string; prefix: string }): Record<string, OutputsModule.TerraformOutput> {
  const o = outputsModule();
  try {
    const dir = o.stackDirectory(outdirOf(opts.output, io.env), target);
    return o.readTerraformOutputs(dir, o.findTerraformBinary(opts.binary, io.env), io.env);
  } catch (e) {
    if (e instanceof o.StackAccessError) throw new UsageError(e.message);
    throw e;
  }
}

function usage(io: CliIo, result: { code: number }, message: string, format: string, extra: Record<string, unknown>): void {
  if (format === 'json') io.stdout.write(json({ version: JSON_FORMAT_VERSION, ...extra, valid: false, error: { code: 'USAGE_OR_IO', message } }));
  io.stderr.write(`twilio-sso: ${message}\n`);
  result.code = EXIT.USAGE;
}

/**
 * Runs `twilio-sso` with `argv` (the arguments after the program name) and returns the exit code.
 * Never throws: bad input is a message and code 1, usage and I/O problems code 2, and anything
 * unexpected one line and code 3 (the stack trace only with TWILIO_SSO_DEBUG=1).
 */
export async function runTwilioSso(argv: string[], io: CliIo): Promise<number> {
  const result = { code: EXIT.OK as number };
  const program = buildProgram(io, result);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0; every other parse error is a usage error.
      return e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`twilio-sso: ${e.message}\n`);
      return EXIT.USAGE;
    }
    const sheet = sheetModule();
    if (e instanceof sheet.NotATwilioSsoStackError) {
      io.stderr.write(`twilio-sso: ${e.message}\n`);
      return EXIT.PROBLEMS;
    }
    io.stderr.write(`twilio-sso: internal error: ${(e as Error)?.message ?? String(e)}\nThis is a bug in twilio-sso; please report it with the command you ran${io.env.TWILIO_SSO_DEBUG ? '' : ' (TWILIO_SSO_DEBUG=1 shows the stack trace)'}.\n`);
    if (io.env.TWILIO_SSO_DEBUG) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return EXIT.INTERNAL;
  }
}
