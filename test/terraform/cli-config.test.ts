import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { findBinaries, onPath } from '../../scripts/terraform/binaries';
import { childEnv, writeCliConfig } from '../../scripts/terraform/cli-config';

let work: string;
beforeEach(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'tf-check-config-')));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A user's mirror with one unpacked provider binary. */
function userMirror(host = 'registry.terraform.io'): { mirror: string; binary: string } {
  const mirror = join(work, 'mirror');
  const dir = join(mirror, host, 'okta/okta/4.20.0/linux_amd64');
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'terraform-provider-okta_v4.20.0');
  writeFileSync(binary, 'binary');
  return { mirror, binary };
}

describe('writeCliConfig, mirror mode', () => {
  test('installs both registries only from the linked mirror, never directly', () => {
    const { mirror } = userMirror();
    const state = join(work, 'state');
    const cfg = writeCliConfig({ kind: 'mirror', mirror }, state);
    expect(cfg).toBe(join(state, 'terraform-check.tfrc'));
    const hosts = '["registry.terraform.io/*/*","registry.opentofu.org/*/*"]';
    expect(readFileSync(cfg, 'utf8')).toBe(
      [
        '# written by scripts/terraform (npm run test:terraform): providers come only from the mirror below',
        'provider_installation {',
        '  filesystem_mirror {',
        `    path    = "${join(state, 'check-mirror')}"`,
        `    include = ${hosts}`,
        '  }',
        '  direct {',
        `    exclude = ${hosts}`,
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('links the binaries under both hosts with real directories (Terraform does not follow a symlinked directory)', () => {
    const { mirror, binary } = userMirror();
    const state = join(work, 'state');
    writeCliConfig({ kind: 'mirror', mirror }, state);
    for (const host of ['registry.terraform.io', 'registry.opentofu.org']) {
      const dir = join(state, 'check-mirror', host, 'okta/okta/4.20.0/linux_amd64');
      expect(lstatSync(dir).isDirectory()).toBe(true);
      const link = join(dir, 'terraform-provider-okta_v4.20.0');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(binary);
    }
  });

  test("uses the mirror's own registry.opentofu.org tree for tofu when it has one", () => {
    const { mirror } = userMirror();
    const tofuBinary = userMirror('registry.opentofu.org').binary;
    const state = join(work, 'state');
    writeCliConfig({ kind: 'mirror', mirror }, state);
    expect(readlinkSync(join(state, 'check-mirror/registry.opentofu.org/okta/okta/4.20.0/linux_amd64/terraform-provider-okta_v4.20.0'))).toBe(tofuBinary);
  });

  test('rebuilds the linked mirror on every run: a provider removed from the mirror is gone from it', () => {
    const { mirror } = userMirror();
    const state = join(work, 'state');
    writeCliConfig({ kind: 'mirror', mirror }, state);
    rmSync(join(mirror, 'registry.terraform.io/okta'), { recursive: true });
    writeCliConfig({ kind: 'mirror', mirror }, state);
    expect(() => lstatSync(join(state, 'check-mirror/registry.terraform.io/okta'))).toThrow(/ENOENT/);
  });
});

describe('writeCliConfig, registry mode', () => {
  test('only sets a plugin cache, which it creates', () => {
    const state = join(work, 'state');
    const cfg = writeCliConfig({ kind: 'registry' }, state);
    expect(readFileSync(cfg, 'utf8')).toBe(`# written by scripts/terraform (npm run test:terraform -- --registry)\nplugin_cache_dir = "${join(state, 'plugin-cache')}"\n`);
    expect(lstatSync(join(state, 'plugin-cache')).isDirectory()).toBe(true);
  });
});

describe('childEnv', () => {
  test("points both CLIs at the check's config, drops what changes how Terraform runs, and keeps the rest", () => {
    const env = childEnv('/x/terraform-check.tfrc', { PATH: '/bin', TF_CLI_ARGS: '-x', TF_CLI_ARGS_plan: '-y', TF_WORKSPACE: 'w', TF_DATA_DIR: 'd', TF_LOG: 'TRACE', TF_CLI_CONFIG_FILE: '/home/u/.terraformrc' });
    expect(env).toEqual({
      PATH: '/bin',
      TF_CLI_CONFIG_FILE: '/x/terraform-check.tfrc',
      TOFU_CLI_CONFIG_FILE: '/x/terraform-check.tfrc',
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
    });
  });
});

describe('findBinaries', () => {
  const exe = (dir: string, name: string): string => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
    return join(dir, name);
  };

  test('terraform and tofu from PATH, in that order; a non-executable file is skipped', () => {
    const terraform = exe(join(work, 'a'), 'terraform');
    writeFileSync(join(work, 'a', 'tofu'), 'not executable', { mode: 0o644 });
    const tofu = exe(join(work, 'b'), 'tofu');
    const path = [join(work, 'a'), join(work, 'b')].join(':');
    expect(onPath('tofu', path)).toBe(tofu);
    expect(findBinaries(join(work, 'state'), undefined, path)).toEqual([
      { name: 'terraform', path: terraform, host: 'registry.terraform.io' },
      { name: 'tofu', path: tofu, host: 'registry.opentofu.org' },
    ]);
  });

  test('tofu built into the state dir when not on PATH; --only keeps one', () => {
    const state = join(work, 'state');
    const tofu = exe(join(state, 'bin'), 'tofu');
    exe(join(work, 'a'), 'terraform');
    expect(findBinaries(state, 'tofu', join(work, 'a'))).toEqual([{ name: 'tofu', path: tofu, host: 'registry.opentofu.org' }]);
    expect(findBinaries(state, undefined, join(work, 'empty'))).toEqual([{ name: 'tofu', path: tofu, host: 'registry.opentofu.org' }]);
  });
});
