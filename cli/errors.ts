// The command's one error type. Its kind says whose problem it is, and that alone decides the exit
// code (README, "Exit codes"): what the user or the identity provider controls is theirs to fix (1),
// a bad option or a file, directory, network or Terraform that cannot be used is usage/I/O (2).
// Anything else that escapes a command is a bug in twilio-sso (3). No imports: every command loads it.

/** Whose problem a {@link CliError} is. */
export type CliErrorKind =
  /** Input the user or the identity provider controls: config problems, metadata, outputs that are not a Twilio SSO stack's. */
  | 'input'
  /** The command line itself: an unknown option, a bad option value, an unknown target. */
  | 'usage'
  /** A file, directory, network, Terraform binary or stack that cannot be read or written. */
  | 'io';

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

/** The exit code of each kind. */
export const EXIT_CODE_OF: Readonly<Record<CliErrorKind, number>> = { input: EXIT.PROBLEMS, usage: EXIT.USAGE, io: EXIT.USAGE };

/** A failure a command reports as one line (`twilio-sso: <message>`) and the exit code of its kind. */
export class CliError extends Error {
  /** The process exit code for this error. */
  public readonly exitCode: number;

  /**
   * @param kind whose problem it is (decides the exit code)
   * @param message one line, every outside value already escaped for a terminal (lib/twilio/rules `show`/`visible`)
   */
  constructor(
    public readonly kind: CliErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
    this.exitCode = EXIT_CODE_OF[kind];
  }
}

/** Bad input the user or the identity provider controls: exit 1. */
export const inputError = (message: string): CliError => new CliError('input', message);
/** A bad command line: exit 2. */
export const usageError = (message: string): CliError => new CliError('usage', message);
/** Something that cannot be read, written or run: exit 2. */
export const ioError = (message: string): CliError => new CliError('io', message);
