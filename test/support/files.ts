import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';

/** A fresh temporary directory. */
export function tempDir(prefix = 'twilio-sso-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file below `dir`, relative path → content, in sorted order. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Writes a config file (YAML text) into a temp dir and returns its path. */
export function writeConfig(text: string, name = 'twilio-sso.yaml'): string {
  const dir = tempDir('twilio-sso-config-');
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
