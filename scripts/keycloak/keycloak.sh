#!/usr/bin/env bash
# A local Keycloak for the end-to-end test and the demo: downloaded from Maven Central
# (org.keycloak:keycloak-quarkus-dist, zip) with Maven, unpacked into .keycloak/ (git-ignored),
# started in dev mode on 127.0.0.1 only, and stopped by its pid file.
#
#   scripts/keycloak/keycloak.sh install   # download + unpack (once; cached in .keycloak/)
#   scripts/keycloak/keycloak.sh start     # install if needed, start, wait until ready
#   scripts/keycloak/keycloak.sh start --fresh   # same, on an empty database
#   scripts/keycloak/keycloak.sh stop      # stop the server started by `start`
#   scripts/keycloak/keycloak.sh status    # running or not, and where
#   scripts/keycloak/keycloak.sh env       # print the provider's environment (eval-able)
#
# The bootstrap admin's password is generated at random when the database is created and kept
# in .keycloak/admin.env (mode 600): a throwaway local credential, never committed.
#
# Environment: KEYCLOAK_VERSION (default below), KEYCLOAK_HTTP_PORT (18080),
# KEYCLOAK_JAVA_HOME (a JDK that this Keycloak release supports: 17, 21 or 25; default: the
# Temurin 25 JDK if present, else JAVA_HOME, else the java on PATH), KEYCLOAK_HOME_DIR (.keycloak).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="${KEYCLOAK_VERSION:-26.7.3}"
PORT="${KEYCLOAK_HTTP_PORT:-18080}"
MGMT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-19000}"
BASE="${KEYCLOAK_HOME_DIR:-$ROOT/.keycloak}"
DIST="$BASE/keycloak-$VERSION"
PIDFILE="$BASE/keycloak.pid"
LOG="$BASE/keycloak.log"
ADMIN_ENV="$BASE/admin.env"
URL="http://127.0.0.1:$PORT"

log() { printf '[keycloak] %s\n' "$*" >&2; }
die() { printf '[keycloak] error: %s\n' "$*" >&2; exit 1; }

java_home() {
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then echo "$KEYCLOAK_JAVA_HOME"; return; fi
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/temurin-21-jdk-amd64; do
    if [ -x "$d/bin/java" ]; then echo "$d"; return; fi
  done
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  local j; j="$(command -v java || true)"
  [ -n "$j" ] || die "no JDK found: install one Keycloak $VERSION supports (17, 21 or 25) or set KEYCLOAK_JAVA_HOME"
  dirname "$(dirname "$(readlink -f "$j")")"
}

install() {
  if [ -x "$DIST/bin/kc.sh" ]; then return; fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to download org.keycloak:keycloak-quarkus-dist:$VERSION"
  mkdir -p "$BASE/download"
  local zip="$BASE/download/keycloak-quarkus-dist-$VERSION.zip"
  if [ ! -s "$zip" ]; then
    log "downloading org.keycloak:keycloak-quarkus-dist:$VERSION:zip from Maven Central"
    local start; start=$(date +%s)
    mvn -B -q -Dstyle.color=never dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
      -DoutputDirectory="$BASE/download" -Dmdep.overWriteReleases=false 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2 \
      || die "could not download org.keycloak:keycloak-quarkus-dist:$VERSION (Maven Central)"
    log "downloaded in $(( $(date +%s) - start ))s"
  fi
  log "unpacking into $DIST"
  rm -rf "$BASE/unpack" && mkdir -p "$BASE/unpack"
  (cd "$BASE/unpack" && unzip -q "$zip")
  mv "$BASE/unpack/keycloak-$VERSION" "$DIST"
  rmdir "$BASE/unpack"
}

running() {
  [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

ready() {
  curl -fsS -o /dev/null --max-time 3 "$URL/realms/master" 2>/dev/null
}

start() {
  local fresh=false
  [ "${1:-}" = "--fresh" ] && fresh=true
  if running; then
    if $fresh; then stop; else log "already running (pid $(cat "$PIDFILE")) at $URL"; return; fi
  fi
  if curl -s -o /dev/null --max-time 2 "$URL/" 2>/dev/null; then
    die "port $PORT on 127.0.0.1 is in use by another process; set KEYCLOAK_HTTP_PORT"
  fi
  install
  local jh; jh="$(java_home)"
  # The bootstrap admin is only created on an empty database: keep the credential with the data,
  # and start afresh when either is missing.
  if $fresh || [ ! -f "$ADMIN_ENV" ]; then
    rm -rf "$DIST/data"
    umask 077
    printf 'KEYCLOAK_ADMIN_USER=admin\nKEYCLOAK_ADMIN_PASSWORD=%s\n' "$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" > "$ADMIN_ENV"
    umask 022
  fi
  # shellcheck disable=SC1090
  . "$ADMIN_ENV"
  log "starting Keycloak $VERSION (java: $jh) on $URL"
  local start; start=$(date +%s)
  (
    export JAVA_HOME="$jh" PATH="$jh/bin:$PATH"
    export KC_BOOTSTRAP_ADMIN_USERNAME="$KEYCLOAK_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD"
    cd "$DIST"
    exec setsid bin/kc.sh start-dev --http-host=127.0.0.1 --http-port="$PORT" \
      --http-management-port="$MGMT_PORT" --hostname-strict=false >"$LOG" 2>&1 </dev/null
  ) &
  echo $! > "$PIDFILE"
  local deadline=$(( start + ${KEYCLOAK_START_TIMEOUT:-300} ))
  until ready; do
    if ! running; then tail -n 40 "$LOG" >&2; rm -f "$PIDFILE"; die "Keycloak exited while starting (log: $LOG)"; fi
    if [ "$(date +%s)" -ge "$deadline" ]; then tail -n 40 "$LOG" >&2; stop; die "Keycloak not ready after ${KEYCLOAK_START_TIMEOUT:-300}s (log: $LOG)"; fi
    sleep 1
  done
  log "ready at $URL after $(( $(date +%s) - start ))s (pid $(cat "$PIDFILE"), log $LOG)"
}

stop() {
  if ! running; then rm -f "$PIDFILE"; log "not running"; return; fi
  local pid; pid="$(cat "$PIDFILE")"
  log "stopping pid $pid"
  # kc.sh runs java as a child in the same session (setsid above): signal that process group.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; fi
  rm -f "$PIDFILE"
  log "stopped"
}

status() {
  if running; then echo "running: pid $(cat "$PIDFILE"), $URL (admin console $URL/admin/)"; else echo "not running"; return 1; fi
}

provider_env() {
  [ -f "$ADMIN_ENV" ] || die "no $ADMIN_ENV: run '$0 start' first"
  # shellcheck disable=SC1090
  . "$ADMIN_ENV"
  printf 'export KEYCLOAK_URL=%q KEYCLOAK_CLIENT_ID=admin-cli KEYCLOAK_USER=%q KEYCLOAK_PASSWORD=%q\n' "$URL" "$KEYCLOAK_ADMIN_USER" "$KEYCLOAK_ADMIN_PASSWORD"
}

case "${1:-}" in
  install) install ;;
  start) shift; start "${1:-}" ;;
  stop) stop ;;
  status) status ;;
  env) provider_env ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 install|start [--fresh]|stop|status|env|url" >&2; exit 2 ;;
esac
