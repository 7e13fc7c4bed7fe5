#!/usr/bin/env bash
# Shared helper: build a Go main package from a module fetched through the Go module proxy.
#
#   gomod-build.sh <module> <version> <package-in-module> <output-binary> [extra go build args...]
#
# `go install module/pkg@version` refuses modules whose go.mod has replace directives (OpenTofu's
# does), so this downloads the module with `go mod download -json`, copies it to a writable scratch
# dir (the module cache is read-only) and builds there, where the module is the main module and its
# replace directives apply. Only the Go module proxy (GOPROXY) is contacted.
set -euo pipefail
module=${1:?module}; version=${2:?version}; pkg=${3:?package}; out=${4:?output}; shift 4
command -v go >/dev/null || { echo "gomod-build: Go is required (https://go.dev/dl/)" >&2; exit 1; }

root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$root/.tf-providers/src/$(basename "$module")-$version
export GOFLAGS="${GOFLAGS:-} -buildvcs=false" CGO_ENABLED=0

start=$(date +%s)
# Run outside the project so `go mod download` does not look for a go.mod here.
dir=$(cd /tmp && go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
[ -n "$dir" ] && [ -d "$dir" ] || { echo "gomod-build: go mod download $module@$version gave no directory" >&2; exit 1; }

rm -rf "$scratch"; mkdir -p "$(dirname "$scratch")" "$(dirname "$out")"
cp -R "$dir" "$scratch"; chmod -R u+w "$scratch"
(cd "$scratch" && go mod download && go build -trimpath -o "$out.tmp" "$@" "$pkg")
mv "$out.tmp" "$out"
rm -rf "$scratch"
echo "gomod-build: built $module@$version -> $out in $(( $(date +%s) - start ))s"
