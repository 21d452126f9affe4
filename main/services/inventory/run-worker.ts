/**
 * Runs the inventory parse (and a Lens pull before it) in a worker thread: the window stays responsive,
 * a hostile file can exhaust only the worker's capped heap, the user can cancel, and what a large pull
 * or parse held is let go at once when the worker ends. One worker per task.
 */
import { Worker } from 'node:worker_threads';
import { join, sep } from 'node:path';
import type { ParsedInventory } from '../../../shared/inventory/parsed';
import { CancelledError, UnusableFileError } from './errors';
import type { ParseOptions } from './parse';
import type { LensAccess } from '../lens/connector';
import type { PulledFile } from '../lens/pull';

/**
 * An import's worker: its heap cap, its time-out, and a small young generation. Nearly everything a
 * parse makes is either let go at once (a row's cells) or kept to the end (its devices): scavenging
 * 8 MB at a time costs about a tenth less than the default (csm inspect, 100,000 rows).
 */
export const WORKER_LIMITS = { heapMb: 1536, youngMb: 8, timeoutMs: 180_000 };

export const workerResources = (limits: { heapMb: number; youngMb: number }) => ({
  maxOldGenerationSizeMb: limits.heapMb,
  maxYoungGenerationSizeMb: limits.youngMb,
});

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
    resourceLimits: workerResources(WORKER_LIMITS),
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

/** What a worker is given: a file's bytes, or a Lens tenant to pull first. */
export type WorkerJob =
  | { kind: 'file'; bytes: Uint8Array; options: Omit<ParseOptions, 'onProgress'> }
  | {
      kind: 'lens';
      access: LensAccess;
      tenantId: string;
      options: Omit<ParseOptions, 'onProgress' | 'fileName'>;
    };

/** The parse with `devices` empty, the devices as their complete device list's JSON and hash. */
export interface WorkerParse {
  parsed: ParsedInventory;
  list: { hash: string; bytes: Uint8Array };
  /** What a Lens pull gave: its file name, its source and how many devices it read. */
  pulled?: Pick<PulledFile, 'fileName' | 'source' | 'devices'> | undefined;
}

export type WorkerPhase = 'pullLens' | 'parseInventory';

export type WorkerMessage =
  | { kind: 'progress'; phase: WorkerPhase; done: number; total: number | null }
  | ({ kind: 'done'; result: ParsedInventory } & Omit<WorkerParse, 'parsed'>)
  | { kind: 'failed'; message: string; isUnusable: boolean };

/**
 * Runs one job in a worker. The time-out is the parse's: a pull waits on Lens as long as Lens asks
 * (its own time-outs and retries), so the clock starts when the parse does.
 */
export function runInWorker(
  workerPath: string,
  taskId: string,
  job: WorkerJob,
  onProgress: (phase: WorkerPhase, done: number, total: number | null) => void,
): Promise<WorkerParse> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker(workerPath);
    worker.postMessage(job);
    let isSettled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
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
    const startClock = () => {
      timer ??= setTimeout(
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
    };
    if (job.kind === 'file') startClock();
    const forget = cancellable(taskId, () => settle(() => reject(new CancelledError())));
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') {
        if (message.phase === 'parseInventory') startClock();
        onProgress(message.phase, message.done, message.total);
      } else if (message.kind === 'done') {
        const { result, list, pulled } = message;
        settle(() => resolve({ parsed: result, list, pulled }));
      } else {
        const { message: text, isUnusable } = message;
        settle(() => reject(isUnusable ? new UnusableFileError(text) : new Error(text)));
      }
    });
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
