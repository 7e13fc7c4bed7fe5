import { AnnotationMetadataEntryType, App } from 'cdktf';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { GENERATED_FILES_MANIFEST } from '../lib/core/generated-files';
import { SsoConfigError, SsoErrorCode } from '../lib/twilio';
import { declareStacks } from '../stacks/build-app';
import { ConfigCheck, ConfigReadError, checkConfigFile, configCheckError } from '../stacks/config/check-config';
import { problemAt } from '../stacks/config/config-problems';
import { ConfigDocument } from '../stacks/config/config-document';

/** What a successful synth wrote. */
export interface Synthesized {
  /** The synthesized app (its constructs carry the warning annotations). */
  readonly app: App;
  /** The output directory. */
  readonly outdir: string;
  /** The stack names, in config order. */
  readonly stacks: string[];
  /** Warning annotations (e.g. a certificate close to expiry), as `[construct path] message`. */
  readonly warnings: string[];
}

/** The outcome of {@link synthesize}: the stacks written, or every problem and nothing written. */
export type SynthOutcome = { readonly ok: true; readonly result: Synthesized } | { readonly ok: false; readonly check: ConfigCheck };

/**
 * Checks the config exactly as `twilio-sso validate` does and, only if it is valid, synthesizes one
 * stack per target into `outdir`. Nothing is written unless everything succeeds: the app is
 * synthesized into a staging directory next to `outdir` first (a policy-check finding in the third
 * stack would otherwise leave the first two written), and its files are then moved into `outdir`. Files there
 * that a synth does not produce (Terraform's `.terraform/`, lock file, local state) are left alone;
 * generated files a target no longer produces are removed, as a direct synth would.
 * Throws {@link ConfigReadError} when the config file cannot be read.
 */
export function synthesize(configPath: string, outdir: string): SynthOutcome {
  const check = checkConfigFile(configPath);
  if (check.problems.length > 0) return { ok: false, check };
  // Staged next to the output directory, on the same file system: on a first synth (a pipeline's
  // clean checkout) the whole tree then moves into place with one rename.
  const target = resolve(outdir);
  const createdParent = mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), '.twilio-sso-synth-'));
  let committed = false;
  try {
    const app = new App({ outdir: join(staging, 'out') });
    declareStacks(app, check.config!, check.planned!);
    try {
      app.synth();
    } catch (e) {
      const found = policyProblems(e, configPath, check);
      if (found) return { ok: false, check: found };
      throw e;
    }
    commit(join(staging, 'out'), target);
    committed = true;
    return { ok: true, result: { app, outdir, stacks: check.planned!.map((p) => p.name), warnings: warningsOf(app) } };
  } finally {
    // After a commit the staging directory is empty; after a failure it holds the partial output.
    if (committed) rmdirSync(staging);
    else rmSync(staging, { recursive: true, force: true });
    // Directories made only to hold the staging directory go too when nothing was written.
    if (!committed && createdParent !== undefined) rmSync(createdParent, { recursive: true, force: true });
  }
}

/**
 * {@link synthesize} for callers that expect an exception: bad config (and an unreadable file)
 * become one `SsoConfigError` whose message lists every problem.
 */
export function synthesizeOrThrow(configPath: string, outdir: string): Synthesized {
  let outcome: SynthOutcome;
  try {
    outcome = synthesize(configPath, outdir);
  } catch (e) {
    if (e instanceof ConfigReadError) throw new SsoConfigError(SsoErrorCode.CONFIG_NOT_FOUND, 'config', configPath, e.message);
    throw e;
  }
  if (!outcome.ok) throw configCheckError(outcome.check);
  return outcome.result;
}

/** Warning annotations of the app, in construct order: `[path] message`. */
export function warningsOf(app: App): string[] {
  const out: string[] = [];
  for (const c of app.node.findAll()) {
    for (const m of c.node.metadata) {
      if (m.type === AnnotationMetadataEntryType.WARN) out.push(`[${c.node.path}] ${m.data}`);
    }
  }
  return out;
}

/**
 * A policy-check finding (`TwilioSso-<Rule>`, raised by cdktf as an error annotation) as problems
 * at the targets whose stacks have them. Undefined for any other error.
 */
function policyProblems(e: unknown, configPath: string, check: ConfigCheck): ConfigCheck | undefined {
  if (!(e instanceof Error) || !e.message.includes('TwilioSso-')) return undefined;
  const doc = ConfigDocument.parse(readFileSync(configPath), configPath);
  const names = check.planned!.map((p) => p.name);
  const problems = e.message
    .split('\n')
    .map((line) => /^\s*\[([^/\]]+)[^\]]*\]\s*(TwilioSso-[A-Za-z0-9]+)(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const i = Math.max(0, names.indexOf(m[1]));
      return problemAt(doc, ['targets', i], m[2], `targets[${i}] (stack '${m[1]}'): ${m[2]}${m[3]}`);
    });
  return problems.length > 0 ? { file: check.file, problems } : undefined;
}

/**
 * Moves the staged output into `outdir` (see {@link synthesize}): the whole tree when `outdir` does
 * not exist yet, else each directory that is new whole, and file by file into those that exist.
 */
function commit(staged: string, outdir: string): void {
  if (!existsSync(outdir)) {
    renameSync(staged, outdir);
    return;
  }
  const stacks = join(staged, 'stacks');
  if (existsSync(stacks)) {
    for (const stack of readdirSync(stacks)) {
      const into = join(outdir, 'stacks', stack);
      if (existsSync(into)) removeStaleGenerated(join(stacks, stack), into);
    }
  }
  moveTree(staged, outdir);
}

/** Removes what the previous synth generated into `target` and this one did not (lib/core/generated-files.ts). */
function removeStaleGenerated(stagedStack: string, target: string): void {
  const listed = (dir: string): string[] => {
    try {
      const files = JSON.parse(readFileSync(join(dir, GENERATED_FILES_MANIFEST), 'utf8')).files;
      return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
    } catch {
      return [];
    }
  };
  const now = new Set(listed(stagedStack));
  for (const old of listed(target)) {
    // Only relative paths inside the stack folder: a hand-edited manifest cannot delete elsewhere.
    if (now.has(old) || old.split('/').some((p) => p === '..' || p === '')) continue;
    rmSync(join(target, ...old.split('/')), { force: true });
  }
}

/**
 * Moves every file of `from` into `to`, replacing files of the same name and leaving others; a
 * directory `to` lacks moves whole. `from` is removed (it is empty by then).
 */
function moveTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory() && existsSync(dst)) moveTree(src, dst);
    else renameSync(src, dst);
  }
  rmdirSync(from);
}
