/**
 * `npm run bench` compares our constructs with a "raw" baseline: the same resources declared by hand
 * with the provider classes (bench/idps/okta.js, entra.js). A baseline that drifted from what the
 * construct declares would compare unlike with unlike, so this test holds each hand-written baseline
 * to the construct's synthesized stack for the same inputs, argument for argument.
 *
 * (Salesforce and Keycloak replay the construct's own output, bench/idps/replay.js, so they cannot
 * drift; the bench checks them byte for byte at N=1.)
 */
import { Testing, TerraformStack } from 'cdktf';
import { join } from 'path';

type Declare = (stack: TerraformStack, n: number) => void;
interface Adapter {
  lib: () => Declare;
  raw: () => Declare;
}

// The adapters load the library from lib/ (the source) instead of the built package.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../../bench/idps/library').useSource(join(__dirname, '..', '..', 'lib'));

/** The stack N apps synthesize to, through the construct (`lib`) or the baseline (`raw`). */
function synth(adapter: Adapter, mode: 'lib' | 'raw', n: number): Record<string, unknown> {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'bench');
  adapter[mode]()(stack, n);
  return JSON.parse(Testing.synth(stack));
}

describe.each(['okta', 'entra'])('%s: the raw baseline declares what the construct declares', (idp) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const adapter = require(`../../bench/idps/${idp}`) as Adapter;

  test('two apps: the same resources, arguments, references, dependencies and construct paths', () => {
    const lib = synth(adapter, 'lib', 2);
    const raw = synth(adapter, 'raw', 2);
    expect(Object.keys(lib.resource as object).length).toBeGreaterThan(1);
    expect(raw).toEqual(lib);
  });
});
