import { spawn } from 'child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'fs';
import { delimiter, isAbsolute, join, resolve } from 'path';
import { visible } from '../../lib/twilio/rules';
import { CliIo } from '../context';
import { ioError, usageError } from '../errors';
import { outdirOf } from './invocation';
import { readableOutputDirectory } from './output-directory';

/** One output as `terraform output -json` prints it. */
export interface TerraformOutput {
  /** The value (a string for every Console output). */
  readonly value: unknown;
  /** Whether Terraform marks it sensitive; such a value is never printed. */
  readonly sensitive: boolean;
}

/** The binaries tried, in order, when `--binary` is not given. */
export const TERRAFORM_BINARIES = ['terraform', 'tofu'] as const;

/** Most bytes read from `terraform output -json` (a stack's Console outputs are a few kilobytes). */
export const MAX_TERRAFORM_OUTPUT_BYTES = 8 * 1024 * 1024;

/** How long `terraform output -json` may take by default (`--terraform-timeout`), in seconds. */
export const DEFAULT_TERRAFORM_TIMEOUT_S = 120;

const STACK_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** What a console/verify command line says about where the stack is and how to read it. */
export interface StackOptions {
  /** `--output`: the synth output directory. */
  readonly output?: string;
  /** `--binary`: the Terraform CLI (a name on PATH, or a path from the working directory). */
  readonly binary?: string;
  /** `--terraform-timeout`, in seconds. */
  readonly terraformTimeout?: string;
}

/**
 * The stack's Terraform working directory: `<outdir>/stacks/<target>`, where `twilio-sso synth`
 * (and `cdktf deploy`) put it and where `terraform init` ran. An unknown target lists the known ones.
 */
export function stackDirectory(outdir: string, target: string): string {
  if (!STACK_NAME.test(target)) {
    throw usageError(`'${visible(target)}' is not a target name (lowercase letters, digits and dashes, as in the config's targets[].name)`);
  }
  // A synth killed between its two renames leaves the previous output as the backup: read that.
  const stacks = join(readableOutputDirectory(outdir), 'stacks');
  const dir = join(stacks, target);
  if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
  let known: string[] = [];
  try {
    known = readdirSync(stacks, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    // no output here at all
  }
  if (known.length === 0) {
    throw usageError(`no synth output in '${visible(outdir, 200)}' (no stacks/ folder with stacks): run twilio-sso synth first, or pass --output <the synth output directory>`);
  }
  const shown = known.slice(0, 20).map((k) => visible(k, 63)).join(', ');
  throw usageError(`no target '${target}' in '${visible(outdir, 200)}'; its targets are: ${shown}${known.length > 20 ? `, and ${known.length - 20} more` : ''}`);
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const p = join(dir, name + ext);
      try {
        accessSync(p, constants.X_OK);
        if (statSync(p).isFile()) return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * The Terraform CLI to run: `--binary` as given (a name on PATH, or a path, resolved from the
 * working directory, not from the stack folder Terraform runs in), else `terraform`, else `tofu`,
 * whichever is installed first.
 */
export function findTerraformBinary(choice: string | undefined, env: NodeJS.ProcessEnv, cwd: string = process.cwd()): string {
  if (choice !== undefined) {
    if (isAbsolute(choice) || choice.includes('/') || choice.includes('\\')) {
      const path = resolve(cwd, choice);
      if (!existsSync(path)) throw usageError(`--binary '${visible(choice, 200)}' does not exist (looked for ${visible(path, 200)})`);
      return path;
    }
    const found = onPath(choice, env);
    if (!found) throw usageError(`--binary '${visible(choice, 200)}' is not on PATH`);
    return found;
  }
  for (const name of TERRAFORM_BINARIES) {
    const found = onPath(name, env);
    if (found) return found;
  }
  throw usageError(`neither ${TERRAFORM_BINARIES.join(' nor ')} is on PATH: install one, or pass --binary <path>`);
}

/** What a bounded child process printed. */
interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly failure?: string;
}

/**
 * Runs `binary args` in `cwd`, in a process group of its own, reading at most `maxStdout` bytes of
 * stdout and the last 16 KiB of stderr; after `timeoutMs`, or once stdout passes its cap, the whole
 * group is killed (a wrapper script's children too, which would otherwise hold the pipes open).
 */
function runBounded(binary: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number, maxStdout: number): Promise<ChildResult> {
  return new Promise((done) => {
    const child = spawn(binary, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let failure: string | undefined;
    let finished = false;
    const kill = (why: string): void => {
      if (failure === undefined) failure = why;
      try {
        if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      child.stdout?.destroy();
      child.stderr?.destroy();
    };
    const timer = setTimeout(() => kill(`did not finish within ${timeoutMs / 1000} s (--terraform-timeout)`), timeoutMs);
    child.stdout?.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > maxStdout) kill(`printed more than ${maxStdout} bytes`);
      else out.push(b);
    });
    child.stderr?.on('data', (b: Buffer) => {
      err = (err + b.toString('utf8')).slice(-16 * 1024);
    });
    const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      done({ code, signal, stdout: Buffer.concat(out), stderr: err, failure });
    };
    child.on('error', (e) => {
      failure = `could not run: ${e.message}`;
      finish(null, null);
    });
    child.on('close', finish);
  });
}

/** Terraform's answer when the stack folder was never initialised, or its backend changed since. */
const NEEDS_INIT = /Backend initialization required|backend configuration (has )?changed|require(s)? reinitialization|-migrate-state|terraform init|Plugin reinitialization required|Required plugins are not installed/i;

/**
 * Reads the stack's outputs with `<binary> output -json` in its directory, bounded in time and size.
 * Sensitive values are read (Terraform prints them in JSON) but kept marked, so that nothing prints
 * them. A stack not initialised (Terraform's long -migrate-state explanation) is one line saying what to run (exit 2).
 */
export async function readTerraformOutputs(stackDir: string, binary: string, env: NodeJS.ProcessEnv, timeoutMs = DEFAULT_TERRAFORM_TIMEOUT_S * 1000): Promise<Record<string, TerraformOutput>> {
  // Not initialised is Terraform's to say (its data folder may be elsewhere: TF_DATA_DIR), and is turned into one line below.
  const init = `terraform -chdir=${visible(stackDir, 300)} init`;
  const r = await runBounded(binary, ['output', '-json', '-no-color'], stackDir, { ...env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' }, timeoutMs, MAX_TERRAFORM_OUTPUT_BYTES);
  const cmd = `${visible(binary, 200)} output -json (in ${visible(stackDir, 300)})`;
  if (r.failure) throw ioError(`${cmd} ${r.failure}`);
  if (r.code !== 0) {
    if (NEEDS_INIT.test(r.stderr)) throw usageError(`the stack in '${visible(stackDir, 300)}' is not initialised (terraform init never ran there, or its backend or providers changed since): run '${init}', then apply it if it never was`);
    // Terraform's own words, the last lines, each escaped: they may quote anything.
    const tail = r.stderr.trim().split('\n').slice(-6).map((l) => `  ${visible(l, 300)}`).join('\n');
    throw ioError(`${cmd} exited ${r.code ?? r.signal}${tail ? `:\n${tail}` : ''}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.stdout.toString('utf8'));
  } catch {
    throw ioError(`${cmd} did not print JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw ioError(`${cmd} did not print an object of outputs`);
  const out: Record<string, TerraformOutput> = Object.create(null);
  for (const [name, o] of Object.entries(parsed as Record<string, any>)) {
    if (o === null || typeof o !== 'object') continue;
    out[name] = { value: o.value, sensitive: o.sensitive === true };
  }
  return out;
}

/**
 * The outputs of `<outdir>/stacks/<target>`, read with the Terraform CLI the options name. A stack
 * with no outputs has not been applied: one line saying so (exit 2).
 */
export async function readStackOutputs(io: CliIo, target: string, opts: StackOptions): Promise<Record<string, TerraformOutput>> {
  const seconds = Number(opts.terraformTimeout ?? DEFAULT_TERRAFORM_TIMEOUT_S);
  if (!Number.isFinite(seconds) || seconds <= 0) throw usageError(`--terraform-timeout must be a number of seconds, got '${visible(String(opts.terraformTimeout))}'`);
  const dir = stackDirectory(outdirOf(opts.output, io.env), target);
  const outputs = await readTerraformOutputs(dir, findTerraformBinary(opts.binary, io.env, io.cwd), io.env, seconds * 1000);
  if (Object.keys(outputs).length === 0) {
    throw usageError(`the stack '${target}' has no outputs: it has not been applied yet (terraform -chdir=${visible(dir, 300)} apply, or cdktf deploy ${target})`);
  }
  return outputs;
}
