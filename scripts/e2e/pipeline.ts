/**
 * `npm run test:pipeline`: the steps of the pipelines in templates/ci, in their order, against the
 * local Keycloak with the real keycloak provider (from a filesystem mirror), with the packaged
 * command (dist/app/twilio-sso.js) as a pipeline runs it:
 *
 *  1. `twilio-sso init --idp keycloak --product flex,frontline`, placeholders filled in as a person
 *     does (each target its own realm and its own state file)
 *  2. pull request: validate (the GitHub annotation lines from `validate --format json`) → synth →
 *     `changed` against the base branch's synth (none yet: every target added) → plan each
 *  3. merge: apply each changed target, one after the other, each with its own state → `console`
 *  4. schedule: `verify` each (the realm's real metadata) and a drift plan (`-detailed-exitcode` 0)
 *  5. a second change (one target's display name): `changed` names that target only; plan, apply
 *  6. drift made by hand (the client renamed through Keycloak's admin API): the drift plan exits 2,
 *     which fails the scheduled run
 *  7. terraform destroy; Keycloak stopped if this run started it
 *
 * It needs terraform and keycloak/keycloak in TWILIO_SSO_PROVIDER_MIRROR (or `registry`), which CI
 * cannot reach: it is run by hand (like test:e2e). Exits non-zero on any failure.
 */
import { execFileSync, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { KC, ROOT, Steps, providerMirror, readAdminEnv, terraform, writeCliConfig } from './harness';
import { KeycloakAdmin } from './keycloak-admin';

const BIN = join(ROOT, 'dist', 'app', 'twilio-sso.js');
const steps = new Steps('pipeline');

async function main(): Promise<void> {
  const mirror = await steps.step('provider keycloak/keycloak found (filesystem mirror, or the registry)', () => providerMirror());
  const kcRunning = spawnSync(KC, ['status'], { encoding: 'utf8' }).status === 0;
  await steps.step(kcRunning ? 'local Keycloak already running (reused)' : 'local Keycloak started on 127.0.0.1', () => {
    if (!kcRunning) execFileSync(KC, ['start', '--fresh'], { stdio: ['ignore', 'inherit', 'inherit'] });
  });
  const keycloakUrl = execFileSync(KC, ['url'], { encoding: 'utf8' }).trim();
  const admin = readAdminEnv();

  const work = mkdtempSync(join(tmpdir(), 'twilio-sso-pipeline-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_CLI_CONFIG_FILE: writeCliConfig(join(work, 'cli.tfrc'), mirror),
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    KEYCLOAK_CLIENT_ID: 'admin-cli',
    KEYCLOAK_USER: admin.user,
    KEYCLOAK_PASSWORD: admin.password,
  };
  const sso = (args: string[], ok = [0]): string => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, env, encoding: 'utf8' });
    if (!ok.includes(r.status ?? -1)) throw new Error(`twilio-sso ${args.join(' ')}: exit ${r.status}\n${r.stdout.slice(-2000)}${r.stderr.slice(-2000)}`);
    return r.stdout;
  };
  const stackOf = (out: string, target: string): string => join(work, out, 'stacks', target);
  const suffix = randomBytes(3).toString('hex');
  const realms: Record<string, string> = { 'flex-keycloak': `pipeline-flex-${suffix}`, 'frontline-keycloak': `pipeline-frontline-${suffix}` };

  await steps.step('init: a config for Keycloak, Flex and Frontline; placeholders filled in, each target its own realm and state', () => {
    sso(['init', '--idp', 'keycloak', '--product', 'flex,frontline']);
    const file = join(work, 'twilio-sso.yaml');
    let target = '';
    const lines = readFileSync(file, 'utf8').split('\n').map((line) => {
      const name = /^ {2}- name: (\S+)/.exec(line);
      if (name) target = name[1];
      return line
        .replace(/(connectionSid): "<fill in:[^"]*>"/, '$1: JQ0123456789abcdef0123456789abcdef')
        .replace(/(realmSid): "<fill in:[^"]*>"/, '$1: JB00112233445566778899aabbccddeeff')
        .replace(/(url): "<fill in:[^"]*>"/, `$1: ${keycloakUrl}`)
        .replace(/^(\s*)(realm): "<fill in:[^"]*>"/, `$1$2: ${realms[target]}\n$1createRealm: true`)
        .replace(/^(\s*path): "terraform\.\{target\}\.tfstate"/, `$1: "${join(work, 'state', '{target}.tfstate')}"`);
    });
    writeFileSync(file, lines.join('\n'));
    const left = lines.join('\n').match(/: "<fill in:/g);
    if (left) throw new Error(`${left.length} placeholders left`);
  });

  const plan = (out: string, target: string, detailed = false): number =>
    terraform(['plan', '-no-color', '-lock=false', ...(detailed ? ['-detailed-exitcode'] : [])], stackOf(out, target), env, detailed ? [0, 2] : [0]).status;
  const applied: string[] = [];
  try {
    // ---- pull request ----
    await steps.step('validate --format json: valid; the workflow turns problems into annotations (none)', () => {
      const doc = JSON.parse(sso(['validate', '--format', 'json']));
      if (!doc.valid || doc.problems.length !== 0) throw new Error(JSON.stringify(doc.problems));
    });
    await steps.step('synth --output cdktf.out', () => sso(['synth', '--output', 'cdktf.out']));
    const targets = await steps.step('targets --format json: the matrix', () => {
      const list = JSON.parse(sso(['targets', '--format', 'json'])).targets as { name: string; stack: string }[];
      if (list.map((t) => t.name).join(' ') !== 'flex-keycloak frontline-keycloak') throw new Error(JSON.stringify(list));
      return list.map((t) => t.name);
    });
    execFileSync('mkdir', ['-p', join(work, 'base.out')]);
    const changed = await steps.step('changed --base base.out (the base branch had no config): every target added', () => {
      const doc = JSON.parse(sso(['changed', '--base', 'base.out', '--output', 'cdktf.out', '--format', 'json']));
      if (doc.changed.join(' ') !== targets.join(' ')) throw new Error(JSON.stringify(doc));
      return doc.changed as string[];
    });
    for (const t of changed) {
      await steps.step(`plan ${t} (terraform init, plan)`, () => {
        terraform(['init', '-no-color'], stackOf('cdktf.out', t), env);
        plan('cdktf.out', t);
      });
    }
    // ---- merge: apply one target at a time, each with its own state ----
    for (const t of changed) {
      await steps.step(`apply ${t}, then console`, () => {
        applied.push(t);
        terraform(['apply', '-auto-approve', '-no-color'], stackOf('cdktf.out', t), env);
        if (!existsSync(join(work, 'state', `${t}.tfstate`))) throw new Error(`no state file of its own for ${t}`);
        const sheet = JSON.parse(sso(['console', t, '--output', 'cdktf.out', '--binary', 'terraform', '--format', 'json']));
        if (!String(sheet.fields.find((f: { field: string }) => /issuer/i.test(f.field))?.value).endsWith(`/realms/${realms[t]}`)) throw new Error(JSON.stringify(sheet.fields));
      });
    }
    // ---- schedule: verify and drift ----
    for (const t of targets) {
      await steps.step(`verify ${t} against the realm's published metadata`, () => sso(['verify', t, '--output', 'cdktf.out', '--binary', 'terraform']));
      await steps.step(`drift plan ${t}: exit 0 (no drift)`, () => {
        const status = plan('cdktf.out', t, true);
        if (status !== 0) throw new Error(`plan -detailed-exitcode exited ${status}`);
      });
    }
    // ---- a second change: only the target it touches is planned and applied ----
    await steps.step('a change to flex-keycloak (displayName): changed --base names it alone', () => {
      const file = join(work, 'twilio-sso.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(`realm: ${realms['flex-keycloak']}`, `realm: ${realms['flex-keycloak']}\n      displayName: Twilio Flex (pipeline)`));
      sso(['synth', '--output', 'head.out']);
      const doc = JSON.parse(sso(['changed', '--base', 'cdktf.out', '--output', 'head.out', '--format', 'json']));
      if (doc.changed.join(' ') !== 'flex-keycloak') throw new Error(JSON.stringify(doc.targets));
      // The pipeline's next run starts from the new synth; the stack folders keep Terraform's files.
      sso(['synth', '--output', 'cdktf.out']);
    });
    await steps.step('plan and apply flex-keycloak: an update in place', () => {
      const status = plan('cdktf.out', 'flex-keycloak', true);
      if (status !== 2) throw new Error(`the plan shows no change (exit ${status})`);
      terraform(['apply', '-auto-approve', '-no-color'], stackOf('cdktf.out', 'flex-keycloak'), env);
      if (plan('cdktf.out', 'flex-keycloak', true) !== 0) throw new Error('still a change after apply');
    });
    // ---- drift made by hand fails the scheduled run ----
    await steps.step("drift: frontline-keycloak's client renamed in Keycloak by hand → drift plan exit 2", async () => {
      const kc = await KeycloakAdmin.signIn(keycloakUrl, admin.user, admin.password);
      const realm = realms['frontline-keycloak'];
      const clients = await kc.get<{ id: string; protocol?: string; name?: string }[]>(`/${realm}/clients`);
      const client = clients.find((c) => c.protocol === 'saml');
      if (!client) throw new Error('no SAML client in the realm');
      await kc.put(`/${realm}/clients/${client.id}`, { ...(await kc.get(`/${realm}/clients/${client.id}`)), name: 'renamed by hand' });
      const status = plan('cdktf.out', 'frontline-keycloak', true);
      if (status !== 2) throw new Error(`drift plan exited ${status}, not 2`);
    });
  } finally {
    for (const t of applied.reverse()) {
      await steps.step(`terraform destroy ${t}`, () => terraform(['destroy', '-auto-approve', '-no-color'], stackOf('cdktf.out', t), env)).catch(() => undefined);
    }
    if (!kcRunning) {
      await steps.step('local Keycloak stopped', () => void execFileSync(KC, ['stop'], { stdio: ['ignore', 'inherit', 'inherit'] })).catch(() => undefined);
    }
  }
}

main()
  .catch(() => undefined)
  .finally(() => {
    process.stdout.write(`pipeline: ${steps.passed} passed, ${steps.failed} failed\n`);
    process.exitCode = steps.failed > 0 || steps.passed === 0 ? 1 : 0;
  });
