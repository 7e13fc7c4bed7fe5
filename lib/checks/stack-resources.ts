import { DefaultTokenResolver, StringConcat, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { ITwilioSsoRuleContext, TwilioSsoResource } from './rule';

// Internal: the rules' view of one stack. Not exported from the index.

const RESOLVER = new DefaultTokenResolver(new StringConcat());
/** A Terraform expression inside a resolved string. */
const EXPRESSION = /\$\{([^}]*)\}/g;
/** `<type>.<name>` not preceded by a name part (so `x.y.z` yields only `x.y`). */
const ADDRESS = /(?<![\w.-])([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)/g;
/** Arguments that are not data: CDKTF metadata and ordering-only dependencies. */
const NOT_DATA = new Set(['//', 'depends_on']);

/** True when a resolved value is (or contains) a Terraform expression, i.e. is only known at plan. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/**
 * The resources of one stack, resolved on first use and kept for the rest of the check run: a rule
 * that reads the identifier URIs of every application costs one resolution per resource, not one
 * per rule and resource.
 */
export class StackResources {
  private byType?: Map<string, TerraformResource[]>;
  private byAddress?: Map<string, TerraformResource>;
  private readonly resolved = new Map<TerraformResource, TwilioSsoResource>();
  // `${type}\0${argument}` → referred address → referring resources.
  private readonly references = new Map<string, Map<string, TwilioSsoResource[]>>();

  constructor(private readonly stack: TerraformStack) {}

  /** The resource a construct declares, resolved (escape-hatch overrides included). */
  public resource(node: TerraformResource): TwilioSsoResource {
    let r = this.resolved.get(node);
    if (!r) {
      // toTerraform() includes escape-hatch overrides, so the rules see what will be written.
      const json = Tokenization.resolve(node.toTerraform(), { scope: node, resolver: RESOLVER }) as { resource: Record<string, Record<string, any>> };
      const [name, args] = Object.entries(json.resource[node.terraformResourceType])[0];
      r = { address: `${node.terraformResourceType}.${name}`, type: node.terraformResourceType, path: node.node.path, args };
      this.resolved.set(node, r);
    }
    return r;
  }

  /** The context handed to a rule judging the resource at `address`. */
  public contextFor(address: string): ITwilioSsoRuleContext {
    return new ResourceContext(address, this);
  }

  /** Every resource of a type. */
  public ofType(type: string): TwilioSsoResource[] {
    return (this.index().byType.get(type) ?? []).map((n) => this.resource(n));
  }

  /** The resource at an address. */
  public at(address: string): TwilioSsoResource | undefined {
    const node = this.index().byAddress.get(address);
    return node && this.resource(node);
  }

  /** The resources a value refers to. */
  public referencedBy(value: unknown, type?: string): TwilioSsoResource[] {
    const out: TwilioSsoResource[] = [];
    for (const address of addressesIn(value)) {
      if (type !== undefined && !address.startsWith(`${type}.`)) continue;
      const r = this.at(address);
      if (r && !out.includes(r)) out.push(r);
    }
    return out;
  }

  /** The resources of a type that refer to `address` (in `argument`, or anywhere). */
  public referencing(address: string, type: string, argument?: string): TwilioSsoResource[] {
    const key = `${type}\0${argument ?? ''}`;
    let index = this.references.get(key);
    if (!index) {
      index = new Map();
      for (const r of this.ofType(type)) {
        const value = argument === undefined ? Object.entries(r.args).filter(([k]) => !NOT_DATA.has(k)).map(([, v]) => v) : r.args[argument];
        for (const a of new Set(addressesIn(value))) push(index, a, r);
      }
      this.references.set(key, index);
    }
    return [...(index.get(address) ?? [])];
  }

  private index(): { byType: Map<string, TerraformResource[]>; byAddress: Map<string, TerraformResource> } {
    if (!this.byType || !this.byAddress) {
      this.byType = new Map();
      this.byAddress = new Map();
      for (const c of this.stack.node.findAll()) {
        if (!(c instanceof TerraformResource)) continue;
        push(this.byType, c.terraformResourceType, c);
        this.byAddress.set(`${c.terraformResourceType}.${c.friendlyUniqueId}`, c);
      }
    }
    return { byType: this.byType, byAddress: this.byAddress };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every `<type>.<name>` inside `${…}` expressions of a value, nested lists and maps included. */
function addressesIn(value: unknown): string[] {
  if (typeof value === 'string') {
    const out: string[] = [];
    for (const e of value.matchAll(EXPRESSION)) for (const m of e[1].matchAll(ADDRESS)) out.push(`${m[1]}.${m[2]}`);
    return out;
  }
  if (Array.isArray(value)) return value.flatMap(addressesIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(addressesIn);
  return [];
}

class ResourceContext implements ITwilioSsoRuleContext {
  constructor(
    public readonly address: string,
    private readonly resources: StackResources,
  ) {}

  public resourcesOfType(type: string): TwilioSsoResource[] {
    return this.resources.ofType(type);
  }

  public resourceAt(address: string): TwilioSsoResource | undefined {
    return this.resources.at(address);
  }

  public referencedBy(value: any, type?: string): TwilioSsoResource[] {
    return this.resources.referencedBy(value, type);
  }

  public referencing(address: string, type: string, argument?: string): TwilioSsoResource[] {
    return this.resources.referencing(address, type, argument);
  }
}
