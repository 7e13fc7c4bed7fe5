// The module object itself (not an `import *` namespace copy), so that spies replace what cdktf calls.
import childProcess = require('child_process');

const SPAWNERS = ['execSync', 'execFileSync', 'spawnSync', 'exec', 'execFile', 'spawn'] as const;

/**
 * For the tests of the enclosing `describe`: a machine with no terraform (nor any other program) to
 * run. Every way to start a child process fails as a missing binary does, and is recorded. (Changing
 * PATH would not do: Jest gives tests their own copy of process.env, and child_process runs with the
 * real one.) Returns the commands the current test tried to start.
 */
export function withoutChildProcesses(): () => string[] {
  let spies: jest.SpyInstance[] = [];
  beforeEach(() => {
    spies = SPAWNERS.map((name) =>
      jest.spyOn(childProcess, name).mockImplementation(((command: string) => {
        throw Object.assign(new Error(`spawn ${command} ENOENT`), { code: 'ENOENT' });
      }) as any),
    );
  });
  afterEach(() => {
    for (const s of spies) s.mockRestore();
  });
  return () => spies.flatMap((s) => s.mock.calls.map((c) => String(c[0])));
}
