import { TerraformProvider, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

const FOUND = new WeakMap<TerraformStack, Map<string, TerraformProvider>>();

/**
 * The stack's default (un-aliased) provider of a Terraform type: the one the stack already declares,
 * else one created by `create`. Remembered per stack: scanning the stack's children on every call
 * made a stack of N apps cost O(N²) (each scan copies the list of children).
 */
export function defaultProvider<T extends TerraformProvider>(scope: IConstruct, type: string, create: (stack: TerraformStack) => T): T {
  const stack = TerraformStack.of(scope);
  let byType = FOUND.get(stack);
  if (!byType) FOUND.set(stack, (byType = new Map()));
  let provider = byType.get(type);
  if (!provider) {
    provider =
      stack.node.children.find((c): c is TerraformProvider => c instanceof TerraformProvider && c.terraformResourceType === type && c.alias === undefined) ??
      create(stack);
    byType.set(type, provider);
  }
  return provider as T;
}
