"""Bad input from Python: jsii turns the library's SsoConfigError into a plain exception whose text is
the JavaScript message, so the message itself must name the field, the value and the code; and
`find_problems` gives the same problems as data. Exits non-zero when one does not. Run by .ci/run
in the venv that holds the wheels."""
import sys

from cdktf import App, TerraformStack
from cdktf_twilio_sso import RoleAssignment, TwilioTarget
from cdktf_twilio_sso_okta import OktaTwilioSso

failures = []


def expect_error(what, fn, *fragments):
    try:
        fn()
    except Exception as e:  # jsii raises RuntimeError (JSIIError's message) for a JavaScript throw
        message = str(e)
        missing = [f for f in fragments if f not in message]
        status = "ok" if not missing else "MISSING " + ", ".join(repr(f) for f in missing)
        print(f"{what}: {type(e).__name__}: {message.splitlines()[0]} ... {status}")
        if missing:
            failures.append(what)
        return
    print(f"{what}: no exception")
    failures.append(what)


expect_error(
    "a malformed realm SID",
    lambda: TwilioTarget.frontline(realm_sid="JB123"),
    "frontline realm SID", "'JB123'", "[JB_SID_INVALID]",
)

stack = TerraformStack(App(outdir=sys.argv[1] if len(sys.argv) > 1 else "cdktf.out"), "bad")
frontline = TwilioTarget.frontline(realm_sid="JB00112233445566778899aabbccddeeff")
expect_error(
    "two roles Frontline does not have",
    lambda: OktaTwilioSso(stack, "Sso", target=frontline,
                          groups=[RoleAssignment(principal_id="00g1", roles=["admin", "boss"])]),
    "groups[0].roles[0]", "'admin'", "groups[0].roles[1]", "'boss'", "[ROLE_UNKNOWN]",
)
expect_error(
    "an attribute with a capital",
    lambda: OktaTwilioSso(stack, "Sso2", target=frontline).add_attribute(name="Department", value="user.department"),
    "attributes[0].name", "'Department'", "[CLAIM_NAME_CAPITALISED]",
)

# The same problems as data, without an exception: Violation structs with code, field and value.
problems = OktaTwilioSso.find_problems(target=frontline, groups=[RoleAssignment(principal_id="00g1", roles=["admin", "boss"])])
found = [(p.code.name, p.field, p.value) for p in problems]
expected = [("ROLE_UNKNOWN", "groups[0].roles[0]", "admin"), ("ROLE_UNKNOWN", "groups[0].roles[1]", "boss")]
print(f"find_problems: {found} ... {'ok' if found == expected else 'expected ' + repr(expected)}")
if found != expected:
    failures.append("find_problems")

print(f"{4 - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
