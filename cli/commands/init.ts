import { Command, Option } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { createInterface } from 'readline';
import { dirname, isAbsolute, relative, resolve, sep } from 'path';
import { CommandContext, EXIT_CODES_HELP } from '../context';
import { EXIT, ioError, usageError } from '../errors';
import { DEFAULT_CONFIG } from '../io/invocation';
import { INIT_IDPS, INIT_PRODUCTS, InitIdp, InitProduct, initConfigText } from '../init/config-template';
import { CI_TEMPLATES, CiSystem, ciTemplateText, schemaFile } from '../init/package-files';
import { show, visible } from '../../lib/twilio/rules';

/** Options of `twilio-sso init`. */
interface InitOptions {
  idp?: string[];
  product?: string[];
  config?: string;
  ci?: CiSystem;
  force?: boolean;
}

const list = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** `twilio-sso init`: writes a commented starting config (and, with --ci, a pipeline file). */
export function initCommand(ctx: CommandContext): Command {
  return new Command('init')
    .description('write a commented config to start from, for the identity providers and products asked for (and a CI pipeline with --ci)')
    .option('--idp <names>', `identity providers, comma-separated or repeated: ${INIT_IDPS.join(', ')} (asked for when run in a terminal)`, list)
    .option('--product <names>', `Twilio products, comma-separated or repeated: ${INIT_PRODUCTS.join(', ')} (asked for when run in a terminal)`, list)
    .option('-c, --config <file>', 'the config file to write', DEFAULT_CONFIG)
    .addOption(new Option('--ci <system>', `also write a pipeline: github (${CI_TEMPLATES.github.writeTo}) or gitlab (${CI_TEMPLATES.gitlab.writeTo})`).choices(Object.keys(CI_TEMPLATES)))
    .option('--force', 'overwrite files that exist')
    .addHelpText(
      'after',
      `
Every value only you know is a "<fill in: …>" placeholder that \`validate\` rejects, saying what to put
there. One target per identity provider and product, named <product>-<idp>. Existing files are never
overwritten without --force.
${EXIT_CODES_HELP}`,
    )
    .action((opts: InitOptions) => runInit(ctx, opts));
}

async function runInit({ io, result }: CommandContext, opts: InitOptions): Promise<void> {
  const cwd = io.cwd ?? process.cwd();
  // Prompts only for a person at a terminal; a pipeline or a script gets a usage error instead of a hang.
  const interactive = process.stdin.isTTY === true && io.stdout === process.stdout;
  const answers = interactive && (!opts.idp?.length || !opts.product?.length) ? new Answers(io) : undefined;
  let idps: InitIdp[];
  let products: InitProduct[];
  try {
    idps = (await choose('--idp', 'Identity providers', opts.idp, INIT_IDPS, answers)) as InitIdp[];
    products = (await choose('--product', 'Twilio products', opts.product, INIT_PRODUCTS, answers)) as InitProduct[];
  } finally {
    answers?.close();
  }

  const configFile = resolve(cwd, opts.config ?? DEFAULT_CONFIG);
  const files: { path: string; text: string }[] = [{ path: configFile, text: initConfigText({ idps, products, schemaRef: schemaRefFrom(dirname(configFile)) }) }];
  if (opts.ci) files.push({ path: resolve(cwd, CI_TEMPLATES[opts.ci].writeTo), text: ciTemplateText(opts.ci) });
  // All or nothing: one existing file refuses the whole run before anything is written.
  const existing = files.filter((f) => existsSync(f.path)).map((f) => relative(cwd, f.path) || f.path);
  if (existing.length > 0 && !opts.force) throw usageError(`${existing.map((p) => visible(p)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written (--force overwrites)`);
  for (const f of files) {
    try {
      mkdirSync(dirname(f.path), { recursive: true });
      writeFileSync(f.path, f.text);
    } catch (e) {
      throw ioError(visible(`cannot write ${f.path}: ${(e as Error).message}`));
    }
    io.stdout.write(`wrote ${visible(relative(cwd, f.path) || f.path)}\n`);
  }
  const configArg = opts.config && opts.config !== DEFAULT_CONFIG ? ` --config ${opts.config}` : '';
  io.stdout.write(`next: replace every "<fill in: …>" (npx twilio-sso validate${configArg} lists them), then npx twilio-sso synth${configArg}\n`);
  result.code = EXIT.OK;
}

/** The values of a list option: as given (checked), else asked for at a terminal, else a usage error. */
async function choose(flag: string, what: string, given: string[] | undefined, known: readonly string[], answers: Answers | undefined): Promise<string[]> {
  let values = given;
  if (values === undefined || values.length === 0) {
    if (answers === undefined) throw usageError(`${flag} is required when stdin is not a terminal; one or more of: ${known.join(', ')}`);
    values = list(await answers.ask(`${what} (${known.join(', ')}; comma-separated) [${known[0]}]: `, flag));
    if (values.length === 0) values = [known[0]];
  }
  const unknown = values.filter((v) => !known.includes(v));
  if (unknown.length > 0) throw usageError(`${flag}: unknown ${unknown.map((u) => show(u)).join(', ')}; one or more of: ${known.join(', ')}`);
  return [...new Set(values)];
}

/**
 * Answers typed at the terminal, one line per question. One reader for every question: lines typed
 * ahead (or pasted) wait for the next question instead of being lost, and the end of input is an
 * error rather than a run that ends without writing anything.
 */
class Answers {
  private readonly rl = createInterface({ input: process.stdin, terminal: false });
  private readonly lines = this.rl[Symbol.asyncIterator]();

  constructor(private readonly io: CommandContext['io']) {}

  public async ask(question: string, flag: string): Promise<string> {
    this.io.stdout.write(question);
    const next = await this.lines.next();
    if (next.done) throw usageError(`no answer for ${flag} (end of input)`);
    return next.value;
  }

  public close(): void {
    this.rl.close();
  }
}

/**
 * The schema as seen from the config's folder: the installed package's file by a relative path
 * (`./node_modules/cdktf-twilio-sso/schema/…` in a project that installed it), for the editor only.
 */
function schemaRefFrom(configDir: string): string {
  const rel = relative(configDir, schemaFile()).split(sep).join('/');
  return isAbsolute(rel) || rel.startsWith('.') ? rel : `./${rel}`;
}
