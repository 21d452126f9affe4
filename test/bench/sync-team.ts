/**
 * The team book for `npm run bench`: a real PostgreSQL with the sync service, seeded with 20,000
 * contracts and their related records (customers, true-ups, time entries), written straight into the
 * tables in version order. Prints {url, database, token} once ready and serves until stdin closes.
 */
import { startTeam } from '../support/team';
import { contract, customer, timeEntry, trueUp } from '../unit/sync/fixtures';

const CONTRACTS = 20_000;
const CUSTOMERS = 4_000;

const team = await startTeam('bench');
const token = await team.token('Bench', 'admin');
const user = await team.pool.query<{ id: string }>('SELECT id FROM sync_users LIMIT 1');
const userId = user.rows[0]?.id;

const records: [string, string, Record<string, unknown>][] = [];
for (let i = 0; i < CUSTOMERS; i++) {
  const id = `c${i}`;
  records.push(['customers', id, { ...customer(id), name: `Customer ${i} AB` }]);
}
for (let i = 0; i < CONTRACTS; i++) {
  const id = `k${i}`;
  const customerId = `c${i % CUSTOMERS}`;
  records.push(['contracts', id, { ...contract(id, { customerId, number: `PE-${10000 + i}` }) }]);
  records.push(['trueUps', `t${i}`, { ...trueUp(`t${i}`, { contractId: id }) }]);
  records.push(['timeEntries', `e${i}`, { ...timeEntry(`e${i}`, { customerId }) }]);
}
const CHUNK = 5_000;
for (let start = 0; start < records.length; start += CHUNK) {
  const chunk = records.slice(start, start + CHUNK);
  await team.pool.query(
    `INSERT INTO sync_records (entity, id, data, field_versions, version, deleted, updated_by, updated_at)
     SELECT r ->> 0, r ->> 1, r -> 2, '{}', $2::bigint + ord, false, $3, now()
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(r, ord)`,
    [JSON.stringify(chunk), start, userId],
  );
}
await team.pool.query('UPDATE sync_counter SET version = $1', [records.length]);
process.stdout.write(
  `${JSON.stringify({ url: team.url, database: team.postgres.url('bench'), token, records: records.length })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => void team.stop().then(() => process.exit(0)));
