/** The parts of a synthesized stack (cdk.tf.json) the check reads. */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

/** A provider requirement as Terraform JSON writes it: a version string, or `{ source, version }`. */
export type ProviderRequirement = string | { source?: string; version?: string };

/** A synthesized stack, reduced to the keys the check looks at. */
export interface StackJson {
  terraform?: {
    required_providers?: Record<string, ProviderRequirement>;
    backend?: unknown;
    cloud?: unknown;
  };
  provider?: Record<string, Record<string, unknown> | Array<Record<string, unknown>>>;
  import?: unknown[];
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  [key: string]: unknown;
}

/** One required provider of a stack. */
export interface RequiredProvider {
  /** The local name (the key under required_providers, and under `provider`). */
  readonly name: string;
  /** As written, `okta/okta` (`hashicorp/<name>` when the stack gives none). */
  readonly source: string;
  /** Fully qualified, `registry.terraform.io/okta/okta`. */
  readonly address: string;
  /** The version constraint, `4.20.0` (undefined when the stack gives none). */
  readonly version: string | undefined;
}

/** Provider requirements of one synthesized stack. */
export function requiredProviders(stack: StackJson): RequiredProvider[] {
  const req = stack.terraform?.required_providers ?? {};
  return Object.entries(req).map(([name, r]) => {
    const source = typeof r === 'string' ? `hashicorp/${name}` : r.source ?? `hashicorp/${name}`;
    const address = source.split('/').length === 3 ? source : `registry.terraform.io/${source}`;
    return { name, source, address, version: typeof r === 'string' ? r : r.version };
  });
}

/** The first `*.tf.json` of a synthesized stack directory, parsed. */
export function readStackJson(dir: string): StackJson {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf.json'));
  if (files.length === 0) throw new Error(`no *.tf.json in ${dir}`);
  return JSON.parse(readFileSync(join(dir, files[0]), 'utf8')) as StackJson;
}

/** The stack without its backend (and Terraform Cloud block): plan then keeps local, empty state. */
export function withoutBackend(stack: StackJson): StackJson {
  if (!stack.terraform) return stack;
  const { backend: _backend, cloud: _cloud, ...terraform } = stack.terraform;
  return { ...stack, terraform };
}
