#!/usr/bin/env bash
# npm run package:python — the Python wheels (and sdists) of the three staged jsii packages, by
# jsii-pacmak, into dist-jsii/python/: cdktf-twilio-sso, cdktf-twilio-sso-okta, cdktf-twilio-sso-entra.
# Needs `npm run build:jsii` first, python3 with venv, and PyPI (pacmak's build tools).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
for p in core okta entra; do
  test -f "dist-jsii/stage/$p/.jsii" || { echo "dist-jsii/stage/$p/.jsii is missing: run npm run build:jsii first" >&2; exit 1; }
done
rm -rf dist-jsii/python
node_modules/.bin/jsii-pacmak --targets python --outdir dist-jsii dist-jsii/stage/core dist-jsii/stage/okta dist-jsii/stage/entra
ls dist-jsii/python/*.whl
