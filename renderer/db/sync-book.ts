/**
 * The workstation's side of team sync on its Dexie book (shared/sync/engine's LocalBook): the outbox
 * the middleware fills, receipts settled, pulled pages applied with their cursor in one transaction
 * (local edits not yet pushed win over pulled values), and the edits that wait for a decision.
 */
import type { ChangeRecord } from '../../shared/model/entities';
import {
  PARTNER_TERMS_KEY,
  SYNC_STATE_TABLES,
  SYNCED,
  SYNCED_ENTITIES,
  type SyncEntity,
} from '../../shared/model/synced-entities';
import type { LocalBook } from '../../shared/sync/engine';
import { applyPaths, pathOf, segmentsOf, valueAt } from '../../shared/sync/paths';
import type { Change, FieldConflict, PullResponse } from '../../shared/sync/protocol';
import type { WorkstationDatabase } from './database';
import { recountReclassifiedAs, recountStaleRuleAs } from './recount';
import { listKey, markQuiet, syncedRecord, versionKey } from './sync-outbox';
import type { OutboxRow, SyncDecision, SyncStateValues } from './sync-rows';

type Row = Record<string, unknown>;

const table = (db: WorkstationDatabase, entity: SyncEntity) =>
  db.table<Row, string>(SYNCED[entity].table);

const localKey = (entity: SyncEntity, id: string) =>
  entity === 'partnerTerms' ? PARTNER_TERMS_KEY : id;

/** A pulled record as its local row (the partner terms are a settings row). */
const localRow = (entity: SyncEntity, data: Row): Row =>
  entity === 'partnerTerms' ? { key: PARTNER_TERMS_KEY, value: data['value'] } : data;

const syncedOf = (entity: SyncEntity, row: Row | undefined): Row | undefined =>
  row && entity === 'partnerTerms' ? { id: PARTNER_TERMS_KEY, value: row['value'] } : row;

/** A record's name for the decisions list. */
function labelOf(row: Row, id: string): string {
  for (const field of ['name', 'number', 'title', 'serial', 'trackingNumber', 'quoteNumber'])
    if (typeof row[field] === 'string' && row[field]) return row[field];
  return id;
}

async function stateValue<K extends keyof SyncStateValues>(
  db: WorkstationDatabase,
  key: K,
): Promise<SyncStateValues[K] | undefined> {
  return (await db.syncState.get(key))?.value as SyncStateValues[K] | undefined;
}

export function dexieBook(db: WorkstationDatabase): LocalBook {
  return {
    async clientId() {
      const known = await stateValue(db, 'clientId');
      if (known) return known;
      const id = crypto.randomUUID();
      await db.syncState.put({ key: 'clientId', value: id });
      return id;
    },
    pending: (limit) => db.outbox.orderBy('seq').limit(limit).toArray(),
    async unsentLists() {
      const hashes: string[] = await db.deviceLists.toCollection().primaryKeys();
      const sent = await db.syncVersions.bulkGet(hashes.map(listKey));
      return hashes.filter((_, i) => !sent[i]);
    },
    listJson: async (hash) => (await db.deviceLists.get(hash))?.json ?? null,
    async listSent(hash) {
      await db.syncVersions.put({ key: listKey(hash), version: 1 });
    },
    waiting: () => db.outbox.count(),
    async cursor() {
      return (await stateValue(db, 'cursor')) ?? 0;
    },
    async settle(changes, receipts) {
      const bySeq = new Map(changes.map((c) => [c.seq, c]));
      const locals = new Map<number, Row>();
      for (const receipt of receipts) {
        const change = bySeq.get(receipt.seq);
        if (!change || receipt.status === 'applied') continue;
        const local = await table(db, change.entity).get(localKey(change.entity, change.id));
        locals.set(receipt.seq, syncedOf(change.entity, local) ?? {});
      }
      await db.transaction('rw', [db.outbox, db.syncConflicts], async (tx) => {
        markQuiet(tx.idbtrans);
        const at = new Date().toISOString();
        for (const receipt of receipts) {
          const change = bySeq.get(receipt.seq);
          if (!change) continue;
          await db.outbox.delete(receipt.seq);
          // The version a receipt names is not what this book has seen (others' fields may have
          // changed with it): only a pull moves a record's version. The server counts this
          // workstation's own applied edits as known, so the next edit is no conflict with them.
          if (receipt.status === 'applied') continue;
          const local = locals.get(receipt.seq) ?? {};
          const yours = change.op === 'delete' ? {} : { ...change.fields };
          const conflicts = (receipt.conflicts ?? []).map((c) =>
            wholeLine(change, c, local, yours),
          );
          const decision: SyncDecision = {
            entity: change.entity,
            recordId: change.id,
            kind: receipt.status,
            label: labelOf(applyPaths(change.entity, local, change.fields), change.id),
            yours,
            conflicts,
            at,
            ...(receipt.reason ? { reason: receipt.reason } : {}),
            ...(receipt.existing ? { existing: receipt.existing } : {}),
          };
          await db.syncConflicts.add(decision);
        }
      });
    },
    async apply(page) {
      // A stale rule pulled from the team recounts the months it governs here (TERMS.md §12).
      for (const [customerId, by] of await applyPage(db, page))
        await recountStaleRuleAs(db, by, customerId);
      // A register line pulled likewise recounts the snapshots whose models it classes otherwise.
      const line = page.records.find((r) => r.entity === 'eolRegister');
      if (line) await recountReclassifiedAs(db, line.by);
    },
  };
}

/**
 * A conflict on a field of a line someone removed since, as the line: "use mine" puts the line
 * back as this workstation has it (its field alone would have no line to go in). `yours` takes it.
 */
function wholeLine(change: Change, conflict: FieldConflict, local: Row, yours: Row): FieldConflict {
  const [field = '', line, sub] = segmentsOf(conflict.field);
  if (line === undefined || sub === undefined || conflict.theirs !== undefined) return conflict;
  const path = pathOf(field, line);
  const mine = valueAt(change.entity, local, path);
  if (mine === undefined) return conflict;
  yours[path] = mine;
  return { ...conflict, field: path, yours: mine };
}

/** Edits not yet pushed, by record: they win over what is pulled (usually there are none). */
async function pendingEdits(db: WorkstationDatabase): Promise<Map<string, Change[]>> {
  const pending = new Map<string, Change[]>();
  if ((await db.outbox.count()) > 0)
    for (const change of await db.outbox.toArray()) {
      const key = versionKey(change.entity, change.id);
      pending.set(key, [...(pending.get(key) ?? []), change]);
    }
  return pending;
}

/**
 * One table's pulled records written, local edits not yet pushed winning over them; each as a
 * history line into `log` (none on a first pull: null).
 */
async function applyRecords(
  db: WorkstationDatabase,
  name: string,
  records: PullResponse['records'],
  pending: ReadonlyMap<string, Change[]>,
  log: ChangeRecord[] | null,
): Promise<void> {
  const target = db.table<Row, string>(name);
  const keys = records.map((r) => localKey(r.entity, r.id));
  const befores = await target.bulkGet(keys);
  const puts: Row[] = [];
  const deletes: string[] = [];
  records.forEach((record, i) => {
    const mine = pending.get(versionKey(record.entity, record.id)) ?? [];
    const before = syncedOf(record.entity, befores[i]);
    let after: Row | null = null;
    if (record.deleted || !record.data) {
      // A local edit not yet pushed keeps the record until the push is answered.
      if (mine.length === 0) deletes.push(keys[i]!);
      else after = before ?? null;
    } else if (!mine.some((c) => c.op === 'delete')) {
      // The paths not yet pushed, over the team's record: others' lines and fields stay.
      after = mine.reduce((row, c) => applyPaths(record.entity, row, c.fields), record.data);
      puts.push(localRow(record.entity, after));
    }
    log?.push({
      at: record.at,
      user: record.by,
      entity: SYNCED[record.entity].logWord,
      entityId: record.id,
      action: !after ? 'delete' : before ? 'update' : 'create',
      before: before ?? null,
      after,
    });
  });
  if (puts.length > 0) await target.bulkPut(puts);
  if (deletes.length > 0) await target.bulkDelete(deletes);
}

/**
 * A pulled page and its cursor, in one transaction. Answers the customers whose contracts changed,
 * each with who changed them (none on a first pull: the team's snapshots came counted with it).
 */
async function applyPage(
  db: WorkstationDatabase,
  page: PullResponse,
): Promise<Map<string, string>> {
  const byTable = new Map<string, PullResponse['records']>();
  for (const record of page.records) {
    const name = SYNCED[record.entity].table;
    byTable.set(name, [...(byTable.get(name) ?? []), record]);
  }
  const tables = [...byTable.keys(), 'outbox', 'syncVersions', 'syncState', 'changes'];
  return db.transaction('rw', tables, async (tx) => {
    markQuiet(tx.idbtrans);
    const pending = await pendingEdits(db);
    // A first pull is the team's book arriving, not changes to it: no history lines for it, and
    // one floor version for all it brings instead of a version per record (half the writes).
    const isFirst = !(await stateValue(db, 'initialDone'));
    const log: ChangeRecord[] | null = isFirst ? null : [];
    for (const [name, records] of byTable) await applyRecords(db, name, records, pending, log);
    if (isFirst) {
      await db.syncState.put({ key: 'floor', value: page.cursor });
      if (!page.hasMore) await db.syncState.put({ key: 'initialDone', value: true });
    } else
      await db.syncVersions.bulkPut(
        page.records.map((r) => ({ key: versionKey(r.entity, r.id), version: r.version })),
      );
    if (log && log.length > 0) await db.changes.bulkAdd(log);
    await db.syncState.put({ key: 'cursor', value: page.cursor });
    const contracts = isFirst ? [] : page.records.filter((r) => r.entity === 'contracts');
    const customerOf = (r: PullResponse['records'][number]) => {
      const id = r.data?.['customerId'];
      return typeof id === 'string' ? id : '';
    };
    return new Map(contracts.map((r) => [customerOf(r), r.by]));
  });
}

/** The edits that wait for the user's decision, newest first. */
export async function syncDecisions(db: WorkstationDatabase): Promise<SyncDecision[]> {
  const rows = await db.syncConflicts.toArray();
  return rows.reverse();
}

/**
 * A decision: "use mine" makes the sent values a new edit (based on what the team book has now): of
 * a conflict, only the paths in conflict, so what others changed beside them stays; of a refusal or
 * a record deleted since, all it sent. "Keep theirs" drops them. Either way the decision leaves the list.
 */
export async function decide(
  db: WorkstationDatabase,
  decision: SyncDecision,
  choice: 'mine' | 'theirs',
): Promise<void> {
  const target = table(db, decision.entity);
  await db.transaction('rw', [target, db.syncConflicts], async () => {
    if (choice === 'mine') {
      const key = localKey(decision.entity, decision.recordId);
      const current = syncedOf(decision.entity, await target.get(key));
      const byPath = decision.conflicts.every((c) => c.field in decision.yours);
      const mine =
        decision.kind === 'conflict' && byPath && decision.conflicts.length > 0
          ? Object.fromEntries(decision.conflicts.map((c) => [c.field, decision.yours[c.field]]))
          : decision.yours;
      if (Object.keys(decision.yours).length === 0) await target.delete(key);
      else
        await target.put(
          localRow(decision.entity, {
            ...applyPaths(decision.entity, current ?? {}, mine),
            id: decision.recordId,
          }),
        );
    } else if (decision.kind === 'refused') {
      // Theirs stands: a record only this workstation has (the refused new one) goes.
      await target.delete(localKey(decision.entity, decision.recordId));
    }
    if (decision.id !== undefined) await db.syncConflicts.delete(decision.id);
  });
}

/** Every synced record of this book into the outbox, as new records: an empty team book takes it whole. */
export async function queueWholeBook(db: WorkstationDatabase): Promise<number> {
  const tables = SYNCED_ENTITIES.map((entity) => table(db, entity));
  return db.transaction('rw', [...tables, db.outbox], async () => {
    let queued = 0;
    for (const [i, table] of tables.entries()) {
      const entity = SYNCED_ENTITIES[i]!;
      const rows: OutboxRow[] = [];
      for (const row of (await table.toArray()) as Record<string, unknown>[]) {
        const record = syncedRecord(table.name, row);
        if (record)
          rows.push({
            entity,
            id: String(record['id']),
            op: 'put',
            baseVersion: 0,
            fields: record,
          });
      }
      await db.outbox.bulkAdd(rows);
      queued += rows.length;
    }
    return queued;
  });
}

/** Clears this book's records (quietly: nothing goes to the team) so the team's can be pulled in. */
export async function clearForJoin(db: WorkstationDatabase): Promise<void> {
  const tables = [
    ...SYNCED_ENTITIES.map((entity) => SYNCED[entity].table),
    'deviceLists',
    ...SYNC_STATE_TABLES,
  ].map((name) => db.table(name));
  await db.transaction('rw', tables, async (tx) => {
    markQuiet(tx.idbtrans);
    for (const table of tables)
      if (table.name === 'settings') await table.delete(PARTNER_TERMS_KEY);
      else await table.clear();
  });
}

/** Team sync's local state tables (none of it in a backup). */
export function syncStateTables(db: WorkstationDatabase) {
  return SYNC_STATE_TABLES.map((name) => db.table(name));
}

/** Forgets this workstation's sync state: outbox, versions, decisions, cursor and its ID. */
export async function forgetSyncState(db: WorkstationDatabase): Promise<void> {
  const tables = syncStateTables(db);
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
  });
}
