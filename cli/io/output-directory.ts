import { Dirent, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmdirSync, rmSync, statSync, symlinkSync, copyFileSync, writeFileSync } from 'fs';
import { randomBytes } from 'crypto';
import { homedir } from 'os';
import { basename, dirname, join, resolve } from 'path';
import { visible } from '../../lib/twilio/rules';
import { ioError, usageError } from '../errors';

// The synth output directory holds exactly one complete synth, whatever happens (issue 19.2).
//
// A synth writes its whole output into a staging directory beside the output directory (same parent,
// so the same file system), then swaps directories by rename:
//
//   1. rename <out> → .twilio-sso-backup-<name>   (skipped on a first synth)
//   2. rename <staging> → <out>
//   3. remove the backup
//
// Each rename is atomic, so a SIGKILL at any moment leaves one of: the old output and a staging
// directory (before 2); no <out> but the complete old output as the backup (between 1 and 2); the new
// output and a backup (between 2 and 3). Readers (console, verify) and the next synth take the backup
// for the output when <out> is missing; the next synth puts it back first, and removes what a killed
// run left: a backup beside a complete output, and staging directories whose process is gone. Both
// are recognised by their name and by the marker file every synth output carries, never by name alone.

/** The marker file in every synth output (and staging directory): what wrote the folder. */
export const OUTPUT_MARKER = '.twilio-sso-output';

const MARKER_TEXT =
  'Written whole by `twilio-sso synth`: every synth replaces this folder (Terraform\'s .terraform/ and\n' +
  '.terraform.lock.hcl in each stack folder are carried over). Keep nothing of your own here.\n' +
  'Terraform state is not here: see the README, "Where the state is".\n';

/** Terraform's own working files in a stack folder, carried over from the old output to the new one. */
export const TERRAFORM_WORKING_FILES = ['.terraform', '.terraform.lock.hcl'] as const;

const stagingPrefix = (name: string): string => `.twilio-sso-staging-${name}-`;
const backupName = (name: string): string => `.twilio-sso-backup-${name}`;

/** Where the output directory came from, for messages. */
export type OutputSource = '--output' | 'CDKTF_OUTDIR' | 'the default';

/**
 * The output directory, resolved, once it is one a synth may replace: not empty, `.`, `/` or the
 * home directory (a synth replaces the whole folder), and not a file. Throws a usage error (exit 2).
 */
export function outputDirectoryPath(outdir: string, source: OutputSource, cwd: string): string {
  const shown = `${source === 'the default' ? 'the output directory' : source} '${visible(outdir)}'`;
  if (outdir.trim() === '') throw usageError(`${source === 'CDKTF_OUTDIR' ? 'CDKTF_OUTDIR is set but empty' : '--output is empty'}: name the folder the stacks go to (e.g. cdktf.out)`);
  const target = resolve(cwd, outdir);
  const refused = new Map<string, string>([
    [resolve(cwd), 'the current directory'],
    [resolve('/'), 'the root directory'],
    [resolve(homedir()), 'the home directory'],
  ]);
  const what = refused.get(target);
  if (what !== undefined) throw usageError(`${shown} is ${what}: a synth replaces its output folder whole, so it must be a folder of its own (e.g. cdktf.out)`);
  return target;
}

/** Why a directory cannot be a synth output, or undefined when it can (missing, empty, or written by a synth). */
function foreignContent(target: string): string | undefined {
  let st;
  try {
    st = lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (!st.isDirectory()) return `is not a folder (${st.isSymbolicLink() ? 'a symbolic link' : st.isFile() ? 'a file' : 'not a regular folder'})`;
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return undefined;
  // An output written before the marker existed: cdktf's manifest and stack folders only.
  if (entries.every((e) => e === 'manifest.json' || e === 'stacks') && entries.includes('manifest.json') && isCdktfManifest(join(target, 'manifest.json'))) return undefined;
  const shown = entries.sort().slice(0, 5).map((e) => `'${visible(e, 60)}'`).join(', ');
  return `holds files no synth wrote (${shown}${entries.length > 5 ? `, and ${entries.length - 5} more` : ''})`;
}

function isCdktfManifest(file: string): boolean {
  try {
    if (statSync(file).size > 16 * 1024 * 1024) return false;
    const m = JSON.parse(readFileSync(file, 'utf8'));
    return m !== null && typeof m === 'object' && typeof m.stacks === 'object' && typeof m.version === 'string';
  } catch {
    return false;
  }
}

/**
 * Checks that `target` may be replaced by a synth (see {@link outputDirectoryPath}); throws an I/O
 * error (exit 2) naming what is in the way.
 */
export function assertReplaceable(target: string, shownAs: string): void {
  const problem = foreignContent(target);
  if (problem !== undefined) throw ioError(`the output directory '${visible(shownAs)}' ${problem}: a synth replaces its output folder whole; choose an empty or new folder, or one an earlier synth wrote`);
}

/** Whether `dir` carries the synth marker. */
const hasMarker = (dir: string): boolean => {
  try {
    return lstatSync(join(dir, OUTPUT_MARKER)).isFile();
  } catch {
    return false;
  }
};

/**
 * Removes a synth's folder with its marker last, so that a removal stopped part-way still leaves a
 * folder that the next run recognises (or an empty one, which it removes as well).
 */
function removeMarked(dir: string): void {
  for (const e of readdirSync(dir)) if (e !== OUTPUT_MARKER) rmSync(join(dir, e), { recursive: true, force: true });
  rmSync(join(dir, OUTPUT_MARKER), { force: true });
  rmdirSync(dir);
}

const isEmptyDir = (dir: string): boolean => {
  try {
    return lstatSync(dir).isDirectory() && readdirSync(dir).length === 0;
  } catch {
    return false;
  }
};

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The folder to read a synth output from: `target`, or its backup when a synth was killed between
 * its two renames (the backup is then the complete previous output).
 */
export function readableOutputDirectory(target: string): string {
  if (existsSync(target)) return target;
  const backup = join(dirname(target), backupName(basename(target)));
  return hasMarker(backup) ? backup : target;
}

/**
 * Puts right what a killed synth left around `target`: the backup back in place when `target` is
 * missing, a backup beside a complete output removed, staging directories of processes that are
 * gone removed. Only folders with the synth's name prefix and marker are touched (an empty staging
 * folder, killed before its marker was written, is removed only if empty).
 * @returns what was done, one line each (for a warning)
 */
export function recoverInterruptedSynth(target: string): string[] {
  const parent = dirname(target);
  const name = basename(target);
  const done: string[] = [];
  const backup = join(parent, backupName(name));
  if (isEmptyDir(backup)) {
    rmdirSync(backup);
    done.push(`removed ${backupName(name)} (empty: an interrupted synth had almost removed it)`);
  } else if (hasMarker(backup)) {
    // Something other than a synth may have made an empty folder where the output was: the backup wins.
    if (existsSync(target) && !hasMarker(target) && lstatSync(target).isDirectory() && readdirSync(target).length === 0) rmdirSync(target);
    if (!existsSync(target)) {
      renameSync(backup, target);
      done.push(`restored the previous output from ${backupName(name)} (a synth was interrupted while swapping folders)`);
    } else if (hasMarker(target)) {
      removeMarked(backup);
      done.push(`removed ${backupName(name)} (the previous output an interrupted synth had replaced)`);
    }
  }
  let entries: Dirent[];
  try {
    entries = readdirSync(parent, { withFileTypes: true });
  } catch {
    return done;
  }
  const prefix = stagingPrefix(name);
  for (const e of entries) {
    if (!e.isDirectory() || !e.name.startsWith(prefix)) continue;
    const m = /^(\d+)-[A-Za-z0-9]{6}$/.exec(e.name.slice(prefix.length));
    if (!m || alive(Number(m[1]))) continue;
    const dir = join(parent, e.name);
    if (hasMarker(dir)) removeMarked(dir);
    else if (isEmptyDir(dir)) rmdirSync(dir);
    else continue;
    done.push(`removed ${e.name} (the unfinished output of an interrupted synth)`);
  }
  return done;
}

/** A new staging directory beside `target`, marked as a synth's, for the whole new output. */
export function createStaging(target: string): string {
  // Not mkdtemp: its 0700 would become the output folder's mode; mkdir gives what the umask allows.
  let staging: string;
  for (;;) {
    staging = join(dirname(target), `${stagingPrefix(basename(target))}${process.pid}-${randomBytes(3).toString('hex')}`);
    try {
      mkdirSync(staging);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  writeFileSync(join(staging, OUTPUT_MARKER), MARKER_TEXT);
  return staging;
}

/**
 * Carries Terraform's working files ({@link TERRAFORM_WORKING_FILES}) of each stack that is in both
 * outputs from the old output into the staged one, as hard links (copies where links are refused),
 * so the old output stays whole until the swap. `skipBackendCache` names stacks whose
 * `.terraform/terraform.tfstate` (Terraform's record of the backend it was initialised with) is
 * left behind, so that `terraform init` takes the new backend as a first initialisation.
 */
export function carryTerraformFiles(target: string, staging: string, skipBackendCache: ReadonlySet<string> = new Set()): void {
  const oldStacks = join(target, 'stacks');
  const newStacks = join(staging, 'stacks');
  if (!existsSync(oldStacks) || !existsSync(newStacks)) return;
  for (const stack of readdirSync(newStacks)) {
    for (const f of TERRAFORM_WORKING_FILES) {
      const from = join(oldStacks, stack, f);
      if (!existsSync(from)) continue;
      const skip = skipBackendCache.has(stack) ? join(oldStacks, stack, '.terraform', 'terraform.tfstate') : undefined;
      linkTree(from, join(newStacks, stack, f), skip);
    }
  }
}

function linkTree(from: string, to: string, skip: string | undefined): void {
  if (from === skip) return;
  const st = lstatSync(from);
  if (st.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
  else if (st.isDirectory()) {
    mkdirSync(to);
    for (const e of readdirSync(from)) linkTree(join(from, e), join(to, e), skip);
  } else if (st.isFile()) {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  }
}

/**
 * Swaps the staged output in for `target` (steps 1–3 above). On a failure before the new output is
 * in place, the old one is put back and the error rethrown. Once the new output is in place nothing
 * throws: a backup that cannot be removed is left for the next run, and said.
 * @returns a notice when the backup was left behind
 */
export function swapIn(staging: string, target: string): string | undefined {
  const backup = join(dirname(target), backupName(basename(target)));
  if (!existsSync(target)) {
    renameSync(staging, target);
    return undefined;
  }
  if (existsSync(backup)) {
    throw ioError(`'${visible(backup, 300)}' is in the way of the swap and holds no synth output marker: remove it (it is not something a synth wrote), then synth again`);
  }
  renameSync(target, backup);
  try {
    renameSync(staging, target);
  } catch (e) {
    renameSync(backup, target);
    throw e;
  }
  try {
    removeMarked(backup);
    return undefined;
  } catch (e) {
    return `the previous output is left in ${backupName(basename(target))} (${visible((e as Error).message, 200)}); the next synth removes it`;
  }
}
