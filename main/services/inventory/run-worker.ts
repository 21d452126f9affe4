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

export function cancelTask(taskId: string): boolean {
  const cancel = running.get(taskId);
  cancel?.();
  return cancel !== undefined;
}

export function parseInWorker(
  workerPath: string,
  taskId: string,
  bytes: Uint8Array,
  options: Omit<ParseOptions, 'onProgress'>,
  onProgress: (done: number, total: number | null) => void,
): Promise<ParsedInventory> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, {
      workerData: { bytes, options },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_LIMITS.heapMb },
    });
    let isSettled = false;
    const settle = (fn: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      running.delete(taskId);
      fn();
      void worker.terminate();
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
    running.set(taskId, () => settle(() => reject(new CancelledError())));
    worker.on(
      'message',
      (message: {
        kind: string;
        done?: number;
        total?: number | null;
        result?: ParsedInventory;
        message?: string;
        isUnusable?: boolean;
      }) => {
        if (message.kind === 'progress') onProgress(message.done ?? 0, message.total ?? null);
        else if (message.kind === 'done' && message.result) {
          const result = message.result;
          settle(() => resolve(result));
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
