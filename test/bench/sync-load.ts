/**
 * Pushes for `npm run bench`: 1,000 edits in one client's two batches, then 50 simulated clients
 * pushing as fast as they can for 10 s against one service instance, then against two instances (a
 * second one started here on its own pool) in front of the same PostgreSQL. Prints JSON figures.
 */
import { randomUUID } from 'node:crypto';
import { createRemote } from '../../main/services/team-sync/client';
import { startSyncServer } from '../../main/sync-server/server';
import { openPool } from '../../main/sync-server/pool';
import { SYNC_PROTOCOL, type Change } from '../../shared/sync/protocol';

const [url = '', database = '', token = '', mode = 'edits'] = process.argv.slice(2);

const edit = (seq: number, i: number): Change => ({
  seq,
  entity: 'contracts',
  id: `k${i}`,
  op: 'put',
  baseVersion: 0,
  fields: { professionalServicesDiscountPct: seq % 30 },
});

if (mode === 'edits') {
  // 1,000 edits of different contracts, in two pushes of 500.
  const remote = createRemote({ server: url, token });
  const clientId = randomUUID();
  const started = performance.now();
  for (let batch = 0; batch < 2; batch++)
    await remote.push({
      protocol: SYNC_PROTOCOL,
      clientId,
      changes: Array.from({ length: 500 }, (_, i) => edit(batch * 500 + i + 1, batch * 500 + i)),
    });
  process.stdout.write(`${JSON.stringify({ pushMs: performance.now() - started })}\n`);
} else {
  const second = await startSyncServer({
    pool: openPool(database, 20),
    port: 0,
    host: '127.0.0.1',
  });
  const servers = mode === 'two' ? [url, second.url] : [url];
  const clients = Array.from({ length: 50 }, (_, c) => ({
    remote: createRemote({ server: servers[c % servers.length]!, token, attempts: 1 }),
    clientId: randomUUID(),
    seq: 0,
  }));
  let pushes = 0;
  let failures = 0;
  const until = performance.now() + 10_000;
  await Promise.all(
    clients.map(async (client, c) => {
      while (performance.now() < until) {
        client.seq += 1;
        try {
          // Each push: one small edit of this client's own contracts (as a CSM's day makes them).
          await client.remote.push({
            protocol: SYNC_PROTOCOL,
            clientId: client.clientId,
            changes: [edit(client.seq, 1000 + c * 300 + (client.seq % 300))],
          });
          pushes += 1;
        } catch {
          failures += 1;
        }
      }
    }),
  );
  await second.close();
  process.stdout.write(`${JSON.stringify({ pushesPerSecond: pushes / 10, failures })}\n`);
}
process.exit(0);
