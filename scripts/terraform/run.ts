/**
 * `npm run test:terraform`: the real providers, and a real Terraform (and OpenTofu when available),
 * judge every stack this project synthesizes. See docs/terraform-check.md and `--help`.
 *
 * The runner only sequences the modules beside it: options → binaries and CLI config → synthesize
 * → missing providers → check each stack with each binary → self-test → summary.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative, resolve } from 'path';
import { findBinaries } from './binaries';
import { StackCheckResult, StackToCheck, checkStack } from './check-stack';
import { childEnv, writeCliConfig } from './cli-config';
import { indent, log, run, secs } from './exec';
import { findMissingProviders, missingProvidersMessage } from './mirror';
import { USAGE, parseOptions } from './options';
import { DEFAULT_MIRROR, ROOT, STATE_DIR } from './paths';
import { selfTest } from './self-test';
import { readStackJson, requiredProviders } from './stack-json';
import { build, describeFailure, synthesizeAll } from './synthesize';

/** Thrown for a setup problem the user fixes (no mirror, no binary, missing providers): exit 1 with its message only. */
class SetupError extends Error {}

function printResult(r: StackCheckResult): void {
  const status = !r.ok ? 'FAIL' : r.planned ? 'PLAN' : 'VALID';
  const extra = r.planned ? ` (${r.planSummary})` : r.planSkipped ? ' (validated only)' : '';
  const times = Object.entries(r.times).map(([k, v]) => `${k} ${secs(v)}`).join(', ');
  log(`${status.padEnd(5)} ${r.bin.padEnd(9)} ${r.label}${extra}  [${times}]`);
  for (const m of r.messages) log(`        ${indent(m, '        ')}`);
}

function main(argv: readonly string[]): number {
  const t0 = Date.now();
  const opts = parseOptions(argv);
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const mirrorFromEnv = process.env.TWILIO_SSO_PROVIDER_MIRROR;
  const mirror = opts.registry ? undefined : resolve(ROOT, mirrorFromEnv || DEFAULT_MIRROR);
  if (mirror && !existsSync(mirror)) {
    throw new SetupError(
      `No provider mirror at ${mirror}${mirrorFromEnv ? ' (TWILIO_SSO_PROVIDER_MIRROR)' : ''}.\n` +
        'Point TWILIO_SSO_PROVIDER_MIRROR at a Terraform filesystem mirror holding the providers our stacks pin,\n' +
        'or, with network access to the provider registry, run: npm run test:terraform -- --registry',
    );
  }
  const bins = findBinaries(STATE_DIR, opts.only);
  if (bins.length === 0) {
    throw new SetupError('Neither terraform (on PATH) nor tofu (on PATH or .tf-providers/bin/tofu) found. Build OpenTofu with scripts/terraform/build-tofu.sh (needs Go).');
  }
  const cliConfig = writeCliConfig(mirror ? { kind: 'mirror', mirror } : { kind: 'registry' }, STATE_DIR);
  const env = childEnv(cliConfig);
  for (const b of bins) log(`${b.name}: ${b.path} (${run(b.path, ['version'], { env }).stdout.split('\n')[0]})`);
  log(mirror ? `providers: filesystem mirror ${mirror} (CLI config ${relative(ROOT, cliConfig)})` : 'providers: from the registry (--registry)');

  const tmp = mkdtempSync(join(tmpdir(), 'twilio-sso-tf-'));
  const failures: string[] = [];
  const results: StackCheckResult[] = [];
  try {
    if (opts.build) build();
    if (!opts.selfTestOnly) {
      const t = Date.now();
      const synth = synthesizeAll(join(tmp, 'synth'));
      log(`synthesized ${synth.stacks.length} stacks in ${secs(Date.now() - t)}`);
      failures.push(...synth.failures.map(describeFailure));
      const stacks: StackToCheck[] = synth.stacks.map((s) => ({ ...s, json: readStackJson(s.dir) }));
      if (mirror) {
        const missing = findMissingProviders(mirror, stacks.flatMap((s) => requiredProviders(s.json)));
        if (missing.length > 0) throw new SetupError(missingProvidersMessage(mirror, missing));
      }
      for (const s of stacks) {
        for (const bin of bins) {
          const r = checkStack(s, bin, env, join(tmp, 'check'));
          results.push(r);
          printResult(r);
          if (!r.ok) failures.push(`${s.label} with ${bin.name}:\n    ${r.messages.join('\n    ')}`);
        }
      }
      const skipped = [...new Set(results.filter((r) => r.ok && r.planSkipped).map((r) => `${r.label}: ${r.planSkipped}`))];
      if (skipped.length > 0) {
        log('\nValidated only (cannot plan without the network):');
        for (const s of skipped) log(`  ${s}`);
      }
    }
    if (opts.selfTest || opts.selfTestOnly) {
      log('\nSelf-test: broken stacks must be rejected');
      const t = Date.now();
      failures.push(...selfTest(bins, env, tmp, mirror));
      log(`self-test: ${secs(Date.now() - t)}`);
    }
  } finally {
    if (opts.keep) log(`scratch kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }

  const planned = results.filter((r) => r.planned).length;
  const validated = results.filter((r) => r.validated).length;
  log(`\n${results.length} stack checks (${bins.map((b) => b.name).join(' + ')}): ${validated} validated, ${planned} also planned; total ${secs(Date.now() - t0)}`);
  if (failures.length > 0) {
    process.stderr.write(`\nterraform check FAILED (${failures.length}):\n- ${failures.join('\n- ')}\n`);
    return 1;
  }
  log('terraform check passed');
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(e instanceof SetupError ? `${e.message}\n` : `${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
}
