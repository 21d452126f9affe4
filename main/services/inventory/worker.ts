/**
 * Worker-thread entry: reads one inventory off the main thread and reports progress: a file's bytes, or
 * a Lens tenant pulled page by page first (./lens/pull.ts), so everything a 100,000-device pull holds
 * is let go at once when the worker ends. Runs with a heap cap set by its parent, which also kills it
 * on cancel or time-out. Answers the parse without its devices, and the devices as their complete
 * device list (shared/inventory/device-list.ts).
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { deviceListJson, makeDeviceList } from '../../../shared/inventory/device-list';
import { parseInventory } from './parse';
import { UnusableFileError } from './errors';
import { messageOf } from '../../../shared/errors';
import { LensError } from '../lens/connector';
import { pullAsFile } from '../lens/pull';
import type { WorkerJob, WorkerMessage } from './run-worker';

const post = (message: WorkerMessage, transfer?: ArrayBuffer[]) =>
  parentPort?.postMessage(message, transfer);

async function run(job: WorkerJob): Promise<void> {
  const file =
    job.kind === 'lens'
      ? await pullAsFile(job.access, job.tenantId, {
          onProgress: (done, total) => post({ kind: 'progress', phase: 'pullLens', done, total }),
        })
      : { ...job, fileName: job.options.fileName };
  const pulled =
    'source' in file
      ? { fileName: file.fileName, source: file.source, devices: file.devices }
      : undefined;
  post({ kind: 'progress', phase: 'parseInventory', done: 0, total: null });
  const result = await parseInventory(file.bytes, {
    ...job.options,
    fileName: file.fileName,
    onProgress: (done, total) => post({ kind: 'progress', phase: 'parseInventory', done, total }),
  });
  // The devices leave as their complete device list (columnar JSON) and its hash, moved, not copied.
  const list = new TextEncoder().encode(deviceListJson(makeDeviceList(result.devices, null)));
  const hash = createHash('sha256').update(list).digest('hex');
  post({ kind: 'done', result: { ...result, devices: [] }, list: { hash, bytes: list }, pulled }, [
    list.buffer,
  ]);
}

// Started ahead of need (run-worker.ts): the job comes as the first message.
parentPort?.once('message', (job: WorkerJob) => {
  run(job).catch((error: unknown) =>
    post({
      kind: 'failed',
      message: messageOf(error),
      isUnusable: error instanceof UnusableFileError || error instanceof LensError,
    }),
  );
});
