"""An Okta-only Python user installs cdktf-twilio-sso and cdktf-twilio-sso-okta, and with them the okta
provider but not the azuread one: .ci/run runs this in a venv holding only those (and cdktf). It
fails if the azuread provider (or the Entra package) is installed, else synthesizes an Okta stack
with the Okta policy checks.

Usage: python okta_only.py <outdir>
"""
import importlib.util
import json
import os
import sys

for module in ("cdktf_cdktf_provider_azuread", "cdktf_twilio_sso_entra"):
    if importlib.util.find_spec(module) is not None:
        sys.exit(f"{module} is installed: this venv must hold only what an Okta user installs")

from cdktf import App, Aspects, TerraformStack
from cdktf_cdktf_provider_okta.provider import OktaProvider
from cdktf_twilio_sso import RoleAssignment, TwilioConsoleOutputs, TwilioSsoChecks, TwilioSsoRules, TwilioTarget
from cdktf_twilio_sso_okta import OktaTwilioSso

outdir = sys.argv[1]
app = App(outdir=outdir)
stack = TerraformStack(app, "frontline-okta")
OktaProvider(stack, "okta", org_name="example-org", base_url="okta.com")
sso = OktaTwilioSso(stack, "Frontline",
    target=TwilioTarget.frontline(realm_sid="JB00112233445566778899aabbccddeeff"),
    groups=[RoleAssignment(principal_id="00g1frontline000004", roles=["agent"])],
)
TwilioConsoleOutputs(stack, "Console", app=sso)
Aspects.of(stack).add(TwilioSsoChecks(rules=TwilioSsoRules.OKTA))
app.synth()

with open(os.path.join(outdir, "stacks", "frontline-okta", "cdk.tf.json"), encoding="utf-8") as f:
    synthesized = json.load(f)
apps = list(synthesized["resource"]["okta_app_saml"].values())
assert [a["audience"] for a in apps] == ["https://iam.twilio.com/v2/saml2/metadata/JB00112233445566778899aabbccddeeff"], apps
print("Okta-only venv: synthesized frontline-okta without the azuread provider")
