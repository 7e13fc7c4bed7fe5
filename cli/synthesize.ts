import { AnnotationMetadataEntryType, App } from 'cdktf';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import { SsoConfigError, SsoErrorCode } from '../lib/twilio';
import { visible } from '../lib/twilio/rules';
import { legacyLocalStateFile, localStateFile } from '../stacks/backend';
import { declareStacks } from '../stacks/build-app';
import { ConfigCheck, ConfigReadError, checkConfigFile, configCheckError } from '../stacks/config/check-config';
import { problemAt } from '../stacks/config/config-problems';
import { ConfigDocument } from '../stacks/config/config-document';
import { SsoConfig } from '../stacks/config/config-types';
import { CliError, ioError } from './errors';
import { OutputSource, assertReplaceable, carryTerraformFiles, createStaging, outputDirectoryPath, recoverInterruptedSynth, swapIn } from './io/output-directory';

/** What a successful synth wrote. */
export interface Synthesized {
  /** The synthesized app (its constructs carry the warning annotations). */
  readonly app: App;
  /** The output directory, as given. */
  readonly outdir: string;
  /** The stack names, in config order. */
  readonly stacks: string[];
  /** Warning annotations (e.g. a certificate close to expiry), as `[construct path] message`. */
  readonly warnings: string[];
  /** What the run did besides writing the output: state moved out of it, an interrupted synth put right. */
  readonly notices: string[];
}

/** The outcome of {@link synthesize}: the stacks written, or every problem and nothing written. */
export type SynthOutcome = { readonly ok: true; readonly result: Synthesized } | { readonly ok: false; readonly check: ConfigCheck };

/** Where a synth runs from. */
export interface SynthOptions {
  /** The directory a relative output directory is resolved from (the config path is the process's). @default process.cwd() */
  readonly cwd?: string;
  /** Where the output directory came from, for messages. @default '--output' */
  readonly outdirSource?: OutputSource;
  /**
   * Run by the cdktf CLI: it lists the stack folders before running the app and then deletes those
   * the app no longer wrote, failing on one that is already gone. An empty folder is left for it to
   * delete for each target that left the config. @default false
   */
  readonly underCdktfCli?: boolean;
}

/**
 * Checks the config exactly as `twilio-sso validate` does and, only if it is valid, synthesizes one
 * stack per target into `outdir`, all or nothing (cli/io/output-directory.ts): the whole output is
 * written into a staging directory beside `outdir` and swapped in by rename, so `outdir` always holds
 * one complete synth, the old or the new, whatever stops the run. Terraform's working files
 * (`.terraform/`, `.terraform.lock.hcl`) are carried over; a stack whose target left the config is gone.
 * Local state found where version 0.1 kept it (inside the output) is moved out first.
 *
 * Throws {@link ConfigReadError} when the config file cannot be read, and a {@link CliError} (exit 2)
 * when the output directory is refused or cannot be written; the old output is then intact.
 */
export function synthesize(configPath: string, outdir: string, options: SynthOptions = {}): SynthOutcome {
  const cwd = options.cwd ?? process.cwd();
  const target = outputDirectoryPath(outdir, options.outdirSource ?? '--output', cwd);
  const check = checkConfigFile(configPath);
  if (check.problems.length > 0) return { ok: false, check };
  const notices: string[] = [];
  let staging: string | undefined;
  let createdParent: string | undefined;
  let committed = false;
  try {
    notices.push(...recoverInterruptedSynth(target));
    assertReplaceable(target, outdir);
    createdParent = mkdirSync(dirname(target), { recursive: true });
    staging = createStaging(target);
    const app = new App({ outdir: staging });
    declareStacks(app, check.config!, check.planned!);
    try {
      app.synth();
    } catch (e) {
      const found = policyProblems(e, configPath, check);
      if (found) return { ok: false, check: found };
      throw e;
    }
    const moved = moveLegacyState(check.config!, check.planned!.map((p) => p.name), target, resolve(dirname(configPath)), notices);
    carryTerraformFiles(target, staging, moved);
    if (options.underCdktfCli) leaveRemovedStackFolders(target, staging);
    const left = swapIn(staging, target);
    committed = true;
    if (left !== undefined) notices.push(left);
    return { ok: true, result: { app, outdir, stacks: check.planned!.map((p) => p.name), warnings: warningsOf(app), notices } };
  } catch (e) {
    throw asIoError(e, outdir);
  } finally {
    // Best effort: a staging folder that cannot be removed now (a read-only or full disk) is the next
    // run's to remove, and must not hide the error that stopped this one.
    if (!committed) {
      try {
        if (staging !== undefined) rmSync(staging, { recursive: true, force: true });
        // Directories made only to hold the output go too when nothing was written.
        if (createdParent !== undefined) rmSync(createdParent, { recursive: true, force: true });
      } catch {
        // left for the next run
      }
    }
  }
}

/** A file-system error while writing the output as an I/O error (exit 2); anything else unchanged. */
function asIoError(e: unknown, outdir: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (e instanceof CliError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return e;
  const hint = code === 'EXDEV' || code === 'EBUSY' ? ' (is it a mount point? A synth replaces the output folder whole by renaming it: give a folder inside the mount)' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ' (a synth writes beside the output folder too, in its parent: both must be writable)' : '';
  return ioError(`cannot write the output directory '${visible(outdir)}': ${visible((e as Error).message, 300)}${hint}; the previous output, if any, is unchanged`);
}

/**
 * Moves local state out of the synth output, where version 0.1 kept it by default
 * (`<output>/stacks/<target>/terraform.<target>.tfstate`, and a relative `backend.local.path`
 * resolved from the stack folder): a re-synth replaces the output, and would take the state with it.
 * @returns the stacks whose state moved (their backend changed: Terraform's backend record is not carried over)
 */
function moveLegacyState(config: SsoConfig, names: string[], target: string, configDir: string, notices: string[]): Set<string> {
  const moved = new Set<string>();
  names.forEach((name, i) => {
    const backend = config.targets[i].backend ?? config.defaults?.backend;
    if (backend !== undefined && backend.local === undefined) return;
    const configured = backend?.local?.path;
    const stackDir = join(target, 'stacks', name);
    const from = legacyLocalStateFile(configured, name, stackDir);
    const to = localStateFile(configured, name, configDir);
    if (from === to || !existsSync(from)) return;
    const inOutput = !relative(target, from).startsWith(`..${sep}`) && relative(target, from) !== '..';
    if (!inOutput) {
      if (!existsSync(to)) {
        throw ioError(`target '${name}': Terraform state found at '${visible(from, 300)}', where backend.local.path '${visible(configured ?? '', 200)}' pointed relative to the stack folder; it is now read relative to the config file's folder, as '${visible(to, 300)}'. Move the state file there (or set an absolute backend.local.path), then synth again`);
      }
      return;
    }
    if (existsSync(to)) {
      throw ioError(`target '${name}': Terraform state is in two places, '${visible(from, 300)}' (inside the synth output, where version 0.1 kept it) and '${visible(to, 300)}' (where it is kept now). Keep the one that matches what is deployed (terraform state list shows what each holds), delete or move away the other, then synth again`);
    }
    mkdirSync(dirname(to), { recursive: true });
    for (const suffix of ['', '.backup']) {
      if (existsSync(from + suffix)) moveFile(from + suffix, to + suffix);
    }
    moved.add(name);
    notices.push(`target '${name}': moved its Terraform state out of the synth output, from '${visible(from, 300)}' to '${visible(to, 300)}' (a re-synth replaces the output). Run 'terraform init' in the stack folder once (cdktf deploy does).`);
  });
  return moved;
}

/** An empty folder in the staged output for each stack folder of the old output that it lacks. */
function leaveRemovedStackFolders(target: string, staging: string): void {
  let old: string[];
  try {
    old = readdirSync(join(target, 'stacks'));
  } catch {
    return;
  }
  for (const s of old) if (!existsSync(join(staging, 'stacks', s))) mkdirSync(join(staging, 'stacks', s), { recursive: true });
}

/** Renames a file, or copies and removes it across file systems. */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, to);
    unlinkSync(from);
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
