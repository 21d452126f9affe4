/**
 * The `csm` process entry. Commands that read users' files run in a worker thread with the same heap
 * cap and time-out as the app's import worker: a hostile file can exhaust only that worker, and the
 * command still ends with exit 2 and one line that names the file, never a V8 crash.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { WORKER_LIMITS, workerResources } from '../services/inventory/run-worker';
import { terminalText } from '../../shared/terminal-text';

interface Output {
  write(text: string): unknown;
}

type Message =
  | { kind: 'out' | 'err'; text: string }
  | { kind: 'reading'; path: string }
  | { kind: 'exit'; code: number };

/** The commands that read users' files; the servers and the admin commands run unwrapped. */
const CAPPED = new Set(['inspect', 'status', 'plan', 'report', 'demo', 'lens-pull']);

/** Tells the parent which file is being read, so a refusal after a crash can name it. */
export function announceReading(path: string): void {
  if (!isMainThread && (workerData as { isCsmCommand?: boolean } | null)?.isCsmCommand)
    parentPort?.postMessage({ kind: 'reading', path } satisfies Message);
}

/**
 * The worker loads the bundle through Node's compile cache, as the process did (bin/csm.mjs): a
 * second start of the command compiles nothing again.
 */
const BOOTSTRAP = `const { entry } = require('node:worker_threads').workerData;
require('node:module').enableCompileCache?.(require('node:path').join(entry, '..', '.compile-cache'));
require(entry);`;

/** Runs `argv` in a capped worker started from `entry` (the bundle itself); resolves the exit code. */
export function runCapped(
  entry: string,
  argv: readonly string[],
  stdout: Output,
  stderr: Output,
  limits = WORKER_LIMITS,
): Promise<number> {
  return new Promise((resolve) => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { isCsmCommand: true, argv, entry },
      resourceLimits: workerResources(limits),
      stdout: false,
      stderr: false,
    });
    let reading = argv[1] ?? '';
    let isDone = false;
    const finish = (code: number, message?: string) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      if (message) stderr.write(`csm: ${terminalText(message)}\n`);
      void worker.terminate();
      resolve(code);
    };
    const timer = setTimeout(
      () =>
        finish(2, `${reading}: reading it took longer than ${limits.timeoutMs / 1000} s: stopped`),
      limits.timeoutMs,
    );
    worker.on('message', (message: Message) => {
      if (message.kind === 'out') stdout.write(message.text);
      else if (message.kind === 'err') stderr.write(message.text);
      else if (message.kind === 'reading') reading = message.path;
      else if (message.kind === 'exit') finish(message.code);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const isOutOfMemory =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap|memory/i.test(error.message);
      finish(
        2,
        isOutOfMemory
          ? `${reading}: reading it needs more memory than one import may use (${limits.heapMb} MB): refused`
          : error.message,
      );
    });
    worker.on('exit', (code) =>
      code === 0 ? finish(0) : finish(2, `the command stopped (exit ${code})`),
    );
  });
}

/** Whether `argv` names a command that runs capped. */
export const isCappedCommand = (argv: readonly string[]) => CAPPED.has(argv[0] ?? '');

/** Inside the worker: run the command, hand its output to the parent, then its exit code. */
export function serveCappedCommand(
  run: (argv: readonly string[], stdout: Output, stderr: Output) => Promise<number>,
): void {
  const data = workerData as { isCsmCommand?: boolean; argv?: string[] } | null;
  if (isMainThread || !data?.isCsmCommand || !parentPort) return;
  const port = parentPort;
  const send = (kind: 'out' | 'err') => ({
    write: (text: string) => port.postMessage({ kind, text } satisfies Message),
  });
  void run(data.argv ?? [], send('out'), send('err')).then((code) =>
    port.postMessage({ kind: 'exit', code } satisfies Message),
  );
}
