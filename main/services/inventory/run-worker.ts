/**
 * Runs the inventory parse in a worker thread: the window stays responsive, a hostile file can exhaust
 * only the worker's capped heap, and the user can cancel. One worker per task, ended when it is done.
 */
import { Worker } from 'node:worker_threads';
import { join, sep } from 'node:path';
import type { ParsedInventory } from '../../../shared/inventory/parsed';
import { UnusableFileError } from './errors';
import type { ParseOptions } from './parse';

export const WORKER_LIMITS = { heapMb: 1536, timeoutMs: 180_000 };

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** The bundled worker script beside the calling bundle (dist/main, dist/host → dist/workers). */
export function inventoryWorkerPath(bundleDir: string): string {
  return join(bundleDir, '..', 'workers', 'inventory.cjs').replace(
    `app.asar${sep}`,
    `app.asar.unpacked${sep}`,
  );
}

const running = new Map<string, () => void>();

/** One worker started ahead, waiting for its file; each parse takes it and a new one is started after. */
let spare: { path: string; worker: Worker } | null = null;

function startWorker(workerPath: string): Worker {
  return new Worker(workerPath, {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.heapMb },
  });
}

/** Starts the spare worker, if none waits (an idle spare never keeps the process alive). */
export function prepareWorker(workerPath: string): void {
  if (spare) return;
  const worker = startWorker(workerPath);
  worker.unref();
  const waiting = { path: workerPath, worker };
  worker.once('exit', () => {
    if (spare === waiting) spare = null;
  });
  spare = waiting;
}

function takeWorker(workerPath: string): Worker {
  const taken = spare?.path === workerPath ? spare.worker : startWorker(workerPath);
  if (spare?.worker === taken) spare = null;
  taken.ref();
  return taken;
}

/** Makes `cancel` what cancelTask(taskId) calls, until the returned function forgets it. */
export function cancellable(taskId: string, cancel: () => void): () => void {
  running.set(taskId, cancel);
  return () => {
    if (running.get(taskId) === cancel) running.delete(taskId);
  };
}

export function cancelTask(taskId: string): boolean {
  const cancel = running.get(taskId);
  cancel?.();
  return cancel !== undefined;
}

/** The parse with `devices` empty, and the devices as their complete device list's JSON and hash. */
export interface WorkerParse {
  parsed: ParsedInventory;
  list: { hash: string; bytes: Uint8Array };
}

export function parseInWorker(
  workerPath: string,
  taskId: string,
  bytes: Uint8Array,
  options: Omit<ParseOptions, 'onProgress'>,
  onProgress: (done: number, total: number | null) => void,
): Promise<WorkerParse> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker(workerPath);
    worker.postMessage({ bytes, options });
    let isSettled = false;
    const settle = (fn: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      forget();
      fn();
      void worker.terminate();
      // The next file finds its worker started (about 0.2 s of a first import).
      setImmediate(() => prepareWorker(workerPath));
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new UnusableFileError(
              `reading the file took longer than ${WORKER_LIMITS.timeoutMs / 1000} s: stopped`,
            ),
          ),
        ),
      WORKER_LIMITS.timeoutMs,
    );
    const forget = cancellable(taskId, () => settle(() => reject(new CancelledError())));
    worker.on(
      'message',
      (message: {
        kind: string;
        done?: number;
        total?: number | null;
        result?: ParsedInventory;
        list?: WorkerParse['list'];
        message?: string;
        isUnusable?: boolean;
      }) => {
        if (message.kind === 'progress') onProgress(message.done ?? 0, message.total ?? null);
        else if (message.kind === 'done' && message.result && message.list) {
          const done = { parsed: message.result, list: message.list };
          settle(() => resolve(done));
        } else if (message.kind === 'failed') {
          const text = message.message ?? 'failed';
          settle(() => reject(message.isUnusable ? new UnusableFileError(text) : new Error(text)));
        }
      },
    );
    worker.on('error', (error) => {
      const isOutOfMemory =
        /heap|memory/i.test(error.message) ||
        (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(() =>
        reject(
          isOutOfMemory
            ? new UnusableFileError(
                'the file needs more memory to read than one import may use: refused',
              )
            : error,
        ),
      );
    });
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the import worker stopped (exit ${code})`))),
    );
  });
}
