#!/usr/bin/env bash
# `npm run demo`: start the local Keycloak, deploy the example Keycloak target
# (flex-keycloak-local in examples/config/twilio-sso.yaml) with `cdktf deploy`, and print the
# values to paste into the Twilio Console.
#
# `cdktf deploy --skip-provider-lock`: cdktf otherwise runs `terraform providers lock`, which asks the
# registry even when the provider comes from a mirror.
# Needs the keycloak/keycloak Terraform provider: on a machine that reaches the Terraform registry,
# Terraform downloads it itself (set TWILIO_SSO_PROVIDER_MIRROR=registry). Otherwise it is read from
# a filesystem mirror: TWILIO_SSO_PROVIDER_MIRROR (default .tf-providers/mirror).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
KC="$ROOT/scripts/keycloak/keycloak.sh"
STACK="${DEMO_STACK:-flex-keycloak-local}"
CONFIG="${TWILIO_SSO_CONFIG:-examples/config/twilio-sso.yaml}"
PROVIDER="registry.terraform.io/keycloak/keycloak/5.9.0"
MIRROR="${TWILIO_SSO_PROVIDER_MIRROR:-$ROOT/.tf-providers/mirror}"

if [ "$MIRROR" != "registry" ]; then
  if ! ls "$MIRROR/$PROVIDER"/*/ >/dev/null 2>&1; then
    echo "demo: the Terraform provider keycloak/keycloak 5.9.0 is not in the filesystem mirror $MIRROR (expected $MIRROR/$PROVIDER/<os>_<arch>/)." >&2
    echo "      Put it there, or set TWILIO_SSO_PROVIDER_MIRROR=registry on a machine that reaches the Terraform registry." >&2
    exit 1
  fi
  mkdir -p .keycloak
  cat > .keycloak/terraform-cli.tfrc <<TFRC
provider_installation {
  filesystem_mirror {
    path    = "$(cd "$MIRROR" && pwd)"
    include = ["registry.terraform.io/keycloak/keycloak"]
  }
  direct {
    exclude = ["registry.terraform.io/keycloak/keycloak"]
  }
}
TFRC
  export TF_CLI_CONFIG_FILE="$ROOT/.keycloak/terraform-cli.tfrc"
fi

"$KC" start
eval "$("$KC" env)"
export KEYCLOAK_URL KEYCLOAK_CLIENT_ID KEYCLOAK_USER KEYCLOAK_PASSWORD
export TWILIO_SSO_CONFIG="$CONFIG" CHECKPOINT_DISABLE=1 DISABLE_VERSION_CHECK=1 CI="${CI:-1}"

start=$(date +%s)
npm run --silent build
npx cdktf deploy "$STACK" --auto-approve --skip-provider-lock 2>&1 | grep -v '^npm warn' || { echo "demo: cdktf deploy failed" >&2; exit 1; }
echo "demo: deployed $STACK in $(( $(date +%s) - start ))s"

out() { terraform -chdir="cdktf.out/stacks/$STACK" output -raw "$1" 2>/dev/null || true; }
cat <<TXT

================ Twilio Console values ($STACK) ================
Identity Provider Issuer : $(out identity_provider_issuer)
Single Sign-On URL       : $(out single_sign_on_url)$(out sso_url)
Metadata (to check)      : $(out idp_metadata_url)
X.509 Certificate        :
$(out x509_certificate)
(configured for Entity ID $(out sp_entity_id), ACS $(out sp_acs_url))
=================================================================

Keycloak admin console: $KEYCLOAK_URL/admin/  (user $KEYCLOAK_USER, password in .keycloak/admin.env)
Give users the client roles of the Twilio client (or add groups/users to the config) to sign in.

Stop Keycloak:   scripts/keycloak/keycloak.sh stop   (the realm and client stay in .keycloak/ for the next start)
Remove the demo: with Keycloak running, eval "\$(scripts/keycloak/keycloak.sh env)", then
                 TWILIO_SSO_CONFIG=$CONFIG TF_CLI_CONFIG_FILE=${TF_CLI_CONFIG_FILE:-} npx cdktf destroy $STACK --auto-approve --skip-provider-lock
TXT
