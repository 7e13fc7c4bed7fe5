import { App } from 'cdktf';
import { parseArgs } from 'util';
import { SsoConfigError } from '../lib/twilio';
import { configPathOf, outdirOf, runByCdktfCli } from './cli/invocation';
import { synthesizeOrThrow, warningsOf } from './cli/synth';

/**
 * The app as a function (`main`) and as the unbundled script `node dist/stacks/main.js`; `cdktf.json`
 * and pipelines run the `twilio-sso synth` command (stacks/cli), which synthesizes the same files.
 * The config file is, in order: `--config <path>`, the
 * `TWILIO_SSO_CONFIG` environment variable, or `twilio-sso.yaml` in the working directory.
 * Output goes to `--output <dir>`, else `CDKTF_OUTDIR` (set by the cdktf CLI), else `cdktf.out`.
 */

/** What one run synthesized. */
export interface SynthResult {
  /** The synthesized app. */
  readonly app: App;
  /** The output directory. */
  readonly outdir: string;
  /** The stack names, in config order. */
  readonly stacks: string[];
}

/**
 * Reads the config, validates every target, and synthesizes one stack per target, as
 * `twilio-sso synth` does (stacks/cli/synth.ts): every problem in one `SsoConfigError`, nothing written.
 */
export function main(argv: string[], env: NodeJS.ProcessEnv): SynthResult {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, output: { type: 'string' } }, strict: true });
  return synthesizeOrThrow(configPathOf(values.config, env), outdirOf(values.output, env));
}

/**
 * Prints warning annotations (e.g. a certificate close to expiry): the cdktf CLI prints them, but a
 * pipeline that runs this file with `node` would otherwise never see them. Errors already fail synth.
 */
export function reportWarnings(app: App, out: { write(s: string): unknown }): void {
  for (const w of warningsOf(app)) out.write(`Warning: ${w}\n`);
}

/**
 * The command line: synthesizes, reports warnings and a summary on stderr (unless the cdktf CLI runs
 * it), and turns bad input into its message and exit code 1 rather than a stack trace.
 * @returns the process exit code
 */
export function runCli(argv: string[], env: NodeJS.ProcessEnv, stderr: { write(s: string): unknown }): number {
  try {
    const result = main(argv, env);
    if (!runByCdktfCli(env)) {
      reportWarnings(result.app, stderr);
      stderr.write(`Synthesized ${result.stacks.length} stack(s) into ${result.outdir}/stacks: ${result.stacks.join(', ')}\n`);
    }
    return 0;
  } catch (e) {
    // Bad input and policy-check findings (`TwilioSso-<Rule>`, which cdktf raises as an error
    // annotation) are the user's to fix: their message, not a stack trace.
    if (e instanceof SsoConfigError || (e instanceof Error && e.message.includes('TwilioSso-'))) {
      stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), process.env, process.stderr);
}
