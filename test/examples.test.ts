import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { readTree, tempDir } from './support/files';

// Every example program is synthesized, twice, and must give the same bytes.
const examples = readdirSync(join(__dirname, '..', 'examples')).filter((f) => f.endsWith('.ts'));

describe.each(examples)('example %s', (file) => {
  test('synthesizes deterministically', () => {
    const { synthExample } = require(join('..', 'examples', file));
    const a = tempDir();
    const b = tempDir();
    synthExample(a);
    synthExample(b);
    const tree = readTree(a);
    expect(Object.keys(tree).some((f) => f.endsWith('cdk.tf.json'))).toBe(true);
    expect(readTree(b)).toEqual(tree);
    for (const f of Object.keys(tree).filter((p) => p.endsWith('cdk.tf.json'))) {
      const json = JSON.parse(readFileSync(join(a, f), 'utf8'));
      expect(Object.keys(json.resource ?? {}).length).toBeGreaterThan(0);
    }
  });
});
