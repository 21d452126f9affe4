/**
 * `npm run start:browser`: serves the workstation to a browser on this machine only and prints the one
 * line with the link to open (single use; press Enter for a new one). `--port N` picks the port,
 * `--no-open` leaves the browser closed. CSM_HOST_DATA moves the host's folder, CSM_HOST_NAME fixes
 * its host name and CSM_HOST_TOKEN its first link token (the tests use these).
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseHostArgs } from './args';
import { inventoryWorkerPath, prepareWorker } from '../services/inventory/run-worker';
import { hostDataDir, installationHost } from './installation';
import { openBrowser } from './open-browser';
import { createHostServer } from './server';
import { HostSessions } from './sessions';
import { messageOf } from '../../shared/errors';

declare const __APP_VERSION__: string;

function fail(message: string): never {
  process.stderr.write(`CSM Workstation: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseHostArgs(process.argv.slice(2));
  } catch (error) {
    fail(messageOf(error));
  }
  const dataDir = hostDataDir();
  const hostName = await installationHost(dataDir, process.env['CSM_HOST_NAME']).catch(
    (error: unknown) => fail(`cannot prepare ${dataDir}: ${messageOf(error)}`),
  );
  const sessions = new HostSessions();
  const server = createHostServer({
    root: join(__dirname, '..', 'renderer'),
    sessions,
    port: options.port,
    hostName,
    version: __APP_VERSION__,
    inventoryWorker: inventoryWorkerPath(__dirname),
    dataDir,
  });
  const link = (token: string) => `http://${hostName}:${options.port}/?token=${token}`;
  server.on('error', (error: NodeJS.ErrnoException) =>
    fail(
      `cannot start the browser host: ${error.code === 'EADDRINUSE' ? `port ${options.port} is in use (try --port N)` : error.message}`,
    ),
  );
  server.listen(options.port, '127.0.0.1', () => {
    prepareWorker(inventoryWorkerPath(__dirname));
    const url = link(sessions.mintLink(process.env['CSM_HOST_TOKEN']));
    process.stdout.write(`CSM Workstation: ${url}\n`);
    if (options.shouldOpen) void openBrowser(url);
    if (process.stdin.isTTY)
      createInterface({ input: process.stdin }).on('line', () =>
        process.stdout.write(`CSM Workstation (new link): ${link(sessions.mintLink())}\n`),
      );
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
