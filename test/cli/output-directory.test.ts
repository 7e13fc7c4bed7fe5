/**
 * The synth output folder holds exactly one complete synth (issue 19.2): refused folders, a target
 * removed from the config, Terraform's working files carried over, what a kill between any two steps
 * of the swap leaves and how the next run puts it right, and I/O failures (exit 2, old output intact)
 * on real file systems: a full tmpfs, a read-only parent, a mount point as the output folder.
 */
import { execFileSync } from 'child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';
import { dump as stringify } from 'js-yaml';
import { OUTPUT_MARKER, createStaging, readableOutputDirectory, recoverInterruptedSynth } from '../../cli/io/output-directory';
import { readTree, tempDir, writeConfig } from '../support/files';
import { cli } from './support';

const JQ = 'JQ0123456789abcdef0123456789abcdef';
const target = (name: string, displayName = 'Twilio Flex') => ({ name, twilio: { flexEnhanced: { connectionSid: JQ } }, okta: { orgName: 'acme', displayName, groups: [{ id: '00g1', roles: ['agent'] }] } });
const config = (names: string[], displayName?: string): string => writeConfig(stringify({ targets: names.map((n) => target(n, displayName)) }));
/** Everything in a folder but the output itself: what a run left beside it. */
const besides = (parent: string, name = 'out'): string[] => readdirSync(parent).filter((e) => e !== name).sort();

describe('folders a synth refuses to replace (exit 2, nothing written)', () => {
  test.each([
    ['--output empty', ['--output', ''], {}, /--output is empty/],
    ['CDKTF_OUTDIR empty', [], { CDKTF_OUTDIR: '' }, /CDKTF_OUTDIR is set but empty/],
    ['the current directory', ['--output', '.'], {}, /--output '\.' is the current directory/],
    ['the root directory', ['--output', '/'], {}, /--output '\/' is the root directory/],
    ['the home directory', ['--output', homedir()], {}, /is the home directory/],
  ])('%s', async (_what, argv, env, message) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'manifest.json'), 'mine\n');
    const r = await cli(['synth', '--config', config(['flex']), ...argv], env, undefined, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(cwd)).toEqual(['manifest.json']);
    expect(readFileSync(join(cwd, 'manifest.json'), 'utf8')).toBe('mine\n');
  });

  test('a folder holding files no synth wrote: named, left alone', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'keep me\n');
    mkdirSync(join(out, 'src'));
    const r = await cli(['synth', '--config', config(['flex']), '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the output directory '${out}' holds files no synth wrote ('notes.txt', 'src')`);
    expect(readdirSync(out).sort()).toEqual(['notes.txt', 'src']);
  });

  test('a file as the output: exit 2, the file unchanged', async () => {
    const file = join(tempDir(), 'out');
    writeFileSync(file, 'a file\n');
    const r = await cli(['synth', '--config', config(['flex']), '--output', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a folder \(a file\)/);
    expect(readFileSync(file, 'utf8')).toBe('a file\n');
  });

  test('a path through a file (ENOTDIR): exit 2, one line', async () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, '');
    const r = await cli(['synth', '--config', config(['flex']), '--output', join(file, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twilio-sso: cannot write the output directory .*ENOTDIR/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('an output written before the marker existed (manifest.json and stacks/ only) is replaced', async () => {
    const out = join(tempDir(), 'out');
    const file = config(['flex']);
    expect((await cli(['synth', '--config', file, '--output', out])).code).toBe(0);
    const { [OUTPUT_MARKER]: marker, ...legacy } = readTree(out);
    expect(marker).toMatch(/Written whole by `twilio-sso synth`/);
    execFileSync('rm', [join(out, OUTPUT_MARKER)]);
    const r = await cli(['synth', '--config', file, '--output', out]);
    expect(r.code).toBe(0);
    const { [OUTPUT_MARKER]: again, ...now } = readTree(out);
    expect(again).toBe(marker);
    expect(now).toEqual(legacy);
  });
});

describe('a re-synth replaces the output whole', () => {
  test('a target removed from the config: its stack folder is gone; nothing is left beside the output', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    expect((await cli(['synth', '--config', config(['one', 'two']), '--output', out])).code).toBe(0);
    expect(readdirSync(join(out, 'stacks')).sort()).toEqual(['one', 'two']);
    expect((await cli(['synth', '--config', config(['one']), '--output', out])).code).toBe(0);
    expect(readdirSync(join(out, 'stacks'))).toEqual(['one']);
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stacks)).toEqual(['one']);
    expect(besides(parent)).toEqual([]);
  });

  test("Terraform's .terraform/ and lock file are carried over (hard links); other files in a stack folder are not", async () => {
    const out = join(tempDir(), 'out');
    const file = config(['one']);
    await cli(['synth', '--config', file, '--output', out]);
    const stack = join(out, 'stacks', 'one');
    mkdirSync(join(stack, '.terraform', 'providers', 'registry.terraform.io'), { recursive: true });
    writeFileSync(join(stack, '.terraform', 'providers', 'registry.terraform.io', 'provider-binary'), 'ELF…');
    writeFileSync(join(stack, '.terraform.lock.hcl'), '# lock\n');
    writeFileSync(join(stack, 'stray.txt'), 'not Terraform’s\n');
    const inode = statSync(join(stack, '.terraform.lock.hcl')).ino;
    expect((await cli(['synth', '--config', file, '--output', out])).code).toBe(0);
    expect(readFileSync(join(stack, '.terraform', 'providers', 'registry.terraform.io', 'provider-binary'), 'utf8')).toBe('ELF…');
    expect(statSync(join(stack, '.terraform.lock.hcl')).ino).toBe(inode);
    expect(existsSync(join(stack, 'stray.txt'))).toBe(false);
  });
});

describe('a kill between any two steps of the swap: readers see one whole output, the next run puts it right', () => {
  // The swap is: rename out → backup, rename staging → out, remove backup (cli/io/output-directory.ts).
  // Each case stops after a prefix of those steps, as a SIGKILL there would, using the real folders.
  async function prepared() {
    const parent = tempDir();
    const out = join(parent, 'out');
    const oldConfig = config(['one', 'two'], 'Old');
    const newConfig = config(['one', 'two'], 'New');
    await cli(['synth', '--config', oldConfig, '--output', out]);
    const oldTree = readTree(out);
    const other = join(tempDir(), 'out');
    await cli(['synth', '--config', newConfig, '--output', other]);
    const newTree = readTree(other);
    expect(newTree).not.toEqual(oldTree);
    // A complete staged output, as a run has it just before the swap (its pid is a process that is gone).
    const gone = spawnGone();
    const staging = join(parent, `.twilio-sso-staging-out-${gone}-abcdef`);
    renameSync(other, staging);
    return { parent, out, staging, oldTree, newTree, newConfig };
  }

  test('killed before the first rename: the old output, and the staging folder is removed by the next run', async () => {
    const p = await prepared();
    expect(readTree(readableOutputDirectory(p.out))).toEqual(p.oldTree);
    expect(recoverInterruptedSynth(p.out)).toEqual([expect.stringMatching(/^removed \.twilio-sso-staging-out-\d+-abcdef/)]);
    expect(besides(p.parent)).toEqual([]);
    expect(readTree(p.out)).toEqual(p.oldTree);
  });

  test('killed between the renames: no output folder, readers see the backup (the whole old output); the next run restores it', async () => {
    const p = await prepared();
    renameSync(p.out, join(p.parent, '.twilio-sso-backup-out'));
    expect(existsSync(p.out)).toBe(false);
    expect(readTree(readableOutputDirectory(p.out))).toEqual(p.oldTree);
    const r = await cli(['synth', '--config', p.newConfig, '--output', p.out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Note: restored the previous output from .twilio-sso-backup-out');
    expect(readTree(p.out)).toEqual(p.newTree);
    expect(besides(p.parent)).toEqual([]);
  });

  test('killed after the second rename: the new output; the next run removes the backup', async () => {
    const p = await prepared();
    renameSync(p.out, join(p.parent, '.twilio-sso-backup-out'));
    renameSync(p.staging, p.out);
    expect(readTree(readableOutputDirectory(p.out))).toEqual(p.newTree);
    expect(recoverInterruptedSynth(p.out)).toEqual([expect.stringMatching(/^removed \.twilio-sso-backup-out/)]);
    expect(besides(p.parent)).toEqual([]);
    expect(readTree(p.out)).toEqual(p.newTree);
  });

  test('only what a synth left is removed: a running synth’s staging, unmarked folders and look-alike names stay', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    mkdirSync(out);
    const running = createStaging(out); // this process: alive
    const gone = spawnGone();
    const unmarked = join(parent, `.twilio-sso-staging-out-${gone}-zzzzzz`);
    mkdirSync(unmarked);
    writeFileSync(join(unmarked, 'precious'), '');
    const emptyKilled = join(parent, `.twilio-sso-staging-out-${gone}-yyyyyy`);
    mkdirSync(emptyKilled);
    const otherOutput = join(parent, `.twilio-sso-staging-out-x-${gone}-abcdef`);
    mkdirSync(otherOutput);
    writeFileSync(join(otherOutput, OUTPUT_MARKER), '');
    const unmarkedBackup = join(parent, '.twilio-sso-backup-out');
    mkdirSync(unmarkedBackup);
    writeFileSync(join(unmarkedBackup, 'precious'), '');
    recoverInterruptedSynth(out);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(unmarked)).toBe(true);
    expect(existsSync(emptyKilled)).toBe(false);
    expect(existsSync(otherOutput)).toBe(true);
    expect(existsSync(unmarkedBackup)).toBe(true);
  });

  test('a folder named like the backup that no synth wrote stops the swap with a message, and is left alone', async () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    const file = config(['one']);
    await cli(['synth', '--config', file, '--output', out]);
    const before = readTree(out);
    mkdirSync(join(parent, '.twilio-sso-backup-out'));
    writeFileSync(join(parent, '.twilio-sso-backup-out', 'precious'), 'x');
    const r = await cli(['synth', '--config', file, '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.twilio-sso-backup-out\' is in the way of the swap and holds no synth output marker');
    expect(readTree(out)).toEqual(before);
    expect(besides(parent)).toEqual(['.twilio-sso-backup-out']);
  });
});

/** The pid of a process that has ended (so no live process has it, for as long as pids are not reused). */
function spawnGone(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
}

// Real file-system failures need a real mount: root can mount a tmpfs (CI runs as root here); others
// skip these, saying so.
const CAN_MOUNT = ((): boolean => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = tempDir('twilio-sso-mount-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted.reverse()) execFileSync('umount', ['-l', m], { stdio: 'ignore' });
});
function tmpfs(options: string): string {
  const dir = tempDir('twilio-sso-mount-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}
const onMounts = CAN_MOUNT ? describe : describe.skip;
if (!CAN_MOUNT) console.warn('output-directory.test.ts: not root on Linux, so the tmpfs cases (ENOSPC, read-only parent, mount point) are skipped');

onMounts('I/O failures: exit 2, one line, the previous output intact, nothing left beside it', () => {
  test('the disk fills up half-way through the new output (ENOSPC)', async () => {
    const parent = tmpfs('size=160k');
    const out = join(parent, 'out');
    expect((await cli(['synth', '--config', config(['one']), '--output', out])).code).toBe(0);
    const before = readTree(out);
    const r = await cli(['synth', '--config', config(Array.from({ length: 30 }, (_, i) => `t${i}`)), '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twilio-sso: cannot write the output directory .*ENOSPC.*the previous output, if any, is unchanged\n$/);
    expect(readTree(out)).toEqual(before);
    expect(besides(parent)).toEqual([]);
  });

  test('a parent folder that is not writable (a read-only file system)', async () => {
    const parent = tmpfs('size=1m');
    const out = join(parent, 'out');
    expect((await cli(['synth', '--config', config(['one']), '--output', out])).code).toBe(0);
    const before = readTree(out);
    execFileSync('mount', ['-o', 'remount,ro', parent]);
    const r = await cli(['synth', '--config', config(['one'], 'New'), '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^twilio-sso: cannot write the output directory .*EROFS.*in its parent: both must be writable/);
    expect(readTree(out)).toEqual(before);
  });

  test('the output folder is a mount point (it cannot be renamed): the previous output intact', async () => {
    const out = tmpfs('size=1m');
    const elsewhere = join(tempDir(), 'out');
    expect((await cli(['synth', '--config', config(['one']), '--output', elsewhere])).code).toBe(0);
    execFileSync('cp', ['-a', `${elsewhere}/.`, out]);
    const before = readTree(out);
    const r = await cli(['synth', '--config', config(['one'], 'New'), '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the output directory .*(EBUSY|EXDEV).*is it a mount point\?/);
    expect(readTree(out)).toEqual(before);
    expect(lstatSync(out).isDirectory()).toBe(true);
  });
});

test('under the cdktf CLI, a removed target leaves an empty folder for the CLI to delete (it fails on one already gone)', async () => {
  const parent = tempDir();
  const out = join(parent, 'out');
  const env = { CDKTF_OUTDIR: out, CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' };
  expect((await cli(['synth', '--config', config(['one', 'two'])], env)).code).toBe(0);
  expect((await cli(['synth', '--config', config(['one'])], env)).code).toBe(0);
  expect(readdirSync(join(out, 'stacks')).sort()).toEqual(['one', 'two']);
  expect(readdirSync(join(out, 'stacks', 'two'))).toEqual([]);
  expect(Object.keys(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).stacks)).toEqual(['one']);
});

// Root writes through permissions, so this one runs for other users (root is covered by the read-only mount above).
(process.getuid?.() === 0 ? test.skip : test)('a parent folder without write permission (EACCES): exit 2, the previous output intact', async () => {
  const parent = tempDir();
  const out = join(parent, 'out');
  const file = config(['one']);
  expect((await cli(['synth', '--config', file, '--output', out])).code).toBe(0);
  const before = readTree(out);
  chmodSync(parent, 0o555);
  try {
    const r = await cli(['synth', '--config', config(['one'], 'New'), '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/EACCES.*in its parent: both must be writable/);
    expect(readTree(out)).toEqual(before);
  } finally {
    chmodSync(parent, 0o755);
  }
});

test('the output folder gets the mode the umask allows, as a folder made by mkdir (not a temporary folder’s 0700)', async () => {
  const out = join(tempDir(), 'out');
  expect((await cli(['synth', '--config', config(['one']), '--output', out])).code).toBe(0);
  const probe = join(tempDir(), 'probe');
  mkdirSync(probe);
  expect(statSync(out).mode & 0o777).toBe(statSync(probe).mode & 0o777);
});
