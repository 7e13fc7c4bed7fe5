import { IDENTITY_PROVIDERS } from '../identity-providers';
import { ConfigDocument, DocumentPath } from './config-document';

/**
 * Phrases of construct messages to say in config terms, per config block, where a prop's value is
 * spelled differently in the file (`'appType' ConnectedApp` is `useConnectedApp: true`).
 */
const PHRASES: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  salesforce: [["'appType' ConnectedApp", "'useConnectedApp: true'"]],
};

/**
 * Construct props whose name differs from the config key the user writes, per config block: each
 * identity provider's `propsToKeys` (stacks/identity-providers), e.g. Keycloak's `serverUrl` → `url`
 * and every `principalId` → `id`. Keys the config and the props share need no entry.
 */
function propsToKeys(blockKey: string): Readonly<Record<string, string>> {
  return IDENTITY_PROVIDERS.find((p) => p.key === blockKey)?.propsToKeys ?? {};
}

/** A construct message in config terms: the block's renamed props by their keys. */
export function inConfigTerms(message: string, blockKey: string, _block: unknown): string {
  let out = message;
  for (const [from, to] of PHRASES[blockKey] ?? []) out = out.split(from).join(to);
  for (const [prop, key] of Object.entries(propsToKeys(blockKey))) out = out.split(`'${prop}'`).join(`'${key}'`);
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
  const aliases = propsToKeys(blockKey);
  // Every segment by its config key (`groups[1].principalId` → `groups[1].id`).
  const rel = parseField(field).map((part) => (typeof part === 'string' && Object.hasOwn(aliases, part) ? aliases[part] : part));
  // The deepest part of the path the file has: a construct may name a prop no key maps to.
  let n = rel.length;
  while (n > 0 && !doc.has([...blockPath, ...rel.slice(0, n)])) n--;
  return { path: [...blockPath, ...rel.slice(0, n)], intended: [...blockPath, ...rel] };
}
