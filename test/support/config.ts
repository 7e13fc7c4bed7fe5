import { existsSync } from 'fs';
import { join } from 'path';
import { dump as stringify } from 'js-yaml';
import { SsoConfigError } from '../../lib';
import { main } from '../../stacks/main';
import { tempDir, writeConfig } from './files';

/** Writes `config` as a YAML file, synthesizes it with the app entry point, returns the output dir. */
export function synthConfig(config: unknown): string {
  const out = tempDir();
  main(['--config', writeConfig(stringify(config)), '--output', out], {});
  return out;
}

/**
 * The SsoConfigError a config is rejected with. Also asserts that nothing was half-written: a bad
 * config produces no stack at all.
 */
export function configError(config: unknown): SsoConfigError {
  const out = tempDir();
  try {
    main(['--config', writeConfig(stringify(config)), '--output', out], {});
  } catch (e) {
    if (!(e instanceof SsoConfigError)) throw e;
    expect(existsSync(join(out, 'stacks'))).toBe(false);
    return e;
  }
  throw new Error('expected the config to be rejected');
}
