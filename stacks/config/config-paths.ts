import { ConfigDocument, DocumentPath } from './config-document';

/** How one construct prop is spelled in a config block. */
export interface PropAlias {
  /** The config key the prop comes from; a function when either of two keys may give it. */
  readonly key: string | ((block: Record<string, unknown>) => string);
  /** Phrases of the construct's messages to say in config terms instead (`'appType' ConnectedApp`). */
  readonly phrases?: ReadonlyArray<readonly [string, string]>;
}

/**
 * Construct props whose name differs from the config key the user writes, per config block. The
 * constructs validate their props and name the prop in the message (`serverUrl`); a config user
 * wrote `keycloak.url` (or `publicUrl`) and must read that.
 *
 * Keys that the config and the props share need no entry. A prop that is neither here nor in the
 * file falls back to the nearest enclosing key the file has (test/cli/config-check.test.ts checks
 * that every reported path is one the file has).
 */
export const PROP_TO_CONFIG_KEY: Readonly<Record<string, Readonly<Record<string, PropAlias>>>> = {
  keycloak: { serverUrl: { key: (b) => (b.publicUrl !== undefined ? 'publicUrl' : 'url') } },
  entra: { expiryWarningDays: { key: 'warnDaysBeforeExpiry' } },
  salesforce: { appType: { key: 'useConnectedApp', phrases: [["'appType' ConnectedApp", "'useConnectedApp: true'"]] } },
};

/** A construct message in config terms: the block's renamed props by their keys. */
export function inConfigTerms(message: string, blockKey: string, block: unknown): string {
  let out = message;
  for (const [prop, alias] of Object.entries(PROP_TO_CONFIG_KEY[blockKey] ?? {})) {
    for (const [from, to] of alias.phrases ?? []) out = out.split(from).join(to);
    const key = typeof alias.key === 'function' ? alias.key((block ?? {}) as Record<string, unknown>) : alias.key;
    out = out.split(`'${prop}'`).join(`'${key}'`);
  }
  return out;
}

/** `groups[0].roles[1]` → `['groups', 0, 'roles', 1]`; `''` → `[]`. */
export function parseField(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field)) !== null) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/** What a construct's field became in the user's file. */
export interface UserField {
  /** The deepest part of the path the document has (where to point: a missing key's block). */
  readonly path: Array<string | number>;
  /** The whole path in the config's vocabulary, for the message (may name a key the file lacks). */
  readonly intended: Array<string | number>;
}

/**
 * Maps a field a construct reported (relative to the config block at `blockPath`, e.g.
 * `serverUrl` in `targets[5].keycloak`) to the path the user wrote (`targets[5].keycloak.url`).
 */
export function toUserField(doc: ConfigDocument, blockPath: DocumentPath, blockKey: string, field: string): UserField {
  const rel = parseField(field);
  const aliases = PROP_TO_CONFIG_KEY[blockKey];
  const block = doc.get(blockPath);
  if (rel.length > 0 && typeof rel[0] === 'string' && aliases && Object.hasOwn(aliases, rel[0]) && !doc.has([...blockPath, rel[0]])) {
    const alias = aliases[rel[0]].key;
    rel[0] = typeof alias === 'function' ? alias((block ?? {}) as Record<string, unknown>) : alias;
  }
  // The deepest part of the path the file has: a construct may name a prop no key maps to.
  let n = rel.length;
  while (n > 0 && !doc.has([...blockPath, ...rel.slice(0, n)])) n--;
  return { path: [...blockPath, ...rel.slice(0, n)], intended: [...blockPath, ...rel] };
}
