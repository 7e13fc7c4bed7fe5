#!/usr/bin/env node
// `npm run schema`: writes the config's JSON Schema (with a description and examples on every key) to
// schema/twilio-sso.schema.json, the file the package ships and the example config's
// `# yaml-language-server: $schema=` line points at. Not part of `npm run build`: a test compares the
// committed file with the generated one, so a schema change without `npm run schema` fails CI.
const { mkdirSync, writeFileSync } = require('fs');
const { join } = require('path');
const { publishedConfigSchemaText } = require('../dist/stacks/config/schema-docs');

const dir = join(__dirname, '..', 'schema');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'twilio-sso.schema.json'), publishedConfigSchemaText());
