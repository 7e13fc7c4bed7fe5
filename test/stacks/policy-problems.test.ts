import { Testing } from 'cdktf';
import { OktaTwilioSso } from '../../lib/okta';
import { policyProblems } from '../../stacks/config/check-config';
import { ConfigDocument } from '../../stacks/config/config-document';
import { declareConfig } from '../support/config';

// A policy-check finding (an escape-hatch override breaking a Twilio requirement) reaches the config
// report from TwilioSsoChecks.findings, as data, at the target whose stack has it.
const JQ = 'JQ0123456789abcdef0123456789abcdef';
const config = {
  targets: [
    { name: 'first', twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'acme' } },
    { name: 'second', twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'acme' } },
  ],
};
const text = JSON.stringify(config, null, 1);

test('a finding in the second stack is a problem at targets[1], coded by its rule; a warning is not a problem', () => {
  const stacks = declareConfig(config);
  (stacks[1].app as OktaTwilioSso).app.addOverride('signature_algorithm', 'RSA_SHA1');
  for (const s of stacks) Testing.synth(s);
  expect(stacks[0].checks.findings).toEqual([]);
  expect(stacks[1].checks.findings.map((f) => [f.rule, f.level, f.path])).toEqual([['OktaTwilioAppUsesSha256', 'error', 'second/Sso/Resource']]);

  const doc = ConfigDocument.parse(Buffer.from(text), 'c.json');
  const problems = policyProblems(doc, stacks.map((s) => ({ name: s.node.id, findings: s.checks.findings })));
  const second = text.split('\n').findIndex((l) => l.includes('"second"'));
  expect(problems).toEqual([
    expect.objectContaining({ code: 'TwilioSso-OktaTwilioAppUsesSha256', path: 'targets[1]', line: second, message: expect.stringMatching(/^targets\[1\] \(stack 'second'\): TwilioSso-OktaTwilioAppUsesSha256: /) }),
  ]);
  const warning = { ...stacks[1].checks.findings[0], level: 'warning' as any };
  expect(policyProblems(doc, [{ name: 'second', findings: [warning] }])).toEqual([]);
});
