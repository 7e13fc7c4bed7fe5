#!/usr/bin/env bash
# npm run build:jsii — the jsii builds of lib/ (issue 13):
#  1. the assembly of the npm package (.jsii at the root, in the packed tarball; the JavaScript of
#     dist/lib compiled by jsii, with its runtime type information; the same code `npm run build`
#     compiles with tsc);
#  2. the three packages the Python distributions are made from (scripts/jsii/stage.js says why three),
#     each compiled by jsii into dist-jsii/stage/<core|okta|entra>/.jsii.
# Warnings fail the build, except JSII5018 ("type" is a reserved word in Go: no Go target).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20   # Node 20's end-of-life banner (README: Supported Node.js versions)
jsii=("$PWD/node_modules/.bin/jsii" --silence-warnings reserved-word --fail-on-warnings)
"${jsii[@]}"
node scripts/jsii/stage.js
for p in core okta entra; do
  (cd "dist-jsii/stage/$p" && "${jsii[@]}")
done
