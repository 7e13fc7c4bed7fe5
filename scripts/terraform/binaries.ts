/** Which Terraform binaries the check runs: `terraform` on PATH, and OpenTofu when present. */
import { accessSync, constants, existsSync, statSync } from 'fs';
import { delimiter, join } from 'path';

/** A binary to check stacks with, and the registry host its short provider sources mean. */
export interface TerraformBinary {
  readonly name: 'terraform' | 'tofu';
  readonly path: string;
  readonly host: 'registry.terraform.io' | 'registry.opentofu.org';
}

/** The first executable file called `name` on `pathVar` (a PATH-style list). */
export function onPath(name: string, pathVar: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * `terraform` on PATH and `tofu` on PATH or `<stateDir>/bin/tofu` (scripts/terraform/build-tofu.sh
 * builds it there), in that order; only the one named by `only` when given.
 */
export function findBinaries(stateDir: string, only?: string, pathVar?: string): TerraformBinary[] {
  const bins: TerraformBinary[] = [];
  const terraform = onPath('terraform', pathVar);
  if (terraform) bins.push({ name: 'terraform', path: terraform, host: 'registry.terraform.io' });
  const built = join(stateDir, 'bin', 'tofu');
  const tofu = onPath('tofu', pathVar) ?? (existsSync(built) ? built : undefined);
  if (tofu) bins.push({ name: 'tofu', path: tofu, host: 'registry.opentofu.org' });
  return only ? bins.filter((b) => b.name === only) : bins;
}
