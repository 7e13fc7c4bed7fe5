// Where a run of the app takes its config and output from, and who runs it: shared by the
// `twilio-sso` commands. No imports: the command files
// load their heavy modules only when they run.

/** The default config file when neither `--config` nor `TWILIO_SSO_CONFIG` is given. */
export const DEFAULT_CONFIG = 'twilio-sso.yaml';

/** The config file: `--config`, else `TWILIO_SSO_CONFIG`, else `./twilio-sso.yaml`. */
export function configPathOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.TWILIO_SSO_CONFIG ?? DEFAULT_CONFIG;
}

/** The output directory: `--output`, else `CDKTF_OUTDIR` (set by the cdktf CLI), else `cdktf.out`. */
export function outdirOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.CDKTF_OUTDIR ?? 'cdktf.out';
}

/**
 * Whether the cdktf CLI (`cdktf synth`/`deploy`) runs this app: it sets both variables, and prints the
 * stacks it synthesized and every annotation itself. Printing ours too would show them twice, and
 * the CLI labels anything on stderr `[ERROR]`, even on success.
 */
export function runByCdktfCli(env: NodeJS.ProcessEnv): boolean {
  return env.CDKTF_OUTDIR !== undefined && env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
}
