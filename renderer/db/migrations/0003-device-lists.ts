/**
 * Migration 3: every import keeps its device list (shared/inventory/device-list.ts), so a past month's
 * report lists that month's devices. Lists are keyed by their content hash, indexed by customer. The
 * lists of imports made before this version were never kept; each customer's current inventory becomes
 * its latest snapshot's list.
 */
import type { Transaction } from 'dexie';
import { deviceListRecord } from '../../../shared/inventory/device-list';
import type { Device } from '../../../shared/model/device';
import type { InventorySnapshot } from '../../../shared/model/entities';
import type { Migration, RetiredRows } from './types';

interface Chunk {
  customerId: string;
  chunk: number;
  devices: Device[];
}

/**
 * Gives each customer's latest snapshot the list of its current inventory (its chunk records: from the
 * database, or in a restore from the backup's retired rows).
 */
export async function keepCurrentLists(tx: Transaction, retired?: RetiredRows): Promise<void> {
  const chunks = (
    retired ? (retired.get('inventoryChunks') ?? []) : await tx.table('inventoryChunks').toArray()
  ) as Chunk[];
  const byCustomer = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    const own = byCustomer.get(chunk.customerId);
    if (own) own.push(chunk);
    else byCustomer.set(chunk.customerId, [chunk]);
  }
  for (const [customerId, own] of byCustomer) {
    const snapshots = (await tx
      .table('snapshots')
      .where('customerId')
      .equals(customerId)
      .toArray()) as InventorySnapshot[];
    const latest = snapshots.sort((a, b) => a.asOf.localeCompare(b.asOf)).at(-1);
    if (!latest || latest.deviceList) continue;
    const devices = own.sort((a, b) => a.chunk - b.chunk).flatMap((c) => c.devices);
    const record = deviceListRecord(customerId, devices, null);
    await tx.table('deviceLists').put(record);
    await tx.table('snapshots').put({ ...latest, deviceList: record.hash });
  }
}

export const migration0003: Migration = {
  version: 3,
  name: 'device-lists',
  stores: { deviceLists: 'hash, customerId' },
  upgrade: keepCurrentLists,
};
