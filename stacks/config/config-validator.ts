import type { ValidateFunction } from 'ajv';
import { configSchema } from './schema';

// Ajv itself is loaded only where a schema is compiled: the shipped app runs the precompiled module.
/* eslint-disable @typescript-eslint/no-require-imports */
const ajvClass = (): typeof import('ajv').default => require('ajv').default;

const OPTIONS = { allErrors: true, strict: true, verbose: true } as const;

/** Compiles the config schema with Ajv (about 60 ms: done at build time for the shipped app). */
export function compileConfigValidator(): ValidateFunction {
  const Ajv = ajvClass();
  return new Ajv(OPTIONS).compile(configSchema());
}

/**
 * The validator as a standalone CommonJS module (Ajv's documented way to skip schema compilation at
 * run time). `npm run build` writes it next to the compiled `load-config.js`.
 */
export function configValidatorModule(): string {
  const Ajv = ajvClass();
  const standaloneCode: typeof import('ajv/dist/standalone').default = require('ajv/dist/standalone').default;
  const ajv = new Ajv({ ...OPTIONS, code: { source: true } });
  return standaloneCode(ajv, ajv.compile(configSchema()));
}

/** The file name `npm run build` writes the standalone validator to, next to this module. */
export const COMPILED_VALIDATOR = 'config-validator.compiled.js';

/**
 * The precompiled validator when the build wrote one (the shipped app), else one compiled now (tests
 * run from source). Both come from the same schema and Ajv options; a test checks they agree.
 */
export function loadConfigValidator(): ValidateFunction {
  try {
    // A literal path, so that the app bundle (scripts/bundle-app.js) includes the compiled module.
    return require('./config-validator.compiled.js') as ValidateFunction;
  } catch {
    return compileConfigValidator();
  }
}
