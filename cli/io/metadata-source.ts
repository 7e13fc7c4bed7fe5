import { visible } from '../../lib/twilio/rules';
import { inputError, ioError, usageError } from '../errors';
import { MAX_METADATA_BYTES as PARSED_LIMIT } from '../saml/metadata';
import { readBoundedFile } from './bounded-read';

/** Largest metadata document read, in bytes (real ones are a few kilobytes; Entra's ≈ 20 KB). */
export const MAX_METADATA_BYTES = PARSED_LIMIT;

const HTTP_URL = /^https?:\/\//i;

/**
 * Where `verify` reads the metadata from: `--metadata` (an http(s) URL or a file, the user's own
 * command line), else the stack's `idp_metadata_url` output, which must be an http(s) URL (a stack
 * output naming a local file is never opened).
 */
export function metadataSource(flag: string | undefined, fromStack: string | undefined, target: string, outputName: string): string {
  if (flag !== undefined) {
    if (!HTTP_URL.test(flag) && /^[a-z][a-z0-9+.-]*:/i.test(flag) && !/^[a-z]:[\\/]/i.test(flag)) throw usageError(`--metadata takes an http(s) URL or a file path, got '${visible(flag)}'`);
    return flag;
  }
  if (fromStack === undefined || fromStack === '') throw usageError(`the stack '${target}' has no ${outputName} output: pass --metadata <url|file>`);
  if (!HTTP_URL.test(fromStack)) throw inputError(`the stack's ${outputName} output is not an http(s) URL, got '${visible(fromStack)}': pass --metadata <url|file> to read another source`);
  return fromStack;
}

/**
 * Reads metadata from an http(s) URL or a file, bounded: a URL must answer and deliver its whole
 * body within `timeoutMs` (a server that stalls after the headers, or mid-body, is cut off), and no
 * source is read past {@link MAX_METADATA_BYTES} + 1 bytes. Unreachable, timed out, dropped or an
 * HTTP error: an I/O error (exit 2); too large: bad input (exit 1).
 */
export async function readMetadata(source: string, timeoutMs: number): Promise<Buffer> {
  if (!HTTP_URL.test(source)) return readBoundedFile(source, MAX_METADATA_BYTES, 'the metadata file');
  const shown = visible(source, 200);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const failed = (e: unknown): Error => {
    if (deadline.signal.aborted) return ioError(`cannot fetch the metadata from ${shown}: not complete within ${timeoutMs / 1000} s (--timeout)`);
    const cause = (e as { cause?: { message?: string; code?: string } }).cause;
    return ioError(`cannot fetch the metadata from ${shown}: ${visible(cause?.message ?? (e as Error)?.message ?? String(e), 200)}`);
  };
  try {
    let res: Response;
    try {
      res = await fetch(source, { redirect: 'follow', signal: deadline.signal, headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } });
    } catch (e) {
      throw failed(e);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw ioError(`cannot fetch the metadata from ${shown}: HTTP ${res.status} ${visible(res.statusText, 100)}`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > MAX_METADATA_BYTES) {
      await res.body?.cancel().catch(() => undefined);
      throw inputError(`the metadata at ${shown} is ${declared} bytes, more than the limit of ${MAX_METADATA_BYTES}`);
    }
    const reader = res.body?.getReader();
    if (!reader) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (e) {
        throw failed(e);
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > MAX_METADATA_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw inputError(`the metadata at ${shown} is more than the limit of ${MAX_METADATA_BYTES} bytes`);
      }
      chunks.push(Buffer.from(next.value));
    }
    return Buffer.concat(chunks);
  } finally {
    clearTimeout(timer);
  }
}
