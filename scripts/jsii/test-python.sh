#!/usr/bin/env bash
# npm run test:python — the Python side of issue 13, on the wheels `npm run package:python` built:
#  1. a venv with the three wheels, cdktf 0.21.0 and both providers from PyPI (test/python/requirements.txt)
#     runs test/python/compose.py; its cdk.tf.json must be byte-identical to the same program in
#     TypeScript (test/python/compose.ts, synthesized by jest in test/python/compose.test.ts);
#  2. bad input from Python raises an exception whose message names the field, the value and the code
#     (test/python/bad_input.py);
#  3. a venv with only what an Okta user installs (the core and Okta wheels: pip brings cdktf and the
#     okta provider, not azuread) synthesizes an Okta stack (test/python/okta_only.py).
# Venvs are made afresh in .python/ (git-ignored); pip's downloads are cached in .python/pip-cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20   # also read by the jsii runtime the Python processes start
export PIP_CACHE_DIR="$PWD/.python/pip-cache" PIP_DISABLE_PIP_VERSION_CHECK=1
wheel() { ls dist-jsii/python/"$1"-*.whl; }
core=$(wheel cdktf_twilio_sso) okta=$(wheel cdktf_twilio_sso_okta) entra=$(wheel cdktf_twilio_sso_entra)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "-- venv: the three wheels, cdktf 0.21.0, the okta and azuread providers"
rm -rf .python/venv
python3 -m venv .python/venv
.python/venv/bin/pip install --quiet "$core" "$okta" "$entra" -r test/python/requirements.txt
.python/venv/bin/python test/python/compose.py "$out/python"
echo "-- the Python program's cdk.tf.json against the TypeScript program's (jest)"
PYTHON_SYNTH_DIR="$out/python" node_modules/.bin/jest --ci test/python/compose.test.ts
echo "-- bad input from Python"
.python/venv/bin/python test/python/bad_input.py "$out/bad"

echo "-- venv: only what an Okta user installs"
rm -rf .python/okta-venv
python3 -m venv .python/okta-venv
.python/okta-venv/bin/pip install --quiet "$core" "$okta" $(grep -E '^(cdktf|constructs|jsii)==' test/python/requirements.txt)
.python/okta-venv/bin/pip list 2>/dev/null | grep -i cdktf
.python/okta-venv/bin/python test/python/okta_only.py "$out/okta"

echo "-- the README's and docs' Python blocks (scripts/package/code-blocks.js), each run in an empty folder"
# The Okta-only venv is what the README's install line gives a user; each block must synthesize.
root=$PWD
node scripts/package/code-blocks.js python "$out/blocks" >"$out/blocks.txt"
test -s "$out/blocks.txt" || { echo "no Python block found in the README or docs" >&2; exit 1; }
while read -r block; do
  mkdir -p "$out/run/$block"
  (cd "$out/run/$block" && "$root/.python/okta-venv/bin/python" "$out/blocks/$block")
  ls "$out/run/$block/cdktf.out/stacks/"*/cdk.tf.json >/dev/null || { echo "$block synthesized no stack" >&2; exit 1; }
  echo "$block: synthesized $(ls "$out/run/$block/cdktf.out/stacks" | tr '\n' ' ')"
done <"$out/blocks.txt"
