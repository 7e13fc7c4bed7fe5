import { readFileSync } from 'fs';
import { join } from 'path';
import { tempDir } from '../support/files';
import { synthCompose } from './compose';

// The TypeScript half of the Python test (issue 13). .ci/run builds the Python wheels, runs
// test/python/compose.py into a folder and then this file with PYTHON_SYNTH_DIR set to it: the
// Python program's cdk.tf.json must be byte-identical to this one's. Without PYTHON_SYNTH_DIR (a plain
// `npm test`) the TypeScript program is still synthesized and checked.
const pythonDir = process.env.PYTHON_SYNTH_DIR;
const STACK = join('stacks', 'contact-center', 'cdk.tf.json');

describe('the program of test/python/compose.py, in TypeScript', () => {
  const out = tempDir();
  synthCompose(out);
  const text = readFileSync(join(out, STACK), 'utf8');

  test('composes Okta and Entra with groups of the same stack, a SID from a variable, outputs and checks', () => {
    const json = JSON.parse(text);
    expect(Object.keys(json.resource)).toEqual(expect.arrayContaining(['okta_app_saml', 'okta_group', 'azuread_application', 'azuread_group']));
    expect(Object.values(json.resource.okta_app_saml)).toEqual([expect.objectContaining({ audience: 'urn:flex:${var.connection_sid}' })]);
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining(['okta_identity_provider_issuer', 'entra_sso_url']));
  });

  (pythonDir ? test : test.skip)('the Python program synthesizes the same cdk.tf.json, byte for byte (PYTHON_SYNTH_DIR)', () => {
    const python = readFileSync(join(pythonDir!, STACK), 'utf8');
    // toBe on the whole text: a difference shows as a diff of the two JSON files.
    expect(python).toBe(text);
  });
});
