#!/usr/bin/env node
// Fails when a public type or member in lib/ lacks TSDoc, or an optional prop (`name?:`) lacks
// `@default` in its doc comment (the style guide's habit 2). Uses the TypeScript compiler API
// rather than regexes, so comments and multi-line declarations are read as the compiler sees them.
const ts = require('typescript');
const { readdirSync, readFileSync, statSync } = require('fs');
const { join } = require('path');

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const problems = [];
const isExported = (node) => (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;
const isPrivate = (node) => (ts.getCombinedModifierFlags(node) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
const docOf = (node, text) => (ts.getJSDocCommentsAndTags(node).length ? node.getFullText().slice(0, node.getLeadingTriviaWidth()) : '');

for (const file of files(join(__dirname, '..', 'lib'))) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const where = (node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const named = (node) => (node.name ? node.name.getText() : '(anonymous)');
  const visitMembers = (owner, members) => {
    for (const m of members) {
      if (isPrivate(m) || ts.isConstructorDeclaration(m) || ts.isIndexSignatureDeclaration(m)) continue;
      if (m.name && m.name.getText().startsWith('_')) continue;
      const doc = docOf(m);
      if (!doc) problems.push(`${where(m)} ${owner}.${named(m)} has no TSDoc`);
      else if (ts.isPropertySignature(m) && m.questionToken && !/@default/.test(doc)) problems.push(`${where(m)} optional ${owner}.${named(m)} has no @default`);
    }
  };
  sf.forEachChild((node) => {
    if (!isExported(node)) return;
    if (ts.isExportDeclaration(node)) return;
    if (ts.isVariableStatement(node)) {
      if (!docOf(node)) problems.push(`${where(node)} exported constant has no TSDoc`);
      return;
    }
    if (!docOf(node)) problems.push(`${where(node)} ${named(node)} has no TSDoc`);
    if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) visitMembers(named(node), node.members);
    if (ts.isEnumDeclaration(node)) visitMembers(named(node), node.members);
  });
}

if (problems.length) {
  console.error(`TSDoc check: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('TSDoc check: every public type and member in lib/ is documented');
