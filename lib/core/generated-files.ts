import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
// Not re-exported from the cdktf index, but public in the module (TerraformAsset uses it). cdktf
// 0.21.0 is pinned exactly and is the final release (the project is archived), so it cannot move.
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct } from 'constructs';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { SsoConfigError, SsoErrorCode } from '../twilio';
import { show } from '../twilio/rules';

/** Props for {@link GeneratedFiles}. */
export interface GeneratedFilesProps {
  /** The directory, relative to the stack's synth directory (where `cdk.tf.json` is), e.g. `salesforce/Sso`. */
  readonly directory: string;
  /**
   * Relative path (with `/`) → content, written in this order. A content may be a token whose value
   * is only known once everything is declared (e.g. `Lazy.stringValue(...)` producing the text): it
   * is resolved at synth and must resolve to text.
   */
  readonly files: { [path: string]: string };
}

/**
 * The file, next to a stack's `cdk.tf.json`, that lists every file {@link GeneratedFiles} wrote into
 * that stack's folder, so that the next synth removes the ones no longer generated.
 */
export const GENERATED_FILES_MANIFEST = 'generated-files.json';

/**
 * Files written next to a stack's `cdk.tf.json` when the app is synthesized, from content held in
 * memory. Unlike a `TerraformAsset`, nothing is staged in a temporary directory in the constructor
 * and copied and hashed again at synth: with a thousand apps in a stack that staging was most of the
 * synth time.
 *
 * Nothing stale lingers from an earlier synth into the same output folder: each stack's folder gets a
 * manifest ({@link GENERATED_FILES_MANIFEST}) of the files written, and a synth removes the files the
 * previous manifest lists and the new one does not (a deploy step such as `sf project deploy` would
 * otherwise deploy them). One manifest per stack rather than walking each directory: at a thousand
 * apps in a stack the walk cost ≈80 ms per synth (BENCHMARKS.md). Files this class did not write are
 * never touched.
 */
export class GeneratedFiles extends Construct {
  /** The directory relative to the stack's synth directory. */
  public readonly directory: string;

  constructor(scope: Construct, id: string, props: GeneratedFilesProps) {
    super(scope, id);
    this.directory = props.directory;
    const stack = TerraformStack.of(this);
    const inStack = filesIn(stack);
    const claimed = inStack.byDirectory.get(props.directory);
    if (claimed) {
      throw new SsoConfigError(
        SsoErrorCode.GENERATED_DIRECTORY_TAKEN,
        'directory',
        props.directory,
        `directory ${show(props.directory)} of ${this.node.path} is already written by ${claimed}; give each GeneratedFiles its own directory`,
      );
    }
    inStack.byDirectory.set(props.directory, this.node.path);
    const files = Object.entries(props.files);
    for (const [path] of files) inStack.paths.push(`${props.directory}/${path}`);
    addCustomSynthesis(this, {
      onSynthesize: (session) => {
        const stackDir = join(session.manifest.outdir, session.manifest.forStack(stack).synthesizedStackPath, '..');
        // The first GeneratedFiles of the stack to be synthesized tidies up for all of them.
        if (!inStack.tidied.has(stackDir)) {
          inStack.tidied.add(stackDir);
          replaceManifest(stackDir, inStack.paths);
        }
        const root = join(stackDir, ...props.directory.split('/'));
        const made = new Set<string>();
        for (const [path, content] of files) {
          const text = this.contentOf(path, content);
          if (typeof text !== 'string') {
            throw new Error(`GeneratedFiles ${this.node.path}: the content of '${path}' resolved to ${typeof text}, not text`);
          }
          const file = join(root, ...path.split('/'));
          const dir = dirname(file);
          if (!made.has(dir)) mkdirSync(dir, { recursive: true });
          made.add(dir);
          writeFileSync(file, text);
        }
      },
    });
  }

  /**
   * The text written for `path`, at synth: `declared` (the content in the props), resolved when it is
   * a token. A subclass may render content itself here instead, without a token per file (every cdktf
   * token captures a stack trace: at a thousand Salesforce apps, five files each, that was ≈200 ms).
   */
  protected contentOf(_path: string, declared: string): string {
    return Token.isUnresolved(declared) ? Tokenization.resolve(declared, { scope: this, resolver: RESOLVER }) : declared;
  }
}

interface StackFiles {
  /** Directory → the construct path that writes it. */
  readonly byDirectory: Map<string, string>;
  /** Every generated file, relative to the stack folder. */
  readonly paths: string[];
  /** Stack folders already tidied (stale files removed, manifest written) by an earlier GeneratedFiles. */
  readonly tidied: Set<string>;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());
const STACK_FILES = new WeakMap<TerraformStack, StackFiles>();

function filesIn(stack: TerraformStack): StackFiles {
  let files = STACK_FILES.get(stack);
  if (!files) {
    files = { byDirectory: new Map(), paths: [], tidied: new Set() };
    STACK_FILES.set(stack, files);
  }
  return files;
}

/** Removes the files the previous manifest lists and `paths` does not, then writes the new manifest. */
function replaceManifest(stackDir: string, paths: string[]): void {
  const manifest = join(stackDir, GENERATED_FILES_MANIFEST);
  const now = new Set(paths);
  let before: unknown;
  try {
    before = JSON.parse(readFileSync(manifest, 'utf8')).files;
  } catch {
    before = []; // first synth into this folder
  }
  if (Array.isArray(before)) {
    for (const old of before) {
      // Only relative paths inside the stack folder: a hand-edited manifest cannot delete elsewhere.
      if (typeof old !== 'string' || now.has(old) || old.split('/').some((p) => p === '..' || p === '')) continue;
      rmSync(join(stackDir, ...old.split('/')), { force: true });
    }
  }
  mkdirSync(stackDir, { recursive: true });
  const body = { '//': 'Files cdktf-twilio-sso generated into this folder; the next synth removes those it no longer generates.', files: [...now].sort() };
  writeFileSync(manifest, `${JSON.stringify(body, null, 2)}\n`);
}
