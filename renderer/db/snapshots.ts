/** A customer's snapshots: one per as-of date, the latest being the current figures. */
import Dexie from 'dexie';
import type { InventorySnapshot } from '../../shared/model/entities';
import type { WorkstationDatabase } from './database';

export function latestSnapshot(
  db: WorkstationDatabase,
  customerId: string,
): Promise<InventorySnapshot | undefined> {
  return db.snapshots
    .where('[customerId+asOf]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .last();
}
