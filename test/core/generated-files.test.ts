import { App, TerraformStack } from 'cdktf';
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { GeneratedFiles } from '../../lib/core';
import { GENERATED_FILES_MANIFEST } from '../../lib/core/generated-files';
import { readTree, tempDir } from '../support/files';

function synth(outdir: string, files: Array<[string, string]>, more: Array<[string, string]> = []): void {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 's');
  new GeneratedFiles(stack, 'Files', { directory: 'generated/app', files: Object.fromEntries(files) });
  if (more.length > 0) new GeneratedFiles(stack, 'More', { directory: 'generated/more', files: Object.fromEntries(more) });
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

  test('the stack folder lists what was generated; files it did not generate are never removed', () => {
    const out = tempDir();
    synth(out, [['x.txt', '1\n']], [['y.txt', '2\n']]);
    const manifest = JSON.parse(readTree(out)[`stacks/s/${GENERATED_FILES_MANIFEST}`]);
    expect(manifest.files).toEqual(['generated/app/x.txt', 'generated/more/y.txt']);
    writeFileSync(join(out, 'stacks/s/generated/app/mine.txt'), 'hand-written\n');
    synth(out, [['x.txt', '1\n']]);
    const files = Object.keys(readTree(out)).filter((f) => f.startsWith('stacks/s/generated/'));
    expect(files.sort()).toEqual(['stacks/s/generated/app/mine.txt', 'stacks/s/generated/app/x.txt']);
  });

  test('a hand-edited manifest cannot delete outside the stack folder', () => {
    const out = tempDir();
    synth(out, [['x.txt', '1\n']]);
    writeFileSync(join(out, 'outside.txt'), 'keep\n');
    writeFileSync(join(out, 'stacks/s', GENERATED_FILES_MANIFEST), JSON.stringify({ files: ['../../outside.txt', '/etc/hostname'] }));
    synth(out, [['x.txt', '1\n']]);
    expect(existsSync(join(out, 'outside.txt'))).toBe(true);
  });

  test('two GeneratedFiles cannot write the same directory', () => {
    const app = new App({ outdir: tempDir() });
    const stack = new TerraformStack(app, 's');
    new GeneratedFiles(stack, 'A', { directory: 'd', files: {} });
    expect(() => new GeneratedFiles(stack, 'B', { directory: 'd', files: {} })).toThrow("directory 'd' of s/B is already written by s/A; give each GeneratedFiles its own directory");
  });
});
