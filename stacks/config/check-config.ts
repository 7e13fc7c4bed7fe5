import type { ErrorObject, ValidateFunction } from 'ajv';
import { Stats, closeSync, constants, fstatSync, openSync, readSync, statSync } from 'fs';
import { dirname } from 'path';
import { RuleLevel } from '../../lib/checks/rule';
import type { RuleFinding } from '../../lib/checks/twilio-sso-checks';
import { SsoConfigError, SsoErrorCode, TwilioTarget, Violation } from '../../lib/twilio';
import { show, visible } from '../../lib/twilio/rules';
import type { PlannedStack } from '../build-app';
import { IDENTITY_PROVIDERS, IdentityProvider, keyPathOf, parseField, propsFrom } from '../identity-providers';
import { twilioBlockKey, twilioTargetFromConfig } from '../twilio-target-from-config';
import { ConfigCode } from './config-codes';
import { CONFIG_LIMITS, ConfigDocument, ConfigSyntaxError, DocumentPath, formatPath, pointerToPath } from './config-document';
import { ConfigProblem, formatProblemsText, problemAt, schemaProblems, sortProblems } from './config-problems';
import { loadConfigValidator } from './config-validator';
import type { SsoConfig, TargetConfig } from './config-types';

/** The outcome of checking a config file: every problem, or the stacks to declare. */
export interface ConfigCheck {
  /** The file, as given. */
  readonly file: string;
  /** Every problem, in file order; empty when the config is valid. */
  readonly problems: ConfigProblem[];
  /** The config, when it is valid. */
  readonly config?: SsoConfig;
  /** The validated targets, ready for `declareStacks`, when the config is valid. */
  readonly planned?: PlannedStack[];
}

/** A config file that cannot be read at all (missing, a directory, no permission): a usage/IO error, not a config problem. */
export class ConfigReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigReadError';
  }
}

let validator: ValidateFunction | undefined;

/**
 * Reads and checks a config file: YAML syntax, the JSON Schema (the file's shape), and the Twilio
 * model and identity-provider rules (the values), all in one run. A block that breaks the schema is
 * still judged by its construct, so one run shows every problem; a construct's problem with a value
 * the schema already reported is left out. Throws {@link ConfigReadError} only when the file cannot
 * be read (see {@link readConfigFile}).
 */
export function checkConfigFile(path: string): ConfigCheck {
  return checkConfigBytes(readConfigFile(path), path);
}

const KINDS: ReadonlyArray<[(s: Stats) => boolean, string]> = [
  [(s) => s.isDirectory(), 'a directory'],
  [(s) => s.isFIFO(), 'a FIFO (named pipe)'],
  [(s) => s.isCharacterDevice(), 'a character device'],
  [(s) => s.isBlockDevice(), 'a block device'],
  [(s) => s.isSocket(), 'a socket'],
];
const kindOf = (s: Stats): string => KINDS.find(([is]) => is(s))?.[1] ?? 'a special file';

/**
 * The config file's bytes, read with a bound: a regular file only (a FIFO, device or directory is
 * refused before it is opened for reading, and again after, should it have been swapped), opened
 * non-blocking, and at most {@link CONFIG_LIMITS.maxBytes} + 1 bytes read (one more than a config
 * may have, so that a larger file is reported as such). Throws {@link ConfigReadError}.
 * (Unix file types; on Windows a regular file is read the same way.)
 */
export function readConfigFile(path: string): Buffer {
  const fail = (why: string): never => {
    throw new ConfigReadError(`Cannot read config file '${visible(path)}': ${why}. Set TWILIO_SSO_CONFIG or pass --config.`);
  };
  let fd: number | undefined;
  try {
    const before = statSync(path);
    if (!before.isFile()) fail(`it is ${kindOf(before)}, not a regular file`);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    if (!opened.isFile()) fail(`it is ${kindOf(opened)}, not a regular file`);
    // Read until the end or one byte past the limit, whatever the size said (a file may grow, and
    // some report 0): a larger file is then reported as such by the document's size check.
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= CONFIG_LIMITS.maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, CONFIG_LIMITS.maxBytes + 1 - length));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      length += n;
    }
    return Buffer.concat(chunks, length);
  } catch (e) {
    if (e instanceof ConfigReadError) throw e;
    return fail((e as Error).message);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** {@link checkConfigFile} for bytes already read; relative paths in the config resolve against `dirname(file)`. */
export function checkConfigBytes(bytes: Buffer, file: string): ConfigCheck {
  let doc: ConfigDocument;
  try {
    doc = ConfigDocument.parse(bytes, file);
  } catch (e) {
    if (!(e instanceof ConfigSyntaxError)) throw e;
    return {
      file,
      problems: [{ severity: 'error', code: e.code, path: '', line: e.position.line, column: e.position.column, message: `cannot be read as a config: ${e.message}`, receivedType: 'absent' }],
    };
  }
  return checkConfigDocument(doc, dirname(file));
}

/** Runs the schema over a value; the errors, with `verbose` data. */
function schemaErrors(value: unknown): ErrorObject[] {
  validator ??= loadConfigValidator();
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
// When the Twilio block is wrong, the identity-provider block is still checked against a stand-in
// target of the same product (roles and claim names depend only on the product), so a bad SID does
// not hide bad roles. Never declared: a config with any problem synthesizes nothing.
const STAND_IN = {
  flex: (): TwilioTarget => TwilioTarget.flexEnhanced({ connectionSid: `JQ${'0'.repeat(32)}` }),
  frontline: (): TwilioTarget => TwilioTarget.frontline({ realmSid: `JB${'0'.repeat(32)}` }),
};

/** Checks a parsed config document (see {@link checkConfigFile}). */
export function checkConfigDocument(doc: ConfigDocument, configDir: string): ConfigCheck {
  const raw = doc.value;
  const errors = schemaErrors(raw);
  const problems: ConfigProblem[] = schemaProblems(errors, doc);
  const errorPaths = errors.map((e) => errorPath(e, raw));
  const targets = isObject(raw) && Array.isArray(raw.targets) ? (raw.targets as unknown[]) : [];
  const idpKeys = IDENTITY_PROVIDERS.map((p) => p.key);
  const names = new Map<string, number>();
  const planned: PlannedStack[] = [];
  // A violation of a value the schema already reported (or of a value inside one) is left out: one
  // problem per place, the schema's (it names the key and the type the file needs).
  const report = (violations: Violation[], blockPath: DocumentPath, keyPath: (v: Violation) => Array<string | number>): void => {
    for (const v of violations) {
      const path = [...blockPath, ...keyPath(v)];
      if (errorPaths.some((e) => startsWith(path, e))) continue;
      problems.push(violationProblem(doc, path, v));
    }
  };

  targets.forEach((t, i) => {
    if (!isObject(t)) return;
    const here: DocumentPath = ['targets', i];
    const present = idpKeys.filter((k) => Object.hasOwn(t, k));
    // Exactly one identity provider per target (one stack = one IdP + one Twilio target): checked
    // here rather than with a schema `oneOf`, whose errors would list every branch.
    if (present.length !== 1) {
      const got = present.length === 0 ? 'none' : present.map((k) => `'${k}'`).join(' and ');
      problems.push(problemAt(doc, here, ConfigCode.TARGET_IDENTITY_PROVIDER_COUNT, `${formatPath(here)}: must have exactly one identity provider block (${idpKeys.join(', ')}), got ${got}`, { expected: `exactly one of the keys ${idpKeys.join(', ')}` }));
    }
    if (typeof t.name === 'string') {
      if (names.has(t.name)) {
        problems.push(problemAt(doc, [...here, 'name'], ConfigCode.TARGET_NAME_DUPLICATE, `${formatPath([...here, 'name'])}: ${show(t.name)} is already used by targets[${names.get(t.name)}]; stack names must be unique`, { expected: 'a name no other target has' }));
      } else {
        names.set(t.name, i);
      }
    }

    // The Twilio block, when its shape is right: TwilioTarget's factories judge its values.
    const twilioPath: DocumentPath = [...here, 'twilio'];
    let target: TwilioTarget | undefined;
    let product: 'flex' | 'frontline' | undefined;
    if (isObject(t.twilio) && Object.keys(t.twilio).length === 1) {
      const key = twilioBlockKey(t.twilio as TargetConfig['twilio']);
      const block = t.twilio[key];
      product = key === 'frontline' ? 'frontline' : key === 'serviceProvider' ? (isObject(block) && (block.product === 'flex' || block.product === 'frontline') ? block.product : undefined) : key in { flexEnhanced: 1, flexLegacy: 1 } ? 'flex' : undefined;
      if (!errorPaths.some((e) => startsWith(e, twilioPath))) {
        try {
          target = twilioTargetFromConfig(t.twilio as TargetConfig['twilio']);
        } catch (e) {
          if (!(e instanceof SsoConfigError)) throw e;
          // The factories' option names are the block's keys.
          report(e.violations, [...twilioPath, key], (v) => parseField(v.field));
        }
      }
    }

    // The identity-provider block: its props (by the provider's mapping) judged by the construct.
    if (present.length !== 1) return;
    const idp = IDENTITY_PROVIDERS.find((p) => p.key === present[0])!;
    const idpPath: DocumentPath = [...here, idp.key];
    const forIdp = target ?? (product ? STAND_IN[product]() : undefined);
    if (forIdp === undefined) return;
    const block = t[idp.key];
    const context = { configDir, targetName: typeof t.name === 'string' ? t.name : `targets[${i}]` };
    const props = propsFrom(block, idp.props, context);
    report(constructProblems(idp, forIdp, props, errorPaths.some((e) => startsWith(e, idpPath))), idpPath, (v) => keyPathOf(parseField(v.field), block, idp.props));
    if (isObject(block)) report(idp.configProblems?.(block) ?? [], idpPath, (v) => parseField(v.field));
    if (target !== undefined) planned.push({ name: t.name as string, target, idp, idpConfig: block, context });
  });

  const sorted = sortProblems(problems);
  if (sorted.length > 0) return { file: doc.filename, problems: sorted };
  return { file: doc.filename, problems: [], config: raw as SsoConfig, planned };
}

/**
 * The construct's problems with the props. `findProblems` is pure and never throws; should a
 * construct still throw on a value the schema has already reported (the report then names it), that
 * block's construct problems are left out rather than failing the run.
 */
function constructProblems(idp: IdentityProvider, target: TwilioTarget, props: Record<string, unknown>, schemaReported: boolean): Violation[] {
  try {
    return idp.findProblems(target, props);
  } catch (e) {
    if (schemaReported) return [];
    throw e;
  }
}

/**
 * A violation as a problem at the key the user wrote: `<key> <problem>` (`<key>: <problem>` when the
 * message does not start with the field, as TwilioTarget's do), pointing at the deepest part of the
 * path the file has (a missing key is reported at its block).
 */
function violationProblem(doc: ConfigDocument, path: Array<string | number>, v: Violation): ConfigProblem {
  let n = path.length;
  while (n > 0 && !doc.has(path.slice(0, n))) n--;
  const key = visible(formatPath(path));
  const message = v.field !== '' && v.message === `${v.field} ${v.problem}` ? `${key} ${v.problem}` : `${key}: ${v.problem}`;
  return problemAt(doc, path.slice(0, n), v.code, message);
}

/** Where a schema error is: the value's path, or for an unknown or missing key the key's own path. */
function errorPath(e: ErrorObject, doc: unknown): DocumentPath {
  const path = pointerToPath(e.instancePath, doc);
  if (e.keyword === 'additionalProperties') return [...path, String((e.params as { additionalProperty: string }).additionalProperty)];
  if (e.keyword === 'required') return [...path, String((e.params as { missingProperty: string }).missingProperty)];
  return path;
}

function startsWith(path: DocumentPath, prefix: DocumentPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/**
 * The policy checks' findings (`TwilioSsoChecks.findings`) as problems at the targets whose stacks
 * have them: `targets[<i>] (stack '<name>'): TwilioSso-<Rule>: <info>`, coded `TwilioSso-<Rule>`.
 * Only findings that fail synthesis (level error) are problems; warnings stay warnings.
 */
export function policyProblems(doc: ConfigDocument, stacks: ReadonlyArray<{ readonly name: string; readonly findings: ReadonlyArray<RuleFinding> }>): ConfigProblem[] {
  const targets = isObject(doc.value) && Array.isArray(doc.value.targets) ? (doc.value.targets as unknown[]) : [];
  const indexOf = (name: string): number => Math.max(0, targets.findIndex((t) => isObject(t) && t.name === name));
  return stacks.flatMap((s) =>
    s.findings
      .filter((f) => f.level === RuleLevel.ERROR)
      .map((f) => {
        const i = indexOf(s.name);
        return problemAt(doc, ['targets', i], `TwilioSso-${f.rule}`, `targets[${i}] (stack '${s.name}'): TwilioSso-${f.rule}: ${f.info}`);
      }),
  );
}

/**
 * The {@link SsoConfigError} for a check with problems (for the unbundled app's callers, which catch
 * the library's one error type): the text report, each problem as a violation. Its codes are the
 * problems' own, the command's {@link ConfigCode}s included; a policy-check finding
 * (`TwilioSso-<Rule>`) is `POLICY_CHECK_FAILED` here.
 */
export function configCheckError(check: ConfigCheck): SsoConfigError {
  const violations = check.problems.map((p) => ({
    // The command's codes ride in the library's error as strings: SsoErrorCode is the library's list.
    code: (p.code.startsWith('TwilioSso-') ? ConfigCode.POLICY_CHECK_FAILED : p.code) as SsoErrorCode,
    field: p.path,
    value: p.received,
    problem: p.message,
    message: p.message,
  }));
  return new SsoConfigError(violations[0].code, violations[0].field, violations[0].value, `Invalid config '${check.file}':\n${formatProblemsText(check.file, check.problems)}`, violations);
}
