// The fenced code blocks of README.md and docs/*.md, and how each is exercised:
//   typescript  compiled against the packed package (TypeScript 5.9.3 and 7.0.2), and run with tsx
//               when it is a whole program (it calls `.synth()`): scripts/package/test-installed.js
//   shell       run in an empty folder beside the packed package: scripts/package/test-installed.js
//   python      run in the venv with the wheels: scripts/jsii/test-python.sh
//   yaml, json  parsed; a whole config (with `targets`) validated: test/docs/code-blocks.test.ts
//   text        sample output, shown, not run
//   hcl         Terraform configuration; must say why it is not run (no-test)
// A block that cannot run here (it needs an identity provider, a Salesforce org, the repository's own
// CI) says why in an HTML comment on the line before it: <!-- no-test: needs an Okta org -->. A shell
// block that runs after a step a person does says so: <!-- test: after filling in the placeholders -->
// (the package test then fills them in as the person would).
// Used by test/docs/code-blocks.test.ts, scripts/package/test-installed.js and test-python.sh
// (`node scripts/package/code-blocks.js python <dir>` writes the Python blocks there).
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const KINDS = { ts: 'typescript', typescript: 'typescript', sh: 'shell', bash: 'shell', shell: 'shell', python: 'python', yaml: 'yaml', json: 'json', jsonc: 'json', text: 'text', hcl: 'hcl' };

/** The Markdown files whose blocks are tested: README.md and every docs/*.md. */
function documents(root = ROOT) {
  const docs = fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return ['README.md', ...docs.map((f) => path.join('docs', f))];
}

/** Every fenced block of one Markdown text: { file, line, info, kind, body, noTest }. */
function blocksOf(file, text) {
  const lines = text.split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})([^`\s]*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    let end = i + 1;
    while (end < lines.length && !(lines[end].trim() === fence && lines[end].startsWith(indent))) end++;
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: a code fence that is never closed`);
    let before = i - 1;
    while (before >= 0 && lines[before].trim() === '') before--;
    const marker = before >= 0 ? /<!--\s*no-test:\s*(.*?)\s*-->/.exec(lines[before]) : null;
    const note = before >= 0 ? /<!--\s*test:\s*(.*?)\s*-->/.exec(lines[before]) : null;
    blocks.push({
      file,
      line: i + 1,
      info,
      kind: KINDS[info] ?? null,
      body: lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n') + '\n',
      noTest: marker ? marker[1] : null,
      testNote: note ? note[1] : null,
    });
    i = end;
  }
  return blocks;
}

/** Every block of the README and docs. */
function codeBlocks(root = ROOT) {
  return documents(root).flatMap((f) => blocksOf(f, fs.readFileSync(path.join(root, f), 'utf8')));
}

/** A file name for a block: README-228.ts, docs-entra-41.py. */
const blockName = (b, ext) => `${b.file.replace(/\.md$/, '').replace(/[\\/]/g, '-')}-${b.line}.${ext}`;

module.exports = { codeBlocks, blocksOf, documents, blockName, KINDS };

if (require.main === module) {
  // node scripts/package/code-blocks.js <kind> <dir>: writes the blocks of that kind to be tested.
  const [kind, dir] = process.argv.slice(2);
  if (!kind || !dir) {
    process.stderr.write('usage: code-blocks.js <typescript|shell|python> <dir>\n');
    process.exit(2);
  }
  const ext = { typescript: 'ts', shell: 'sh', python: 'py' }[kind] ?? kind;
  fs.mkdirSync(dir, { recursive: true });
  for (const b of codeBlocks().filter((x) => x.kind === kind && x.noTest === null)) {
    fs.writeFileSync(path.join(dir, blockName(b, ext)), b.body);
    process.stdout.write(`${blockName(b, ext)}\n`);
  }
}
