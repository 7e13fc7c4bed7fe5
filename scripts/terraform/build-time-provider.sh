#!/usr/bin/env bash
# Build hashicorp/time from its Go module (github.com/hashicorp/terraform-provider-time, on the Go
# module proxy) into the provider mirror that `npm run test:terraform` uses:
#   ${TWILIO_SSO_PROVIDER_MIRROR:-.tf-providers/mirror}/registry.terraform.io/hashicorp/time/<v>/<os>_<arch>/
# Cached: does nothing when the binary is already there.  TIME_PROVIDER_VERSION (default 0.13.1)
set -euo pipefail
version=${TIME_PROVIDER_VERSION:-0.13.1}
root=$(cd "$(dirname "$0")/../.." && pwd)
mirror=${TWILIO_SSO_PROVIDER_MIRROR:-$root/.tf-providers/mirror}
case "$mirror" in /*) ;; *) mirror=$root/$mirror ;; esac
platform=$(go env GOOS)_$(go env GOARCH)
out=$mirror/registry.terraform.io/hashicorp/time/$version/$platform/terraform-provider-time_v$version
if [ -x "$out" ]; then echo "build-time-provider: $out already present"; exit 0; fi
"$(dirname "$0")/gomod-build.sh" github.com/hashicorp/terraform-provider-time "v$version" . "$out" \
  -ldflags="-s -w -X main.version=$version"
