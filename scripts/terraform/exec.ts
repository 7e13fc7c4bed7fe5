/** Running child processes and printing progress: the only side effects the other modules share. */
import { SpawnSyncOptions, spawnSync } from 'child_process';

/** What a finished child process left. */
export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: Error;
  /** True when the child was killed for running past its `timeout`. */
  readonly timedOut: boolean;
}

/** Runs a command to completion, capturing its output as text. */
export function run(cmd: string, args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const res = spawnSync(cmd, args, { maxBuffer: 64 * 1024 * 1024, ...options, encoding: 'utf8' });
  const timedOut = (res.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: res.status, stdout: res.stdout ?? '', stderr: res.stderr ?? '', error: res.error, timedOut };
}

/** One line on stdout. */
export function log(msg: string): void {
  process.stdout.write(`${msg}\n`);
}

/** Milliseconds as seconds with one decimal: `1.2s`. */
export function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Indents every line after the first, so a multi-line message stays under its heading. */
export function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}
