/**
 * A push: a batch from a workstation's outbox, each change answered by a receipt (applied, a conflict
 * that waits for its author, or refused with the reason), every answer stored so a repeated push gets
 * the same answers and no second effect. A change goes validate → merge → validate the record → write.
 */
import { mergeChange, type StoredRecord } from '../../shared/sync/merge';
import type { Change, PushRequest, PushResponse, Receipt } from '../../shared/sync/protocol';
import { transitionRefusal } from '../../shared/sync/transitions';
import { recordRefusal, writerRefusal } from '../../shared/sync/validate';
import { inTransaction, type Client, type Pool } from './pool';
import {
  deleteConflict,
  deletedTrueUpOf,
  fieldConflicts,
  lockRecord,
  nextVersion,
  ownVersions,
  writeRecord,
} from './records';
import { constraintRefusal, ForeignClientError } from './refusals';
import type { SyncUser } from './users';

/**
 * Why a change may not be stored: the record the merge made (its shape and rules), then the change
 * as a step from the stored record, deletes included (shared/sync/transitions).
 */
async function storeRefusal(
  client: Client,
  user: SyncUser,
  change: Change,
  stored: StoredRecord | null,
  data: Record<string, unknown> | null,
): Promise<string | null> {
  const shape = data ? recordRefusal(change.entity, change.id, data) : null;
  if (shape) return shape;
  const before = stored && !stored.deleted ? stored.data : null;
  const after = change.op === 'delete' ? null : data;
  const replacesDeleted =
    !before &&
    after !== null &&
    (stored?.deleted === true ||
      (change.entity === 'trueUps' && (await deletedTrueUpOf(client, change.id, after))));
  return transitionRefusal(change.entity, { role: user.role, before, after, replacesDeleted });
}

/** One change, inside the push's transaction; what it leaves undone is rolled back to its savepoint. */
export async function applyChange(
  client: Client,
  user: SyncUser,
  clientId: string,
  change: Change,
): Promise<Receipt> {
  const { seq } = change;
  const notAllowed = writerRefusal(user.role, change.entity);
  if (notAllowed) return { seq, status: 'refused', version: 0, reason: notAllowed };
  const stored = await lockRecord(client, change);
  const current = stored?.version ?? 0;
  await client.query('SAVEPOINT change');
  const version = await nextVersion(client);
  const own = await ownVersions(client, change, clientId);
  const merged = mergeChange(stored, change, version, own);
  const unchanged = async (status: Receipt['status'], extra: Partial<Receipt> = {}) => {
    await client.query('ROLLBACK TO SAVEPOINT change');
    return { seq, status, version: current, ...extra };
  };
  if (merged.isDeleteConflict)
    return unchanged('conflict', { conflicts: [await deleteConflict(client, change, stored)] });
  const conflicts = await fieldConflicts(client, merged, stored, own);
  const isNoOp = change.op === 'delete' ? !stored || stored.deleted : merged.applied.length === 0;
  if (isNoOp)
    return unchanged(
      conflicts.length > 0 ? 'conflict' : 'applied',
      conflicts.length ? { conflicts } : {},
    );
  const reason = await storeRefusal(client, user, change, stored, merged.data);
  if (reason) return unchanged('refused', { reason });
  try {
    await writeRecord(client, { change, merged, version, user, clientId });
    await client.query('RELEASE SAVEPOINT change');
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT change');
    const refusal = await constraintRefusal(
      client,
      error as { constraint?: string },
      change,
      merged.data,
    );
    if (!refusal) throw error;
    return {
      seq,
      status: 'refused',
      version: current,
      reason: refusal.reason,
      ...(refusal.existing ? { existing: refusal.existing } : {}),
    };
  }
  return conflicts.length > 0
    ? { seq, status: 'conflict', version, conflicts }
    : { seq, status: 'applied', version };
}

/** Registers the workstation to the user on its first push; refuses one another user registered. */
async function claimClient(client: Client, user: SyncUser, clientId: string): Promise<void> {
  const owner = await client.query<{ user_id: string }>(
    `INSERT INTO sync_clients (client_id, user_id, seen_at) VALUES ($1, $2, now())
     ON CONFLICT (client_id) DO UPDATE SET seen_at = now() RETURNING user_id`,
    [clientId, user.id],
  );
  if (Number(owner.rows[0]?.user_id) !== user.id)
    throw new ForeignClientError('this workstation is registered to another user');
}

/** Stores a change's receipt, and its conflicts for the record's history of disputes. */
async function keepReceipt(
  client: Client,
  user: SyncUser,
  clientId: string,
  change: Change,
  receipt: Receipt,
): Promise<void> {
  await client.query('INSERT INTO sync_receipts (client_id, seq, receipt) VALUES ($1, $2, $3)', [
    clientId,
    change.seq,
    JSON.stringify(receipt),
  ]);
  if (receipt.conflicts)
    await client.query(
      'INSERT INTO sync_conflicts (entity, record_id, client_id, seq, user_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6, now())',
      [change.entity, change.id, clientId, change.seq, user.id, JSON.stringify(receipt.conflicts)],
    );
}

/**
 * One push, one transaction: the client's row locked (a repeated push waits, then finds its
 * receipts), each change not yet answered merged and answered, every answer stored.
 */
export async function push(
  pool: Pool,
  user: SyncUser,
  request: PushRequest,
): Promise<PushResponse> {
  const byRole = request.changes.map((c) => writerRefusal(user.role, c.entity));
  // Nothing the role may change: answered without touching the team book.
  if (byRole.every((reason) => reason !== null))
    return {
      receipts: request.changes.map((c, i) => ({
        seq: c.seq,
        status: 'refused',
        version: 0,
        reason: byRole[i] ?? '',
      })),
    };
  return inTransaction(pool, async (client) => {
    await claimClient(client, user, request.clientId);
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
      // A refusal changed nothing, and asked again it is refused again: nothing to keep.
      if (receipt.status !== 'refused')
        await keepReceipt(client, user, request.clientId, change, receipt);
      receipts.push(receipt);
    }
    return { receipts };
  });
}
