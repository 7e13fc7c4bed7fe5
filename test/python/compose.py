"""The program test/python/compose.ts writes in TypeScript, written in Python with the wheels
jsii-pacmak builds (cdktf-twilio-sso, cdktf-twilio-sso-okta, cdktf-twilio-sso-entra): one stack
that composes the Okta and the Entra constructs with groups declared in the same stack, a Flex
connection SID from a Terraform variable, the Console outputs and the policy checks. Its
cdk.tf.json must be byte-identical to the TypeScript program's (.ci/run compares them). Keep the
two files in step, statement for statement.

Usage: python compose.py <outdir>
"""
import sys

from cdktf import App, Aspects, TerraformStack, TerraformVariable
from cdktf_cdktf_provider_azuread.group import Group as AzureadGroup
from cdktf_cdktf_provider_azuread.provider import AzureadProvider
from cdktf_cdktf_provider_okta.group import Group as OktaGroup
from cdktf_cdktf_provider_okta.provider import OktaProvider
from cdktf_twilio_sso import RoleAssignment, TwilioConsoleOutputs, TwilioSsoChecks, TwilioSsoRules, TwilioTarget
from cdktf_twilio_sso_entra import EntraConsoleOutputs, EntraTwilioSso
from cdktf_twilio_sso_okta import OktaTwilioSso


def synth_compose(outdir: str) -> None:
    app = App(outdir=outdir)
    stack = TerraformStack(app, "contact-center")
    OktaProvider(stack, "okta", org_name="example-org", base_url="okta.com")
    AzureadProvider(stack, "azuread")

    sid = TerraformVariable(stack, "connection_sid",
        type="string",
        description="Flex connection SID (Console → Flex → Single sign-on, 'JQ…')",
        default="JQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    )
    target = TwilioTarget.flex_enhanced(connection_sid=sid.string_value)

    okta_agents = OktaGroup(stack, "OktaAgents", name="Contact center agents")
    okta = OktaTwilioSso(stack, "FlexOkta",
        target=target,
        display_name="Twilio Flex",
        groups=[RoleAssignment(principal_id=okta_agents.id, roles=["agent"])],
    )
    okta.add_attribute(name="department", value="user.department")
    TwilioConsoleOutputs(stack, "OktaConsole", app=okta, prefix="okta_")

    entra_leads = AzureadGroup(stack, "EntraLeads", display_name="Contact center leads", security_enabled=True)
    entra = EntraTwilioSso(stack, "FlexEntra",
        target=TwilioTarget.frontline(realm_sid="JB00112233445566778899aabbccddeeff"),
        display_name="Twilio Frontline",
        groups=[RoleAssignment(principal_id=entra_leads.object_id, roles=["agent"])],
    )
    TwilioConsoleOutputs(stack, "EntraConsole", app=entra, prefix="entra_")
    EntraConsoleOutputs(stack, "EntraLinks", app=entra)

    Aspects.of(stack).add(TwilioSsoChecks(rules=TwilioSsoRules.OKTA + TwilioSsoRules.ENTRA, verbose=True))
    app.synth()


if __name__ == "__main__":
    synth_compose(sys.argv[1])
