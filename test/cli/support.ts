import { execFileSync } from 'child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runTwilioSso } from '../../cli/program';
import { tempDir } from '../support/files';

/** What one `twilio-sso` run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `twilio-sso <argv>` in this process (the same function the bin calls). */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = {}, now?: Date): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runTwilioSso(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    now: now ? () => now : undefined,
  });
  return { code, stdout, stderr };
}

/** A self-signed certificate made by openssl, valid for `days` from now (PEM), with its key discarded. */
export function makeCertificate(subject: string, days: number): string {
  const dir = tempDir('twilio-sso-cert-');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', String(days), '-subj', subject], { stdio: 'ignore' });
  return execFileSync('openssl', ['x509', '-in', join(dir, 'cert.pem')]).toString();
}

/** What openssl says about a certificate: its SHA-256 and SHA-1 fingerprints and end date. */
export function opensslFacts(pem: string): { sha256: string; sha1: string; notAfter: Date; subject: string } {
  const dir = tempDir('twilio-sso-cert-');
  const file = join(dir, 'c.pem');
  writeFileSync(file, pem);
  const fp = (alg: string) => execFileSync('openssl', ['x509', '-in', file, '-noout', '-fingerprint', `-${alg}`]).toString().trim().replace(/^.*Fingerprint=/, '');
  const notAfter = new Date(execFileSync('openssl', ['x509', '-in', file, '-noout', '-enddate']).toString().trim().replace('notAfter=', ''));
  const subject = execFileSync('openssl', ['x509', '-in', file, '-noout', '-subject', '-nameopt', 'RFC2253']).toString().trim().replace(/^subject=/, '');
  return { sha256: fp('sha256'), sha1: fp('sha1'), notAfter, subject };
}

/** The Base64 body of a PEM (as SAML metadata carries a certificate). */
export const base64Body = (pem: string): string => pem.replace(/-----[A-Z ]+-----|\s/g, '');

/**
 * A stand-in Terraform CLI on a PATH of its own: `output -json` prints `outputs` in the documented
 * `terraform output -json` shape ({ name: { sensitive, type, value } }) and records its working
 * directory and arguments. Other subcommands fail. Returns its directory (a PATH of its own) and
 * where it logs.
 */
export function fakeTerraform(outputs: Record<string, { value: unknown; sensitive?: boolean }>, name = 'terraform'): { path: string; log: string } {
  const bin = tempDir('twilio-sso-bin-');
  const log = join(bin, 'calls.log');
  const body = JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, { sensitive: o.sensitive ?? false, type: typeof o.value === 'number' ? 'number' : 'string', value: o.value }])));
  const script = join(bin, name);
  // Shell built-ins only (echo, printf, pwd), so that PATH can hold this directory alone.
  const quoted = `'${body.replace(/'/g, `'\\''`)}'`;
  writeFileSync(script, `#!/bin/sh\necho "$(pwd) $*" >> '${log}'\nif [ "$1" = output ] && [ "$2" = -json ]; then printf '%s\\n' ${quoted}; exit 0; fi\necho "unexpected: $*" >&2; exit 1\n`);
  chmodSync(script, 0o755);
  return { path: bin, log };
}

/** A synth output directory with an (empty) stack directory for `target`. */
export function stackOutdir(target: string): string {
  const out = tempDir('twilio-sso-out-');
  mkdirSync(join(out, 'stacks', target), { recursive: true });
  return out;
}
