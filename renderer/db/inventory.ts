/**
 * A customer's current inventory: the device list of its latest snapshot (the newest inventory by as-of
 * date), kept columnar and keyed by content (shared/inventory/device-list.ts). One record per import
 * is written; reading decodes it, and any diffs back to a complete list, in memory.
 */
import type { Device } from '../../shared/model/device';
import type { WorkstationDatabase } from './database';
import { snapshotDevices } from './device-lists';
import { latestSnapshot } from './snapshots';

export async function readInventory(
  db: WorkstationDatabase,
  customerId: string,
): Promise<Device[]> {
  const latest = await latestSnapshot(db, customerId);
  return (latest && (await snapshotDevices(db, latest))) ?? [];
}

/** Every current device's identity → its customer: what a search by serial number looks in. */
export async function deviceIndex(db: WorkstationDatabase): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const customers = await db.customers.filter((c) => !c.isArchived).toArray();
  for (const customer of customers)
    for (const device of await readInventory(db, customer.id)) index.set(device.id, customer.id);
  return index;
}
