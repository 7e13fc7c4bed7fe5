import { AnnotationMetadataEntryType, App } from 'cdktf';
import { IConstruct } from 'constructs';
import { parseArgs } from 'util';
import { SsoConfigError } from '../lib';
import { declareStacks, planStacks } from './build-app';
import { loadConfig } from './config/load-config';

/**
 * The app entry point (`cdktf.json` runs it). The config file is, in order: `--config <path>`, the
 * `TWILIO_SSO_CONFIG` environment variable, or `twilio-sso.yaml` in the working directory.
 * Output goes to `--output <dir>`, else `CDKTF_OUTDIR` (set by the cdktf CLI), else `cdktf.out`.
 */
export const DEFAULT_CONFIG_PATH = 'twilio-sso.yaml';

export function main(argv: string[], env: NodeJS.ProcessEnv): void {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, output: { type: 'string' } }, strict: true });
  const configPath = values.config ?? env.TWILIO_SSO_CONFIG ?? DEFAULT_CONFIG_PATH;
  const config = loadConfig(configPath);
  // Validate before the App exists: a bad config must not leave even an empty output folder.
  const planned = planStacks(config, configPath);
  const app = new App({ outdir: values.output ?? env.CDKTF_OUTDIR ?? 'cdktf.out' });
  declareStacks(app, config, planned);
  app.synth();
  reportWarnings(app, process.stderr);
}

/**
 * Prints warning annotations (e.g. a certificate close to expiry): the cdktf CLI prints them, but a
 * pipeline that runs this file with `node` would otherwise never see them. Errors already fail synth.
 */
export function reportWarnings(app: IConstruct, out: { write(s: string): unknown }): void {
  for (const c of app.node.findAll()) {
    for (const m of c.node.metadata) {
      if (m.type === AnnotationMetadataEntryType.WARN) out.write(`Warning: [${c.node.path}] ${m.data}\n`);
    }
  }
}

if (require.main === module) {
  try {
    main(process.argv.slice(2), process.env);
  } catch (e) {
    // Bad input and policy-check findings (`TwilioSso-<Rule>`, which cdktf raises as an error
    // annotation) are the user's to fix: their message, not a stack trace.
    if (e instanceof SsoConfigError || (e instanceof Error && e.message.includes('TwilioSso-'))) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
