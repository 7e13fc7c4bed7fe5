import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
export { ssoError as error } from '../support/errors';

/** A stack with an azuread provider (tenant from the environment), for Entra construct tests. */
export function entraStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  new AzureadProvider(stack, 'azuread', {});
  return stack;
}

/** Synthesizes (running validations) and parses. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

/** Every resource and data source as `type.logical_id`, sorted. */
export function addresses(json: any): string[] {
  const out: string[] = [];
  for (const [type, byId] of Object.entries<any>(json.resource ?? {})) for (const id of Object.keys(byId)) out.push(`${type}.${id}`);
  for (const [type, byId] of Object.entries<any>(json.data ?? {})) for (const id of Object.keys(byId)) out.push(`data.${type}.${id}`);
  return out.sort();
}

/** The one resource of a type, without CDKTF's `//` metadata. */
export function only(json: any, type: string): any {
  const all = Object.values<any>(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  const { ['//']: _meta, ...rest } = all[0];
  return rest;
}

/** Warning annotations on a construct and its children. */
export function warnings(scope: IConstruct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === '@cdktf/warn')
    .map((m) => String(m.data));
}
