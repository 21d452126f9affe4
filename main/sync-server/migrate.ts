/** The team database's schema: which version it is at, and upgrading it (`csm sync-admin migrate`). */
import { SYNC_MIGRATIONS } from './migrations';
import { inTransaction, type Pool } from './pool';

/** The schema version the database is at (0: never migrated). */
export async function schemaVersion(pool: Pool): Promise<number> {
  const exists = await pool.query<{ t: string | null }>(
    "SELECT to_regclass('sync_migrations')::text AS t",
  );
  if (!exists.rows[0]?.t) return 0;
  const result = await pool.query<{ v: number | null }>(
    'SELECT max(version)::int AS v FROM sync_migrations',
  );
  return result.rows[0]?.v ?? 0;
}

export const LATEST_SCHEMA = SYNC_MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Creates or upgrades the schema: each migration not yet applied, in its own transaction, under an
 * advisory lock so two servers starting together do not both run one. Refuses a newer database.
 */
export async function migrate(pool: Pool): Promise<{ from: number; to: number }> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(4242001)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS sync_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = await client.query<{ v: number | null }>(
      'SELECT max(version)::int AS v FROM sync_migrations',
    );
    const from = done.rows[0]?.v ?? 0;
    if (from > LATEST_SCHEMA)
      throw new Error(
        `the team database is at schema ${from}, newer than this csm knows (${LATEST_SCHEMA}): update csm`,
      );
    for (const migration of SYNC_MIGRATIONS) {
      if (migration.version <= from) continue;
      await client.query(`SAVEPOINT m${migration.version}`);
      await client.query(migration.sql);
      await client.query('INSERT INTO sync_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    return { from, to: LATEST_SCHEMA };
  });
}
