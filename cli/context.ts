import { Option } from 'commander';

/** Where a command reads and writes: the process's streams, or a test's. */
export interface CliIo {
  /** Standard output (reports, the sheet, JSON). */
  readonly stdout: { write(s: string): unknown };
  /** Standard error (progress, warnings, usage errors). */
  readonly stderr: { write(s: string): unknown };
  /** The environment (TWILIO_SSO_CONFIG, CDKTF_OUTDIR, PATH for Terraform). */
  readonly env: NodeJS.ProcessEnv;
  /** The working directory relative paths are resolved from. @default process.cwd() */
  readonly cwd?: string;
  /** The current time, for certificate expiry. @default () => new Date() */
  readonly now?: () => Date;
}

/** What a command's action sees: the streams and where it sets its exit code. */
export interface CommandContext {
  /** The streams, environment and clock. */
  readonly io: CliIo;
  /** The exit code the command ends with, and how a failure is reported. */
  readonly result: CommandResult;
}

/** What a run ends with. */
export interface CommandResult {
  /** The exit code (0 unless the command sets another). */
  code: number;
  /**
   * Set by a command run with `--format json`: a failure ({@link CliError}) is then printed on stdout
   * as this document plus `error: { code, kind, message }`, so a pipeline reading stdout always gets JSON.
   */
  jsonError?: Record<string, unknown>;
}

/** Format version of every `--format json` document; fields are only ever added within a version. */
export const JSON_FORMAT_VERSION = 1;

/** A JSON document as the command prints it: two-space indent, one trailing newline. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The `--format text|json` option every command that reports has. */
export const formatOption = (): Option => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

/** The exit-code paragraph of every `--help`. */
export const EXIT_CODES_HELP = `
Exit codes: 0 success; 1 the input is wrong (config problems, a verify mismatch);
2 usage or I/O (bad option, unreadable file, Terraform or the URL unreachable); 3 internal error.`;

/** The current time of a run. */
export const nowOf = (io: CliIo): Date => (io.now ?? (() => new Date()))();
