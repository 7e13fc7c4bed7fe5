import { AnnotationMetadataEntryType, Aspects, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { visible } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';

// Internal: how the identity-provider constructs bring resources that already exist under code.

/**
 * Declares a Terraform `import` block for `resource` (Terraform ≥ 1.5, OpenTofu ≥ 1.6:
 * developer.hashicorp.com/terraform/language/import), so the first plan adopts the existing object
 * instead of creating a second one.
 *
 * Not cdktf's `importFrom`: that also adds a validation that runs `terraform version` during
 * `app.synth()`, so synth fails on a machine without Terraform (a pipeline that synthesizes in one job
 * and plans in another, or our offline `twilio-sso synth`). This sets the same field `importFrom`
 * sets (cdktf 0.21.0 `lib/terraform-resource.js`, rendered by `toTerraform` as
 * `import: [{ id, to, provider }]`), without the validation. cdktf 0.21.0 is pinned exactly and is
 * the project's final release, so the field cannot move under us; a test pins the rendered block.
 */
export function importExisting(resource: TerraformResource, importId: string): void {
  (resource as unknown as { _imported?: { id: string; provider?: unknown } })._imported = { id: importId, provider: resource.provider };
}

/**
 * One thing the first apply after adoption changes in place on the existing app: what (`topic`, e.g.
 * `label`, `group assignments`) and how (`change`). Each identity provider lists these as data; they
 * are rendered once, here, as synth warnings (`<topic>: <change>`), and tests assert the data.
 */
export interface AdoptionChange {
  /** What changes, e.g. `label` or `SAML settings`. */
  readonly topic: string;
  /** How it changes, in a sentence. */
  readonly change: string;
}

/**
 * Warns at synth about each change the first apply makes to the adopted app, one warning per change:
 * `Adopting an existing <what>: the first apply changes in place: <topic>: <change>`. The one place
 * adoption changes become text.
 */
export function warnAboutAdoption(scope: IConstruct, what: string, changes: AdoptionChange[]): void {
  for (const c of changes) warn(scope, `Adopting an existing ${what}: the first apply changes in place: ${c.topic}: ${c.change}`);
}

/**
 * Runs `warn` once, when `scope` is synthesized: adoption warnings name what the app is finally given,
 * including `addGroup`/`addUser`/`addAttribute` calls after the constructor. An Aspect runs once
 * everything is declared; it visits every node below `scope`, hence the check, and a second synth of
 * the same app must not repeat the warnings.
 */
export function warnAtSynth(scope: IConstruct, warn: () => void): void {
  let warned = false;
  Aspects.of(scope).add({
    visit: (node: IConstruct) => {
      if (node !== scope || warned) return;
      warned = true;
      warn();
    },
  });
}

/**
 * Adds a synth warning on `scope`, as cdktf's `Annotations.addWarning` does but without the stack
 * trace it records: the trace (file paths and line numbers of the caller) would go into the
 * synthesized manifest, making two synths of the same config differ.
 */
export function warn(scope: IConstruct, message: string): void {
  scope.node.addMetadata(AnnotationMetadataEntryType.WARN, message);
}

/**
 * A value in a warning: quoted, with control and invisible characters escaped (`visible`), or
 * described when Terraform only knows it at apply.
 */
export function shown(value: string): string {
  return isUnresolved(value) ? '(a Terraform value known at apply)' : `'${visible(value, 200)}'`;
}

/** Roles in a warning: `agent, admin`, or described when they are a list known at apply. */
export function shownRoles(roles: string[]): string {
  return isUnresolved(roles) ? '(roles known at apply)' : roles.map((r) => (isUnresolved(r) ? '(a role known at apply)' : visible(r))).join(', ');
}
