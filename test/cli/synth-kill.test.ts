/**
 * SIGKILL during a re-synth (issue 19.2): a real `twilio-sso synth` process replacing a large output
 * is killed at many points, and after each kill the output, as a reader finds it, is the complete old
 * synth or the complete new one, never a mix; the next run leaves nothing beside it.
 *
 * `npm test` runs a light variant (10 stacks, 3 kills). TWILIO_SSO_KILL_TEST=heavy (set by .ci/run)
 * runs 300 stacks and 9 kills. (A kill between the swap's two renames, a window of microseconds that
 * polling rarely hits, is covered step by step in output-directory.test.ts.)
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { dump as stringify } from 'js-yaml';
import { readableOutputDirectory } from '../../cli/io/output-directory';
import { tempDir, writeConfig } from '../support/files';
import { builtCommand, cli } from './support';

const HEAVY = process.env.TWILIO_SSO_KILL_TEST === 'heavy';
const STACKS = HEAVY ? 300 : 10;
const KILLS = HEAVY ? 9 : 3;
jest.setTimeout(HEAVY ? 15 * 60_000 : 60_000);

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const configText = (displayName: string): string =>
  stringify({ targets: Array.from({ length: STACKS }, (_, i) => ({ name: `t${i}`, twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'acme', displayName, groups: [{ id: '00g1', roles: ['agent'] }] } })) });

/** One hash of every file's path and bytes below `dir` (sorted), so two trees compare cheaply. */
function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(`${relative(dir, p)}\0`).update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** When to kill: `arm` is called at the spawn and returns the condition polled until the process ends. */
type Trigger = { what: string; arm: () => () => boolean };

/** Runs the built command and SIGKILLs it when `trigger` fires (or lets it finish). */
function runAndKill(argv: string[], trigger: Trigger): Promise<{ killed: boolean }> {
  const ready = trigger.arm();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtCommand(), ...argv], { stdio: 'ignore' });
    let done = false;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      done = true;
      resolve({ killed: signal === 'SIGKILL' });
    });
    const poll = (): void => {
      if (done) return;
      if (ready()) child.kill('SIGKILL');
      else setImmediate(poll);
    };
    setImmediate(poll);
  });
}

test(`SIGKILL at ${KILLS} points of a ${STACKS}-stack re-synth: the complete old or the complete new output, never a mix`, async () => {
  // Both configs in one folder: their stacks' state paths are the same.
  const oldConfig = writeConfig(configText('Old'));
  const newConfig = join(dirname(oldConfig), 'new.yaml');
  writeFileSync(newConfig, configText('New'));
  const parent = tempDir();
  const out = join(parent, 'out');
  const backup = join(parent, '.twilio-sso-backup-out');

  // The two outputs to expect, written by uninterrupted runs (the new one beside, at the same depth).
  // How long a whole run takes, to spread the time-based kills over it (measured in the heavy variant;
  // the light one takes a typical figure: a kill during start-up is a kill point too).
  let fullRunMs = 1500;
  if (HEAVY) {
    const started = Date.now();
    expect((await runAndKill(['synth', '--config', newConfig, '--output', join(tempDir(), 'out')], { what: 'never', arm: () => () => false })).killed).toBe(false);
    fullRunMs = Date.now() - started;
  }
  const newOut = join(tempDir(), 'out');
  expect((await cli(['synth', '--config', newConfig, '--output', newOut])).code).toBe(0);
  const NEW = treeHash(newOut);
  expect((await cli(['synth', '--config', oldConfig, '--output', out])).code).toBe(0);
  const OLD = treeHash(out);
  expect(NEW).not.toBe(OLD);

  const stagingStacks = (): number => {
    const s = readdirSync(parent).find((e) => e.startsWith('.twilio-sso-staging-out-'));
    try {
      return s ? readdirSync(join(parent, s, 'stacks')).length : 0;
    } catch {
      return 0;
    }
  };
  // Kill points: spread over the run's time, part-way through writing the staged stacks, and at the swap.
  const triggers: Trigger[] = [];
  for (let i = 0; i < KILLS; i++) {
    const kind = i % 3;
    if (kind === 0) {
      const ms = Math.round(((i + 1) / (KILLS + 1)) * fullRunMs);
      triggers.push({
        what: `after ${ms} ms`,
        arm: () => {
          const at = Date.now();
          return () => Date.now() - at >= ms;
        },
      });
    } else if (kind === 1) {
      const n = Math.max(1, Math.round(((i + 1) / (KILLS + 1)) * STACKS));
      triggers.push({ what: `with ${n} stacks staged`, arm: () => () => stagingStacks() >= n });
    } else triggers.push({ what: 'when the backup appears', arm: () => () => existsSync(backup) });
  }

  const seen: string[] = [];
  for (const trigger of triggers) {
    const { killed } = await runAndKill(['synth', '--config', newConfig, '--output', out], trigger);
    const leftovers = readdirSync(parent).filter((e) => e !== 'out');
    for (const l of leftovers) expect(l).toMatch(/^\.twilio-sso-(staging-out-\d+-[A-Za-z0-9]{6}|backup-out)$/);
    const view = treeHash(readableOutputDirectory(out));
    const which = view === OLD ? 'old' : view === NEW ? 'new' : 'A MIX';
    seen.push(`${trigger.what}: ${killed ? 'killed' : 'finished'}, ${which}${existsSync(out) ? '' : ' (from the backup)'}${leftovers.length ? `, left ${leftovers.length}` : ''}`);
    expect({ trigger: trigger.what, which }).not.toEqual({ trigger: trigger.what, which: 'A MIX' });
    // The next run puts everything right: the old output back, nothing beside it.
    const again = await cli(['synth', '--config', oldConfig, '--output', out]);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: expect.not.stringContaining("twilio-sso:") });
    expect(readdirSync(parent)).toEqual(['out']);
    expect(treeHash(out)).toBe(OLD);
  }
  // eslint-disable-next-line no-console
  console.log(`kill points (${STACKS} stacks, a full run ${fullRunMs} ms):\n  ${seen.join('\n  ')}`);
});
