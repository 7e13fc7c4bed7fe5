/**
 * Everything the check judges, synthesized into a temp dir: every config under examples/config
 * (through the `twilio-sso synth` command, as a pipeline runs it), every examples/*.ts (its
 * synthExample(outdir)) and the check's own fixtures (literal-text.ts).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { join, relative, sep } from 'path';
import { indent, log, run, secs } from './exec';
import { LITERAL_TEXT_EXPECTATIONS, LiteralExpectation, literalTextConfig } from './literal-text';
import { ROOT } from './paths';

/** One synthesized stack. */
export interface SynthesizedStack {
  /** `config/flex-okta`, `example flex-okta-groups/flex-okta-groups`, … */
  readonly label: string;
  readonly dir: string;
  /** Values its plan must show literally; a stack with some must be planned. */
  readonly literals?: readonly LiteralExpectation[];
}

/** A synthesis that failed. */
export interface SynthFailure {
  readonly what: string;
  readonly detail: string;
}

/** One program run that writes stacks under `<out>/stacks/`. */
interface SynthJob {
  readonly label: string;
  readonly out: string;
  readonly cmd: readonly [string, readonly string[]];
  /** Prefix of its stacks' labels. */
  readonly prefix: string;
  readonly literals?: readonly LiteralExpectation[];
}

/** `npm run build` (the command and the library as users get them). */
export function build(): void {
  const t = Date.now();
  const res = run('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('npm run build failed');
  log(`build: ${secs(Date.now() - t)}`);
}

/** Orders paths with `first` ahead of the rest, the rest by code unit. */
export function mainFirst(paths: readonly string[], first: string): string[] {
  return [...paths].sort((a, b) => (a === b ? 0 : a === first ? -1 : b === first ? 1 : a < b ? -1 : 1));
}

/** The YAML configs under `base`, relative to it with `/`, twilio-sso.yaml first, then in path order. */
export function exampleConfigs(base: string = join(ROOT, 'examples', 'config')): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) found.push(relative(base, p).split(sep).join('/'));
    }
  };
  walk(base);
  return mainFirst(found, 'twilio-sso.yaml');
}

/** The `twilio-sso` command as the package publishes it (package.json `bin`). */
function commandPath(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(ROOT, pkg.bin['twilio-sso']);
}

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');

function jobs(outRoot: string): SynthJob[] {
  const command = commandPath();
  const out: SynthJob[] = [];
  const synth = (label: string, prefix: string, config: string, literals?: readonly LiteralExpectation[]): SynthJob => {
    const dir = join(outRoot, safeName(prefix));
    return { label, out: dir, prefix, literals, cmd: ['node', [command, 'synth', '--config', config, '--output', dir]] };
  };
  // The main config keeps its `config/<stack>` labels; the others (adoption with import blocks, the
  // legacy → enhanced migration phases) are labelled by their path.
  for (const rel of exampleConfigs()) {
    out.push(synth(`config examples/config/${rel}`, rel === 'twilio-sso.yaml' ? 'config' : `config ${rel.replace(/\.ya?ml$/, '')}`, join('examples', 'config', rel)));
  }
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  for (const f of examples) {
    const name = f.replace(/\.ts$/, '');
    const dir = join(outRoot, 'examples', name);
    out.push({ label: `example examples/${f}`, out: dir, prefix: `example ${name}`, cmd: ['node', [join(__dirname, 'synth-example.js'), join('examples', f), dir]] });
  }
  // The check's own fixture: template text in a config must plan as literal text.
  const fixtures = join(outRoot, 'fixtures');
  mkdirSync(fixtures, { recursive: true });
  const literalConfig = join(fixtures, 'literal-text.yaml');
  writeFileSync(literalConfig, `${JSON.stringify(literalTextConfig(), null, 2)}\n`);
  out.push(synth('fixture literal-text (template text in a config)', 'fixture literal-text', literalConfig, LITERAL_TEXT_EXPECTATIONS));
  return out;
}

/** Synthesizes every job; returns its stacks and the jobs that failed. */
export function synthesizeAll(outRoot: string): { stacks: SynthesizedStack[]; failures: SynthFailure[] } {
  const failures: SynthFailure[] = [];
  const stacks: SynthesizedStack[] = [];
  for (const job of jobs(outRoot)) {
    mkdirSync(job.out, { recursive: true });
    const res = run(job.cmd[0], job.cmd[1], { cwd: ROOT });
    if (res.status !== 0) {
      const detail = (res.stderr || res.stdout || String(res.error)).trim().split('\n').slice(0, 8).join('\n');
      failures.push({ what: `synthesize ${job.label}`, detail });
      continue;
    }
    const stacksDir = join(job.out, 'stacks');
    const names = existsSync(stacksDir) ? readdirSync(stacksDir).sort() : [];
    if (names.length === 0) failures.push({ what: `synthesize ${job.label}`, detail: 'produced no stacks' });
    for (const n of names) stacks.push({ label: `${job.prefix}/${n}`, dir: join(stacksDir, n), literals: job.literals });
  }
  return { stacks, failures };
}

/** A failure as the summary prints it. */
export function describeFailure(f: SynthFailure): string {
  return `${f.what}:\n    ${indent(f.detail, '    ')}`;
}
