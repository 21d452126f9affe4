/**
 * The workstation's side of team sync on its Dexie book (shared/sync/engine's LocalBook): the outbox
 * the middleware fills, receipts settled, pulled pages applied with their cursor in one transaction
 * (local edits not yet pushed win over pulled values), and the edits that wait for a decision.
 */
import type { ChangeRecord } from '../../shared/model/entities';
import type { LocalBook } from '../../shared/sync/engine';
import type {
  Change,
  FieldConflict,
  PullResponse,
  Receipt,
  SyncEntity,
} from '../../shared/sync/protocol';
import type { WorkstationDatabase } from './database';
import {
  listKey,
  markQuiet,
  PARTNER_SETTING,
  SYNC_STATE_TABLES,
  SYNCED_TABLES,
  syncedRecord,
  versionKey,
  type OutboxRow,
} from './sync-outbox';

/** An edit the team book did not take as it was: the user decides (use mine, or keep theirs). */
export interface SyncDecision {
  id?: number;
  entity: SyncEntity;
  recordId: string;
  kind: 'conflict' | 'refused';
  /** The record in the user's words: a name, a number, a title, or its ID. */
  label: string;
  /** The values this workstation sent. */
  yours: Record<string, unknown>;
  conflicts: FieldConflict[];
  reason?: string;
  existing?: Receipt['existing'];
  at: string;
}

const TABLE_OF: Record<SyncEntity, string> = Object.fromEntries(
  Object.entries(SYNCED_TABLES).map(([table, entity]) => [entity, table]),
) as Record<SyncEntity, string>;

/** The change log's word for a record of each entity (as recordedWrite writes it). */
const LOG_ENTITY: Record<SyncEntity, string> = {
  customers: 'customer',
  sites: 'site',
  contracts: 'contract',
  trueUps: 'trueUp',
  rmas: 'rma',
  timeEntries: 'timeEntry',
  cases: 'case',
  ecpsIncidents: 'ecpsIncident',
  reports: 'report',
  catalogOverrides: 'catalogOverride',
  imports: 'import',
  snapshots: 'snapshot',
  partnerTerms: 'partnerTerms',
};

type Row = Record<string, unknown>;

const table = (db: WorkstationDatabase, entity: SyncEntity) =>
  db.table<Row, string>(TABLE_OF[entity]);

const localKey = (entity: SyncEntity, id: string) =>
  entity === 'partnerTerms' ? PARTNER_SETTING : id;

/** A pulled record as its local row (the partner terms are a settings row). */
const localRow = (entity: SyncEntity, data: Row): Row =>
  entity === 'partnerTerms' ? { key: PARTNER_SETTING, value: data['value'] } : data;

const syncedOf = (entity: SyncEntity, row: Row | undefined): Row | undefined =>
  row && entity === 'partnerTerms' ? { id: PARTNER_SETTING, value: row['value'] } : row;

/** A record's name for the decisions list. */
function labelOf(row: Row, id: string): string {
  for (const field of ['name', 'number', 'title', 'serial', 'trackingNumber', 'quoteNumber'])
    if (typeof row[field] === 'string' && row[field]) return row[field];
  return id;
}

async function stateValue<T>(db: WorkstationDatabase, key: string): Promise<T | undefined> {
  return ((await db.table('syncState').get(key)) as { value: T } | undefined)?.value;
}

export function dexieBook(db: WorkstationDatabase): LocalBook {
  const outbox = () => db.table<Change, number>('outbox');
  return {
    async clientId() {
      const known = await stateValue<string>(db, 'clientId');
      if (known) return known;
      const id = crypto.randomUUID();
      await db.table('syncState').put({ key: 'clientId', value: id });
      return id;
    },
    pending: (limit) => outbox().orderBy('seq').limit(limit).toArray(),
    async unsentLists() {
      const hashes: string[] = await db.deviceLists.toCollection().primaryKeys();
      const sent = await db.table('syncVersions').bulkGet(hashes.map(listKey));
      return hashes.filter((_, i) => !sent[i]);
    },
    listJson: async (hash) => (await db.deviceLists.get(hash))?.json ?? null,
    async listSent(hash) {
      await db.table('syncVersions').put({ key: listKey(hash), version: 1 });
    },
    waiting: () => outbox().count(),
    async cursor() {
      return (await stateValue<number>(db, 'cursor')) ?? 0;
    },
    async settle(changes, receipts) {
      const bySeq = new Map(changes.map((c) => [c.seq, c]));
      const labels = new Map<number, string>();
      for (const receipt of receipts) {
        const change = bySeq.get(receipt.seq);
        if (!change || receipt.status === 'applied') continue;
        const local = await table(db, change.entity).get(localKey(change.entity, change.id));
        labels.set(receipt.seq, labelOf({ ...(local ?? {}), ...change.fields }, change.id));
      }
      await db.transaction('rw', [outbox(), db.table('syncConflicts')], async (tx) => {
        markQuiet(tx.idbtrans);
        const at = new Date().toISOString();
        for (const receipt of receipts) {
          const change = bySeq.get(receipt.seq);
          if (!change) continue;
          await outbox().delete(receipt.seq);
          // The version a receipt names is not what this book has seen (others' fields may have
          // changed with it): only a pull moves a record's version. The server counts this
          // workstation's own applied edits as known, so the next edit is no conflict with them.
          if (receipt.status === 'applied') continue;
          const decision: SyncDecision = {
            entity: change.entity,
            recordId: change.id,
            kind: receipt.status,
            label: labels.get(receipt.seq) ?? change.id,
            yours: change.op === 'delete' ? {} : change.fields,
            conflicts: receipt.conflicts ?? [],
            at,
            ...(receipt.reason ? { reason: receipt.reason } : {}),
            ...(receipt.existing ? { existing: receipt.existing } : {}),
          };
          await db.table('syncConflicts').add(decision);
        }
      });
    },
    async apply(page: PullResponse) {
      const byTable = new Map<string, PullResponse['records']>();
      for (const record of page.records) {
        const name = TABLE_OF[record.entity];
        byTable.set(name, [...(byTable.get(name) ?? []), record]);
      }
      const tables = [...byTable.keys(), 'outbox', 'syncVersions', 'syncState', 'changes'];
      await db.transaction('rw', tables, async (tx) => {
        markQuiet(tx.idbtrans);
        // Edits not yet pushed, by record: they win over what is pulled (usually there are none).
        const pending = new Map<string, Change[]>();
        if ((await outbox().count()) > 0)
          for (const change of await outbox().toArray()) {
            const key = versionKey(change.entity, change.id);
            pending.set(key, [...(pending.get(key) ?? []), change]);
          }
        // A first pull is the team's book arriving, not changes to it: no history lines for it, and
        // one floor version for all it brings instead of a version per record (half the writes).
        const isFirst = !(await stateValue<boolean>(db, 'initialDone'));
        const log: ChangeRecord[] = [];
        for (const [name, records] of byTable) {
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
              after = {
                ...record.data,
                ...(Object.assign({}, ...mine.map((c) => c.fields)) as Row),
              };
              puts.push(localRow(record.entity, after));
            }
            if (!isFirst)
              log.push({
                at: record.at,
                user: record.by,
                entity: LOG_ENTITY[record.entity],
                entityId: record.id,
                action: !after ? 'delete' : before ? 'update' : 'create',
                before: before ?? null,
                after,
              });
          });
          if (puts.length > 0) await target.bulkPut(puts);
          if (deletes.length > 0) await target.bulkDelete(deletes);
        }
        if (isFirst) {
          await db.table('syncState').put({ key: 'floor', value: page.cursor });
          if (!page.hasMore) await db.table('syncState').put({ key: 'initialDone', value: true });
        } else
          await db
            .table('syncVersions')
            .bulkPut(
              page.records.map((r) => ({ key: versionKey(r.entity, r.id), version: r.version })),
            );
        if (log.length > 0) await db.changes.bulkAdd(log);
        await db.table('syncState').put({ key: 'cursor', value: page.cursor });
      });
    },
  };
}

/** The edits that wait for the user's decision, newest first. */
export async function syncDecisions(db: WorkstationDatabase): Promise<SyncDecision[]> {
  const rows = (await db.table('syncConflicts').toArray()) as SyncDecision[];
  return rows.reverse();
}

/**
 * A decision: "use mine" makes the sent values a new edit (based on what the team book has now);
 * "keep theirs" drops them. Either way the decision leaves the list.
 */
export async function decide(
  db: WorkstationDatabase,
  decision: SyncDecision,
  choice: 'mine' | 'theirs',
): Promise<void> {
  const target = table(db, decision.entity);
  await db.transaction('rw', [target, db.table('syncConflicts')], async () => {
    if (choice === 'mine') {
      const key = localKey(decision.entity, decision.recordId);
      const current = syncedOf(decision.entity, await target.get(key));
      if (Object.keys(decision.yours).length === 0) await target.delete(key);
      else
        await target.put(
          localRow(decision.entity, {
            ...(current ?? {}),
            ...decision.yours,
            id: decision.recordId,
          }),
        );
    } else if (decision.kind === 'refused') {
      // Theirs stands: a record only this workstation has (the refused new one) goes.
      await target.delete(localKey(decision.entity, decision.recordId));
    }
    if (decision.id !== undefined) await db.table('syncConflicts').delete(decision.id);
  });
}

/** Every synced record of this book into the outbox, as new records: an empty team book takes it whole. */
export async function queueWholeBook(db: WorkstationDatabase): Promise<number> {
  const tables = Object.keys(SYNCED_TABLES).map((name) => db.table(name));
  return db.transaction('rw', [...tables, db.table('outbox')], async () => {
    let queued = 0;
    for (const table of tables) {
      const entity = SYNCED_TABLES[table.name];
      if (!entity) continue;
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
      await db.table('outbox').bulkAdd(rows);
      queued += rows.length;
    }
    return queued;
  });
}

/** Clears this book's records (quietly: nothing goes to the team) so the team's can be pulled in. */
export async function clearForJoin(db: WorkstationDatabase): Promise<void> {
  const tables = [...Object.keys(SYNCED_TABLES), 'deviceLists', ...SYNC_STATE_TABLES].map((name) =>
    db.table(name),
  );
  await db.transaction('rw', tables, async (tx) => {
    markQuiet(tx.idbtrans);
    for (const table of tables)
      if (table.name === 'settings') await table.delete(PARTNER_SETTING);
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
