/**
 * Reading an import's device list: the chain of diffs back to a complete list, applied forward. A list
 * that was never kept (imports before version 3), or whose chain is broken, reads as null.
 */
import type { Device } from '../../shared/model/device';
import type { InventorySnapshot } from '../../shared/model/entities';
import { listOf, readDeviceList, type DeviceListRecord } from '../../shared/inventory/device-list';
import type { WorkstationDatabase } from './database';

export async function deviceListDevices(
  db: WorkstationDatabase,
  hash: string,
): Promise<Device[] | null> {
  const chain: DeviceListRecord[] = [];
  let next: string | null = hash;
  while (next) {
    const record: DeviceListRecord | undefined = await db.deviceLists.get(next);
    if (!record) return null;
    chain.push(record);
    next = record.base;
  }
  let devices: Device[] | null = null;
  for (const record of chain.reverse()) devices = readDeviceList(listOf(record), devices);
  return devices;
}

/** The devices of the inventory a snapshot came from, or null where its list was not kept. */
export function snapshotDevices(
  db: WorkstationDatabase,
  snapshot: InventorySnapshot,
): Promise<Device[] | null> {
  return snapshot.deviceList ? deviceListDevices(db, snapshot.deviceList) : Promise.resolve(null);
}
