/**
 * A team for the sync tests: a real PostgreSQL (test/support/postgres.ts), the schema migrated, the
 * sync service in this process on a free loopback port, and users with tokens.
 */
import { startSyncServer } from '../../main/sync-server/server';
import { migrate } from '../../main/sync-server/migrate';
import { openPool, type Pool } from '../../main/sync-server/pool';
import { addUser } from '../../main/sync-server/users';
import type { Role } from '../../shared/sync/protocol';
import { startPostgres, type TestPostgres } from './postgres';

export interface Team {
  postgres: TestPostgres;
  pool: Pool;
  /** The service's address. */
  url: string;
  /** A new user's token. */
  token(name: string, role?: Role): Promise<string>;
  /** Stops the service (as if killed: open connections cut) and starts a new instance. */
  restartService(): Promise<void>;
  /** Stops the service until startService (the workstations find the team server unreachable). */
  stopService(): Promise<void>;
  startService(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTeam(database = 'team'): Promise<Team> {
  const postgres = await startPostgres();
  const url = await postgres.createDatabase(database);
  const pool = openPool(url, 20);
  await migrate(pool);
  let service = await startSyncServer({ pool, port: 0, host: '127.0.0.1' });
  let port = Number(new URL(service.url).port);
  let isRunning = true;
  const team: Team = {
    postgres,
    pool,
    url: service.url,
    async token(name, role = 'csm') {
      return (await addUser(pool, { name, email: `${name.toLowerCase()}@partner.se`, role })).token;
    },
    async restartService() {
      await team.stopService();
      await team.startService();
    },
    async stopService() {
      await service.close();
      isRunning = false;
    },
    async startService() {
      service = await startSyncServer({ pool, port, host: '127.0.0.1' });
      port = Number(new URL(service.url).port);
      isRunning = true;
    },
    async stop() {
      if (isRunning) await service.close();
      await pool.end();
      await postgres.stop();
    },
  };
  return team;
}
