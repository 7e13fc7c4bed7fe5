'use strict';
// One measured synth: N Twilio apps of one identity provider in one stack, declared either through
// our construct (`--mode lib`) or directly with the provider classes (`--mode raw`, the baseline).
// Run by bench/run.js in a fresh process per measurement, preloaded with bench/exit-timer.js.
//   node -r ./bench/exit-timer.js bench/synth-child.js --idp okta --mode lib --n 100 --output <dir>
const { parseArgs } = require('util');

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { idp: { type: 'string' }, mode: { type: 'string' }, n: { type: 'string' }, output: { type: 'string' } },
  strict: true,
});
const marks = (global.__benchMarks = {});
const adapter = require(`./idps/${values.idp}`);
const n = Number(values.n);
const { App, TerraformStack } = require('cdktf');
const declare = values.mode === 'lib' ? adapter.lib() : adapter.raw();
marks.loaded = performance.now();
const app = new App({ outdir: values.output });
const stack = new TerraformStack(app, 'bench');
declare(stack, n);
marks.declared = performance.now();
app.synth();
marks.synthesized = performance.now();
