'use strict';
// Where the bench adapters load the library from. By default as a user loads it: the package's entry
// points (`cdktf-twilio-sso/okta`, resolved through package.json `exports` to dist/), and internal
// modules from dist/lib by path. The raw-baseline test (test/bench/raw-baseline.test.ts) points it at
// lib/, the TypeScript source, so `npm test` needs no build.
const { join } = require('path');

let sourceRoot; // undefined: the built package

/** Load the library from this directory (lib/) instead of the built package. */
exports.useSource = (dir) => {
  sourceRoot = dir;
};

/** A public entry point: `entry('okta')` is `require('cdktf-twilio-sso/okta')`. */
exports.entry = (name) => (sourceRoot ? require(join(sourceRoot, name)) : require(`cdktf-twilio-sso/${name}`));

/** An internal module by its path under lib/: `internal('entra/msgraph')`. */
exports.internal = (path) => require(join(sourceRoot ?? join(__dirname, '..', '..', 'dist', 'lib'), path));
