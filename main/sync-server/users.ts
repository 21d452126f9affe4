/**
 * The team's users and their access tokens: a token is shown once when its user is made and stored
 * only as its hash; revoking a user ends its token at once; every request is authenticated by it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SYNC_PROTOCOL, type Role, type WhoAmI } from '../../shared/sync/protocol';
import type { Pool } from './pool';

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
      throw new Error(`a user with the e-mail ${user.email} exists already`, { cause: error });
    throw error;
  }
}

/** Ends a user's access: its token stops working at once. False when there is no such active user. */
export async function revokeUser(pool: Pool, email: string): Promise<boolean> {
  const result = await pool.query(
    'UPDATE sync_users SET revoked_at = now() WHERE email = lower($1) AND revoked_at IS NULL',
    [email],
  );
  return (result.rowCount ?? 0) > 0;
}

export async function authenticate(pool: Pool, token: string): Promise<SyncUser | null> {
  const result = await pool.query<{ id: string; name: string; email: string; role: Role }>(
    'SELECT id, name, email, role FROM sync_users WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())',
    [hashToken(token)],
  );
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

/** A user as the users list shows it: who, the role, and when the token was made, ends or ended. */
export interface ListedUser {
  name: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export async function listUsers(pool: Pool): Promise<ListedUser[]> {
  const result = await pool.query<{
    name: string;
    email: string;
    role: Role;
    created_at: Date;
    expires_at: Date | null;
    revoked_at: Date | null;
  }>('SELECT name, email, role, created_at, expires_at, revoked_at FROM sync_users ORDER BY email');
  return result.rows.map((r) => ({
    name: r.name,
    email: r.email,
    role: r.role,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
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
