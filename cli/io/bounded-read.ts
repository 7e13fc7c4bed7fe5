import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'fs';
import { visible } from '../../lib/twilio/rules';
import { CliError, inputError, ioError } from '../errors';

/**
 * Reads a regular file of at most `maxBytes`: stat first (no FIFO, device or folder, which could
 * block or never end), then at most `maxBytes + 1` bytes, so a file that grows while it is read is
 * still caught. Opened non-blocking and checked again on the open descriptor, so a file swapped for a
 * FIFO after the stat cannot hang the read. A file that is too large is bad input (exit 1, it is the
 * document that is wrong); one that cannot be read is I/O (exit 2).
 * @param what what the file is, for messages ("the metadata file")
 */
export function readBoundedFile(path: string, maxBytes: number, what: string): Buffer {
  const shown = `${what} '${visible(path, 200)}'`;
  const kind = (st: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string | undefined =>
    st.isFile() ? undefined : st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : 'a device';
  let fd: number;
  try {
    const notFile = kind(statSync(path));
    if (notFile) throw ioError(`${shown} is ${notFile}, not a regular file`);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw ioError(`cannot read ${shown}: ${visible((e as Error).message, 200)}`);
  }
  try {
    const st = fstatSync(fd);
    const notFile = kind(st);
    if (notFile) throw ioError(`${shown} is ${notFile}, not a regular file`);
    if (st.size > maxBytes) throw inputError(`${shown} is ${st.size} bytes, more than the limit of ${maxBytes}`);
    const buf = Buffer.alloc(maxBytes + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n > maxBytes) throw inputError(`${shown} is more than the limit of ${maxBytes} bytes`);
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw ioError(`cannot read ${shown}: ${visible((e as Error).message, 200)}`);
  } finally {
    closeSync(fd);
  }
}
