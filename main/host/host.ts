/**
 * `npm run start:browser`: serves the workstation to a browser on this machine only and prints the one
 * line with the link to open. `--port N` picks the port, `--no-open` leaves the browser closed.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseHostArgs } from './args';
import { inventoryWorkerPath } from '../services/inventory/run-worker';
import { createHostServer } from './server';

declare const __APP_VERSION__: string;

function openBrowser(url: string): Promise<void> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return Promise.resolve();
}

function main(): void {
  let options;
  try {
    options = parseHostArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `csm-workstation: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  }
  const envToken = process.env['CSM_HOST_TOKEN'];
  const token =
    envToken && envToken.length >= 16 ? envToken : randomBytes(24).toString('base64url');
  const server = createHostServer({
    root: join(__dirname, '..', 'renderer'),
    token,
    port: options.port,
    version: __APP_VERSION__,
    openUrl: openBrowser,
    inventoryWorker: inventoryWorkerPath(__dirname),
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE' ? `port ${options.port} is in use (try --port N)` : error.message;
    process.stderr.write(`CSM Workstation: cannot start the browser host: ${reason}\n`);
    process.exit(2);
  });
  server.listen(options.port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${options.port}/?token=${token}`;
    process.stdout.write(`CSM Workstation: ${url}\n`);
    if (options.shouldOpen) void openBrowser(url);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
