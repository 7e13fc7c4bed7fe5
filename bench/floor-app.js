'use strict';
// The floor for a cold synth: a bare cdktf app with one resource (null_resource, the smallest
// provider installed, with its provider block), synthesized to --output <dir>. Same process shape as the unbundled command (dist/cli/main.js synth).
const { parseArgs } = require('util');
const { App, TerraformStack } = require('cdktf');
const { NullProvider } = require('@cdktf/provider-null/lib/provider');
const { Resource } = require('@cdktf/provider-null/lib/resource');

const { values } = parseArgs({ args: process.argv.slice(2), options: { output: { type: 'string' } }, strict: true });
const app = new App({ outdir: values.output ?? 'cdktf.out' });
const stack = new TerraformStack(app, 'floor');
new NullProvider(stack, 'null', {});
new Resource(stack, 'one', {});
app.synth();
