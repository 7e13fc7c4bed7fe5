import { Command } from 'commander';
import { existsSync, lstatSync, readFileSync, readdirSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { CommandContext, EXIT_CODES_HELP, JSON_FORMAT_VERSION, formatOption, json } from '../context';
import { CliError, EXIT, ioError, usageError } from '../errors';
import { outdirOf } from '../io/invocation';
import { visible } from '../../lib/twilio/rules';

/** Options of `twilio-sso changed`. */
interface ChangedOptions {
  base: string;
  output?: string;
  format: string;
}

/** How a target's synthesized stack compares with the base synth. */
export type StackChange = 'added' | 'changed' | 'unchanged' | 'removed';

// What Terraform itself keeps in a stack folder (providers, lock file, local state, plans): not what
// synth wrote, so never a difference between two synths.
const TERRAFORM_OWN = /^(\.terraform|\.terraform\.lock\.hcl|terraform\..*\.tfstate(\.backup)?|.*\.tfplan)$/;
// A synthesized stack is a few files; a folder with far more is not one (bounded work on any input).
const MAX_FILES = 10_000;

/** `twilio-sso changed --base DIR`: which targets' synthesized stacks differ from another synth. */
export function changedCommand(ctx: CommandContext): Command {
  return new Command('changed')
    .description("say which targets' synthesized stacks differ from another synth (the base branch's), for a CI matrix")
    .requiredOption('-b, --base <dir>', "the other synth's output directory (its stacks/ folder is compared)")
    .option('-o, --output <dir>', 'this synth\'s output directory (default: $CDKTF_OUTDIR, else cdktf.out)')
    .addOption(formatOption())
    .addHelpText(
      'after',
      `
A target is "added" (no stack in the base), "changed" (any file differs, byte for byte), "unchanged",
or "removed" (a stack only the base has: destroy it by hand, its state is still there). Files
Terraform keeps in a stack folder (.terraform/, the lock file, local state) are ignored.
Text: the targets to plan (added and changed), one per line. JSON (--format json):
{"version":1,"base","output","changed":[names added or changed],"targets":[{"name","change"}]}.
${EXIT_CODES_HELP}`,
    )
    .action((opts: ChangedOptions) => runChanged(ctx, opts));
}

function runChanged({ io, result }: CommandContext, opts: ChangedOptions): void {
  const cwd = io.cwd ?? process.cwd();
  const output = outdirOf(opts.output, io.env);
  if (opts.format === 'json') result.jsonError = { version: JSON_FORMAT_VERSION, base: opts.base, output };
  const mine = stacksOf(resolve(cwd, output), '--output');
  const base = stacksOf(resolve(cwd, opts.base), '--base');
  const names = [...new Set([...mine.keys(), ...base.keys()])].sort();
  const targets = names.map((name) => {
    const a = base.get(name);
    const b = mine.get(name);
    const change: StackChange = a === undefined ? 'added' : b === undefined ? 'removed' : sameTree(a, b) ? 'unchanged' : 'changed';
    return { name, change };
  });
  const changed = targets.filter((t) => t.change === 'added' || t.change === 'changed').map((t) => t.name);
  if (opts.format === 'json') {
    io.stdout.write(json({ version: JSON_FORMAT_VERSION, base: opts.base, output, changed, targets }));
  } else {
    for (const name of changed) io.stdout.write(`${visible(name)}\n`);
    for (const t of targets.filter((x) => x.change === 'removed')) io.stderr.write(`${visible(t.name)}: removed (its stack is only in ${visible(opts.base)}; its resources and state are still there)\n`);
  }
  result.code = EXIT.OK;
}

/** The stack folders of a synth output directory, by target name. */
function stacksOf(outdir: string, flag: string): Map<string, string> {
  const stacks = join(outdir, 'stacks');
  if (!existsSync(outdir) || !statSync(outdir).isDirectory()) throw usageError(`${flag} ${visible(outdir)} is not a directory`);
  const found = new Map<string, string>();
  // A base synth of a config with no targets yet (a first pull request) has no stacks/ folder.
  if (!existsSync(stacks)) return found;
  try {
    for (const e of readdirSync(stacks, { withFileTypes: true })) if (e.isDirectory()) found.set(e.name, join(stacks, e.name));
  } catch (e) {
    throw ioError(visible(`cannot read ${stacks}: ${(e as Error).message}`));
  }
  return found;
}

/** The files synth wrote in a stack folder, by path relative to it (symbolic links are not followed). */
function filesOf(dir: string): string[] {
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      if (rel === '' && TERRAFORM_OWN.test(e.name)) continue;
      const p = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else files.push(p);
      if (files.length > MAX_FILES) throw ioError(visible(`${dir} holds more than ${MAX_FILES} files: not a synthesized stack`));
    }
  };
  try {
    walk('');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw ioError(visible(`cannot read ${dir}: ${(e as Error).message}`));
  }
  return files.sort();
}

function sameTree(a: string, b: string): boolean {
  const fa = filesOf(a);
  const fb = filesOf(b);
  if (fa.length !== fb.length || fa.some((f, i) => f !== fb[i])) return false;
  return fa.every((f) => {
    const pa = join(a, f);
    const pb = join(b, f);
    if (lstatSync(pa).size !== lstatSync(pb).size) return false;
    return readFileSync(pa).equals(readFileSync(pb));
  });
}
