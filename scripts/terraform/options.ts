/** The check's command-line options. */

/** What `npm run test:terraform -- <args>` asked for. */
export interface CheckOptions {
  /** Let Terraform download providers from the registry instead of a filesystem mirror. */
  registry: boolean;
  /** Only the self-test. */
  selfTestOnly: boolean;
  /** Run `npm run build` first. */
  build: boolean;
  /** Run the self-test after the stacks. */
  selfTest: boolean;
  /** Keep the scratch dirs. */
  keep: boolean;
  /** Only this binary. */
  only?: 'terraform' | 'tofu';
  /** Print the usage and exit. */
  help: boolean;
}

/** The usage text. */
export const USAGE = `npm run test:terraform [-- options]   (see docs/terraform-check.md)

  --registry      providers from the registry (needs network) instead of the filesystem mirror
                  in TWILIO_SSO_PROVIDER_MIRROR (default .tf-providers/mirror)
  --self-test     only the broken-stack self-test
  --no-build      skip npm run build
  --no-self-test  skip the self-test
  --only terraform|tofu
  --keep          keep the scratch dirs and print where they are
`;

/** Parses the arguments; throws on one it does not know. */
export function parseOptions(argv: readonly string[]): CheckOptions {
  const opts: CheckOptions = { registry: false, selfTestOnly: false, build: true, selfTest: true, keep: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--registry') opts.registry = true;
    else if (a === '--self-test') opts.selfTestOnly = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--no-self-test') opts.selfTest = false;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else if (a === '--only') {
      const which = argv[++i];
      if (which !== 'terraform' && which !== 'tofu') throw new Error(`--only takes terraform or tofu, got ${JSON.stringify(which)}`);
      opts.only = which;
    } else throw new Error(`unknown argument ${JSON.stringify(a)}\n\n${USAGE}`);
  }
  return opts;
}
