/**
 * Limits on what a config file may be: each is enforced as stated here and listed in the README
 * ("Limits"). A real config is a few kilobytes; a plain file of 5,000 targets (about 1.1 MB) is
 * well within them.
 */
export const CONFIG_LIMITS = {
  /** Largest file read, in bytes (the read stops at this plus one byte). */
  maxBytes: 4 * 1024 * 1024,
  /** Most targets in one file. */
  maxTargets: 10_000,
  /** Longest value (or key), in characters. */
  maxValueLength: 65_536,
  /** Deepest nesting of mappings and sequences (js-yaml's own default). */
  maxDepth: 100,
  /**
   * Most values the aliases (`*name`) may add to the document, each alias counting every value of
   * what it repeats. Values written out in the file do not count (the file size bounds them). An alias
   * shares one JavaScript object, but the schema check and the synthesized JSON walk each use of
   * it: a "billion laughs" file of a few hundred bytes would expand to 10⁹ values.
   */
  maxAliasedValues: 100_000,
} as const;
