import type { ValidationContext } from './identity-provider';

// How an identity provider's config block becomes its construct's props, as data, and how a prop
// path a construct reports (`groups[1].principalId`) becomes the key the user wrote
// (`groups[1].id`): one table read both ways, so the two can never disagree.

/** Where one construct prop comes from, when it is not the config key of the same name. */
export interface PropSource {
  /** The config key the prop is set from; with several, the first the block has (else the last). */
  readonly key: string | readonly string[];
  /**
   * The prop's value from the value written (`undefined` when the key is absent), e.g.
   * `useConnectedApp: true` → `appType: ConnectedApp`. Must not throw, whatever it is given: the
   * block may break the schema and is still checked by the construct.
   * @default - the value as written
   */
  readonly value?: (written: unknown, context: ValidationContext) => unknown;
}

/** How a config block (or a list item) maps to props. Keys not named here set the prop of the same name. */
export interface PropMapping {
  /** Keys that set no construct prop (the provider configuration, stack-level switches). */
  readonly configOnly?: readonly string[];
  /** Props set from a key of another name, or from a value written differently. */
  readonly props?: Readonly<Record<string, PropSource>>;
  /** List props whose items map too, by prop name (each list keeps its order, so indexes match). */
  readonly items?: Readonly<Record<string, PropMapping>>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const keysOf = (s: PropSource): readonly string[] => (typeof s.key === 'string' ? [s.key] : s.key);

/** The key a prop is read from in `block`: the first of its keys the block has, else the last. */
function keyFor(source: PropSource, block: unknown): string {
  const keys = keysOf(source);
  return keys.find((k) => isRecord(block) && Object.hasOwn(block, k)) ?? keys[keys.length - 1];
}

/** Sets an own property even when its name is `__proto__` (a config key is data, never a prototype). */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The props a block sets: every key as the prop of the same name, except the mapping's config-only
 * keys and the keys its {@link PropMapping.props} read. Anything that is not a mapping is returned
 * as it is (the construct reports it).
 */
export function propsFrom(block: unknown, mapping: PropMapping, context: ValidationContext): Record<string, unknown> {
  if (!isRecord(block)) return block as Record<string, unknown>;
  const read = new Set<string>([...(mapping.configOnly ?? []), ...Object.values(mapping.props ?? {}).flatMap(keysOf)]);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(block)) {
    if (read.has(key)) continue;
    const items = mapping.items?.[key];
    put(out, key, items && Array.isArray(value) ? value.map((item) => propsFrom(item, items, context)) : value);
  }
  for (const [prop, source] of Object.entries(mapping.props ?? {})) {
    const key = keyFor(source, block);
    const written = Object.hasOwn(block, key) ? block[key] : undefined;
    const value = source.value ? source.value(written, context) : written;
    if (value !== undefined) put(out, prop, value);
  }
  return out;
}

/**
 * The config path of a prop path a construct reported, relative to the block (`['groups', 1,
 * 'principalId']` → `['groups', 1, 'id']`, Keycloak's `['serverUrl']` → `['publicUrl']` when the
 * block has one, else `['url']`).
 */
export function keyPathOf(field: ReadonlyArray<string | number>, block: unknown, mapping: PropMapping): Array<string | number> {
  if (field.length === 0) return [];
  const [head, ...rest] = field;
  if (typeof head !== 'string') return [...field];
  const source = mapping.props?.[head];
  const key = source ? keyFor(source, block) : head;
  const items = mapping.items?.[head];
  if (items && typeof rest[0] === 'number') {
    const list = isRecord(block) ? block[key] : undefined;
    const item = Array.isArray(list) ? list[rest[0]] : undefined;
    return [key, rest[0], ...keyPathOf(rest.slice(1), item, items)];
  }
  return [key, ...rest];
}

/** `groups[0].roles[1]` → `['groups', 0, 'roles', 1]`; `''` → `[]`. */
export function parseField(field: string): Array<string | number> {
  const out: Array<string | number> = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(field)) !== null) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}
