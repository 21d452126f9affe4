/**
 * The team's users and their access tokens: a token is shown once when its user is made and stored
 * only as its hash; revoking a user ends its token at once; every request is authenticated by it.
 * The team always keeps one admin who can sign in: the last is neither demoted nor revoked. The same
 * functions serve `csm sync-admin` and the admin's Users panel (through the service's /v1/users).
 */
import { createHash, randomBytes } from 'node:crypto';
import { SYNC_PROTOCOL, type Role, type WhoAmI } from '../../shared/sync/protocol';
import type { TeamUser } from '../../shared/sync/users';
import { inTransaction, type Client, type Pool } from './pool';

/** A change to the users the rules refuse, in words: the status says which kind. */
export class UserRefusal extends Error {
  constructor(
    /** 404 no such user, 409 in the way of another (an e-mail taken, the last admin). */
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export interface SyncUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a user; the token is returned this once and stored only as its hash. */
export async function addUser(
  pool: Pool,
  user: { name: string; email: string; role: Role; expiresAt?: Date },
): Promise<{ user: SyncUser; token: string }> {
  const token = `csm_${randomBytes(32).toString('base64url')}`;
  try {
    const result = await pool.query<{ id: string }>(
      'INSERT INTO sync_users (name, email, role, token_hash, expires_at) VALUES ($1, lower($2), $3, $4, $5) RETURNING id',
      [user.name, user.email, user.role, hashToken(token), user.expiresAt ?? null],
    );
    return {
      user: {
        name: user.name,
        role: user.role,
        email: user.email.toLowerCase(),
        id: Number(result.rows[0]?.id),
      },
      token,
    };
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new UserRefusal(409, `a user with the e-mail ${user.email} exists already`);
    throw error;
  }
}

/** Ends a user's access: its token stops working at once. False when there is no such active user. */
export async function revokeUser(pool: Pool, email: string): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    await keepAnAdmin(client, email, null);
    const result = await client.query(
      'UPDATE sync_users SET revoked_at = now() WHERE email = lower($1) AND revoked_at IS NULL',
      [email],
    );
    return (result.rowCount ?? 0) > 0;
  });
}

/** Gives an active user another role; null when there is no such active user. */
export async function setRole(pool: Pool, email: string, role: Role): Promise<TeamUser | null> {
  const changed = await inTransaction(pool, async (client) => {
    await keepAnAdmin(client, email, role);
    const result = await client.query(
      'UPDATE sync_users SET role = $2 WHERE email = lower($1) AND revoked_at IS NULL',
      [email, role],
    );
    return (result.rowCount ?? 0) > 0;
  });
  return changed ? userByEmail(pool, email) : null;
}

/**
 * Refuses what would leave the team without an admin who can sign in: `email` losing the role
 * (`role` another one, or null for revoked) when it is the only such admin. The admins' rows are
 * locked first, so two admins demoting each other at once cannot both succeed.
 */
async function keepAnAdmin(client: Client, email: string, role: Role | null): Promise<void> {
  if (role === 'admin') return;
  const admins = await client.query<{ email: string }>(
    "SELECT email FROM sync_users WHERE role = 'admin' AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()) ORDER BY id FOR UPDATE",
  );
  const emails = admins.rows.map((r) => r.email);
  if (emails.length === 1 && emails[0] === email.toLowerCase())
    throw new UserRefusal(
      409,
      `${emails[0]} is the team's only admin: make another user admin first, or no one could manage the team's users`,
    );
}

export async function authenticate(pool: Pool, token: string): Promise<SyncUser | null> {
  const result = await pool.query<{ id: string; name: string; email: string; role: Role }>(
    'SELECT id, name, email, role FROM sync_users WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())',
    [hashToken(token)],
  );
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

/** A user as the users list shows it (shared/sync/users: TeamUser). */
export type ListedUser = TeamUser;

const LISTED = `SELECT u.name, u.email, u.role, u.created_at, u.expires_at, u.revoked_at,
  GREATEST(u.seen_at, (SELECT max(c.seen_at) FROM sync_clients c WHERE c.user_id = u.id))
    AS last_seen_at
  FROM sync_users u`;

interface ListedRow {
  name: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_seen_at: Date | null;
}

const listed = (r: ListedRow): TeamUser => ({
  name: r.name,
  email: r.email,
  role: r.role,
  createdAt: r.created_at.toISOString(),
  lastSeenAt: r.last_seen_at?.toISOString() ?? null,
  expiresAt: r.expires_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

/**
 * Notes that a user's workstation pulled: at most one write a minute per user, and only for a pull
 * the server answered (a refused request writes nothing).
 */
export async function noteSeen(pool: Pool, userId: number): Promise<void> {
  await pool.query(
    `UPDATE sync_users SET seen_at = now()
     WHERE id = $1 AND (seen_at IS NULL OR seen_at < now() - interval '1 minute')`,
    [userId],
  );
}

/** Every user, revoked ones too, by e-mail; last seen is their latest pull or push of any workstation. */
export async function listUsers(pool: Pool): Promise<TeamUser[]> {
  const result = await pool.query<ListedRow>(`${LISTED} ORDER BY u.email`);
  return result.rows.map(listed);
}

export async function userByEmail(pool: Pool, email: string): Promise<TeamUser | null> {
  const result = await pool.query<ListedRow>(`${LISTED} WHERE u.email = lower($1)`, [email]);
  const row = result.rows[0];
  return row ? listed(row) : null;
}

export async function whoAmI(pool: Pool, user: SyncUser): Promise<WhoAmI> {
  const result = await pool.query<{ version: string }>('SELECT version FROM sync_counter');
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    version: Number(result.rows[0]?.version ?? 0),
    protocol: SYNC_PROTOCOL,
  };
}
