import { CORE_SCHEMA, EVENT_ID, Event, YAMLException, constructFromEvents, getScalarValue, parseEvents } from 'js-yaml';
import { ConfigCode } from './config-codes';
import { CONFIG_LIMITS } from './config-limits';

export { CONFIG_LIMITS };

/** A place in the config file, 1-based, as editors and CI annotations count. */
export interface SourcePosition {
  /** Line, from 1. */
  readonly line: number;
  /** Column, from 1 (in UTF-16 code units, as editors count). */
  readonly column: number;
}

/** Why a config file could not be read as one YAML document: the reason and where. */
export class ConfigSyntaxError extends Error {
  /** Stable code: `CONFIG_ENCODING`, `CONFIG_TOO_LARGE`, `YAML_SYNTAX`, `YAML_ALIAS_LIMIT`, `CONFIG_EMPTY`, `CONFIG_MULTIPLE_DOCUMENTS`. */
  public readonly code: ConfigCode;
  /** Where in the file. */
  public readonly position: SourcePosition;

  constructor(code: ConfigCode, reason: string, position: SourcePosition) {
    super(reason);
    this.name = 'ConfigSyntaxError';
    this.code = code;
    this.position = position;
  }
}

/** A path into the document, as JSON Pointer segments (`['targets', 0, 'okta']`). */
export type DocumentPath = ReadonlyArray<string | number>;

/** `['targets', 2, 'okta', 'groups', 0]` → `targets[2].okta.groups[0]`; the root is `''`. */
export function formatPath(path: DocumentPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** `/targets/2/okta` (a JSON Pointer, as Ajv reports) → `['targets', 2, 'okta']` for the given document. */
export function pointerToPath(pointer: string, document: unknown): Array<string | number> {
  if (pointer === '') return [];
  const out: Array<string | number> = [];
  let node: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key: string | number = Array.isArray(node) && /^\d+$/.test(seg) ? Number(seg) : seg;
    out.push(key);
    node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as any)[key] : undefined;
  }
  return out;
}

const pointerOf = (path: DocumentPath): string => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/**
 * A parsed config file that remembers where each value and key came from, so that every problem can
 * be reported at its line and column.
 */
export class ConfigDocument {
  /**
   * Parses YAML (or JSON, which is YAML) with the YAML 1.2 core schema: `2027-01-01` stays a string
   * and `yes` is not a boolean. Throws {@link ConfigSyntaxError} for bytes that are not UTF-8, a
   * syntax error, an empty file, several documents, or a file past {@link CONFIG_LIMITS} (size,
   * value length, what its aliases repeat).
   */
  public static parse(bytes: Buffer, filename: string): ConfigDocument {
    if (bytes.length > CONFIG_LIMITS.maxBytes) {
      throw new ConfigSyntaxError(ConfigCode.CONFIG_TOO_LARGE, `the file is larger than ${CONFIG_LIMITS.maxBytes} bytes, the most a config file may be`, { line: 1, column: 1 });
    }
    const text = decodeUtf8(bytes);
    const lines = lineStarts(text);
    const at = (offset: number): SourcePosition => positionAt(lines, Math.max(0, offset));
    let events: Event[];
    let documents: unknown[];
    try {
      events = parseEvents(text, { filename, maxDepth: CONFIG_LIMITS.maxDepth });
      checkLimits(text, events, at);
      documents = constructFromEvents(events, { source: text, filename, schema: CORE_SCHEMA });
    } catch (e) {
      if (e instanceof YAMLException) {
        const mark = e.mark;
        throw new ConfigSyntaxError(ConfigCode.YAML_SYNTAX, e.reason, mark ? { line: mark.line + 1, column: mark.column + 1 } : { line: 1, column: 1 });
      }
      if (e instanceof RangeError) {
        // The parser recurses per nesting level; maxDepth bounds it, this is the backstop.
        throw new ConfigSyntaxError(ConfigCode.YAML_SYNTAX, 'the document is nested too deeply', { line: 1, column: 1 });
      }
      throw e;
    }
    if (documents.length === 0 || (documents.length === 1 && (documents[0] === null || documents[0] === undefined))) {
      throw new ConfigSyntaxError(ConfigCode.CONFIG_EMPTY, 'the file holds no config (it is empty, only comments, or null)', { line: 1, column: 1 });
    }
    if (documents.length > 1) {
      const starts = events.flatMap((e, i) => (e.type === EVENT_ID.DOCUMENT ? [i] : []));
      const second = events.slice(starts[1]).find((e) => e.type !== EVENT_ID.DOCUMENT);
      throw new ConfigSyntaxError(ConfigCode.CONFIG_MULTIPLE_DOCUMENTS, `the file holds ${documents.length} YAML documents ('---'); a config file is one document`, second ? at(eventStart(second)) : { line: 1, column: 1 });
    }
    return new ConfigDocument(filename, documents[0], recordPositions(text, events), lines, lines.length);
  }

  /** The file name, as given. */
  public readonly filename: string;
  /** The parsed document. */
  public readonly value: unknown;
  /** Number of lines in the file. */
  public readonly lineCount: number;
  private readonly positions: Map<string, { value: number; key?: number }>;
  private readonly lines: number[];

  private constructor(filename: string, value: unknown, positions: Map<string, { value: number; key?: number }>, lines: number[], lineCount: number) {
    this.filename = filename;
    this.value = value;
    this.positions = positions;
    this.lines = lines;
    this.lineCount = lineCount;
  }

  /**
   * Where the value at `path` starts; for a path the file does not have (a missing key, or a value
   * inside an alias), where its nearest enclosing value starts.
   */
  public positionOf(path: DocumentPath): SourcePosition {
    for (let n = path.length; n >= 0; n--) {
      const p = this.positions.get(pointerOf(path.slice(0, n)));
      if (p) return positionAt(this.lines, p.value);
    }
    return { line: 1, column: 1 };
  }

  /** Where the key of the mapping entry at `path` is written (its value's position if it has no key). */
  public keyPositionOf(path: DocumentPath): SourcePosition {
    const p = this.positions.get(pointerOf(path));
    return p?.key !== undefined ? positionAt(this.lines, p.key) : this.positionOf(path);
  }

  /** Whether the document has a value at `path` (own keys only). */
  public has(path: DocumentPath): boolean {
    let node: unknown = this.value;
    for (const seg of path) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return false;
      node = (node as any)[seg];
    }
    return true;
  }

  /** The value at `path`, or `undefined`. */
  public get(path: DocumentPath): unknown {
    let node: unknown = this.value;
    for (const seg of path) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return undefined;
      node = (node as any)[seg];
    }
    return node;
  }
}

const BOM = '\uFEFF';

/** Decodes UTF-8 strictly (TextDecoder's `fatal` mode); a byte-order mark is dropped. Reports the first byte that is not UTF-8. */
function decodeUtf8(bytes: Buffer): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ConfigSyntaxError(ConfigCode.CONFIG_ENCODING, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8', { line: 1, column: 1 });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const pos = positionAt(lineStarts(before), before.length);
    throw new ConfigSyntaxError(ConfigCode.CONFIG_ENCODING, `the file is not UTF-8: byte 0x${bytes[offset].toString(16).padStart(2, '0')} at offset ${offset} is not valid UTF-8; save the file as UTF-8`, pos);
  }
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Offset of the first byte of the first sequence that is not UTF-8, found with the decoder itself:
 * the shortest prefix a streaming fatal decoder refuses ends inside the bad sequence, which starts
 * right after the longest complete prefix before it (at most 3 bytes back).
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  const refuses = (n: number, stream: boolean): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, n), { stream });
      return false;
    } catch {
      return true;
    }
  };
  if (!refuses(b.length, false)) return b.length;
  // A truncated sequence at the very end is refused only when the stream ends.
  let lo = 0;
  let hi = refuses(b.length, true) ? b.length : b.length + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mid <= b.length && refuses(mid, true)) hi = mid;
    else lo = mid + 1;
  }
  const end = Math.min(lo, b.length); // the prefix [0, end) is refused; [0, end - 1) is not
  for (let start = end - 1; start >= Math.max(0, end - 4); start--) if (!refuses(start, false)) return start;
  return Math.max(0, end - 1);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

function positionAt(starts: number[], offset: number): SourcePosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

function eventStart(e: Event): number {
  switch (e.type) {
    case EVENT_ID.SCALAR: {
      // An empty scalar (`key:` with nothing after it) has no offset of its own: -1.
      const starts = [e.anchorStart - 1, e.tagStart, e.valueStart < 0 ? -1 : e.valueStart - (e.style === 2 || e.style === 3 ? 1 : 0)].filter((s) => s >= 0);
      return starts.length === 0 ? -1 : Math.min(...starts);
    }
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE: {
      const starts = [e.anchorStart - 1, e.tagStart, e.start].filter((s) => s >= 0);
      return starts.length === 0 ? -1 : Math.min(...starts);
    }
    case EVENT_ID.ALIAS:
      return e.anchorStart - 1;
    default:
      return 0;
  }
}

/**
 * Enforces {@link CONFIG_LIMITS} on the events, in one pass: the values aliases add (each anchored
 * node's size remembered by its anchor name, each alias counting that size) and the length of every
 * value and key.
 */
function checkLimits(text: string, events: Event[], at: (offset: number) => SourcePosition): void {
  const sizes = new Map<string, number>();
  // Per open collection: its expanded size so far and its anchor name (if any).
  const stack: Array<{ size: number; anchor?: string }> = [{ size: 0 }];
  const anchorOf = (e: { anchorStart: number; anchorEnd: number }): string | undefined => (e.anchorStart >= 0 ? text.slice(e.anchorStart, e.anchorEnd) : undefined);
  let aliased = 0;
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        stack[stack.length - 1].size += 1;
        stack.push({ size: 0, anchor: anchorOf(e) });
        break;
      case EVENT_ID.SCALAR: {
        const length = e.valueStart < 0 ? 0 : e.valueEnd - e.valueStart;
        if (length > CONFIG_LIMITS.maxValueLength) {
          throw new ConfigSyntaxError(ConfigCode.CONFIG_TOO_LARGE, `a value of ${length} characters; a config value (or key) may be at most ${CONFIG_LIMITS.maxValueLength} characters`, at(eventStart(e)));
        }
        stack[stack.length - 1].size += 1;
        const anchor = anchorOf(e);
        if (anchor !== undefined) sizes.set(anchor, 1);
        break;
      }
      case EVENT_ID.ALIAS: {
        // An unknown anchor is the constructor's error to report; count it as one value.
        const size = sizes.get(text.slice(e.anchorStart, e.anchorEnd)) ?? 1;
        stack[stack.length - 1].size += size;
        aliased += size;
        if (aliased > CONFIG_LIMITS.maxAliasedValues) {
          throw new ConfigSyntaxError(
            ConfigCode.YAML_ALIAS_LIMIT,
            `the aliases (*name) repeat more than ${CONFIG_LIMITS.maxAliasedValues} values; a config file needs far fewer (an alias bomb?)`,
            at(e.anchorStart - 1),
          );
        }
        break;
      }
      case EVENT_ID.POP:
        if (stack.length > 1) {
          const done = stack.pop()!;
          // A collection counted itself in its parent when it opened; its content is added now.
          stack[stack.length - 1].size += done.size;
          if (done.anchor !== undefined) sizes.set(done.anchor, done.size + 1);
        }
        break;
      default:
        break;
    }
  }
}

/** Records, for every value (and mapping key), its offset in the text, by JSON Pointer. */
function recordPositions(text: string, events: Event[]): Map<string, { value: number; key?: number }> {
  const out = new Map<string, { value: number; key?: number }>();
  type Frame = { kind: 'map' | 'seq'; path: string; index: number; key?: string; keyOffset?: number; skip: number };
  const stack: Frame[] = [];
  let docPath = '';
  // A value with no offset (an empty scalar) is placed at its key, or not at all (its parent then stands for it).
  const place = (offset: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (offset >= 0) out.set(docPath, { value: offset });
      return docPath;
    }
    if (top.kind === 'seq') {
      const p = `${top.path}/${top.index++}`;
      if (offset >= 0) out.set(p, { value: offset });
      return p;
    }
    if (top.key === undefined) return undefined; // a key, handled by the caller
    const p = `${top.path}/${top.key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const value = offset >= 0 ? offset : top.keyOffset;
    if (!out.has(p) && value !== undefined && value >= 0) out.set(p, { value, key: top.keyOffset });
    top.key = undefined;
    return p;
  };
  for (const e of events) {
    const top = stack[stack.length - 1];
    if (top && top.skip > 0) {
      // Inside a complex (non-scalar) mapping key: not addressable by a path.
      if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) top.skip++;
      else if (e.type === EVENT_ID.POP) top.skip--;
      continue;
    }
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        docPath = '';
        break;
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        if (top?.kind === 'map' && top.key === undefined) {
          top.key = e.type === EVENT_ID.SCALAR ? getScalarValue(text, e) : `*${text.slice(e.anchorStart, e.anchorEnd)}`;
          top.keyOffset = eventStart(e) >= 0 ? eventStart(e) : undefined;
        } else {
          place(eventStart(e));
        }
        break;
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const kind = e.type === EVENT_ID.MAPPING ? 'map' : 'seq';
        if (top?.kind === 'map' && top.key === undefined) {
          top.skip = 1;
          top.key = '[complex key]';
          break;
        }
        const p = place(eventStart(e)) ?? '';
        stack.push({ kind, path: p, index: 0, skip: 0 });
        break;
      }
      case EVENT_ID.POP:
        if (stack.length > 0) stack.pop();
        break;
      default:
        break;
    }
  }
  return out;
}
