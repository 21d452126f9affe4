/**
 * A browser host in a process of its own, so a test can read what request bodies cost it in resident
 * memory (/proc/PID/status). Arguments: port, data folder. Prints its session as one JSON line.
 */
import { createHostServer } from '../../main/host/server';
import { HostSessions } from '../../main/host/sessions';

const [port, dataDir] = process.argv.slice(2);
const sessions = new HostSessions();
const server = createHostServer({
  root: dataDir ?? '',
  sessions,
  port: Number(port),
  hostName: 'wbodies.localhost',
  version: '0.0.0',
  inventoryWorker: '',
  dataDir: dataDir ?? '',
});
server.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify(sessions.redeem(sessions.mintLink()))}\n`);
});
