/**
 * The team database: a pool on PostgreSQL and transactions on it. Everything the service knows is in
 * the database, so any number of service instances can stand in front of one PostgreSQL.
 */
import pg from 'pg';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

/** A pool on the team database: a connection string, or a socket folder as host=. */
export function openPool(url: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle connection PostgreSQL closed (a restart, a failover) is dropped from the pool and a new
  // one made on the next request; without a listener it would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `body` in one transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(
  pool: Pool,
  body: (client: Client) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
