/**
 * Input files of the `csm` commands: regular files only (a folder, a device such as /dev/zero behind a
 * symlink, a pipe or a socket is refused before reading), read whole but never past the size cap,
 * whatever `stat` claimed, and named in every message about them.
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { UnusableFileError } from '../services/inventory/errors';
import { announceReading } from './capped';

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder, not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device, not a file';
  if (stats.isFIFO()) return 'a pipe, not a file';
  if (stats.isSocket()) return 'a socket, not a file';
  return 'not a regular file';
}

const tooLarge = (path: string, limit: number) =>
  new UnusableFileError(`${path}: larger than the ${limit / 2 ** 20} MB it takes`);

export async function readInput(path: string, limit: number): Promise<Uint8Array> {
  let handle;
  try {
    // Non-blocking, so that opening a pipe does not wait for a writer before it can be refused.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnusableFileError(
      code === 'ENOENT'
        ? `${path}: no such file`
        : code === 'EACCES' || code === 'EPERM'
          ? `${path}: not allowed to read it`
          : `${path}: cannot be opened (${code ?? String(error)})`,
    );
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UnusableFileError(`${path}: ${kindOf(stats)}`);
    if (stats.size > limit) throw tooLarge(path, limit);
    // Read to one byte past the cap at most: a file that grows, or lies about its size, stops there.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stats.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw tooLarge(path, limit);
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, length * 2 + 65_536));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) throw tooLarge(path, limit);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } catch (error) {
    if (error instanceof UnusableFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnusableFileError(`${path}: cannot be read (${code ?? String(error)})`);
  } finally {
    await handle.close();
  }
}

/** Runs `read`, naming the file in any message about it. */
export async function named<T>(path: string, read: () => Promise<T>): Promise<T> {
  announceReading(path);
  try {
    return await read();
  } catch (error) {
    if (
      error instanceof UnusableFileError &&
      !error.message.startsWith(basename(path)) &&
      !error.message.startsWith(path)
    )
      throw new UnusableFileError(`${basename(path)}: ${error.message}`);
    throw error;
  }
}
