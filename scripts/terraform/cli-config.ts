/**
 * The Terraform CLI config the check's children use, and their environment. The user's own CLI config
 * is never read or written: children get TF_CLI_CONFIG_FILE (and TOFU_CLI_CONFIG_FILE) pointing here.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';

/** Where providers come from: a filesystem mirror only, or the registry (downloads, with a plugin cache). */
export type ProviderSource = { readonly kind: 'mirror'; readonly mirror: string } | { readonly kind: 'registry' };

/** Hosts the mirror serves: Terraform's registry and OpenTofu's (tofu reads `okta/okta` as the latter). */
const MIRROR_HOSTS = ['registry.terraform.io/*/*', 'registry.opentofu.org/*/*'];

/**
 * Recreates a directory tree with real directories and symlinked files. Neither terraform 1.11 nor
 * tofu 1.10 follows a symlinked directory inside a filesystem mirror, but both accept symlinked
 * provider binaries and packed .zip files.
 */
export function linkTree(src: string, dst: string): void {
  if (!existsSync(src)) return;
  mkdirSync(dst, { recursive: true });
  for (const e of readdirSync(src)) {
    const from = join(src, e);
    const to = join(dst, e);
    if (statSync(from).isDirectory()) linkTree(from, to);
    else symlinkSync(realpathSync(from), to);
  }
}

/** The CLI config text for mirror mode: install only from `linkedMirror`, never directly. */
export function mirrorCliConfigText(linkedMirror: string): string {
  const hosts = JSON.stringify(MIRROR_HOSTS);
  return [
    '# written by scripts/terraform (npm run test:terraform): providers come only from the mirror below',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(linkedMirror)}`,
    `    include = ${hosts}`,
    '  }',
    '  direct {',
    `    exclude = ${hosts}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** The CLI config text for registry mode: only a plugin cache. */
export function registryCliConfigText(pluginCache: string): string {
  return `# written by scripts/terraform (npm run test:terraform -- --registry)\nplugin_cache_dir = ${JSON.stringify(pluginCache)}\n`;
}

/**
 * Writes `<stateDir>/terraform-check.tfrc` and returns its path. Mirror mode: `<stateDir>/check-mirror`
 * is rebuilt with registry.terraform.io and registry.opentofu.org trees both linking to the user's
 * mirror (its registry.opentofu.org tree when it has one), which itself is not modified.
 */
export function writeCliConfig(source: ProviderSource, stateDir: string): string {
  mkdirSync(stateDir, { recursive: true });
  const cfg = join(stateDir, 'terraform-check.tfrc');
  if (source.kind === 'registry') {
    const cache = join(stateDir, 'plugin-cache');
    mkdirSync(cache, { recursive: true });
    writeFileSync(cfg, registryCliConfigText(cache));
    return cfg;
  }
  const linked = join(stateDir, 'check-mirror');
  rmSync(linked, { recursive: true, force: true });
  mkdirSync(linked, { recursive: true });
  const tfDir = join(source.mirror, 'registry.terraform.io');
  const tofuDir = existsSync(join(source.mirror, 'registry.opentofu.org')) ? join(source.mirror, 'registry.opentofu.org') : tfDir;
  linkTree(tfDir, join(linked, 'registry.terraform.io'));
  linkTree(tofuDir, join(linked, 'registry.opentofu.org'));
  writeFileSync(cfg, mirrorCliConfigText(linked));
  return cfg;
}

/**
 * The environment of every terraform/tofu child: the caller's, without what would change how
 * Terraform runs (TF_CLI_ARGS*, TF_WORKSPACE, TF_DATA_DIR, TF_LOG), with this CLI config, no prompts
 * and no update checks.
 */
export function childEnv(cliConfig: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    if (/^TF_CLI_ARGS/.test(k) || k === 'TF_WORKSPACE' || k === 'TF_DATA_DIR' || k === 'TF_LOG') continue;
    env[k] = v;
  }
  env.TF_CLI_CONFIG_FILE = cliConfig;
  env.TOFU_CLI_CONFIG_FILE = cliConfig; // tofu prefers this one when set
  env.TF_IN_AUTOMATION = '1';
  env.TF_INPUT = '0';
  env.CHECKPOINT_DISABLE = '1';
  return env;
}
