import { FIELD_DOCS, docKey, publishedConfigSchema } from '../../stacks/config/schema-docs';

// Each key's description is written once (FIELD_DOCS) and the published schema carries it at that
// key and nowhere else: sub-schemas the validator shares between keys (a list of strings, an ID map)
// must not share one description.
test('every key of the published schema carries its own description and examples', () => {
  const wrong: string[] = [];
  const walk = (s: any, path: string): void => {
    if (!s || typeof s !== 'object') return;
    if (path) {
      const doc = FIELD_DOCS[docKey(path)];
      if (s.description !== doc?.description) wrong.push(`${path}: ${JSON.stringify(s.description)?.slice(0, 60)}`);
      if (JSON.stringify(s.examples) !== JSON.stringify(doc?.examples)) wrong.push(`${path}: examples`);
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, path ? `${path}.${k}` : k);
    if (s.items) walk(s.items, `${path}[]`);
  };
  walk(publishedConfigSchema(), '');
  expect(wrong).toEqual([]);
});
