import { spawnSync } from 'child_process';
import { accessSync, constants, existsSync, statSync } from 'fs';
import { delimiter, isAbsolute, join } from 'path';
import { CliIo } from '../context';
import { ioError, usageError } from '../errors';
import { outdirOf } from './invocation';

/** One output as `terraform output -json` prints it. */
export interface TerraformOutput {
  /** The value (a string for every Console output). */
  readonly value: unknown;
  /** Whether Terraform marks it sensitive; such a value is never printed. */
  readonly sensitive: boolean;
}

/** The binaries tried, in order, when `--binary` is not given. */
export const TERRAFORM_BINARIES = ['terraform', 'tofu'] as const;

const STACK_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The stack's Terraform working directory: `<outdir>/stacks/<target>`, where `twilio-sso synth`
 * (and `cdktf deploy`) put it and where `terraform init` ran.
 */
export function stackDirectory(outdir: string, target: string): string {
  if (!STACK_NAME.test(target)) {
    throw usageError(`'${target}' is not a target name (lowercase letters, digits and dashes, as in the config's targets[].name)`);
  }
  const dir = join(outdir, 'stacks', target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw ioError(`no stack directory '${dir}': synthesize and apply the target first (twilio-sso synth, then terraform init + apply in that directory, or cdktf deploy ${target}), or pass --output <the synth output directory>`);
  }
  return dir;
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
 * The Terraform CLI to run: `--binary` as given (a name on PATH or a path), else `terraform`, else
 * `tofu`, whichever is installed first.
 */
export function findTerraformBinary(choice: string | undefined, env: NodeJS.ProcessEnv): string {
  if (choice !== undefined) {
    if (isAbsolute(choice) || choice.includes('/') || choice.includes('\\')) {
      if (!existsSync(choice)) throw ioError(`--binary '${choice}' does not exist`);
      return choice;
    }
    const found = onPath(choice, env);
    if (!found) throw ioError(`--binary '${choice}' is not on PATH`);
    return found;
  }
  for (const name of TERRAFORM_BINARIES) {
    const found = onPath(name, env);
    if (found) return found;
  }
  throw ioError(`neither ${TERRAFORM_BINARIES.join(' nor ')} is on PATH: install one, or pass --binary <path>`);
}

/**
 * Reads the stack's outputs with `<binary> output -json` in its directory. Sensitive values are
 * read (Terraform prints them in JSON) but kept marked, so that nothing prints them.
 */
export function readTerraformOutputs(stackDir: string, binary: string, env: NodeJS.ProcessEnv): Record<string, TerraformOutput> {
  const r = spawnSync(binary, ['output', '-json', '-no-color'], {
    cwd: stackDir,
    env: { ...env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 5 * 60 * 1000,
  });
  const cmd = `${binary} output -json (in ${stackDir})`;
  if (r.error) throw ioError(`${cmd} could not run: ${r.error.message}`);
  if (r.status !== 0) {
    const err = (r.stderr || r.stdout || '').trim().split('\n').slice(-12).join('\n');
    throw ioError(`${cmd} exited ${r.status ?? r.signal}; has 'terraform init' run there?\n${err}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw ioError(`${cmd} did not print JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw ioError(`${cmd} did not print an object of outputs`);
  const out: Record<string, TerraformOutput> = {};
  for (const [name, o] of Object.entries(parsed as Record<string, any>)) {
    if (o === null || typeof o !== 'object') continue;
    out[name] = { value: o.value, sensitive: o.sensitive === true };
  }
  return out;
}

/** The outputs of `<outdir>/stacks/<target>`, read with the Terraform CLI the options name. */
export function readStackOutputs(io: CliIo, target: string, opts: { output?: string; binary?: string }): Record<string, TerraformOutput> {
  const dir = stackDirectory(outdirOf(opts.output, io.env), target);
  return readTerraformOutputs(dir, findTerraformBinary(opts.binary, io.env), io.env);
}
