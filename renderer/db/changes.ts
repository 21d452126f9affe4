/**
 * Writes that leave an audit trail. Every repository write runs through recordedWrite(): the entity and
 * its change records (who, when, what, before → after) commit in one transaction, or neither does.
 */
import type { Table } from 'dexie';
import type { ChangeRecord } from '../../shared/model/entities';
import type { WorkstationDatabase } from './database';

export type ChangeInput = Omit<ChangeRecord, 'id' | 'at' | 'user'>;

export class ReadOnlyDatabaseError extends Error {
  constructor() {
    super('The database was written by a newer version of CSM Workstation and is open read-only.');
    this.name = 'ReadOnlyDatabaseError';
  }
}

let isReadOnly = false;

/** Set once at open: a database from a newer app version takes no writes. */
export function setReadOnly(value: boolean): void {
  isReadOnly = value;
}

export function isDatabaseReadOnly(): boolean {
  return isReadOnly;
}

/** Runs `body` in one read-write transaction over `tables` and the change log; its changes commit with it. */
export async function recordedWrite<T>(
  db: WorkstationDatabase,
  user: string,
  tables: Table[],
  body: (record: (change: ChangeInput) => void) => Promise<T>,
): Promise<T> {
  if (isReadOnly) throw new ReadOnlyDatabaseError();
  return db.transaction('rw', [...tables, db.changes], async () => {
    const at = new Date().toISOString();
    const pending: ChangeRecord[] = [];
    const result = await body((change) => pending.push({ ...change, at, user }));
    if (pending.length > 0) await db.changes.bulkAdd(pending);
    return result;
  });
}

/** The change that records an entity's creation. */
export function creation(entity: string, value: { id: string }): ChangeInput {
  return { entity, entityId: value.id, action: 'create', before: null, after: value };
}
