/**
 * What an end-to-end run needs around the test itself, shared by every driver (run.ts, adopt.ts):
 * named steps with PASS/FAIL lines and counts and the driver's exit, Terraform with the keycloak
 * provider from a filesystem mirror (or the registry), the local Keycloak (scripts/keycloak/keycloak.sh,
 * whose KEYCLOAK_HOME_DIR and KEYCLOAK_HTTP_PORT it honours, so a run can use its own server next to
 * another run's), the test user, and the stack every Keycloak test stack starts from.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { execFileSync, spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
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

/** Terraform's environment for a Keycloak stack: this CLI config, no prompts or update checks, the local admin's login. */
export function keycloakTerraformEnv(cliConfig: string, admin: { user: string; password: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    KEYCLOAK_CLIENT_ID: 'admin-cli',
    KEYCLOAK_USER: admin.user,
    KEYCLOAK_PASSWORD: admin.password,
  };
}

/** The local Keycloak a run uses: its URL, and whether the run found it running (then it leaves it running). */
export interface LocalKeycloak {
  readonly url: string;
  readonly wasRunning: boolean;
}

/** Starts the local Keycloak (fresh) unless it is running, as a step. */
export async function startLocalKeycloak(steps: Steps): Promise<LocalKeycloak> {
  const wasRunning = spawnSync(KC, ['status'], { encoding: 'utf8' }).status === 0;
  await steps.step(wasRunning ? 'local Keycloak already running (reused)' : 'local Keycloak started on 127.0.0.1', () => {
    if (!wasRunning) execFileSync(KC, ['start', '--fresh'], { stdio: ['ignore', 'inherit', 'inherit'] });
  });
  return { url: execFileSync(KC, ['url'], { encoding: 'utf8' }).trim(), wasRunning };
}

/** Stops the local Keycloak if this run started it (and KEYCLOAK_E2E_KEEP_SERVER is not set); never fails the run. */
export async function stopLocalKeycloak(steps: Steps, keycloak: LocalKeycloak): Promise<void> {
  if (keycloak.wasRunning || process.env.KEYCLOAK_E2E_KEEP_SERVER) return;
  await steps.step('local Keycloak stopped', () => void execFileSync(KC, ['stop'], { stdio: ['ignore', 'inherit', 'inherit'] })).catch(() => undefined);
}

/** Runs a driver's steps; prints `<tag>: N passed, M failed` last and sets the exit code. */
export function runDriver(steps: Steps, tag: string, main: () => Promise<void>): void {
  main()
    .catch((e) => {
      if (steps.failed === 0) {
        steps.failed++;
        steps.say(`FAIL ${(e as Error).message}`);
      }
    })
    .finally(() => {
      steps.say(`done in ${steps.elapsed()}`);
      process.stdout.write(`${tag}: ${steps.passed} passed, ${steps.failed} failed\n`);
      process.exitCode = steps.failed > 0 ? 1 : 0;
    });
}

/** A Keycloak user a test signs in as. */
export interface TestUser {
  username: string;
  password: string;
  email: string;
  firstName: string;
  lastName: string;
  fullName: string;
}

/** A test user `<first>.<role>` at example.com with a fresh random password. */
export function testUser(firstName: string, lastName: string, role: string): TestUser {
  const username = `${firstName.toLowerCase()}.${role}`;
  return { username, password: randomBytes(12).toString('base64url'), email: `${username}@example.com`, firstName, lastName, fullName: `${firstName} ${lastName}` };
}

/** What every Keycloak test stack starts from: local state in `stateFile`, the provider logged in to `keycloakUrl`'s master realm. */
export function keycloakTestStack(app: App, id: string, keycloakUrl: string, stateFile: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new LocalBackend(stack, { path: stateFile });
  new KeycloakProvider(stack, 'keycloak', { url: keycloakUrl, realm: 'master' });
  return stack;
}

/** A PEM certificate's base64 body, without armour or whitespace (to compare certificates, or find one in metadata). */
export function pemBody(pem: string): string {
  return pem.replace(/-----[A-Z ]+-----|\s/g, '');
}
