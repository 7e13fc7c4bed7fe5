/**
 * One stack, one binary: copy the stack to a scratch dir, `init -backend=false` + `validate -json`,
 * then, when its providers can plan offline, `plan -out` against empty local state, and the saved
 * plan's literal values when the stack names some.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { join, sep } from 'path';
import { TerraformBinary } from './binaries';
import { RunResult, run } from './exec';
import { literalTextProblems } from './literal-text';
import { offlinePlanBlockers, planEnv } from './offline-plan';
import { StackJson, withoutBackend } from './stack-json';
import { SynthesizedStack } from './synthesize';

/** Per-command time limits, ms. */
const TIMEOUT = { init: 300_000, validate: 180_000, plan: 180_000, show: 60_000 };

/** A stack to check: a synthesized stack and its parsed JSON. */
export interface StackToCheck extends SynthesizedStack {
  readonly json: StackJson;
}

/** How one stack fared with one binary. */
export interface StackCheckResult {
  readonly label: string;
  readonly bin: string;
  /** Validated, and planned when it could be (or its plan was skipped for a stated reason). */
  ok: boolean;
  validated: boolean;
  planned: boolean;
  /** Why it was not planned (undefined when it was, or when planning was not asked for). */
  planSkipped?: string;
  /** `3 to add, 0 to change, 0 to destroy`. */
  planSummary?: string;
  /** Diagnostics and failures, one entry each (warnings too, on a passing stack). */
  readonly messages: string[];
  /** Time per Terraform command, ms. */
  readonly times: Record<string, number>;
}

/** A diagnostic as `terraform validate -json` and `plan -json` report it. */
export interface Diagnostic {
  severity: string;
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename: string; start?: { line: number } };
}

/** `error: <summary> [address] (file:line)` and the detail, indented. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.range ? ` (${d.range.filename}:${d.range.start ? d.range.start.line : '?'})` : '';
  const addr = d.address ? ` [${d.address}]` : '';
  const detail = d.detail ? `\n        ${d.detail.replace(/\n/g, '\n        ')}` : '';
  return `${d.severity}: ${d.summary}${addr}${where}${detail}`;
}

/** One event of `terraform plan -json` (a JSON object per line). */
interface PlanEvent {
  type?: string;
  diagnostic?: Diagnostic;
  changes?: { add: number; change: number; remove: number };
}

/** The events of `plan -json` output; lines that are not JSON are skipped. */
export function parsePlanEvents(stdout: string): PlanEvent[] {
  const events: PlanEvent[] = [];
  for (const line of stdout.split('\n')) {
    if (!line) continue;
    try {
      events.push(JSON.parse(line) as PlanEvent);
    } catch {
      // not an event
    }
  }
  return events;
}

/** The plan's change summary line, from its events. */
export function planSummaryOf(events: readonly PlanEvent[]): string {
  const summary = events.find((e) => e.type === 'change_summary');
  return summary?.changes ? `${summary.changes.add} to add, ${summary.changes.change} to change, ${summary.changes.remove} to destroy` : 'no change summary';
}

const output = (res: RunResult): string => `${res.stderr}${res.stdout}`.trim();

/** Validates (and plans, with `plan`) one stack with one binary in a scratch copy under `scratchRoot`. */
export function checkStack(stack: StackToCheck, bin: TerraformBinary, env: NodeJS.ProcessEnv, scratchRoot: string, { plan = true } = {}): StackCheckResult {
  const scratch = join(scratchRoot, bin.name, stack.label.replace(/[^A-Za-z0-9._-]+/g, '_'));
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  cpSync(stack.dir, scratch, { recursive: true, filter: (src) => !src.split(sep).includes('.terraform') });
  const result: StackCheckResult = { label: stack.label, bin: bin.name, ok: false, validated: false, planned: false, messages: [], times: {} };
  const tf = (args: string[], timeout: number, e: NodeJS.ProcessEnv = env): RunResult => {
    const t = Date.now();
    const res = run(bin.path, args, { cwd: scratch, env: e, timeout });
    result.times[args[0]] = (result.times[args[0]] ?? 0) + (Date.now() - t);
    return res;
  };

  let res = tf(['init', '-backend=false', '-input=false', '-no-color'], TIMEOUT.init);
  if (res.status !== 0) {
    result.messages.push(`init failed${res.timedOut ? ' (timed out)' : ''}:\n${output(res)}`.trim());
    return result;
  }
  res = tf(['validate', '-json', '-no-color'], TIMEOUT.validate);
  let report: { valid?: boolean; diagnostics?: Diagnostic[] };
  try {
    report = JSON.parse(res.stdout);
  } catch {
    result.messages.push(`validate gave no JSON (exit ${res.status}):\n${res.stderr || res.stdout}`);
    return result;
  }
  const errors = (report.diagnostics ?? []).filter((d) => d.severity === 'error');
  for (const w of (report.diagnostics ?? []).filter((d) => d.severity === 'warning')) result.messages.push(formatDiagnostic(w));
  if (!report.valid || errors.length > 0) {
    for (const d of errors) result.messages.push(formatDiagnostic(d));
    if (errors.length === 0) result.messages.push('validate reported valid=false without an error diagnostic');
    return result;
  }
  result.validated = true;
  if (!plan) {
    result.ok = true;
    return result;
  }

  const blockers = offlinePlanBlockers(stack.json);
  if (blockers.length > 0) {
    result.planSkipped = blockers.map((b) => `${b.provider}: ${b.reason}`).join('; ');
    if (stack.literals) {
      result.messages.push(`this stack must be planned (its plan is read for literal values), but cannot be: ${result.planSkipped}`);
      return result;
    }
    result.ok = true;
    return result;
  }
  // Plan against a local state in the scratch dir: drop the stack's backend from the copy.
  for (const f of readdirSync(scratch).filter((f) => f.endsWith('.tf.json'))) {
    const p = join(scratch, f);
    writeFileSync(p, JSON.stringify(withoutBackend(JSON.parse(readFileSync(p, 'utf8')) as StackJson), null, 2));
  }
  const penv = planEnv(env, stack.json);
  res = tf(['init', '-input=false', '-no-color', '-reconfigure'], TIMEOUT.init, penv);
  if (res.status !== 0) {
    result.messages.push(`init (for plan) failed:\n${output(res)}`.trim());
    return result;
  }
  res = tf(['plan', '-json', '-input=false', '-lock=false', '-no-color', '-out=check.tfplan'], TIMEOUT.plan, penv);
  const events = parsePlanEvents(res.stdout);
  const planErrors = events.filter((e) => e.type === 'diagnostic' && e.diagnostic?.severity === 'error');
  if (res.status !== 0 || planErrors.length > 0 || res.timedOut) {
    result.messages.push(`plan failed${res.timedOut ? ' (timed out)' : ''} (exit ${res.status}):`);
    for (const e of planErrors) result.messages.push(formatDiagnostic(e.diagnostic!));
    if (planErrors.length === 0) result.messages.push(output(res).split('\n').slice(-15).join('\n'));
    return result;
  }
  result.planned = true;
  result.planSummary = planSummaryOf(events);
  if (stack.literals) {
    res = tf(['show', '-json', '-no-color', 'check.tfplan'], TIMEOUT.show, penv);
    const problems = res.status === 0 ? literalTextProblems(res.stdout, stack.literals) : [`show -json of the saved plan failed (exit ${res.status}):\n${output(res)}`];
    if (problems.length > 0) {
      result.messages.push(...problems);
      return result;
    }
    result.planSummary += `; ${stack.literals.length} values planned as the literal input text`;
  }
  result.ok = true;
  return result;
}
