import { ConfigDocument, DocumentPath } from './config-document';

/**
 * Construct props whose name differs from the config key the user writes, per config block. The
 * constructs validate their props and name the prop in the message (`serverUrl`); a config user
 * wrote `keycloak.url` (or `publicUrl`) and must read that. A function picks the key from the
 * block when one prop comes from either of two keys.
 *
 * Keys that the config and the props share need no entry. A prop that is neither here nor in the
 * file falls back to the nearest enclosing key the file has (test/cli/config-check.test.ts checks
 * that every reported path is one the file has).
 */
export const PROP_TO_CONFIG_KEY: Readonly<Record<string, Readonly<Record<string, string | ((block: Record<string, unknown>) => string)>>>> = {
  keycloak: { serverUrl: (b) => (b.publicUrl !== undefined ? 'publicUrl' : 'url') },
  entra: { expiryWarningDays: 'warnDaysBeforeExpiry' },
  salesforce: { appType: 'useConnectedApp' },
};

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
  /** The prop name the construct used, when it differs from the config key (to rewrite the message). */
  readonly renamed?: { readonly from: string; readonly to: string };
}

/**
 * Maps a field a construct reported (relative to the config block at `blockPath`, e.g.
 * `serverUrl` in `targets[5].keycloak`) to the path the user wrote (`targets[5].keycloak.url`).
 */
export function toUserField(doc: ConfigDocument, blockPath: DocumentPath, blockKey: string, field: string): UserField {
  const rel = parseField(field);
  let renamed: UserField['renamed'];
  const aliases = PROP_TO_CONFIG_KEY[blockKey];
  const block = doc.get(blockPath);
  if (rel.length > 0 && typeof rel[0] === 'string' && aliases && Object.hasOwn(aliases, rel[0]) && !doc.has([...blockPath, rel[0]])) {
    const alias = aliases[rel[0]];
    const to = typeof alias === 'function' ? alias((block ?? {}) as Record<string, unknown>) : alias;
    renamed = { from: rel[0], to };
    rel[0] = to;
  }
  // The deepest part of the path the file has: a construct may name a prop no key maps to.
  let n = rel.length;
  while (n > 0 && !doc.has([...blockPath, ...rel.slice(0, n)])) n--;
  return { path: [...blockPath, ...rel.slice(0, n)], intended: [...blockPath, ...rel], renamed };
}
