/** A pull: the records changed after a version, in version order, a page at a time. */
import { PULL_PAGE, type PullResponse } from '../../shared/sync/protocol';
import type { Pool } from './pool';

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
