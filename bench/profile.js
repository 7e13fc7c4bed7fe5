'use strict';
// Where one bench case spends its time: runs bench/synth-child.js under `node --cpu-prof` and prints
// the functions with the most self time (and the same summed by file), so a slow ratio in
// `npm run bench` can be traced to code. After `npm run build`:
//   node bench/profile.js --idp keycloak --mode lib --n 1000 [--top 25] [--keep]
const { spawnSync } = require('child_process');
const { mkdtempSync, readFileSync, readdirSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join, relative, resolve } = require('path');
const { parseArgs } = require('util');

const ROOT = resolve(__dirname, '..');
const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: {
    idp: { type: 'string', default: 'keycloak' },
    mode: { type: 'string', default: 'lib' },
    n: { type: 'string', default: '1000' },
    top: { type: 'string', default: '25' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});

/** A profiled file as people read it: `node_modules/cdktf/…`, `dist/lib/…`, `node:…`. */
function shortPath(url) {
  if (!url) return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const i = path.lastIndexOf('/node_modules/');
  return i >= 0 ? path.slice(i + 1) : path.startsWith('/') ? relative(ROOT, path) : path;
}

/**
 * From a V8 .cpuprofile: self time (ms) per function and per file, and inclusive time per function of
 * the library (dist/lib: its own code plus what it calls in cdktf and the provider classes).
 */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (node) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'}  ${shortPath(url)}${url ? `:${lineNumber + 1}` : ''}`;
  };
  const inclusive = new Map();
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fns = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    const file = shortPath(node.callFrame.url);
    const key = label(node);
    fns.set(key, (fns.get(key) ?? 0) + us / 1000);
    files.set(file, (files.get(file) ?? 0) + us / 1000);
    total += us / 1000;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n.callFrame.url.includes('/dist/lib/')) continue;
      const k = label(n);
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + us / 1000);
      seen.add(k);
    }
  }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, fns: top(fns), files: top(files), inclusive: top(inclusive) };
}

const dir = mkdtempSync(join(tmpdir(), 'twilio-sso-profile-'));
const args = ['--cpu-prof', '--cpu-prof-dir', dir, join(__dirname, 'synth-child.js'), '--idp', opts.idp, '--mode', opts.mode, '--n', opts.n, '--output', join(dir, 'out')];
const t0 = process.hrtime.bigint();
const res = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
if (res.status !== 0) {
  process.stderr.write(`synth-child failed (${res.status})\n`);
  process.exit(1);
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const { total, fns, files, inclusive } = selfTimes(JSON.parse(readFileSync(join(dir, file), 'utf8')));
const top = Number(opts.top);
const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
const out = [`${opts.idp} ${opts.mode} N=${opts.n}: ${wallMs.toFixed(0)} ms wall, ${total.toFixed(0)} ms sampled`, '', `top ${top} functions by self time:`];
for (const [k, ms] of fns.slice(0, top)) out.push(`${ms.toFixed(0).padStart(7)} ms ${pct(ms)}  ${k}`);
out.push('', `top ${top} library functions (dist/lib) by inclusive time (their own code and what they call):`);
for (const [k, ms] of inclusive.slice(0, top)) out.push(`${ms.toFixed(0).padStart(7)} ms ${pct(ms)}  ${k}`);
out.push('', 'self time by file:');
for (const [k, ms] of files.slice(0, 15)) out.push(`${ms.toFixed(0).padStart(7)} ms ${pct(ms)}  ${k}`);
process.stdout.write(`${out.join('\n')}\n`);
if (opts.keep) process.stdout.write(`profile kept: ${join(dir, file)}\n`);
else rmSync(dir, { recursive: true, force: true });
