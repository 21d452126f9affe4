/**
 * Worker-thread entry: parses one inventory file off the main thread and reports progress. Runs with a
 * heap cap set by its parent, which also kills it on cancel or time-out. Answers the parse without its
 * devices, and the devices as their complete device list (shared/inventory/device-list.ts).
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { deviceListJson, makeDeviceList } from '../../../shared/inventory/device-list';
import { parseInventory, type ParseOptions } from './parse';
import { UnusableFileError } from './errors';
import { messageOf } from '../../../shared/errors';

interface Job {
  bytes: Uint8Array;
  options: Omit<ParseOptions, 'onProgress'>;
}

function parse({ bytes, options }: Job): void {
  parseInventory(bytes, {
    ...options,
    onProgress: (done, total) => parentPort?.postMessage({ kind: 'progress', done, total }),
  }).then(
    (result) => {
      // The devices leave as their complete device list (columnar JSON) and its hash, moved, not copied.
      const list = new TextEncoder().encode(deviceListJson(makeDeviceList(result.devices, null)));
      const hash = createHash('sha256').update(list).digest('hex');
      parentPort?.postMessage(
        { kind: 'done', result: { ...result, devices: [] }, list: { hash, bytes: list } },
        [list.buffer],
      );
    },
    (error: unknown) =>
      parentPort?.postMessage({
        kind: 'failed',
        message: messageOf(error),
        isUnusable: error instanceof UnusableFileError,
      }),
  );
}

// Started ahead of need (run-worker.ts): the file comes as the first message.
parentPort?.once('message', parse);
