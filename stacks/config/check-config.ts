import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'fs';
import { dirname } from 'path';
import { SsoConfigError, TwilioTarget, Violation, SsoErrorCode } from '../../lib/twilio';
import type { PlannedStack } from '../build-app';
import { IDENTITY_PROVIDERS, IdentityProvider } from '../identity-providers';
import { twilioBlockKey, twilioTargetFromConfig } from '../twilio-target-from-config';
import { ConfigDocument, ConfigSyntaxError, DocumentPath, formatPath, pointerToPath } from './config-document';
import { inConfigTerms, toUserField } from './config-paths';
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
 * Reads and checks a config file: YAML syntax, the JSON Schema, and the Twilio model and identity
 * provider rules, all in one run. A target whose block breaks the schema is still checked against
 * the Twilio model as far as its well-formed parts allow, so one run shows every problem.
 * Throws {@link ConfigReadError} only when the file cannot be read.
 */
export function checkConfigFile(path: string): ConfigCheck {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ConfigReadError(`Cannot read config file '${path}': ${(e as Error).message}. Set TWILIO_SSO_CONFIG or pass --config.`);
  }
  return checkConfigBytes(bytes, path);
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
const FLEX_PLACEHOLDER = (): TwilioTarget => TwilioTarget.flexEnhanced({ connectionSid: `JQ${'0'.repeat(32)}` });
const FRONTLINE_PLACEHOLDER = (): TwilioTarget => TwilioTarget.frontline({ realmSid: `JB${'0'.repeat(32)}` });

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

  targets.forEach((t, i) => {
    if (!isObject(t)) return;
    const here: DocumentPath = ['targets', i];
    const present = idpKeys.filter((k) => Object.hasOwn(t, k));
    // Exactly one identity provider per target (one stack = one IdP + one Twilio target): checked
    // here rather than with a schema `oneOf`, whose errors would list every branch.
    if (present.length !== 1) {
      const got = present.length === 0 ? 'none' : present.map((k) => `'${k}'`).join(' and ');
      problems.push(problemAt(doc, here, SsoErrorCode.TARGET_IDENTITY_PROVIDER_COUNT, `${formatPath(here)}: must have exactly one identity provider block (${idpKeys.join(', ')}), got ${got}`, { expected: `exactly one of the keys ${idpKeys.join(', ')}` }));
    }
    if (typeof t.name === 'string') {
      if (names.has(t.name)) {
        problems.push(problemAt(doc, [...here, 'name'], SsoErrorCode.TARGET_NAME_DUPLICATE, `${formatPath([...here, 'name'])}: '${t.name}' is already used by targets[${names.get(t.name)}]; stack names must be unique`, { expected: 'a name no other target has' }));
      } else {
        names.set(t.name, i);
      }
    }

    // The Twilio block, when its shape is right.
    const twilioPath: DocumentPath = [...here, 'twilio'];
    let target: TwilioTarget | undefined;
    let product: 'flex' | 'frontline' | undefined;
    if (isObject(t.twilio) && Object.keys(t.twilio).length === 1) {
      const key = twilioBlockKey(t.twilio as TargetConfig['twilio']);
      const block = t.twilio[key];
      product = key === 'frontline' ? 'frontline' : key === 'serviceProvider' ? (isObject(block) && (block.product === 'flex' || block.product === 'frontline') ? block.product : undefined) : key in { flexEnhanced: 1, flexLegacy: 1 } ? 'flex' : undefined;
      if (!touches(errorPaths, twilioPath)) {
        const blockPath = [...twilioPath, key];
        target = capture(doc, blockPath, key, problems, () => twilioTargetFromConfig(t.twilio as TargetConfig['twilio']));
      }
    }

    // The identity provider block: checked against the Twilio target, or, when the Twilio block is
    // wrong, against a stand-in target of the same product (roles and claim names depend only on
    // the product), so a bad SID does not hide bad roles.
    if (present.length !== 1) return;
    const idp = IDENTITY_PROVIDERS.find((p) => p.key === present[0])!;
    const idpPath: DocumentPath = [...here, idp.key];
    const forIdp = target ?? (product === 'flex' ? FLEX_PLACEHOLDER() : product === 'frontline' ? FRONTLINE_PLACEHOLDER() : undefined);
    if (forIdp === undefined) return;
    const context = { configDir, targetName: typeof t.name === 'string' ? t.name : `targets[${i}]` };
    const block = wellFormedPart(idp, t[idp.key], errorPaths, idpPath);
    if (block === undefined) return;
    const before = problems.length;
    capture(doc, idpPath, idp.key, problems, () => idp.validate(forIdp, block.value, context), block.removed);
    if (target !== undefined && problems.length === before && block.removed.length === 0) {
      planned.push({ name: t.name as string, target, idp, idpConfig: t[idp.key], context });
    }
  });

  const sorted = sortProblems(problems);
  if (sorted.length > 0) return { file: doc.filename, problems: sorted };
  return { file: doc.filename, problems: [], config: raw as SsoConfig, planned };
}

/** Where a schema error is: the value's path, or for an unknown key the key's own path. */
function errorPath(e: ErrorObject, doc: unknown): DocumentPath {
  const path = pointerToPath(e.instancePath, doc);
  return e.keyword === 'additionalProperties' ? [...path, String((e.params as { additionalProperty: string }).additionalProperty)] : path;
}

/** Whether any schema error is at `path` or inside it. */
function touches(errorPaths: DocumentPath[], path: DocumentPath): boolean {
  return errorPaths.some((e) => startsWith(e, path));
}

function startsWith(path: DocumentPath, prefix: DocumentPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/**
 * The identity-provider block without the values the schema rejected, so the model check can run
 * on the rest: each rejected value's nearest enclosing mapping key is removed (an array item
 * cannot be removed without renumbering its neighbours, so its list goes). Gives up (undefined)
 * when the block itself is wrong or a required key would have to go.
 */
function wellFormedPart(idp: IdentityProvider, block: unknown, errorPaths: DocumentPath[], blockPath: DocumentPath): { value: unknown; removed: DocumentPath[] } | undefined {
  const mine = errorPaths.filter((e) => startsWith(e, blockPath)).map((e) => e.slice(blockPath.length));
  if (mine.length === 0) return { value: block, removed: [] };
  if (!isObject(block)) return undefined;
  const value = structuredClone(block) as Record<string, unknown>;
  const removed: DocumentPath[] = [];
  let pending = mine;
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    for (const rel of pending) {
      let n = rel.length;
      // The deepest mapping key on the way to the rejected value.
      while (n > 0 && typeof rel[n - 1] !== 'string') n--;
      if (n === 0) return undefined;
      const parent = getAt(value, rel.slice(0, n - 1));
      if (isObject(parent)) {
        delete parent[rel[n - 1] as string];
        removed.push([...blockPath, ...rel.slice(0, n)]);
      }
    }
    // What is left must satisfy the schema, or the model check would see ill-typed values.
    const again = schemaErrors({ targets: [{ name: 'x', twilio: { frontline: { realmSid: `JB${'0'.repeat(32)}` } }, [idp.key]: value }] });
    pending = again.map((e) => errorPath(e, { targets: [{ [idp.key]: value }] })).filter((p) => p[0] === 'targets' && p[2] === idp.key).map((p) => p.slice(3));
  }
  return pending.length === 0 ? { value, removed } : undefined;
}

function getAt(value: unknown, path: DocumentPath): unknown {
  let node = value;
  for (const p of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, p)) return undefined;
    node = (node as any)[p];
  }
  return node;
}

/**
 * Runs a model check and turns what it throws into problems at the user's paths. Problems about
 * values the schema already rejected (and removed before this check) are left out.
 */
function capture<T>(doc: ConfigDocument, blockPath: DocumentPath, blockKey: string, problems: ConfigProblem[], check: () => T, removed: DocumentPath[] = []): T | undefined {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof SsoConfigError)) throw e;
    for (const v of e.violations) {
      const field = toUserField(doc, blockPath, blockKey, v.field);
      if (removed.some((r) => startsWith(field.path, r))) continue;
      problems.push(problemAt(doc, field.path, v.code, inConfigTerms(userMessage(v, formatPath(field.intended)), blockKey, doc.get(blockPath))));
    }
    return undefined;
  }
}

/** The construct's message, with its leading field replaced by the path in the file. */
function userMessage(v: Violation, path: string): string {
  return v.field && v.message.startsWith(v.field) ? `${path}${v.message.slice(v.field.length)}` : `${path}: ${v.message}`;
}

/** The {@link SsoConfigError} for a check with problems: the text report, each problem as a violation. */
export function configCheckError(check: ConfigCheck): SsoConfigError {
  const codes = new Set<string>(Object.values(SsoErrorCode));
  const violations = check.problems.map((p) => ({
    code: codes.has(p.code) ? (p.code as SsoErrorCode) : SsoErrorCode.POLICY_CHECK_FAILED,
    field: p.path,
    value: p.received,
    problem: p.message,
    message: p.message,
  }));
  return new SsoConfigError(violations[0].code, violations[0].field, violations[0].value, `Invalid config '${check.file}':\n${formatProblemsText(check.file, check.problems)}`, violations);
}

