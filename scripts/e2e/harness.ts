/**
 * What an end-to-end run needs around the test itself: named steps with PASS/FAIL lines and counts,
 * Terraform with the keycloak provider from a filesystem mirror (or the registry), and the local
 * Keycloak (scripts/keycloak/keycloak.sh, whose KEYCLOAK_HOME_DIR and KEYCLOAK_HTTP_PORT it honours,
 * so a run can use its own server next to another run's).
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { KeycloakProvider } from '../../lib';

export const ROOT = resolve(__dirname, '..', '..', '..', '..');
export const KC = join(ROOT, 'scripts', 'keycloak', 'keycloak.sh');
const PROVIDER = `registry.terraform.io/keycloak/keycloak/${KeycloakProvider.PROVIDER_VERSION}`;

/** Named steps, counted; each prints one PASS or FAIL line with its time. */
export class Steps {
  public passed = 0;
  public failed = 0;
  private readonly t0 = Date.now();

  constructor(private readonly tag: string) {}

  public elapsed(): string {
    return `${((Date.now() - this.t0) / 1000).toFixed(1)}s`;
  }

  public say(msg: string): void {
    process.stdout.write(`[${this.tag} ${this.elapsed()}] ${msg}\n`);
  }

  public async step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    const s = Date.now();
    try {
      const out = await fn();
      this.passed++;
      this.say(`PASS ${name} (${((Date.now() - s) / 1000).toFixed(1)}s)`);
      return out;
    } catch (e) {
      this.failed++;
      this.say(`FAIL ${name}: ${(e as Error).message}`);
      throw e;
    }
  }
}

/** The filesystem mirror holding keycloak/keycloak (undefined: download from the registry). */
export function providerMirror(): string | undefined {
  if (process.env.TWILIO_SSO_PROVIDER_MIRROR === 'registry') return undefined;
  const mirror = resolve(process.env.TWILIO_SSO_PROVIDER_MIRROR ?? join(ROOT, '.tf-providers', 'mirror'));
  const dir = join(mirror, PROVIDER);
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    throw new Error(
      `the Terraform provider keycloak/keycloak ${KeycloakProvider.PROVIDER_VERSION} is not in the filesystem mirror ${mirror} (expected ${dir}/<os>_<arch>/). ` +
        `Put it there (e.g. 'terraform providers mirror <dir>' from a machine that reaches the Terraform registry) and set TWILIO_SSO_PROVIDER_MIRROR=<dir>.`,
    );
  }
  return mirror;
}

/** Writes a Terraform CLI config that installs keycloak/keycloak from `mirror` only; returns its path. */
export function writeCliConfig(path: string, mirror: string | undefined): string {
  writeFileSync(
    path,
    mirror === undefined
      ? ''
      : `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/keycloak/keycloak"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/keycloak/keycloak"]\n  }\n}\n`,
  );
  return path;
}

/** Runs terraform; returns stdout, throws with the output's tail on a non-zero exit (unless `okStatuses` allows it). */
export function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv, okStatuses: number[] = [0]): { stdout: string; status: number } {
  const r = spawnSync('terraform', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`terraform ${args[0]}: ${r.error.message}`);
  if (!okStatuses.includes(r.status ?? -1)) throw new Error(`terraform ${args[0]} exited ${r.status}:\n${(r.stderr || r.stdout).slice(-3000)}`);
  return { stdout: r.stdout, status: r.status ?? -1 };
}

/** The local Keycloak's bootstrap admin, from keycloak.sh's admin.env. */
export function readAdminEnv(): { user: string; password: string } {
  const dir = process.env.KEYCLOAK_HOME_DIR ?? join(ROOT, '.keycloak');
  const text = readFileSync(join(dir, 'admin.env'), 'utf8');
  const env = Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { user: env.KEYCLOAK_ADMIN_USER, password: env.KEYCLOAK_ADMIN_PASSWORD };
}
