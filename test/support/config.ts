import { Testing } from 'cdktf';
import { copyFileSync, existsSync } from 'fs';
import { dirname, join } from 'path';
import { dump as stringify } from 'js-yaml';
import { SsoConfigError } from '../../lib';
import { declareStacks } from '../../stacks/build-app';
import { checkConfigFile, configCheckError } from '../../stacks/config/check-config';
import { synthesizeOrThrow } from '../../cli/synthesize';
import { TwilioSsoStack } from '../../stacks/twilio-sso-stack';
import { tempDir, writeConfig } from './files';

/** Writes `config` as a YAML file, synthesizes it with the app entry point, returns the output dir. */
export function synthConfig(config: unknown): string {
  const out = tempDir();
  synthesizeOrThrow(writeConfig(stringify(config)), out);
  return out;
}

/**
 * The SsoConfigError a config is rejected with. Also asserts that nothing was half-written: a bad
 * config produces no stack at all.
 */
export function configError(config: unknown): SsoConfigError {
  const out = tempDir();
  try {
    synthesizeOrThrow(writeConfig(stringify(config)), out);
  } catch (e) {
    if (!(e instanceof SsoConfigError)) throw e;
    expect(existsSync(join(out, 'stacks'))).toBe(false);
    return e;
  }
  throw new Error('expected the config to be rejected');
}

/**
 * The stacks a config declares, checked the way `twilio-sso validate`/`synth` check it (every
 * problem, at the user's keys), without synthesizing: for tests that inspect constructs. The config
 * is written next to a copy of the example Salesforce certificate, so `certificateFile:
 * salesforce-idp-cert.pem` resolves as in examples/config. A config with problems throws their
 * SsoConfigError.
 */
export function declareConfig(config: unknown, app = Testing.app()): TwilioSsoStack[] {
  const file = writeConfig(stringify(config));
  copyFileSync(join(__dirname, '..', '..', 'examples', 'config', 'salesforce-idp-cert.pem'), join(dirname(file), 'salesforce-idp-cert.pem'));
  return declareCheckedConfig(file, app);
}

/** The stacks a config file declares (see {@link declareConfig}). */
export function declareCheckedConfig(file: string, app = Testing.app()): TwilioSsoStack[] {
  const check = checkConfigFile(file);
  if (check.problems.length > 0) throw configCheckError(check);
  return declareStacks(app, check.config!, check.planned!);
}
