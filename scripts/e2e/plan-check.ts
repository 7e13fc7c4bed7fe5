/**
 * Reads a saved Terraform plan as `terraform show -json <planfile>` prints it (the JSON output format:
 * developer.hashicorp.com/terraform/internals/json-format): for every resource, the actions and,
 * for an import, the ID it is imported from. Pure: unit-tested on its own (test/e2e/plan-check.test.ts).
 */

/** One resource's planned change. */
export interface PlannedChange {
  /** The resource address, e.g. `keycloak_saml_client.Flex_A1B2`. */
  readonly address: string;
  /** The resource type, e.g. `keycloak_saml_client`. */
  readonly type: string;
  /** Terraform's actions: `["no-op"]`, `["create"]`, `["update"]`, `["delete"]`, `["read"]`, or a replace (`["delete","create"]`, `["create","delete"]`). */
  readonly actions: string[];
  /** The import ID when the plan imports this resource. */
  readonly importId?: string;
  /** The planned values after the change (`change.after`; unknown values are absent). */
  readonly after: Record<string, any>;
  /** For an update: the top-level arguments whose value changes, sorted (values unknown until apply count as changing). */
  readonly changedKeys: string[];
}

/** An object that exists and must be imported: by type and ID, optionally checking what it becomes. */
export interface ExpectedImport {
  /** What it is, for messages, e.g. `client role 'agent'`. */
  readonly what: string;
  /** The resource type it is imported as. */
  readonly type: string;
  /** The import ID. */
  readonly id: string;
  /** Checks the planned values (e.g. that the role imported from this ID is the one named `agent`). */
  readonly after?: (after: Record<string, any>) => boolean;
}

/** What an adoption plan does, by kind. */
export interface PlanSummary {
  readonly changes: PlannedChange[];
  /** Resources imported (whatever else the plan does to them). */
  readonly imports: PlannedChange[];
  /** Resources created that are not imported. */
  readonly creates: PlannedChange[];
  /** Resources changed in place. */
  readonly updates: PlannedChange[];
  /** Resources destroyed, or replaced (destroyed and created again). */
  readonly destroys: PlannedChange[];
  /** One line: "N to import, N to add, N to change, N to destroy". */
  readonly line: string;
}

/** The plan's managed-resource changes (data-source reads left out), summarised. */
export function summarizePlan(showJson: string | object): PlanSummary {
  const plan = (typeof showJson === 'string' ? JSON.parse(showJson) : showJson) as { resource_changes?: any[]; format_version?: string };
  if (plan.format_version === undefined) throw new Error('not the JSON of a saved plan (`terraform show -json <planfile>`): no format_version');
  const changes: PlannedChange[] = (plan.resource_changes ?? [])
    .filter((rc) => rc.mode === 'managed')
    .map((rc) => ({
      address: rc.address as string,
      type: rc.type as string,
      actions: [...(rc.change?.actions ?? [])] as string[],
      importId: rc.change?.importing?.id as string | undefined,
      after: (rc.change?.after ?? {}) as Record<string, any>,
      changedKeys: changedKeys(rc.change ?? {}),
    }));
  const imports = changes.filter((c) => c.importId !== undefined);
  const destroys = changes.filter((c) => c.actions.includes('delete'));
  const creates = changes.filter((c) => c.actions.includes('create') && !c.actions.includes('delete') && c.importId === undefined);
  const updates = changes.filter((c) => c.actions.includes('update'));
  return {
    changes,
    imports,
    creates,
    updates,
    destroys,
    line: `${imports.length} to import, ${creates.length} to add, ${updates.length} to change, ${destroys.length} to destroy`,
  };
}

function changedKeys(change: { actions?: string[]; before?: Record<string, unknown>; after?: Record<string, unknown>; after_unknown?: Record<string, unknown> }): string[] {
  if (!change.actions?.includes('update')) return [];
  const before = change.before ?? {};
  const after = change.after ?? {};
  const unknown = change.after_unknown ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) || unknown[k] === true).sort();
}

/**
 * Checks an adoption plan: every expected import is there with its ID, nothing is destroyed or
 * replaced, and every imported resource is only updated in place or left as it is. Returns the
 * problems (empty when the plan is safe to apply).
 */
export function adoptionPlanProblems(summary: PlanSummary, expectedImports: ExpectedImport[]): string[] {
  const problems: string[] = [];
  for (const d of summary.destroys) {
    problems.push(`${d.address} would be ${d.actions.length > 1 ? 'REPLACED' : 'DESTROYED'} (${d.actions.join(', ')})`);
  }
  for (const i of summary.imports) {
    const rest = i.actions.filter((a) => a !== 'no-op' && a !== 'update');
    if (rest.length > 0) problems.push(`${i.address} is imported but also planned to ${rest.join(', ')}`);
  }
  const matches = (e: ExpectedImport, i: PlannedChange): boolean => i.type === e.type && i.importId === e.id;
  for (const e of expectedImports) {
    const found = summary.imports.filter((i) => matches(e, i));
    if (found.length !== 1) problems.push(`expected one import of ${e.what} (${e.type} from '${e.id}'), found ${found.length}`);
    else if (e.after && !e.after(found[0].after)) problems.push(`${e.what} is imported into ${found[0].address}, which is not it (planned values: ${JSON.stringify(found[0].after).slice(0, 200)})`);
  }
  for (const u of summary.imports.filter((i) => !expectedImports.some((e) => matches(e, i)))) problems.push(`unexpected import of ${u.address} from '${u.importId}'`);
  return problems;
}
