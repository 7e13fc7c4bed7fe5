#!/usr/bin/env bash
# Build OpenTofu from its Go module (github.com/opentofu/opentofu, on the Go module proxy) into
# .tf-providers/bin/tofu. Cached: does nothing when that binary already reports the wanted version.
#   TOFU_VERSION (default 1.10.6)
set -euo pipefail
version=${TOFU_VERSION:-1.10.6}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/.tf-providers/bin/tofu
# Never read the user's CLI config (or a missing one named in TF_CLI_CONFIG_FILE) just to print a version.
tofu_version() { TF_CLI_CONFIG_FILE=/dev/null TOFU_CLI_CONFIG_FILE=/dev/null "$out" version 2>/dev/null | head -1; }
if [ -x "$out" ] && [ "$(tofu_version)" = "OpenTofu v$version" ]; then
  echo "build-tofu: $out is already OpenTofu v$version"; exit 0
fi
# Same flags as OpenTofu's release build (.goreleaser.yaml): the version comes from version/VERSION
# in the module; version.dev=no drops the "-dev" suffix.
"$(dirname "$0")/gomod-build.sh" github.com/opentofu/opentofu "v$version" ./cmd/tofu "$out" \
  -mod=readonly -ldflags="-s -w -X github.com/opentofu/opentofu/version.dev=no"
v=$(tofu_version); echo "build-tofu: $v"
[ "$v" = "OpenTofu v$version" ] || { echo "build-tofu: expected OpenTofu v$version" >&2; exit 1; }
