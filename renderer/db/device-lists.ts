/**
 * Reading an import's device list: the chain of diffs back to a complete list, applied forward. A list
 * that was never kept (imports before version 3), or whose chain is broken, reads as null; one another
 * workstation made is fetched from the team book when first read (then the read runs again).
 */
import type { Device } from '../../shared/model/device';
import type { InventorySnapshot } from '../../shared/model/entities';
import {
  listOf,
  readDeviceList,
  type DeviceList,
  type DeviceListRecord,
} from '../../shared/inventory/device-list';
import { listKey } from './sync-outbox';
import type { WorkstationDatabase } from './database';
import { messageOf } from '../../shared/errors';

/** Where a list missing here is fetched from (the team book, while connected). */
let fetchList: ((hash: string) => Promise<string | null>) | null = null;

export function setListFetcher(fetcher: ((hash: string) => Promise<string | null>) | null): void {
  fetchList = fetcher;
}

/** A customer's list being fetched from the team book, or why it could not be (shown on its list). */
export type ListFetch =
  { hash: string; state: 'fetching' } | { hash: string; state: 'failed'; reason: string };

/** Lists under way or failed, by customer: a store outside the database (a live query may not write). */
const fetches = new Map<string, ListFetch>();
const fetchListeners = new Set<() => void>();

function setFetch(customerId: string, fetch: ListFetch | null): void {
  if (fetch) fetches.set(customerId, fetch);
  else fetches.delete(customerId);
  for (const listener of fetchListeners) listener();
}

export const listFetches = {
  of: (customerId: string): ListFetch | undefined => fetches.get(customerId),
  subscribe: (listener: () => void): (() => void) => {
    fetchListeners.add(listener);
    return () => fetchListeners.delete(listener);
  },
};

/**
 * Fetches a list another workstation made, outside the read that found it missing (a live query
 * may not write): once stored, the read runs again and finds it.
 */
export function fetchLater(db: WorkstationDatabase, hash: string, customerId: string): void {
  const fetcher = fetchList;
  const known = fetches.get(customerId);
  if (!fetcher || (known?.hash === hash && known.state === 'fetching')) return;
  setFetch(customerId, { hash, state: 'fetching' });
  setTimeout(() => {
    void (async () => {
      try {
        const json = await fetcher(hash);
        if (json === null) throw new Error('the team book does not hold this list');
        const list = JSON.parse(json) as DeviceList;
        await db.transaction('rw', [db.deviceLists, db.syncVersions], async () => {
          await db.deviceLists.put({
            hash,
            customerId,
            devices: list.devices.ids.length,
            base: list.base,
            depth: list.depth,
            json,
          });
          await db.syncVersions.put({ key: listKey(hash), version: 1 });
        });
        setFetch(customerId, null);
      } catch (error) {
        // Offline or refused: said on the list; the next read (or Retry) asks again.
        setFetch(customerId, { hash, state: 'failed', reason: messageOf(error) });
      }
    })();
  }, 0);
}

export async function deviceListDevices(
  db: WorkstationDatabase,
  hash: string,
  customerId = '',
): Promise<Device[] | null> {
  const chain: DeviceListRecord[] = [];
  let next: string | null = hash;
  while (next) {
    const record: DeviceListRecord | undefined = await db.deviceLists.get(next);
    if (!record) {
      if (fetches.get(customerId)?.state !== 'failed') fetchLater(db, next, customerId);
      return null;
    }
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
  return snapshot.deviceList
    ? deviceListDevices(db, snapshot.deviceList, snapshot.customerId)
    : Promise.resolve(null);
}
