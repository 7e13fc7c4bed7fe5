import { App, TerraformStack } from 'cdktf';
import { GeneratedFiles } from '../../lib';
import { readTree, tempDir } from '../support/files';

function synth(outdir: string, files: Array<[string, string]>): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 's');
  new GeneratedFiles(stack, 'Files', { directory: 'generated/app', files: new Map(files) });
  app.synth();
}

describe('GeneratedFiles', () => {
  test('writes the files next to cdk.tf.json at synth', () => {
    const out = tempDir();
    synth(out, [['a/b.xml', '<b/>\n'], ['c.json', '{}\n']]);
    const tree = readTree(out);
    expect(tree['stacks/s/generated/app/a/b.xml']).toBe('<b/>\n');
    expect(tree['stacks/s/generated/app/c.json']).toBe('{}\n');
  });

  test('a second synth into the same folder leaves no stale file and rewrites changed ones', () => {
    const out = tempDir();
    synth(out, [['old/x.xml', 'old\n'], ['keep.txt', 'v1\n']]);
    synth(out, [['new/y.xml', 'new\n'], ['keep.txt', 'v2\n']]);
    const files = Object.entries(readTree(out)).filter(([f]) => f.startsWith('stacks/s/generated/'));
    expect(Object.fromEntries(files)).toEqual({ 'stacks/s/generated/app/keep.txt': 'v2\n', 'stacks/s/generated/app/new/y.xml': 'new\n' });
  });
});
