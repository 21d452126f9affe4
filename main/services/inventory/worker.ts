/**
 * Worker-thread entry: parses one inventory file off the main thread and reports progress. Runs with a
 * heap cap set by its parent, which also kills it on cancel or time-out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseInventory, type ParseOptions } from './parse';
import { UnusableFileError } from './errors';

interface Job {
  bytes: Uint8Array;
  options: Omit<ParseOptions, 'onProgress'>;
}

const { bytes, options } = workerData as Job;
parseInventory(bytes, {
  ...options,
  onProgress: (done, total) => parentPort?.postMessage({ kind: 'progress', done, total }),
}).then(
  (result) => parentPort?.postMessage({ kind: 'done', result }),
  (error: unknown) =>
    parentPort?.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      isUnusable: error instanceof UnusableFileError,
    }),
);
