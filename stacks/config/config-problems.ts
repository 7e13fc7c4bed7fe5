import type { ErrorObject } from 'ajv';
import { show, visible } from '../../lib/twilio/rules';
import { ConfigCode } from './config-codes';
import { IDENTITY_PROVIDERS } from '../identity-providers';
import { ConfigDocument, DocumentPath, formatPath, pointerToPath } from './config-document';
import { FIELD_DOCS, docKey } from './schema-docs';

/**
 * One thing wrong with a config file, where it is and what would be accepted. This is the shape of
 * every entry of `twilio-sso validate --format json` (README, "JSON output"): new optional fields
 * may be added, existing ones keep their meaning.
 */
export interface ConfigProblem {
  /** `error` (every problem today; a config with any is not synthesized). */
  readonly severity: 'error';
  /**
   * Stable identifier of the rule (README, "Error codes"): the command's own {@link ConfigCode}
   * (`SCHEMA_*` for the file's shape, `YAML_*`/`CONFIG_*` for a file that cannot be read as a config,
   * `TARGET_*`), otherwise the library's `SsoErrorCode` for a Twilio-model or identity-provider rule
   * (e.g. `JQ_SID_INVALID`, `ROLE_UNKNOWN`); for a policy-check finding, the rule's
   * `TwilioSso-<Rule>` name.
   */
  readonly code: string;
  /** The config path as written in the file, e.g. `targets[5].keycloak.url`; `''` for the whole file. */
  readonly path: string;
  /** Line of the value (or key) in the file, from 1. */
  readonly line: number;
  /** Column, from 1. */
  readonly column: number;
  /**
   * The whole explanation, starting with the path: what is wrong, the value received (quoted, control
   * and invisible characters escaped, cut after 120 characters) and what is accepted.
   */
  readonly message: string;
  /** JSON type of the value at `path`: `string`, `number`, `boolean`, `null`, `object`, `array`, or `absent`. */
  readonly receivedType: string;
  /**
   * The value at `path` when it is a string, number, boolean or null, exact (unlike `message`, which
   * shows it escaped) but cut after 200 characters, with `…`; `.nan`/`.inf` as `"NaN"`/`"Infinity"`.
   */
  readonly received?: string | number | boolean | null;
  /** What would be accepted, when the rule can say it in a phrase (schema rules always do). */
  readonly expected?: string;
}

/** The JSON type name of a value, as in {@link ConfigProblem.receivedType}. */
export function jsonType(value: unknown, present = true): string {
  if (!present) return 'absent';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? typeof value : 'string';
}

/** Longest string `received` holds; a longer one is cut there, with `…` (the file has the whole value). */
const MAX_RECEIVED = 200;

/**
 * A received scalar as {@link ConfigProblem.received} holds it, exact (JSON escapes what it must)
 * but cut after 200 characters; a number JSON cannot write (`.nan`, `.inf`) as its name (`"NaN"`,
 * `"Infinity"`); `undefined` for containers.
 */
export function receivedScalar(value: unknown): string | number | boolean | null | undefined {
  if (typeof value === 'string') return value.length > MAX_RECEIVED ? `${value.slice(0, MAX_RECEIVED)}…` : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean' || value === null) return value;
  return undefined;
}

/**
 * A value for a message, as every message shows one (lib/twilio/rules.ts `show`: quoted, control and
 * invisible characters escaped, long values cut, NaN as NaN); a summary for containers.
 */
export function showValue(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty mapping' : `a mapping with key${keys.length === 1 ? '' : 's'} ${keys.slice(0, 5).map(show).join(', ')}${keys.length > 5 ? ', …' : ''}`;
  }
  return show(value);
}

/** A path for a message: as written, with control and invisible characters escaped and a long one cut. */
const label = (path: DocumentPath): string => visible(formatPath(path)) || '(top level)';

/** `okta.label` → `displayName`: keys of earlier releases, from each identity provider's `renamedKeys`. */
const RENAMED_KEYS = new Map<string, string>(
  IDENTITY_PROVIDERS.flatMap((p) => Object.entries(p.renamedKeys ?? {}).map(([from, to]) => [`${p.key}.${from}`, to] as [string, string])),
);

/** The new name of a key of an earlier release at `path` (`targets[0].okta` + `label`), if it is one. */
function renamedKey(path: DocumentPath, key: string): string | undefined {
  const generic = path
    .slice(2) // targets, <i>
    .map((p) => (typeof p === 'number' ? '[]' : `.${p}`))
    .join('')
    .replace(/^\./, '');
  return path[0] === 'targets' ? RENAMED_KEYS.get(`${generic}.${key}`) : undefined;
}

/** Builds a problem about the value at `path`, filling in position and the received value from the document. */
export function problemAt(doc: ConfigDocument, path: DocumentPath, code: string, message: string, options: { expected?: string; atKey?: boolean } = {}): ConfigProblem {
  const present = doc.has(path);
  const value = present ? doc.get(path) : undefined;
  const pos = options.atKey ? doc.keyPositionOf(path) : doc.positionOf(path);
  const received = present ? receivedScalar(value) : undefined;
  return {
    severity: 'error',
    code,
    path: formatPath(path),
    line: pos.line,
    column: pos.column,
    message,
    receivedType: jsonType(value, present),
    ...(received !== undefined ? { received } : {}),
    ...(options.expected !== undefined ? { expected: options.expected } : {}),
  };
}

/** Levenshtein distance, for "did you mean" on unknown keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The accepted key closest to `key` (case-insensitively equal, or at most 2 edits away). */
export function closestKey(key: string, accepted: string[]): string | undefined {
  const lower = key.toLowerCase();
  const exact = accepted.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  if (key.length > 64) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const k of accepted) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestD) (best = k), (bestD = d);
  }
  return best;
}

const article = (type: string): string => (type === 'array' || type === 'integer' || type === 'object' ? `an ${type}` : `a ${type}`);

/** What a (sub)schema accepts, in a phrase, for messages and `expected`. */
export function describeSchema(schema: any): string {
  if (!schema || typeof schema !== 'object') return 'a value';
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
  if (Array.isArray(schema.oneOf)) return schema.oneOf.map(describeSchema).join(', or ');
  if (schema.type === 'object' && Array.isArray(schema.required) && schema.required.length > 0) {
    return `a mapping with ${schema.required.map((k: string) => `'${k}'`).join(', ')}`;
  }
  return article(schema.type ?? 'value');
}

/** `['targets', 2, 'okta', 'groups', 0]` → `targets[].okta.groups[]`, the form schema-docs.ts keys take. */
function genericPath(path: DocumentPath): string {
  return path.map((p, i) => (typeof p === 'number' ? '[]' : i === 0 ? p : `.${p}`)).join('');
}

const keysOf = (schema: any): string[] => Object.keys(schema?.properties ?? {});

/**
 * Turns Ajv's errors (with `verbose`, as the config validator is compiled) into problems: each at
 * the path and position the user wrote, with the value received and what is accepted. A `oneOf`
 * whose branch has the value's type reports that branch's errors; otherwise one problem lists the
 * alternatives.
 */
export function schemaProblems(errors: ErrorObject[], doc: ConfigDocument): ConfigProblem[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  const drop = new Set<ErrorObject>();
  for (const o of oneOfs) {
    const branches: any[] = Array.isArray(o.schema) ? (o.schema as any[]) : [];
    const type = jsonType(o.data);
    const matching = branches.findIndex((b) => b?.type === type || (type === 'number' && b?.type === 'integer'));
    for (const e of errors) {
      if (e === o || !e.schemaPath.startsWith(`${o.schemaPath}/`)) continue;
      // Keep the errors of the branch made for this type of value; drop the others.
      if (matching < 0 || !e.schemaPath.startsWith(`${o.schemaPath}/${matching}/`)) drop.add(e);
    }
    if (matching >= 0) drop.add(o);
  }
  // A required key written misspelt (`orgname` for `orgName`) is one mistake: the unknown key, whose
  // problem says "did you mean 'orgName'?", not also "missing required key 'orgName'".
  const unknownKeys = new Map<string, ErrorObject[]>();
  for (const u of errors) if (u.keyword === 'additionalProperties') unknownKeys.set(u.instancePath, [...(unknownKeys.get(u.instancePath) ?? []), u]);
  for (const e of errors) {
    if (e.keyword !== 'required') continue;
    const missing = String((e.params as { missingProperty: string }).missingProperty);
    const misspelt = (unknownKeys.get(e.instancePath) ?? []).some((u) => closestKey(String((u.params as { additionalProperty: string }).additionalProperty), keysOf(u.parentSchema)) === missing);
    if (misspelt) drop.add(e);
  }
  const out: ConfigProblem[] = [];
  for (const e of errors) {
    if (drop.has(e)) continue;
    const path = pointerToPath(e.instancePath, doc.value);
    const at = label(path);
    const params = e.params as Record<string, any>;
    const got = showValue(e.data);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const accepted = keysOf(e.parentSchema);
        const renamed = renamedKey(path, key);
        const hint = renamed ?? closestKey(key, accepted);
        const expected = `one of the keys ${accepted.join(', ')}`;
        const msg = `${at}: unknown key ${show(key)}${renamed ? ` (renamed to '${renamed}')` : hint ? ` (did you mean '${hint}'?)` : ''}; ${at} accepts ${accepted.map((k) => `'${k}'`).join(', ')}`;
        out.push(problemAt(doc, [...path, key], ConfigCode.SCHEMA_UNKNOWN_KEY, key === '<<' ? `${msg}; YAML merge keys (<<) are not supported: repeat the values or use an alias (*name)` : msg, { expected, atKey: true }));
        break;
      }
      case 'required': {
        const key = String(params.missingProperty);
        const what = (e.parentSchema as any)?.properties?.[key];
        const expected = `a key '${key}'${what ? `: ${describeSchema(what)}` : ''}`;
        out.push(problemAt(doc, path, ConfigCode.SCHEMA_REQUIRED, `${at}: missing required key '${key}' (${describeSchema(what)})`, { expected }));
        break;
      }
      case 'enum': {
        const expected = `one of ${params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}`;
        out.push(problemAt(doc, path, ConfigCode.SCHEMA_ENUM, `${at}: must be ${expected}, got ${got}`, { expected }));
        break;
      }
      case 'pattern': {
        // A pattern says little to a person: the key's description (schema-docs.ts) says what the value is.
        const what = FIELD_DOCS[docKey(genericPath(path))]?.description;
        const expected = `a string matching ${params.pattern}`;
        out.push(problemAt(doc, path, ConfigCode.SCHEMA_PATTERN, `${at}: must match ${params.pattern}, got ${got}${what ? `. ${what}` : ''}`, { expected: what ? `${expected}: ${what}` : expected }));
        break;
      }
      case 'type': {
        const expected = String(params.type)
          .split(',')
          .map((t) => article(t))
          .join(' or ');
        // "must be array" kept verbatim: the wording users and tests already know.
        out.push(problemAt(doc, path, ConfigCode.SCHEMA_TYPE, `${at}: must be ${params.type}, got ${got}`, { expected }));
        break;
      }
      case 'minProperties':
      case 'maxProperties': {
        const accepted = keysOf(e.parentSchema);
        const present = e.data && typeof e.data === 'object' ? Object.keys(e.data) : [];
        const exactlyOne = (e.parentSchema as any)?.minProperties === 1 && (e.parentSchema as any)?.maxProperties === 1;
        const expected = exactlyOne ? `exactly one of the keys ${accepted.join(', ')}` : `${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${params.limit} keys`;
        const gotKeys = present.length === 0 ? 'none' : present.map((k) => `'${k}'`).join(' and ');
        out.push(problemAt(doc, path, ConfigCode.SCHEMA_KEY_COUNT, `${at}: must have ${expected}, got ${gotKeys}`, { expected }));
        break;
      }
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const unit = e.keyword.endsWith('Length') ? ' characters' : e.keyword.endsWith('Items') ? ' items' : '';
        const op = { minLength: 'at least', maxLength: 'at most', minItems: 'at least', maxItems: 'at most', minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' }[e.keyword];
        const expected = `${op} ${params.limit}${unit}`;
        out.push(problemAt(doc, path, ConfigCode.SCHEMA_RANGE, `${at}: must be ${expected}, got ${got}`, { expected }));
        break;
      }
      case 'oneOf': {
        const expected = describeSchema(e.parentSchema ? (e.parentSchema as any) : { oneOf: e.schema });
        out.push(problemAt(doc, path, ConfigCode.SCHEMA_ONE_OF, `${at}: must be ${expected}, got ${got}`, { expected }));
        break;
      }
      default:
        out.push(problemAt(doc, path, ConfigCode.SCHEMA_INVALID, `${at}: ${e.message}, got ${got}`));
    }
  }
  return out;
}

/** Problems in file order (line, column), then by path, code and message: the same input always prints the same. */
export function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => a.line - b.line || a.column - b.column || cmp(a.path, b.path) || cmp(a.code, b.code) || cmp(a.message, b.message))
    .filter((p) => {
      const k = `${p.path}\u0000${p.code}\u0000${p.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The text report: one `file:line:column: message` line per problem (the form editors and CI
 * problem matchers read), then a summary line.
 */
export function formatProblemsText(file: string, problems: ConfigProblem[]): string {
  const lines = problems.map((p) => `${file}:${p.line}:${p.column}: ${oneLine(p.message)}`);
  return `${lines.join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${file}; nothing was synthesized.\n`;
}

/**
 * Keeps a report line on one line and readable as written: control, invisible (zero-width, bidi) and
 * line-separator characters are shown escaped (lib/twilio/rules.ts `visible`, uncut: each value in
 * the message is already cut).
 */
export function oneLine(s: string): string {
  return visible(s, Number.MAX_SAFE_INTEGER);
}
