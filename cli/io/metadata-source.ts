import { readFileSync } from 'fs';
import { ioError } from '../errors';
import { MAX_METADATA_BYTES } from '../saml/metadata';

/**
 * Reads metadata from an http(s) URL or a file. URLs are fetched with a timeout and a size limit;
 * anything that stops the read is a I/O error (exit 2).
 */
export async function readMetadata(source: string, timeoutMs: number): Promise<Buffer> {
  if (/^https?:\/\//i.test(source)) {
    let res: Response;
    try {
      res = await fetch(source, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } });
    } catch (e) {
      const cause = (e as { cause?: { message?: string } }).cause?.message;
      throw ioError(`cannot fetch the metadata from ${source}: ${(e as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (cause ?? (e as Error).message)}`);
    }
    if (!res.ok) throw ioError(`cannot fetch the metadata from ${source}: HTTP ${res.status} ${res.statusText}`);
    const chunks: Buffer[] = [];
    let size = 0;
    const reader = res.body?.getReader();
    if (!reader) return Buffer.alloc(0);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_METADATA_BYTES) {
        await reader.cancel();
        throw ioError(`the metadata at ${source} is larger than ${MAX_METADATA_BYTES} bytes`);
      }
      chunks.push(Buffer.from(value));
    }
    return Buffer.concat(chunks);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw ioError(`--metadata takes an http(s) URL or a file path, got '${source}'`);
  try {
    return readFileSync(source);
  } catch (e) {
    throw ioError(`cannot read the metadata file '${source}': ${(e as Error).message}`);
  }
}
