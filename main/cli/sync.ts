/**
 * `csm sync-admin migrate|add-user|revoke-user` and `csm sync-server` (FORMATS.md §5): a partner's
 * team book on its own PostgreSQL.
 */
import { ROLES, type Role } from '../../shared/sync/protocol';
import { startSyncServer } from '../sync-server/server';
import { LATEST_SCHEMA, migrate, schemaVersion } from '../sync-server/migrate';
import { openPool } from '../sync-server/pool';
import { addUser, listUsers, revokeUser } from '../sync-server/users';
import { isCalendarDate } from '../../shared/terms/dates';

type Write = (text: string) => void;

/** `--expires YYYY-MM-DD`: the token works through that day (UTC) and stops at the next. */
function expiryOf(text: string): Date {
  if (!isCalendarDate(text)) throw new Error(`--expires must be a date YYYY-MM-DD, not ${text}`);
  const end = new Date(`${text}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  if (end.getTime() <= Date.now()) throw new Error(`--expires ${text} is already past`);
  return end;
}

export async function syncAdmin(
  action: 'migrate' | 'add-user' | 'revoke-user' | 'list-users',
  options: {
    database: string;
    name?: string;
    email?: string;
    role?: string;
    expires?: string;
    asJson: boolean;
  },
  write: Write,
): Promise<void> {
  const pool = openPool(options.database, 2);
  try {
    if (action === 'migrate') {
      const { from, to } = await migrate(pool);
      write(
        options.asJson
          ? `${JSON.stringify({ from, to })}\n`
          : from === to
            ? `The team database is at schema ${to}: nothing to do.\n`
            : `The team database is at schema ${to} (was ${from}).\n`,
      );
      return;
    }
    const version = await schemaVersion(pool);
    if (version < LATEST_SCHEMA)
      throw new Error(
        `the team database is at schema ${version}: run csm sync-admin migrate first`,
      );
    if (action === 'add-user') {
      const role = options.role as Role;
      if (!options.name || !options.email || !ROLES.includes(role))
        throw new Error(`add-user needs --name, --email and --role ${ROLES.join('|')}`);
      const { user, token } = await addUser(pool, {
        name: options.name,
        email: options.email,
        role,
        ...(options.expires ? { expiresAt: expiryOf(options.expires) } : {}),
      });
      write(options.asJson ? `${JSON.stringify({ user, token })}\n` : `${token}\n`);
      return;
    }
    if (action === 'list-users') {
      const users = await listUsers(pool);
      write(
        options.asJson
          ? `${JSON.stringify(users)}\n`
          : users
              .map(
                (u) =>
                  `${u.email}\t${u.name}\t${u.role}\t${u.revokedAt ? `revoked ${u.revokedAt}` : u.expiresAt ? `expires ${u.expiresAt}` : 'no expiry'}\n`,
              )
              .join(''),
      );
      return;
    }
    if (!options.email) throw new Error('revoke-user needs --email');
    if (!(await revokeUser(pool, options.email)))
      throw new Error(`there is no active user with the e-mail ${options.email}`);
    write(
      options.asJson
        ? `${JSON.stringify({ revoked: options.email })}\n`
        : `Revoked ${options.email}.\n`,
    );
  } finally {
    await pool.end();
  }
}

/** Serves until SIGTERM or SIGINT, then stops taking requests, finishes those under way and exits. */
export async function syncServer(
  options: { database: string; port: number; host: string; tls?: { cert: string; key: string } },
  write: Write,
): Promise<void> {
  const pool = openPool(options.database);
  const version = await schemaVersion(pool);
  if (version !== LATEST_SCHEMA) {
    await pool.end();
    throw new Error(
      version < LATEST_SCHEMA
        ? `the team database is at schema ${version}: run csm sync-admin migrate first`
        : `the team database is at schema ${version}, newer than this csm (${LATEST_SCHEMA}): update csm`,
    );
  }
  const server = await startSyncServer({ pool, ...options });
  write(`CSM sync server: ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await server.close();
  await pool.end();
}
