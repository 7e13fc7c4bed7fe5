#!/usr/bin/env node
// Part of `npm run build`: writes the config schema's Ajv validator as standalone code next to the
// compiled load-config.js, so the app does not compile the schema on every synth (~60 ms).
const { writeFileSync } = require('fs');
const { join } = require('path');
const { COMPILED_VALIDATOR, configValidatorModule } = require('../dist/stacks/config/config-validator');

writeFileSync(join(__dirname, '..', 'dist', 'stacks', 'config', COMPILED_VALIDATOR), configValidatorModule());
