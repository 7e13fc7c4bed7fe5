#!/usr/bin/env node
/**
 * The `twilio-sso` command (package.json `bin`): `validate`, `synth`, `console`, `verify`, `schema`,
 * one file each in cli/commands. `npm run build` bundles it with everything it needs into
 * dist/app/twilio-sso.js; `node dist/cli/main.js` is the same command unbundled.
 */
import { runTwilioSso } from './program';

// A reader that stops early (`twilio-sso schema | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runTwilioSso(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  // runTwilioSso never rejects; this is the last guard against a stack trace.
  (e: unknown) => {
    process.stderr.write(`twilio-sso: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
