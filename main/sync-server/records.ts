/**
 * The team book's records in PostgreSQL, as a push reads and writes them: a record locked for its
 * change, the next version from the counter row, who set a field, and the record written with its
 * change-log line.
 */
import type { MergeResult, StoredRecord } from '../../shared/sync/merge';
import { fieldOf, relatedVersions } from '../../shared/sync/paths';
import type { Change, FieldConflict } from '../../shared/sync/protocol';
import type { Client } from './pool';
import type { SyncUser } from './users';

interface StoredRow {
  data: Record<string, unknown> | null;
  field_versions: Record<string, number>;
  version: string;
  deleted: boolean;
}

/**
 * The versions of the record this workstation wrote: it knew its own edits, so they are never a
 * conflict for its later ones (what others wrote before them it may not have seen: that still is).
 */
export async function ownVersions(
  client: Client,
  change: Change,
  clientId: string,
): Promise<Set<number>> {
  const own = await client.query<{ version: string }>(
    'SELECT version FROM sync_log WHERE entity = $1 AND id = $2 AND client_id = $3',
    [change.entity, change.id, clientId],
  );
  return new Set(own.rows.map((r) => Number(r.version)));
}

/** The record as it stands, locked until the push commits; null when the team book never had it. */
export async function lockRecord(client: Client, change: Change): Promise<StoredRecord | null> {
  const found = await client.query<StoredRow>(
    'SELECT data, field_versions, version, deleted FROM sync_records WHERE entity = $1 AND id = $2 FOR UPDATE',
    [change.entity, change.id],
  );
  const row = found.rows[0];
  return row
    ? {
        data: row.data ?? {},
        fieldVersions: row.field_versions,
        version: Number(row.version),
        deleted: row.deleted,
      }
    : null;
}

/**
 * Whether the book has a deleted true-up of the same contract, term and category as `data` (by the
 * fields its creation logged: they never change), other than `id`.
 */
export async function deletedTrueUpOf(
  client: Client,
  id: string,
  data: Record<string, unknown>,
): Promise<boolean> {
  const found = await client.query(
    `SELECT 1 FROM sync_records r JOIN sync_log l ON l.entity = r.entity AND l.id = r.id
     WHERE r.entity = 'trueUps' AND r.deleted AND r.id <> $1 AND l.fields ->> 'contractId' = $2
       AND l.fields ->> 'termStart' = $3 AND l.fields ->> 'category' = $4 LIMIT 1`,
    [id, data['contractId'], data['termStart'], data['category']],
  );
  return found.rows.length > 0;
}

/** The next version: the counter row every write takes in turn, so versions order commits. */
export async function nextVersion(client: Client): Promise<number> {
  const next = await client.query<{ version: string }>(
    'UPDATE sync_counter SET version = version + 1 RETURNING version',
  );
  return Number(next.rows[0]?.version);
}

/** Who last set a field, and when: from the change log row of the version that set it. */
export async function authorOf(
  client: Client,
  version: number,
): Promise<{ by: string; at: string }> {
  const result = await client.query<{ name: string; at: Date }>(
    'SELECT u.name, l.at FROM sync_log l JOIN sync_users u ON u.id = l.user_id WHERE l.version = $1',
    [version],
  );
  const row = result.rows[0];
  return { by: row?.name ?? '', at: row ? row.at.toISOString() : '' };
}

/**
 * The merge's conflicts (by path), each with who set the value the team book keeps: the newest
 * version of the path (a field it is in, a part of it) that another workstation wrote.
 */
export async function fieldConflicts(
  client: Client,
  merged: MergeResult,
  stored: StoredRecord | null,
  own: ReadonlySet<number>,
): Promise<FieldConflict[]> {
  const current = stored?.version ?? 0;
  const setBy = (path: string) =>
    Math.max(0, ...relatedVersions(stored?.fieldVersions ?? {}, path).filter((v) => !own.has(v)));
  return Promise.all(
    merged.conflicts.map(async (c) => ({
      ...c,
      ...(await authorOf(client, setBy(c.field) || current)),
    })),
  );
}

/** A delete of a record changed since (or an edit of one deleted since), as the one conflict to decide. */
export async function deleteConflict(
  client: Client,
  change: Change,
  stored: StoredRecord | null,
): Promise<FieldConflict> {
  const author = await authorOf(client, stored?.version ?? 0);
  return {
    field: change.op === 'delete' ? '(changed)' : '(deleted)',
    theirs: stored?.deleted ? null : stored?.data,
    yours: change.op === 'delete' ? null : change.fields,
    ...author,
  };
}

/**
 * Writes the record as the merge made it, and the change log's line of the fields that changed (a
 * list changed by line: the whole list as it now stands).
 */
export async function writeRecord(
  client: Client,
  write: { change: Change; merged: MergeResult; version: number; user: SyncUser; clientId: string },
): Promise<void> {
  const { change, merged, version, user } = write;
  const isDelete = change.op === 'delete';
  const data = merged.data;
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
    : Object.fromEntries(merged.applied.map(fieldOf).map((f) => [f, data?.[f] ?? null]));
  await client.query(
    'INSERT INTO sync_log (version, entity, id, op, fields, user_id, client_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())',
    [
      version,
      change.entity,
      change.id,
      change.op,
      JSON.stringify(changed),
      user.id,
      write.clientId,
    ],
  );
}
