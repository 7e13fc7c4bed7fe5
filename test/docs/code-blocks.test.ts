import { load } from 'js-yaml';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkConfigFile } from '../../stacks/config/check-config';

// Every fenced block of README.md and docs/*.md says what it is and is exercised, or says why not
// (scripts/package/code-blocks.js has the rules). Here: the inventory, and the blocks that need
// nothing but this repository (YAML and JSON parse; a whole config validates). TypeScript and shell
// blocks run in `npm run test:package` against the packed package; Python blocks in test-python.sh.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { codeBlocks, blocksOf } = require('../../scripts/package/code-blocks.js');

interface Block {
  file: string;
  line: number;
  info: string;
  kind: string | null;
  body: string;
  noTest: string | null;
  testNote: string | null;
}

const blocks: Block[] = codeBlocks();
const where = (b: Block): string => `${b.file}:${b.line}`;

test('every block names a known language (text for sample output), so it is clear how it is tested', () => {
  expect(blocks.filter((b) => b.kind === null).map((b) => `${where(b)} \`\`\`${b.info}`)).toEqual([]);
});

test('every test note is one the package test knows', () => {
  expect(blocks.filter((b) => b.testNote !== null && b.testNote !== 'after filling in the placeholders').map(where)).toEqual([]);
});

test('Terraform (hcl) blocks, which nothing here runs, each say why', () => {
  expect(blocks.filter((b) => b.kind === 'hcl' && b.noTest === null).map(where)).toEqual([]);
});

test('every block left untested says why, in words', () => {
  const vague = blocks.filter((b) => b.noTest !== null && b.noTest.split(/\s+/).length < 3);
  expect(vague.map(where)).toEqual([]);
});

test('runnable code imports the package by its name, never from the repository', () => {
  const relative = blocks.filter((b) => (b.kind === 'typescript' || b.kind === 'python') && /from ['"]\.\.?\//.test(b.body));
  expect(relative.map(where)).toEqual([]);
  const ts = blocks.filter((b) => b.kind === 'typescript' && b.noTest === null);
  expect(ts.length).toBeGreaterThan(0);
  for (const b of ts) expect(b.body).toMatch(/from 'cdktf-twilio-sso(\/\w+)?'/);
});

test('the extractor finds what a Markdown author writes: indented fences, markers, unclosed fences', () => {
  const md = ['Intro', '', '<!-- no-test: needs an Okta org -->', '```sh', 'terraform apply', '```', '', '1. Step:', '', '   ```yaml', '   a: 1', '   ```', ''].join('\n');
  expect(blocksOf('x.md', md)).toEqual([
    { file: 'x.md', line: 4, info: 'sh', kind: 'shell', body: 'terraform apply\n', noTest: 'needs an Okta org', testNote: null },
    { file: 'x.md', line: 10, info: 'yaml', kind: 'yaml', body: 'a: 1\n', noTest: null, testNote: null },
  ]);
  expect(() => blocksOf('y.md', '```ts\nconst a = 1;\n')).toThrow('y.md:1: a code fence that is never closed');
});

describe.each(blocks.filter((b) => b.kind === 'yaml' && b.noTest === null).map((b) => [where(b), b] as const))('YAML block %s', (_name, b) => {
  test('parses, and validates when it is a whole config', () => {
    // A block of comments only (the schema line) is no document: nothing to parse.
    if (b.body.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#'))) return;
    const doc = load(b.body) as Record<string, unknown> | null;
    if (doc === null || typeof doc !== 'object' || !('targets' in doc)) return;
    const file = join(mkdtempSync(join(tmpdir(), 'twilio-sso-docs-')), 'twilio-sso.yaml');
    writeFileSync(file, b.body);
    expect(checkConfigFile(file).problems).toEqual([]);
  });
});

test('JSON blocks that are tested parse', () => {
  const bad = blocks.filter((b) => b.kind === 'json' && b.noTest === null).filter((b) => {
    try {
      JSON.parse(b.body);
      return false;
    } catch {
      return true;
    }
  });
  expect(bad.map(where)).toEqual([]);
});
