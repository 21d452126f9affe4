/** Input files of the `csm` commands: read whole, size-capped, named in every message about them. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UnusableFileError } from '../services/inventory/errors';

export async function readInput(path: string, limit: number): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UnusableFileError(`${path}: no such file`);
  }
  if (size > limit)
    throw new UnusableFileError(
      `${path}: ${Math.round(size / 2 ** 20)} MB is larger than the ${limit / 2 ** 20} MB it takes`,
    );
  return new Uint8Array(await readFile(path));
}

/** Runs `read`, naming the file in any message about it. */
export async function named<T>(path: string, read: () => Promise<T>): Promise<T> {
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
