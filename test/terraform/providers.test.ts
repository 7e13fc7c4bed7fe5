import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { control } from '../../scripts/terraform/broken-stacks';
import { findMissingProviders, goPlatform, missingProvidersMessage } from '../../scripts/terraform/mirror';
import { StackJson, requiredProviders, withoutBackend } from '../../scripts/terraform/stack-json';

let mirror: string;
beforeEach(() => {
  mirror = mkdtempSync(join(tmpdir(), 'tf-check-mirror-'));
});
afterEach(() => rmSync(mirror, { recursive: true, force: true }));

describe('requiredProviders', () => {
  test('qualifies short sources with the Terraform registry, keeps full ones, and defaults to hashicorp/<name>', () => {
    const stack: StackJson = {
      terraform: {
        required_providers: {
          okta: { source: 'okta/okta', version: '4.20.0' },
          tofu: { source: 'registry.opentofu.org/hashicorp/time', version: '0.13.1' },
          null: '3.2.4',
          random: { version: '~> 3.0' },
        },
      },
    };
    expect(requiredProviders(stack)).toEqual([
      { name: 'okta', source: 'okta/okta', address: 'registry.terraform.io/okta/okta', version: '4.20.0' },
      { name: 'tofu', source: 'registry.opentofu.org/hashicorp/time', address: 'registry.opentofu.org/hashicorp/time', version: '0.13.1' },
      { name: 'null', source: 'hashicorp/null', address: 'registry.terraform.io/hashicorp/null', version: '3.2.4' },
      { name: 'random', source: 'hashicorp/random', address: 'registry.terraform.io/hashicorp/random', version: '~> 3.0' },
    ]);
  });

  test('a stack with no terraform block requires nothing', () => {
    expect(requiredProviders({})).toEqual([]);
  });
});

describe('withoutBackend', () => {
  test('drops backend and cloud, keeps required_providers, and leaves the input as it was', () => {
    const stack: StackJson = { terraform: { backend: { local: { path: 'x' } }, cloud: { organization: 'o' }, required_providers: { okta: '4.20.0' } }, resource: {} };
    expect(withoutBackend(stack)).toEqual({ terraform: { required_providers: { okta: '4.20.0' } }, resource: {} });
    expect(stack.terraform!.backend).toEqual({ local: { path: 'x' } });
  });
});

describe('goPlatform', () => {
  test("names platforms as Terraform's mirror layout does", () => {
    expect(goPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(goPlatform('darwin', 'arm64')).toBe('darwin_arm64');
    expect(goPlatform('win32', 'ia32')).toBe('windows_386');
  });
});

describe('findMissingProviders', () => {
  const okta = requiredProviders(control());

  test('an empty mirror is missing okta/okta 4.20.0, with the directory it belongs in', () => {
    expect(findMissingProviders(mirror, okta, 'linux_amd64')).toEqual([
      {
        name: 'okta',
        source: 'okta/okta',
        address: 'registry.terraform.io/okta/okta',
        version: '4.20.0',
        platform: 'linux_amd64',
        expectedAt: join(mirror, 'registry.terraform.io', 'okta', 'okta', '4.20.0', 'linux_amd64'),
      },
    ]);
  });

  test('the unpacked layout satisfies an exact version for this platform only, once the binary is there', () => {
    const dir = join(mirror, 'registry.terraform.io/okta/okta/4.20.0/linux_amd64');
    mkdirSync(dir, { recursive: true });
    expect(findMissingProviders(mirror, okta, 'linux_amd64')).toHaveLength(1); // an empty platform directory (a mirror being built)
    writeFileSync(join(dir, 'terraform-provider-okta_v4.20.0'), '');
    expect(findMissingProviders(mirror, okta, 'linux_amd64')).toEqual([]);
    expect(findMissingProviders(mirror, okta, 'darwin_arm64').map((m) => m.platform)).toEqual(['darwin_arm64']);
  });

  test('the packed layout (.zip) satisfies it too; another version does not', () => {
    const dir = join(mirror, 'registry.terraform.io/okta/okta');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'terraform-provider-okta_4.19.0_linux_amd64.zip'), '');
    expect(findMissingProviders(mirror, okta, 'linux_amd64')).toHaveLength(1);
    writeFileSync(join(dir, 'terraform-provider-okta_4.20.0_linux_amd64.zip'), '');
    expect(findMissingProviders(mirror, okta, 'linux_amd64')).toEqual([]);
  });

  test('"= 4.20.0" is exact; a range is satisfied by any version present', () => {
    const exact = [{ name: 'okta', source: 'okta/okta', address: 'registry.terraform.io/okta/okta', version: '= 4.20.0' }];
    const range = [{ ...exact[0], version: '~> 4.0' }];
    mkdirSync(join(mirror, 'registry.terraform.io/okta/okta/4.19.0/linux_amd64'), { recursive: true });
    expect(findMissingProviders(mirror, exact, 'linux_amd64').map((m) => m.expectedAt)).toEqual([join(mirror, 'registry.terraform.io/okta/okta/4.20.0/linux_amd64')]);
    expect(findMissingProviders(mirror, range, 'linux_amd64')).toEqual([]);
  });

  test('a provider several stacks pin is reported once', () => {
    expect(findMissingProviders(mirror, [...okta, ...okta, ...okta], 'linux_amd64')).toHaveLength(1);
  });
});

describe('missingProvidersMessage', () => {
  test('names each provider, version, platform and binary path, how to get it, and the two ways out', () => {
    const missing = findMissingProviders(
      mirror,
      [
        { name: 'okta', source: 'okta/okta', address: 'registry.terraform.io/okta/okta', version: '4.20.0' },
        { name: 'time', source: 'hashicorp/time', address: 'registry.terraform.io/hashicorp/time', version: '0.13.1' },
      ],
      'linux_amd64',
    );
    const lines = missingProvidersMessage(mirror, missing).split('\n');
    expect(lines).toEqual([
      `Providers missing from the mirror ${mirror}:`,
      `  - okta/okta 4.20.0 (linux_amd64), expected at ${mirror}/registry.terraform.io/okta/okta/4.20.0/linux_amd64/terraform-provider-okta_v4.20.0`,
      '      the Go module proxy this check was written against refuses github.com/okta/terraform-provider-okta (403); where yours serves it, build it with go build at that tag',
      `  - hashicorp/time 0.13.1 (linux_amd64), expected at ${mirror}/registry.terraform.io/hashicorp/time/0.13.1/linux_amd64/terraform-provider-time_v0.13.1`,
      '      build it: scripts/terraform/build-time-provider.sh (its Go module is on the Go proxy)',
      'Put the provider binaries in that layout (TWILIO_SSO_PROVIDER_MIRROR=<dir> to use another mirror),',
      'or, with network access to the registry, run with --registry (npm run test:terraform -- --registry).',
    ]);
  });
});
