/** Which providers a filesystem mirror holds, and what to tell the user when one is missing. */
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';
import { RequiredProvider } from './stack-json';

/** A provider a stack pins that the mirror does not hold for this platform. */
export interface MissingProvider extends RequiredProvider {
  /** `linux_amd64`. */
  readonly platform: string;
  /** The directory the mirror should have for it. */
  readonly expectedAt: string;
}

/** This machine as Terraform names platforms: `linux_amd64`. */
export function goPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows', freebsd: 'freebsd' };
  const cpu: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  return `${os[platform] ?? platform}_${cpu[arch] ?? arch}`;
}

/** Go modules of providers that the Go module proxy this check was written against refuses (403). */
const GO_PROXY_REFUSED: Record<string, string> = {
  'okta/okta': 'github.com/okta/terraform-provider-okta',
  'hashicorp/azuread': 'github.com/hashicorp/terraform-provider-azuread',
  'keycloak/keycloak': 'github.com/keycloak/terraform-provider-keycloak',
  'microsoft/msgraph': 'github.com/microsoft/terraform-provider-msgraph',
  'hashicorp/null': 'github.com/hashicorp/terraform-provider-null',
};

/** `4.20.0` for an exact constraint (`4.20.0`, `= 4.20.0`), undefined for a range. */
function exactVersion(version: string | undefined): string | undefined {
  const v = String(version ?? '').trim();
  return /^=?\s*\d+\.\d+\.\d+$/.test(v) ? v.replace(/^=?\s*/, '') : undefined;
}

/** True when `dir` holds the provider's binary (`terraform-provider-<type>…`): an empty platform directory is not a provider. */
function holdsBinary(dir: string, type: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`terraform-provider-${type}`));
}

/**
 * Which requirements are absent from a filesystem mirror, in the unpacked
 * (`<host>/<ns>/<type>/<version>/<platform>/terraform-provider-<type>…`) or packed (`terraform-provider-<type>_<version>_<platform>.zip`)
 * layout. A range is satisfied by any version present (init picks). Each provider is reported once.
 */
export function findMissingProviders(mirror: string, requirements: readonly RequiredProvider[], platform: string = goPlatform()): MissingProvider[] {
  const missing: MissingProvider[] = [];
  const seen = new Set<string>();
  for (const r of requirements) {
    const key = `${r.address}@${r.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [host, ns, type] = r.address.split('/');
    const base = join(mirror, host, ns, type);
    const exact = exactVersion(r.version);
    const found = exact
      ? holdsBinary(join(base, exact, platform), type) || existsSync(join(base, `terraform-provider-${type}_${exact}_${platform}.zip`))
      : existsSync(base) && readdirSync(base).length > 0;
    if (!found) missing.push({ ...r, platform, expectedAt: exact ? join(base, exact, platform) : base });
  }
  return missing;
}

/** What is missing, where each binary belongs, and how to get it. */
export function missingProvidersMessage(mirror: string, missing: readonly MissingProvider[]): string {
  const lines = [`Providers missing from the mirror ${mirror}:`];
  for (const m of missing) {
    lines.push(`  - ${m.source} ${m.version} (${m.platform}), expected at ${m.expectedAt}/terraform-provider-${m.address.split('/')[2]}_v${m.version}`);
    if (m.source === 'hashicorp/time') lines.push('      build it: scripts/terraform/build-time-provider.sh (its Go module is on the Go proxy)');
    else if (GO_PROXY_REFUSED[m.source]) {
      lines.push(`      the Go module proxy this check was written against refuses ${GO_PROXY_REFUSED[m.source]} (403); where yours serves it, build it with go build at that tag`);
    }
  }
  lines.push('Put the provider binaries in that layout (TWILIO_SSO_PROVIDER_MIRROR=<dir> to use another mirror),');
  lines.push('or, with network access to the registry, run with --registry (npm run test:terraform -- --registry).');
  return lines.join('\n');
}
