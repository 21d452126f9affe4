/**
 * The team book in PostgreSQL: migrations, users and tokens, and the push and pull of the sync
 * protocol (shared/sync). Everything the service knows is here, in the database: any number of
 * service instances can stand in front of one PostgreSQL.
 */
import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import type { Rma, SupportCase, TimeEntry } from '../../shared/model/entities';
import type { ServiceIssue } from '../../shared/service/issues';
import { caseIssues } from '../../shared/service/cases';
import { rmaIssues } from '../../shared/service/rma';
import { timeEntryIssues } from '../../shared/service/time';
import { mergeChange, type StoredRecord } from '../../shared/sync/merge';
import {
  ENTITY_SCHEMAS,
  mayWrite,
  mayWriteTrueUp,
  PULL_PAGE,
  SYNC_PROTOCOL,
  type Change,
  type FieldConflict,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type Receipt,
  type Role,
  type WhoAmI,
} from '../../shared/sync/protocol';
import { SYNC_MIGRATIONS } from './migrations';
import { issueMessage } from '../../shared/errors';

export type Pool = pg.Pool;

export interface SyncUser {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/** A pool on the team database: a connection string, or a socket folder as host=. */
export function openPool(url: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle connection PostgreSQL closed (a restart, a failover) is dropped from the pool and a new
  // one made on the next request; without a listener it would end the process.
  pool.on('error', () => undefined);
  return pool;
}

async function inTransaction<T>(
  pool: Pool,
  body: (client: pg.PoolClient) => Promise<T>,
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

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates a user; the token is returned this once and stored only as its hash. */
export async function addUser(
  pool: Pool,
  user: { name: string; email: string; role: Role },
): Promise<{ user: SyncUser; token: string }> {
  const token = `csm_${randomBytes(32).toString('base64url')}`;
  try {
    const result = await pool.query<{ id: string }>(
      'INSERT INTO sync_users (name, email, role, token_hash) VALUES ($1, lower($2), $3, $4) RETURNING id',
      [user.name, user.email, user.role, hashToken(token)],
    );
    return {
      user: { ...user, email: user.email.toLowerCase(), id: Number(result.rows[0]?.id) },
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
    'SELECT id, name, email, role FROM sync_users WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
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

/** The shared/ rules a record must keep, beyond its shape (the app checks the same before saving). */
function ruleIssues(entity: string, data: Record<string, unknown>): ServiceIssue[] {
  if (entity === 'timeEntries') return timeEntryIssues(data as unknown as TimeEntry);
  if (entity === 'cases') return caseIssues(data as unknown as SupportCase);
  if (entity === 'rmas') return rmaIssues(data as unknown as Rma);
  return [];
}

class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly existing?: Receipt['existing'],
  ) {
    super(reason);
  }
}

/** The words for a constraint the database held. */
async function constraintRefusal(
  client: pg.PoolClient,
  error: { code?: string; constraint?: string },
  change: Change,
  data: Record<string, unknown> | null,
): Promise<Refusal | null> {
  if (error.constraint === 'one_true_up_per_term' && data) {
    const found = await client.query<{ id: string }>(
      "SELECT id FROM sync_records WHERE entity = 'trueUps' AND NOT deleted AND data ->> 'contractId' = $1 AND data ->> 'termStart' = $2 AND data ->> 'category' = $3",
      [data['contractId'], data['termStart'], data['category']],
    );
    const id = found.rows[0]?.id;
    return new Refusal(
      `the contract already has a true-up of ${String(data['category'])} for the term from ${String(data['termStart'])}`,
      id ? { entity: 'trueUps', id } : undefined,
    );
  }
  if (error.constraint === 'applied_true_up_has_po')
    return new Refusal('a true-up is applied only with the PO number of its order');
  if (error.constraint === 'contract_number_per_customer')
    return new Refusal(
      `the customer has a contract numbered ${typeof data?.['number'] === 'string' ? data['number'] : change.id} already`,
    );
  return null;
}

interface StoredRow {
  data: Record<string, unknown> | null;
  field_versions: Record<string, number>;
  version: string;
  deleted: boolean;
}

/** Who last set a field, and when: from the change log row of the version that set it. */
async function authorOf(
  client: pg.PoolClient,
  version: number,
): Promise<{ by: string; at: string }> {
  const result = await client.query<{ name: string; at: Date }>(
    'SELECT u.name, l.at FROM sync_log l JOIN sync_users u ON u.id = l.user_id WHERE l.version = $1',
    [version],
  );
  const row = result.rows[0];
  return { by: row?.name ?? '', at: row ? row.at.toISOString() : '' };
}

async function applyChange(
  client: pg.PoolClient,
  user: SyncUser,
  clientId: string,
  request: Change,
): Promise<Receipt> {
  // A workstation's own earlier edits of the record are part of what this one was based on.
  const own = await client.query<{ v: string | null }>(
    'SELECT max(version) AS v FROM sync_log WHERE entity = $1 AND id = $2 AND client_id = $3',
    [request.entity, request.id, clientId],
  );
  const change = {
    ...request,
    baseVersion: Math.max(request.baseVersion, Number(own.rows[0]?.v ?? 0)),
  };
  if (!mayWrite(user.role, change.entity))
    return {
      seq: change.seq,
      status: 'refused',
      version: 0,
      reason: `the role ${user.role} may not change ${change.entity}`,
    };
  const found = await client.query<StoredRow>(
    'SELECT data, field_versions, version, deleted FROM sync_records WHERE entity = $1 AND id = $2 FOR UPDATE',
    [change.entity, change.id],
  );
  const row = found.rows[0];
  const stored: StoredRecord | null = row
    ? {
        data: row.data ?? {},
        fieldVersions: row.field_versions,
        version: Number(row.version),
        deleted: row.deleted,
      }
    : null;
  const current = stored?.version ?? 0;
  await client.query('SAVEPOINT change');
  const next = await client.query<{ version: string }>(
    'UPDATE sync_counter SET version = version + 1 RETURNING version',
  );
  const version = Number(next.rows[0]?.version);
  const merged = mergeChange(stored, change, version);
  const conflictsOf = async (): Promise<FieldConflict[]> =>
    Promise.all(
      merged.conflicts.map(async (c) => ({
        ...c,
        ...(await authorOf(client, stored?.fieldVersions[c.field] ?? current)),
      })),
    );
  const unchanged = async (status: Receipt['status'], extra: Partial<Receipt> = {}) => {
    await client.query('ROLLBACK TO SAVEPOINT change');
    return { seq: change.seq, status, version: current, ...extra };
  };
  if (merged.isDeleteConflict) {
    const author = await authorOf(client, current);
    return unchanged('conflict', {
      conflicts: [
        {
          field: change.op === 'delete' ? '(changed)' : '(deleted)',
          theirs: stored?.deleted ? null : stored?.data,
          yours: change.op === 'delete' ? null : change.fields,
          ...author,
        },
      ],
    });
  }
  const conflicts = await conflictsOf();
  const isDelete = change.op === 'delete';
  if (isDelete && (!stored || stored.deleted)) return unchanged('applied');
  if (!isDelete && merged.applied.length === 0)
    return unchanged(
      conflicts.length > 0 ? 'conflict' : 'applied',
      conflicts.length ? { conflicts } : {},
    );
  const data = merged.data;
  try {
    if (data) {
      if (data['id'] !== change.id) throw new Refusal(`the record's id field must be ${change.id}`);
      const checked = ENTITY_SCHEMAS[change.entity].safeParse(data);
      if (!checked.success) {
        throw new Refusal(
          `${change.entity} ${change.id}: ${issueMessage(checked.error, 'record')}`,
        );
      }
      const issues = ruleIssues(change.entity, data);
      if (issues[0])
        throw new Refusal(`${change.entity} ${change.id}: ${issues[0].field}: ${issues[0].code}`);
      if (change.entity === 'trueUps' && !mayWriteTrueUp(user.role, data['state']))
        throw new Refusal(
          `the role ${user.role} may not set a true-up to ${String(data['state'])}`,
        );
    }
    await client.query(
      `INSERT INTO sync_records (entity, id, data, field_versions, version, deleted, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (entity, id) DO UPDATE SET data = $3, field_versions = $4, version = $5,
         deleted = $6, updated_by = $7, updated_at = now()`,
      [
        change.entity,
        change.id,
        isDelete ? null : JSON.stringify(data),
        JSON.stringify(merged.fieldVersions),
        version,
        isDelete,
        user.id,
      ],
    );
    const changed = isDelete
      ? {}
      : Object.fromEntries(merged.applied.map((f) => [f, data?.[f] ?? null]));
    await client.query(
      'INSERT INTO sync_log (version, entity, id, op, fields, user_id, client_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())',
      [version, change.entity, change.id, change.op, JSON.stringify(changed), user.id, clientId],
    );
    await client.query('RELEASE SAVEPOINT change');
  } catch (error) {
    const refusal =
      error instanceof Refusal
        ? error
        : await (async () => {
            await client.query('ROLLBACK TO SAVEPOINT change');
            return constraintRefusal(client, error as { constraint?: string }, change, data);
          })();
    if (!refusal) throw error;
    if (error instanceof Refusal) await client.query('ROLLBACK TO SAVEPOINT change');
    return {
      seq: change.seq,
      status: 'refused',
      version: current,
      reason: refusal.reason,
      ...(refusal.existing ? { existing: refusal.existing } : {}),
    };
  }
  return conflicts.length > 0
    ? { seq: change.seq, status: 'conflict', version, conflicts }
    : { seq: change.seq, status: 'applied', version };
}

export class ForeignClientError extends Error {}

/**
 * One push, one transaction: the client's row locked (a repeated push waits, then finds its
 * receipts), each change not yet answered merged and answered, every answer stored.
 */
export async function push(
  pool: Pool,
  user: SyncUser,
  request: PushRequest,
): Promise<PushResponse> {
  return inTransaction(pool, async (client) => {
    const owner = await client.query<{ user_id: string }>(
      `INSERT INTO sync_clients (client_id, user_id, seen_at) VALUES ($1, $2, now())
       ON CONFLICT (client_id) DO UPDATE SET seen_at = now() RETURNING user_id`,
      [request.clientId, user.id],
    );
    if (Number(owner.rows[0]?.user_id) !== user.id)
      throw new ForeignClientError('this workstation is registered to another user');
    const seqs = request.changes.map((c) => c.seq);
    const known = await client.query<{ seq: string; receipt: Receipt }>(
      'SELECT seq, receipt FROM sync_receipts WHERE client_id = $1 AND seq = ANY($2::bigint[])',
      [request.clientId, seqs],
    );
    const answered = new Map(known.rows.map((r) => [Number(r.seq), r.receipt]));
    const receipts: Receipt[] = [];
    for (const change of [...request.changes].sort((a, b) => a.seq - b.seq)) {
      const earlier = answered.get(change.seq);
      if (earlier) {
        receipts.push(earlier);
        continue;
      }
      const receipt = await applyChange(client, user, request.clientId, change);
      answered.set(change.seq, receipt);
      await client.query(
        'INSERT INTO sync_receipts (client_id, seq, receipt) VALUES ($1, $2, $3)',
        [request.clientId, change.seq, JSON.stringify(receipt)],
      );
      if (receipt.conflicts)
        await client.query(
          'INSERT INTO sync_conflicts (entity, record_id, client_id, seq, user_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6, now())',
          [
            change.entity,
            change.id,
            request.clientId,
            change.seq,
            user.id,
            JSON.stringify(receipt.conflicts),
          ],
        );
      receipts.push(receipt);
    }
    return { receipts };
  });
}

/** Records changed after `after`, in version order, a page at a time. */
export async function pull(pool: Pool, after: number, limit = PULL_PAGE): Promise<PullResponse> {
  const result = await pool.query<{
    version: string;
    entity: PullResponse['records'][number]['entity'];
    id: string;
    deleted: boolean;
    data: Record<string, unknown> | null;
    name: string;
    updated_at: Date;
  }>(
    `SELECT r.version, r.entity, r.id, r.deleted, r.data, u.name, r.updated_at
     FROM sync_records r JOIN sync_users u ON u.id = r.updated_by
     WHERE r.version > $1 ORDER BY r.version LIMIT $2`,
    [after, limit + 1],
  );
  const rows = result.rows.slice(0, limit);
  return {
    records: rows.map((r) => ({
      version: Number(r.version),
      entity: r.entity,
      id: r.id,
      deleted: r.deleted,
      data: r.deleted ? null : r.data,
      by: r.name,
      at: r.updated_at.toISOString(),
    })),
    cursor: rows.length > 0 ? Number(rows.at(-1)?.version) : after,
    hasMore: result.rows.length > limit,
  };
}

/** The most a device list's JSON may grow to when unpacked. */
export const BLOB_UNPACKED_LIMIT = 512 * 1024 * 1024;

/** Stores a device list (gzip of its JSON) under its content hash, checked; storing it again is a no-op. */
export async function putBlob(
  pool: Pool,
  user: SyncUser,
  hash: string,
  gzipped: Buffer,
): Promise<void> {
  let json: Buffer;
  try {
    json = gunzipSync(gzipped, { maxOutputLength: BLOB_UNPACKED_LIMIT });
  } catch {
    throw new Refusal('the device list is not a gzip object (or unpacks beyond 512 MB)');
  }
  if (createHash('sha256').update(json).digest('hex') !== hash)
    throw new Refusal('the device list does not match its hash');
  await pool.query(
    'INSERT INTO sync_blobs (hash, bytes, created_by) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING',
    [hash, gzipped, user.id],
  );
}

export async function getBlob(pool: Pool, hash: string): Promise<Buffer | null> {
  const result = await pool.query<{ bytes: Buffer }>(
    'SELECT bytes FROM sync_blobs WHERE hash = $1',
    [hash],
  );
  return result.rows[0]?.bytes ?? null;
}

export { Refusal };
