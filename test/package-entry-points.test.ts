import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

// The package's entry points: the whole library (`cdktf-twilio-sso`) and one per folder of lib/
// (`cdktf-twilio-sso/salesforce`, …), so that an app loads only the identity provider it uses
// (loading the whole index costs ≈25 ms per synth, most of it the azuread bindings; BENCHMARKS.md).
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const folders = readdirSync('lib').filter((f) => statSync(join('lib', f)).isDirectory()).sort();

describe('package entry points', () => {
  test('every folder of lib/ is an entry point, with types for both module resolutions', () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json');
    expect(subpaths.sort()).toEqual(folders.map((f) => `./${f}`));
    for (const f of folders) {
      expect(existsSync(join('lib', f, 'index.ts'))).toBe(true);
      expect(pkg.exports[`./${f}`]).toEqual({ types: `./dist/lib/${f}/index.d.ts`, default: `./dist/lib/${f}/index.js` });
      expect(pkg.typesVersions['*'][f]).toEqual([`dist/lib/${f}/index.d.ts`]);
    }
    expect(pkg.exports['.']).toEqual({ types: `./${pkg.types}`, default: `./${pkg.main}` });
  });

  test('each identity provider entry point exports its construct, and the root exports all of them', () => {
    const root = require('../lib');
    for (const [folder, construct] of [['okta', 'OktaTwilioSso'], ['entra', 'EntraTwilioSso'], ['salesforce', 'SalesforceTwilioSso'], ['keycloak', 'KeycloakTwilioSso'], ['sendgrid', 'SendGridSso']]) {
      const entry = require(`../lib/${folder}`);
      expect(typeof entry[construct]).toBe('function');
      expect(root[construct]).toBe(entry[construct]);
    }
    expect(require('../lib/twilio').TwilioTarget).toBe(root.TwilioTarget);
  });
});
