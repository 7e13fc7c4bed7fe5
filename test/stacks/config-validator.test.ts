import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { load as parse } from 'js-yaml';
import { compileConfigValidator, configValidatorModule } from '../../stacks/config/config-validator';

// The shipped app runs the validator `npm run build` precompiles; tests run the one compiled at run
// time. Both must say the same about every config.
describe('the precompiled config validator', () => {
  // Inside the project, so that the module's `require('ajv/dist/runtime/…')` resolves as in dist/.
  const cache = join(__dirname, '..', '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const file = join(mkdtempSync(join(cache, 'validator-')), 'config-validator.compiled.js');
  writeFileSync(file, configValidatorModule());
  const precompiled = require(file);
  const compiled = compileConfigValidator();
  const summary = (validate: any, config: unknown) => {
    const ok = validate(config);
    return { ok, errors: (validate.errors ?? []).map((e: any) => `${e.instancePath} ${e.keyword} ${e.message}`) };
  };

  test.each([
    ['the example config', parse(readFileSync('examples/config/twilio-sso.yaml', 'utf8'))],
    ['a config with unknown keys and wrong types', { targets: [{ name: 'Bad Name', twilio: { frontline: {} }, okta: { orgName: 1, groups: [{ roles: 'agent' }] }, typo: true }] }],
    ['an empty document', null],
  ])('agrees with the run-time compiled one on %s', (_name, config) => {
    const expected = summary(compiled, config);
    expect(summary(precompiled, config)).toEqual(expected);
    expect(expected.ok).toBe(_name === 'the example config');
  });
});
