/**
 * Local Terraform state lives outside the synth output (issue 19.3): beside the config file, at a
 * path Terraform resolves from the stack folder, the same whatever --output is; state found where
 * earlier versions kept it (inside the output) is moved out at synth, with a note.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { dump as stringify } from 'js-yaml';
import { readTree, tempDir, writeConfig } from '../support/files';
import { cli } from './support';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const flex = (backend?: unknown) => ({ name: 'flex', twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'acme', groups: [{ id: '00g1', roles: ['agent'] }] }, ...(backend ? { backend } : {}) });
const stateOf = (out: string, stack: string): string => {
  const json = JSON.parse(readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  // Terraform reads a relative local backend path from its working directory, the stack folder.
  return resolve(out, 'stacks', stack, json.terraform.backend.local.path);
};

test('the default state file is .twilio-sso/state/<target>.tfstate beside the config, whatever --output is', async () => {
  const file = writeConfig(stringify({ targets: [flex()] }));
  const expected = join(dirname(file), '.twilio-sso', 'state', 'flex.tfstate');
  for (const out of [join(tempDir(), 'cdktf.out'), join(tempDir(), 'a', 'b', 'c'), join(dirname(file), 'cdktf.out')]) {
    expect((await cli(['synth', '--config', file, '--output', out])).code).toBe(0);
    expect(stateOf(out, 'flex')).toBe(expected);
    expect(stateOf(out, 'flex').startsWith(out)).toBe(false);
  }
  // Relative in the JSON: no absolute path of this machine in the output.
  const out = join(dirname(file), 'cdktf.out');
  expect(JSON.parse(readFileSync(join(out, 'stacks', 'flex', 'cdk.tf.json'), 'utf8')).terraform.backend).toEqual({ local: { path: '../../../.twilio-sso/state/flex.tfstate' } });
});

test("a relative backend.local.path is read from the config file's folder; an absolute one is kept", async () => {
  const file = writeConfig(stringify({ targets: [flex({ local: { path: 'state/{target}.tfstate' } }), { ...flex({ local: { path: '/var/lib/tf/{target}.tfstate' } }), name: 'abs' }] }));
  const out = join(tempDir(), 'out');
  expect((await cli(['synth', '--config', file, '--output', out])).code).toBe(0);
  expect(stateOf(out, 'flex')).toBe(join(dirname(file), 'state', 'flex.tfstate'));
  expect(JSON.parse(readFileSync(join(out, 'stacks', 'abs', 'cdk.tf.json'), 'utf8')).terraform.backend.local.path).toBe('/var/lib/tf/abs.tfstate');
});

/** An output as version 0.1 left it after `terraform apply`: state in the stack folder. */
async function legacyOutput(config: unknown, stateName = 'terraform.flex.tfstate') {
  const file = writeConfig(stringify(config));
  const out = join(dirname(file), 'cdktf.out');
  expect((await cli(['synth', '--config', file, '--output', out])).code).toBe(0);
  const stack = join(out, 'stacks', 'flex');
  mkdirSync(join(stack, dirname(stateName)), { recursive: true });
  writeFileSync(join(stack, stateName), '{"version":4,"serial":7}\n');
  writeFileSync(join(stack, `${stateName}.backup`), '{"version":4,"serial":6}\n');
  mkdirSync(join(stack, '.terraform', 'providers'), { recursive: true });
  writeFileSync(join(stack, '.terraform', 'providers', 'okta'), 'binary');
  writeFileSync(join(stack, '.terraform', 'terraform.tfstate'), '{"backend":{"type":"local","config":{"path":"terraform.flex.tfstate"}}}');
  return { file, out, stack };
}

test('state at the old place inside the output is moved beside the config at synth, with a note; init starts afresh', async () => {
  const { file, out, stack } = await legacyOutput({ targets: [flex()] });
  const r = await cli(['synth', '--config', file, '--output', out]);
  expect(r.code).toBe(0);
  const to = join(dirname(file), '.twilio-sso', 'state', 'flex.tfstate');
  expect(r.stderr).toContain(`Note: target 'flex': moved its Terraform state out of the synth output, from '${join(stack, 'terraform.flex.tfstate')}' to '${to}'`);
  expect(readFileSync(to, 'utf8')).toBe('{"version":4,"serial":7}\n');
  expect(readFileSync(`${to}.backup`, 'utf8')).toBe('{"version":4,"serial":6}\n');
  expect(readdirSync(stack).filter((f) => f.includes('tfstate'))).toEqual([]);
  expect(stateOf(out, 'flex')).toBe(to);
  // The providers are carried over; Terraform's record of the old backend is not, so `terraform init` needs no -migrate-state.
  expect(readFileSync(join(stack, '.terraform', 'providers', 'okta'), 'utf8')).toBe('binary');
  expect(existsSync(join(stack, '.terraform', 'terraform.tfstate'))).toBe(false);
  // Synthesizing again changes nothing and says nothing more.
  const again = await cli(['synth', '--config', file, '--output', out]);
  expect(again.stderr).not.toContain('Note:');
});

test('a configured relative path that pointed inside the stack folder is moved too', async () => {
  const { file, out, stack } = await legacyOutput({ targets: [flex({ local: { path: 'state/{target}.tfstate' } })] }, 'state/flex.tfstate');
  const r = await cli(['synth', '--config', file, '--output', out]);
  expect(r.code).toBe(0);
  expect(readFileSync(join(dirname(file), 'state', 'flex.tfstate'), 'utf8')).toBe('{"version":4,"serial":7}\n');
  expect(existsSync(join(stack, 'state'))).toBe(false);
});

test('state in both places: exit 2, both named, nothing changed', async () => {
  const { file, out } = await legacyOutput({ targets: [flex()] });
  const to = join(dirname(file), '.twilio-sso', 'state', 'flex.tfstate');
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, '{"version":4,"serial":1}\n');
  const before = readTree(out);
  const r = await cli(['synth', '--config', file, '--output', out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("target 'flex': Terraform state is in two places");
  expect(r.stderr).toContain(to);
  expect(readTree(out)).toEqual(before);
  expect(readFileSync(to, 'utf8')).toBe('{"version":4,"serial":1}\n');
});

// Real Terraform, when installed (CI has it): the synthesized backend block, in a folder at the stack
// folder's place, puts the state file beside the config. Only outputs, so no provider is needed.
const terraform = ((): string | undefined => {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'terraform'))) return join(dir, 'terraform');
  return undefined;
})();
(terraform ? test : test.skip)('Terraform itself writes the state where the README says: .twilio-sso/state/<target>.tfstate beside the config', async () => {
  const file = writeConfig(stringify({ targets: [flex()] }));
  const out = join(tempDir(), 'out');
  expect((await cli(['synth', '--config', file, '--output', out])).code).toBe(0);
  const backend = JSON.parse(readFileSync(join(out, 'stacks', 'flex', 'cdk.tf.json'), 'utf8')).terraform.backend;
  const stack = join(out, 'stacks', 'flex');
  // The synthesized JSON's backend and one output; the provider-bound resources are left out.
  execFileSync('mv', [join(stack, 'cdk.tf.json'), join(stack, 'cdk.tf.json.synthesized')]);
  writeFileSync(join(stack, 'main.tf.json'), JSON.stringify({ terraform: { backend }, output: { probe: { value: 'written' } } }));
  const env = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  for (const args of [['init', '-input=false', '-no-color'], ['apply', '-auto-approve', '-input=false', '-no-color']]) execFileSync(terraform!, [`-chdir=${stack}`, ...args], { env, stdio: 'ignore' });
  const state = JSON.parse(readFileSync(join(dirname(file), '.twilio-sso', 'state', 'flex.tfstate'), 'utf8'));
  expect(state.outputs.probe.value).toBe('written');
  expect(readdirSync(stack).filter((f) => f.endsWith('.tfstate'))).toEqual([]);
});
