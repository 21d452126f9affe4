/**
 * `csm sync-admin migrate|add-user|list-users|set-role|revoke-user` and `csm sync-server`
 * (FORMATS.md §5): a partner's team book on its own PostgreSQL. The users' functions are the ones the
 * service's admin routes run, so the rules (the last admin stays) are the same in both.
 */
import { ROLES, type Role } from '../../shared/sync/protocol';
import { startSyncServer } from '../sync-server/server';
import { LATEST_SCHEMA, migrate, schemaVersion } from '../sync-server/migrate';
import { openPool } from '../sync-server/pool';
import { addUser, listUsers, revokeUser, setRole, type ListedUser } from '../sync-server/users';
import { isCalendarDate } from '../../shared/terms/dates';
import { expiryOfLastDay } from '../../shared/sync/users';

type Write = (text: string) => void;

/** `--expires YYYY-MM-DD`: the token works through that day (UTC) and stops at the next. */
function expiryOf(text: string): Date {
  if (!isCalendarDate(text)) throw new Error(`--expires must be a date YYYY-MM-DD, not ${text}`);
  const end = expiryOfLastDay(text);
  if (!end) throw new Error(`--expires ${text} is already past`);
  return end;
}

/** One line of list-users: e-mail, name, role, last seen, and the token's end. */
function userLine(u: ListedUser): string {
  const end = u.revokedAt
    ? `revoked ${u.revokedAt}`
    : u.expiresAt
      ? `expires ${u.expiresAt}`
      : 'no expiry';
  return `${u.email}\t${u.name}\t${u.role}\t${u.lastSeenAt ? `seen ${u.lastSeenAt}` : 'never seen'}\t${end}\n`;
}

const isRole = (value: string | undefined): value is Role => ROLES.includes(value as Role);

export async function syncAdmin(
  action: 'migrate' | 'add-user' | 'revoke-user' | 'list-users' | 'set-role',
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
      const role = options.role;
      if (!options.name || !options.email || !isRole(role))
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
      write(options.asJson ? `${JSON.stringify(users)}\n` : users.map(userLine).join(''));
      return;
    }
    if (action === 'set-role') {
      const role = options.role;
      if (!options.email || !isRole(role))
        throw new Error(`set-role needs --email and --role ${ROLES.join('|')}`);
      const user = await setRole(pool, options.email, role);
      if (!user) throw new Error(`there is no active user with the e-mail ${options.email}`);
      write(options.asJson ? `${JSON.stringify(user)}\n` : `${user.email} is now ${user.role}.\n`);
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
