#!/usr/bin/env bash
# npm run build:jsii — the jsii builds of lib/ (issue 13), from the packages scripts/jsii/stage.js stages:
#  1. dist-jsii/stage/all: every construct in one package named cdktf-twilio-sso, as TypeScript users
#     import them from npm; its assembly is what API.md is made of (it is not published: the npm
#     package is compiled by tsc, `npm run build`, and holds no assembly, so that jsii's rule that a
#     jsii package bundles its dependencies does not put fast-xml-parser and uuid into its tarball);
#  2. the three packages the Python distributions are made from (scripts/jsii/stage.js says why three),
#     each compiled by jsii into dist-jsii/stage/<core|okta|entra>/.jsii (core before okta and entra,
#     whose assemblies depend on it).
# Warnings fail the build, except JSII5018 ("type" is a reserved word in Go: no Go target).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20   # Node 20's end-of-life banner (README: Supported Node.js versions)
jsii=("$PWD/node_modules/.bin/jsii" --silence-warnings reserved-word --fail-on-warnings)
node scripts/jsii/stage.js
for p in all core okta entra; do
  (cd "dist-jsii/stage/$p" && "${jsii[@]}")
done
