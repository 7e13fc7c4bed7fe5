import * as fc from 'fast-check';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TwilioConsoleOutputs } from '../../lib/core';
import { EntraConsoleOutputs, EntraTwilioSso, EntraTwilioSsoProps } from '../../lib/entra';
import { SalesforceTwilioSso, SalesforceTwilioSsoProps } from '../../lib/salesforce';
import { TwilioTarget, Violation } from '../../lib/twilio';
import { MARK, asTerraformReadsIt, hostileText, strings } from '../support/terraform-strings';
import { entraStack } from './support';

// Issue 19.1 for Entra and Salesforce: every string prop is fed text full of `${`/`%{`: either the
// construct refuses it before declaring anything, or the synthesized JSON carries it so that
// Terraform reads back exactly the text given (and Salesforce's project files hold it raw: they are
// not Terraform templates).

const flex = TwilioTarget.flexEnhanced({ connectionSid: 'JQ0123456789abcdef0123456789abcdef' });
const UUID = '6f0e3d1a-0000-4000-8000-000000000001';
const CERT = join(__dirname, '..', '..', 'examples', 'config', 'salesforce-idp-cert.pem');

interface Case<P> {
  readonly prop: string;
  readonly props: (s: string) => P;
  /** Where the text lands in the JSON, and what Terraform must read there. */
  readonly lands?: (json: any, s: string) => Array<[string, string]>;
}

function check<P, A>(build: (stack: TerraformStack, props: P) => A, stack: () => TerraformStack, findProblems: (p: P) => Violation[], c: Case<P>, after?: (app: A, s: string) => void): number {
  let accepted = 0;
  fc.assert(
    fc.property(hostileText, (s) => {
      const props = c.props(s);
      if (findProblems(props).length > 0) {
        expect(() => build(stack(), props)).toThrow();
        return;
      }
      accepted++;
      const st = stack();
      const app = build(st, props);
      const json = JSON.parse(Testing.synth(st, true));
      for (const text of strings(json).filter((t) => t.includes(MARK))) expect(asTerraformReadsIt(text)).toBeDefined();
      for (const [got, want] of c.lands?.(json, s) ?? []) expect(asTerraformReadsIt(got)).toBe(want);
      after?.(app, s);
    }),
    { numRuns: 8, seed: 1920 },
  );
  return accepted;
}

const resources = (json: any, type: string): any[] => Object.values(json.resource[type] ?? {});

describe('EntraTwilioSso: every string prop reaches Terraform as the literal text given, or is refused', () => {
  const entra = (stack: TerraformStack, props: EntraTwilioSsoProps): EntraTwilioSso => {
    const sso = new EntraTwilioSso(stack, 'S', props);
    new TwilioConsoleOutputs(stack, 'Console', { app: sso });
    new EntraConsoleOutputs(stack, 'EntraConsole', { app: sso });
    return sso;
  };
  const adopt = { applicationObjectId: UUID, servicePrincipalObjectId: UUID.replace('6f', '7f'), signingCertificateKeyId: UUID.replace('6f', '8f') };
  const cases: Array<[Case<EntraTwilioSsoProps>, 'lands' | 'refused']> = [
    [
      {
        prop: 'displayName',
        props: (s) => ({ target: flex, displayName: s }),
        lands: (json, s) => [
          [resources(json, 'azuread_application')[0].display_name, s],
          [resources(json, 'azuread_claims_mapping_policy')[0].display_name, `${s} claims`],
          [resources(json, 'azuread_service_principal_token_signing_certificate')[0].display_name, `CN=${s}`],
          [resources(json, 'msgraph_resource').find((r) => r.url === 'policies/tokenIssuancePolicies').body.displayName, `${s} signing`],
        ],
      },
      'lands',
    ],
    [
      {
        prop: 'certificates[0].displayName',
        props: (s) => ({ target: flex, certificates: [{ name: 'a', displayName: `CN=x${s}` }] }),
        lands: (json, s) => [[resources(json, 'azuread_service_principal_token_signing_certificate')[0].display_name, `CN=x${s}`]],
      },
      'lands',
    ],
    [
      {
        prop: 'notificationEmails[0]',
        props: (s) => ({ target: flex, notificationEmails: [`a${s.replace(/[\s@]/g, '')}@example.com`] }),
        lands: (json, s) => [[resources(json, 'azuread_service_principal')[0].notification_email_addresses[0], `a${s.replace(/[\s@]/g, '')}@example.com`]],
      },
      'lands',
    ],
    [{ prop: 'nameId', props: (s) => ({ target: flex, nameId: s }) }, 'refused'],
    [{ prop: 'email', props: (s) => ({ target: flex, email: s }) }, 'refused'],
    [{ prop: 'fullName', props: (s) => ({ target: flex, fullName: s }) }, 'refused'],
    [{ prop: 'attributes[0].name', props: (s) => ({ target: flex, attributes: [{ name: s, value: 'user.department' }] }) }, 'refused'],
    [{ prop: 'attributes[0].value', props: (s) => ({ target: flex, attributes: [{ name: 'department', value: s }] }) }, 'refused'],
    [{ prop: 'groups[0].principalId', props: (s) => ({ target: flex, groups: [{ principalId: s, roles: ['agent'] }] }) }, 'refused'],
    [{ prop: 'users[0].principalId', props: (s) => ({ target: flex, users: [{ principalId: s, roles: ['agent'] }] }) }, 'refused'],
    [{ prop: 'roles[0]', props: (s) => ({ target: flex, roles: [s] }) }, 'refused'],
    [{ prop: 'tenantId', props: (s) => ({ target: flex, tenantId: s }) }, 'refused'],
    [{ prop: 'owners[0]', props: (s) => ({ target: flex, owners: [s] }) }, 'refused'],
    [{ prop: 'certificates[0].name', props: (s) => ({ target: flex, certificates: [{ name: s }] }) }, 'refused'],
    [{ prop: 'certificates[0].endDate', props: (s) => ({ target: flex, certificates: [{ name: 'a', endDate: s }] }) }, 'refused'],
    [{ prop: 'activeCertificate', props: (s) => ({ target: flex, activeCertificate: s }) }, 'refused'],
    [{ prop: 'adopt.applicationObjectId', props: (s) => ({ target: flex, adopt: { ...adopt, applicationObjectId: s } }) }, 'refused'],
    [{ prop: 'adopt.servicePrincipalObjectId', props: (s) => ({ target: flex, adopt: { ...adopt, servicePrincipalObjectId: s } }) }, 'refused'],
    [{ prop: 'adopt.signingCertificateKeyId', props: (s) => ({ target: flex, adopt: { ...adopt, signingCertificateKeyId: s } }) }, 'refused'],
    [{ prop: 'adopt.appRoleIds.agent', props: (s) => ({ target: flex, adopt: { ...adopt, appRoleIds: { agent: s } } }) }, 'refused'],
    [{ prop: 'adopt.appRoleAssignmentIds value', props: (s) => ({ target: flex, adopt: { ...adopt, appRoleAssignmentIds: { [`${UUID}/agent`]: s } } }) }, 'refused'],
  ];
  test.each(cases.map(([c, outcome]) => [c.prop, outcome, c] as const))('%s (%s)', (_prop, outcome, c) => {
    const accepted = check(entra, entraStack, (p) => EntraTwilioSso.findProblems(p), c);
    // The case means what it says: the text really was synthesized, or really was refused every time.
    if (outcome === 'lands') expect(accepted).toBeGreaterThan(0);
    else expect(accepted).toBe(0);
  });

  test('a display name mixing a token and hostile text: the reference stays a reference, the text is escaped', () => {
    const stack = entraStack();
    const v = new TerraformVariable(stack, 'team', { type: 'string' }).stringValue;
    new EntraTwilioSso(stack, 'S', { target: flex, displayName: `Flex ${v} \${file("/etc/passwd")} %{if true}` });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(resources(json, 'azuread_application')[0].display_name).toBe('Flex ${var.team} $${file("/etc/passwd")} %%{if true}');
  });
});

describe('SalesforceTwilioSso: project files keep the raw text; what reaches Terraform is literal, or refused', () => {
  const stack = (): TerraformStack => new TerraformStack(Testing.app({ outdir: mkdtempSync(join(tmpdir(), 'sf-literal-')) }), 'test');
  const salesforce = (st: TerraformStack, props: SalesforceTwilioSsoProps): SalesforceTwilioSso => {
    const sso = new SalesforceTwilioSso(st, 'S', props);
    new TwilioConsoleOutputs(st, 'Console', { app: sso });
    return sso;
  };
  const base = { target: flex, myDomain: 'acme', certificateFile: CERT, profiles: ['Admins'], deploy: { targetOrg: 'prod' } };
  const cases: Array<[Case<SalesforceTwilioSsoProps>, 'files' | 'refused']> = [
    [{ prop: 'displayName', props: (s) => ({ ...base, displayName: s }) }, 'files'],
    [{ prop: 'email', props: (s) => ({ ...base, email: `$User.Email & "${s}"` }) }, 'files'],
    [{ prop: 'attributes[0].value', props: (s) => ({ ...base, attributes: [{ name: 'department', value: `"${s}"` }] }) }, 'files'],
    [{ prop: 'profiles[0]', props: (s) => ({ ...base, profiles: [s.replace(/,/g, '')] }) }, 'files'],
    [{ prop: 'contactEmail', props: (s) => ({ ...base, contactEmail: s }) }, 'refused'],
    [{ prop: 'myDomain', props: (s) => ({ ...base, myDomain: s }) }, 'refused'],
    [{ prop: 'appName', props: (s) => ({ ...base, appName: s }) }, 'refused'],
    [{ prop: 'startUrl', props: (s) => ({ ...base, startUrl: `https://x/${s.replace(/\s/g, '')}` }) }, 'files'],
    [{ prop: 'apiVersion', props: (s) => ({ ...base, apiVersion: s }) }, 'refused'],
    [{ prop: 'deploy.targetOrg', props: (s) => ({ ...base, deploy: { targetOrg: s } }) }, 'refused'],
    [{ prop: 'deploy.cliVersion', props: (s) => ({ ...base, deploy: { targetOrg: 'prod', cliVersion: s } }) }, 'refused'],
  ];
  test.each(cases.map(([c, outcome]) => [c.prop, outcome, c] as const))('%s (%s)', (_prop, outcome, c) => {
    const accepted = check(salesforce, stack, (p) => SalesforceTwilioSso.findProblems(p), c, (sso, s) => {
      // The files are Salesforce metadata, not Terraform: the text is there as given (XML-escaped).
      const amp = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const files = Object.values(sso.files).join('\n');
      const given = c.props(s);
      const raw = [given.displayName, given.email, given.attributes?.[0]?.value, given.profiles?.[0], given.startUrl].find((v) => v !== undefined && v.includes(MARK))!;
      expect([raw, amp(raw), amp(raw).replace(/"/g, '&quot;')].some((t) => files.includes(t))).toBe(true);
    });
    if (outcome === 'files') expect(accepted).toBeGreaterThan(0);
    else expect(accepted).toBe(0);
  });
});

