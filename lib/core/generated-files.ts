import { TerraformStack } from 'cdktf';
// Not re-exported from the cdktf index, but public in the module (TerraformAsset uses it). cdktf
// 0.21.0 is pinned exactly and is the final release (the project is archived), so it cannot move.
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct } from 'constructs';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, relative, sep } from 'path';

/** Props for {@link GeneratedFiles}. */
export interface GeneratedFilesProps {
  /** The directory, relative to the stack's synth directory (where `cdk.tf.json` is), e.g. `salesforce/Sso`. */
  readonly directory: string;
  /** Relative path (with `/`) → content, written in this order. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Files written next to a stack's `cdk.tf.json` when the app is synthesized, from content held in
 * memory. Unlike a `TerraformAsset`, nothing is staged in a temporary directory in the constructor
 * and copied and hashed again at synth: with a thousand apps in a stack that staging was most of the
 * synth time. A file the content no longer has is removed, so nothing stale lingers from an earlier
 * synth into the same output folder.
 */
export class GeneratedFiles extends Construct {
  /** The directory relative to the stack's synth directory. */
  public readonly directory: string;

  constructor(scope: Construct, id: string, props: GeneratedFilesProps) {
    super(scope, id);
    this.directory = props.directory;
    const stack = TerraformStack.of(this);
    addCustomSynthesis(this, {
      onSynthesize: (session) => {
        const stackDir = join(session.manifest.outdir, session.manifest.forStack(stack).synthesizedStackPath, '..');
        const root = join(stackDir, ...props.directory.split('/'));
        removeStaleFiles(root, props.files);
        const made = new Set<string>();
        for (const [path, content] of props.files) {
          const file = join(root, ...path.split('/'));
          const dir = dirname(file);
          if (!made.has(dir)) mkdirSync(dir, { recursive: true });
          made.add(dir);
          writeFileSync(file, content);
        }
      },
    });
  }
}

/** Deletes the files under `root` that `keep` does not list (cheaper than emptying and rewriting it). */
function removeStaleFiles(root: string, keep: ReadonlyMap<string, string>): void {
  if (!existsSync(root)) return;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (!keep.has(relative(root, file).split(sep).join('/'))) rmSync(file);
  }
}
