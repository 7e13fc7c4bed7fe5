'use strict';
// `npm run bench` (after `npm run build`): synth cost of our constructs against the raw provider
// classes, the example app's cold synth against a bare cdktf app, and the duration of `npm test`.
// Every measurement is a fresh process. Prints a Markdown table, then one summary line.
//   node bench/run.js [--reps 5] [--big-reps 3] [--sizes 1,10,100,1000] [--skip-test]
const { spawnSync } = require('child_process');
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join, relative, resolve } = require('path');
const { parseArgs } = require('util');

const ROOT = resolve(__dirname, '..');
const { values: opts } = parseArgs({
  args: process.argv.slice(2),
  options: {
    reps: { type: 'string', default: '5' },
    'big-reps': { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1,10,100,1000' },
    'skip-test': { type: 'boolean', default: false },
  },
  strict: true,
});
const REPS = Number(opts.reps);
const BIG_REPS = Number(opts['big-reps']);
const SIZES = opts.sizes.split(',').map(Number);
const BIG = Math.max(...SIZES);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const HOOK = join(__dirname, 'exit-timer.js');
const WORK = mkdtempSync(join(tmpdir(), 'twilio-sso-bench-'));
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));

/** Identity providers the library may export, with their bench adapter in bench/idps/. */
const IDPS = [
  { key: 'okta', exportName: 'OktaTwilioSso' },
  { key: 'entra', exportName: 'EntraTwilioSso' },
  { key: 'salesforce', exportName: 'SalesforceTwilioSso' },
  { key: 'keycloak', exportName: 'KeycloakTwilioSso' },
];

let runId = 0;
/**
 * Runs `node -r exit-timer.js <args>` in a fresh process. Returns the time from process start to
 * exit (files written), the parent's wall time, peak RSS in MB and CPU seconds (user + sys).
 */
function measureNode(args, extraEnv = {}) {
  const id = runId++;
  const timing = join(WORK, `timing-${id}.json`);
  const timeOut = join(WORK, `time-${id}.txt`);
  const nodeArgs = ['-r', HOOK, ...args];
  const [cmd, argv] = TIME ? [TIME, ['-o', timeOut, '-f', '%e %M %U %S', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, env: { ...process.env, ...extraEnv, BENCH_TIMING_FILE: timing }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const hook = JSON.parse(readFileSync(timing, 'utf8'));
  let rssMb = hook.maxRssKb / 1024;
  let cpuS;
  if (TIME) {
    const [, maxKb, user, sys] = readFileSync(timeOut, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssMb = maxKb / 1024;
    cpuS = user + sys;
  }
  return { ms: hook.ms, wallMs, rssMb, cpuS, marks: hook.marks };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const stats = (xs) => ({ med: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const fmtMs = (s) => `${s.med.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const fmtMb = (s) => `${s.med.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const log = (msg) => process.stderr.write(`${msg}\n`);

/** Compares the synthesized stack of both modes (same construct paths, so same logical IDs). */
/** True when two synth outputs hold the same files with the same bytes (cdk.tf.json and any project files). */
function sameOutput(dirA, dirB) {
  const tree = (d) => {
    const walk = (p) => (statSync(p).isDirectory() ? readdirSync(p).sort().flatMap((n) => walk(join(p, n))) : [[relative(d, p), readFileSync(p, 'utf8')]]);
    return JSON.stringify(walk(join(d, 'stacks', 'bench')));
  };
  return tree(dirA) === tree(dirB);
}

// ---- 1. N apps in one stack: construct vs. raw provider classes, per identity provider ----
const lib = require(join(ROOT, 'dist', 'lib'));
const idpResults = [];
const notMeasured = [];
for (const idp of IDPS) {
  if (typeof lib[idp.exportName] !== 'function') continue;
  if (!existsSync(join(__dirname, 'idps', `${idp.key}.js`))) {
    notMeasured.push(`${idp.key}: lib exports ${idp.exportName} but bench/idps/${idp.key}.js does not exist yet`);
    continue;
  }
  const rows = [];
  let identical;
  try {
    const adapter = require(`./idps/${idp.key}`);
    const env = {};
    if (adapter.template) {
      // Replayed baseline: one app through the construct, recorded for the raw children.
      env.BENCH_TEMPLATE = join(WORK, `${idp.key}-template.json`);
      adapter.template(join(WORK, `${idp.key}-template`), env.BENCH_TEMPLATE);
    }
    for (const n of SIZES) {
      const reps = n >= 1000 ? BIG_REPS : REPS;
      const runs = { lib: [], raw: [] };
      const child = (mode) => ['bench/synth-child.js', '--idp', idp.key, '--mode', mode, '--n', String(n), '--output', join(WORK, `${idp.key}-${mode}`)];
      if (n === SIZES[0]) {
        measureNode(child('lib'), env); // warm-up (disk cache), not counted
        measureNode(child('raw'), env);
        identical = sameOutput(join(WORK, `${idp.key}-lib`), join(WORK, `${idp.key}-raw`));
      }
      for (let r = 0; r < reps; r++) {
        // Alternate which mode goes first, so drift in machine load does not favour one.
        for (const mode of r % 2 ? ['raw', 'lib'] : ['lib', 'raw']) runs[mode].push(measureNode(child(mode), env));
      }
      log(`${idp.key} N=${n}: lib ${median(runs.lib.map((x) => x.ms)).toFixed(0)} ms, raw ${median(runs.raw.map((x) => x.ms)).toFixed(0)} ms`);
      const pick = (mode, f) => stats(runs[mode].map(f));
      rows.push({
        n,
        reps,
        libMs: pick('lib', (x) => x.ms),
        rawMs: pick('raw', (x) => x.ms),
        libCpu: TIME ? pick('lib', (x) => x.cpuS) : undefined,
        rawCpu: TIME ? pick('raw', (x) => x.cpuS) : undefined,
        libRss: pick('lib', (x) => x.rssMb),
        rawRss: pick('raw', (x) => x.rssMb),
        libDeclare: pick('lib', (x) => x.marks.declared - x.marks.loaded),
        rawDeclare: pick('raw', (x) => x.marks.declared - x.marks.loaded),
      });
    }
    idpResults.push({ idp: idp.key, rows, identical, replayed: Boolean(adapter.template) });
  } catch (e) {
    notMeasured.push(`${idp.key}: ${String(e.message).split('\n').slice(0, 3).join(' ')}`);
  }
}

// ---- 2. Cold synth of the example app vs. the floor (a bare cdktf app with one resource) ----
// The example app is what cdktf.json runs: `twilio-sso synth` (dist/app/twilio-sso.js), the command
// bundled into one file by the build. For context, also the same app unbundled and the floor bundled
// the same way (not in the ratio).
const APP = 'dist/app/twilio-sso.js';
const example = [APP, 'synth', '--config', 'examples/config/twilio-sso.yaml', '--output', join(WORK, 'example')];
const floor = ['bench/floor-app.js', '--output', join(WORK, 'floor')];
// The same app on a config with only the example's first target: the per-process cost of the app
// itself, apart from how many stacks the example config happens to hold (seven, four IdPs).
const YAML = require('js-yaml');
const exampleConfig = YAML.load(readFileSync(join(ROOT, 'examples', 'config', 'twilio-sso.yaml'), 'utf8'));
const oneTargetFile = join(WORK, 'one-target.yaml');
writeFileSync(oneTargetFile, YAML.dump({ ...exampleConfig, targets: exampleConfig.targets.slice(0, 1) }));
const oneTarget = [APP, 'synth', '--config', oneTargetFile, '--output', join(WORK, 'one-target')];
const unbundled = ['dist/cli/main.js', 'synth', '--config', 'examples/config/twilio-sso.yaml', '--output', join(WORK, 'unbundled')];
const floorBundle = join(WORK, 'floor-bundle.js');
require('esbuild').buildSync({ entryPoints: [join(__dirname, 'floor-app.js')], outfile: floorBundle, bundle: true, platform: 'node', target: 'node20', logLevel: 'error' });
const floorBundled = [floorBundle, '--output', join(WORK, 'floor-bundled')];
const COLD_APPS = { example, floor, oneTarget, unbundled, floorBundled };
const cold = Object.fromEntries(Object.keys(COLD_APPS).map((k) => [k, []]));
const COLD_REPS = Math.max(REPS, 7);
let coldError;
try {
  measureNode(example);
  measureNode(floor);
  const order = Object.keys(COLD_APPS);
  for (let r = 0; r < COLD_REPS; r++) {
    for (const which of r % 2 ? [...order].reverse() : order) cold[which].push(measureNode(COLD_APPS[which]));
  }
} catch (e) {
  coldError = String(e.message).split('\n').slice(0, 4).join(' ');
  log(`cold synth failed: ${coldError}`);
}
const coldEx = coldError ? undefined : stats(cold.example.map((x) => x.ms));
const coldFl = coldError ? undefined : stats(cold.floor.map((x) => x.ms));
const coldRatio = coldError ? NaN : coldEx.med / coldFl.med;
if (!coldError) log(`cold synth: example ${coldEx.med.toFixed(0)} ms, floor ${coldFl.med.toFixed(0)} ms`);

// ---- 3. npm test ----
let testS;
const TEST_REPS = 3;
if (!opts['skip-test']) {
  const durations = [];
  for (let r = 0; r < TEST_REPS; r++) {
    const t0 = process.hrtime.bigint();
    const res = spawnSync('npm', ['test', '--', '--ci', '--silent'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    durations.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (res.status !== 0) log(`npm test FAILED (exit ${res.status}); its duration is still reported`);
  }
  testS = stats(durations);
  log(`npm test: ${testS.med.toFixed(1)} s`);
}

// ---- Report ----
const out = [];
out.push('### N Twilio apps in one stack: our construct vs. the raw provider classes');
out.push('');
out.push('Process start to files written, ms, median (min–max); peak RSS in MB; ratio = median lib / median raw.');
out.push('');
out.push('| IdP | N | reps | lib ms | raw ms | ratio | CPU ratio | lib declare ms | raw declare ms | lib peak MB | raw peak MB |');
out.push('|---|---:|---:|---|---|---:|---:|---|---|---|---|');
for (const { idp, rows } of idpResults) {
  for (const r of rows) {
    const cpu = r.libCpu ? (r.libCpu.med / r.rawCpu.med).toFixed(2) : 'n/a';
    out.push(`| ${idp} | ${r.n} | ${r.reps} | ${fmtMs(r.libMs)} | ${fmtMs(r.rawMs)} | ${(r.libMs.med / r.rawMs.med).toFixed(2)} | ${cpu} | ${fmtMs(r.libDeclare)} | ${fmtMs(r.rawDeclare)} | ${fmtMb(r.libRss)} | ${fmtMb(r.rawRss)} |`);
  }
}
out.push('');
for (const { idp, identical, replayed } of idpResults) {
  const how = replayed ? 'raw = the construct\'s resources replayed with the provider classes (bench/idps/replay.js)' : `raw = hand-written in bench/idps/${idp}.js`;
  out.push(`- ${idp}: ${how}; lib and raw synthesize ${identical ? 'byte-identical' : 'DIFFERENT'} output (cdk.tf.json and files) at N=${SIZES[0]}.`);
}
for (const m of notMeasured) out.push(`not measured: ${m}`);
out.push('');
out.push('### Cold synth (process start to files written, ms)');
out.push('');
if (coldError) {
  out.push(`failed: ${coldError}`);
} else {
  out.push('| app | reps | ms | / floor | peak MB |');
  out.push('|---|---:|---|---:|---|');
  const row = (label, which) => {
    const st = stats(cold[which].map((x) => x.ms));
    out.push(`| ${label} | ${COLD_REPS} | ${fmtMs(st)} | ${(st.med / coldFl.med).toFixed(2)} | ${fmtMb(stats(cold[which].map((x) => x.rssMb)))} |`);
  };
  row(`**example** (${APP}, examples/config/twilio-sso.yaml: 7 stacks, 4 IdPs)`, 'example');
  row('**floor** (bench/floor-app.js: one null_resource)', 'floor');
  row(`one target (${APP} on a config with the example's first target only)`, 'oneTarget');
  row('example, unbundled (dist/cli/main.js synth)', 'unbundled');
  row('floor, bundled the same way (esbuild)', 'floorBundled');
}
out.push('');
if (testS) out.push(`npm test: ${testS.med.toFixed(1)} s median of ${TEST_REPS} (${testS.min.toFixed(1)}–${testS.max.toFixed(1)})`);
out.push('');

const big = idpResults.map(({ idp, rows }) => ({ idp, row: rows.find((r) => r.n === BIG) })).filter((x) => x.row);
const overhead = Math.max(...big.map((x) => x.row.libMs.med / x.row.rawMs.med));
const peak = Math.max(...big.map((x) => x.row.libRss.max));
const worst = big.map((x) => x.idp).join(',');
out.push(`targets: overhead@${BIG} <= 1.15, cold_synth_ratio <= 1.5, peak_mb@${BIG} < 300, test_s < 30 (idps measured: ${worst || 'none'}; overhead = worst median ratio, peak = worst max)`);
out.push(
  `bench: overhead@${BIG}=${overhead.toFixed(2)} cold_synth_ratio=${coldRatio.toFixed(2)} peak_mb@${BIG}=${peak.toFixed(0)} test_s=${testS ? testS.med.toFixed(1) : 'skipped'}`,
);
process.stdout.write(`${out.join('\n')}\n`);
