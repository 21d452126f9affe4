/**
 * The outbox middleware: every write to a synced table puts the edit in the outbox in the same
 * transaction, whichever code made it (recordedWrite, a migration, a modify). So no edit can reach
 * the database without reaching the outbox, and none reaches the outbox without the database.
 * An edit is the paths that changed (a new record: all its fields; a list of records: its lines and
 * their fields, shared/sync/paths) and the server version it was based on. Writes that apply what was pulled from the team book are marked and not sent back. A book not
 * connected to a team keeps no outbox (connecting uploads it whole, or replaces it).
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import {
  entityOfTable,
  PARTNER_TERMS_KEY,
  SYNCED,
  type Role,
  type SyncEntity,
} from '../../shared/model/synced-entities';
import { changedPaths } from '../../shared/sync/paths';
import { transitionRefusal } from '../../shared/sync/transitions';
import type { OutboxRow, SyncStateRow, SyncVersionRow } from './sync-rows';

export const versionKey = (entity: string, id: string) => `${entity}:${id}`;
/** Marks a device list as in the team book (sent from here, or fetched from there). */
export const listKey = (hash: string) => `list:${hash}`;

/** Databases (by name) connected to a team book, with the role there: only they keep an outbox. */
const connected = new Map<string, Role | null>();

/** Turns the outbox on or off; with a role, an edit the team server would refuse is refused here. */
export function setOutboxEnabled(databaseName: string, isEnabled: boolean, role?: Role): void {
  if (isEnabled) connected.set(databaseName, role ?? null);
  else connected.delete(databaseName);
}

/** An edit this workstation's role may not make in the team book (shared/sync/transitions). */
/**
 * Whether this workstation's role in its team book may write `entity` (always, outside a team): a
 * write it may not make would be refused here and there.
 */
export function mayWrite(databaseName: string, entity: SyncEntity): boolean {
  const role = connected.get(databaseName);
  return !role || SYNCED[entity].writers.includes(role);
}

export class TeamRuleError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TeamRuleError';
  }
}

/** Refuses an edit the team server would refuse, before it reaches the book or the outbox. */
function checkStep(
  databaseName: string,
  entity: SyncEntity,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): void {
  const role = connected.get(databaseName);
  if (!role) return;
  const reason = transitionRefusal(entity, { role, before, after });
  if (reason) throw new TeamRuleError(reason);
}

/** Write transactions opened while connected: their edits go to the outbox. */
const tracked = new WeakSet<DBCoreTransaction>();
/** Transactions that apply pulled records or restore a backup: not sent to the team book. */
const quiet = new WeakSet<object>();

export function markQuiet(trans: object): void {
  quiet.add(trans);
}

/** A record as it syncs: a setting row becomes the partner terms record. */
export function syncedRecord(
  table: string,
  row: Record<string, unknown>,
): Record<string, unknown> | null {
  if (table !== 'settings') return row;
  return row['key'] === PARTNER_TERMS_KEY ? { id: PARTNER_TERMS_KEY, value: row['value'] } : null;
}

function keyOf(table: DBCoreTable, value: Record<string, unknown>): unknown {
  const path = table.schema.primaryKey.keyPath;
  return typeof path === 'string' ? value[path] : undefined;
}

async function outboxRows(
  down: DBCore,
  table: DBCoreTable,
  entity: SyncEntity,
  req: DBCoreMutateRequest,
): Promise<OutboxRow[]> {
  const trans = req.trans;
  const keys: unknown[] =
    req.type === 'delete'
      ? req.keys
      : req.type === 'deleteRange'
        ? (
            await table.query({
              trans,
              values: false,
              query: { index: table.schema.primaryKey, range: req.range },
            })
          ).result
        : req.values.map((v) => keyOf(table, v as Record<string, unknown>));
  const olds = (await table.getMany({ trans, keys })) as (Record<string, unknown> | undefined)[];
  // Records the first pull brought have no version of their own: the floor it reached covers them.
  const floor =
    (
      (await down.table('syncState').get({ trans, key: 'floor' })) as
        Extract<SyncStateRow, { key: 'floor' }> | undefined
    )?.value ?? 0;
  const versions = (await down.table('syncVersions').getMany({
    trans,
    keys: keys.map((k, i) =>
      versionKey(entity, String(syncedRecord(table.name, olds[i] ?? { key: k })?.['id'] ?? k)),
    ),
  })) as (SyncVersionRow | undefined)[];
  const rows: OutboxRow[] = [];
  keys.forEach((key, i) => {
    const old = olds[i] ? syncedRecord(table.name, olds[i]) : undefined;
    const baseVersion = versions[i]?.version ?? floor;
    if (req.type === 'delete' || req.type === 'deleteRange') {
      checkStep(down.schema.name, entity, old ?? null, null);
      if (old) rows.push({ entity, id: String(old['id']), op: 'delete', baseVersion, fields: {} });
      return;
    }
    const next = syncedRecord(table.name, req.values[i] as Record<string, unknown>);
    if (!next) return;
    checkStep(down.schema.name, entity, old ?? null, next);
    const fields = changedPaths(entity, old ?? undefined, next);
    if (Object.keys(fields).length > 0)
      rows.push({ entity, id: String(next['id'] ?? key), op: 'put', baseVersion, fields });
  });
  return rows;
}

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sync-outbox',
  create(down) {
    const hasOutbox = down.schema.tables.some((t) => t.name === 'outbox');
    if (!hasOutbox) return down;
    const isOn = () => connected.has(down.schema.name);
    return {
      ...down,
      transaction(stores, mode, options) {
        if (!isOn() || mode !== 'readwrite' || !stores.some((s) => entityOfTable(s)))
          return down.transaction(stores, mode, options);
        const trans = down.transaction(
          [...new Set([...stores, 'outbox', 'syncVersions', 'syncState'])],
          mode,
          options,
        );
        tracked.add(trans);
        return trans;
      },
      table(name) {
        const table = down.table(name);
        const entity = entityOfTable(name);
        if (!entity) return table;
        return {
          ...table,
          async mutate(req) {
            if (!tracked.has(req.trans) || quiet.has(req.trans)) return table.mutate(req);
            const rows = await outboxRows(down, table, entity, req);
            const result = await table.mutate(req);
            if (rows.length > 0)
              await down.table('outbox').mutate({ trans: req.trans, type: 'add', values: rows });
            return result;
          },
        };
      },
    };
  },
};
