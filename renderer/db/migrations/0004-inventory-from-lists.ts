/**
 * Migration 4: a customer's current inventory is its latest snapshot's device list, read from there,
 * and the chunk records that held the same devices a second time are dropped; each list is kept as its
 * JSON, the exact text its hash is of. Measured on a first import of 100,000 devices in Chromium:
 * writing the chunk records took 1.25 s of a 2.25 s commit, the list as objects 0.3 s, the list as one
 * string a few milliseconds. Device lists are also what workstations share (DESIGN.md, team sync). A
 * latest snapshot still without its list gets one from its chunks first, so nothing is lost. A restore
 * brings a version 3 backup's lists forward with `rows`; its chunk records need nothing more, since
 * version 3 kept every current inventory's list (and migration 3 gives older backups theirs).
 */
import type { Transaction } from 'dexie';
import type { DeviceList, DeviceListRecord } from '../../../shared/inventory/device-list';
import { keepCurrentLists } from './0003-device-lists';
import type { Migration, RetiredRows } from './types';

/** A list as version 3 kept it: the list as an object. */
interface ListAsObject {
  hash: string;
  customerId: string;
  devices: number;
  list: DeviceList;
}

/**
 * The list as its JSON, which is the text its hash was made of (JSON.stringify gives the same text
 * for the object JSON.parse made of it).
 */
export function listAsJson(row: ListAsObject | DeviceListRecord): DeviceListRecord {
  if (!('list' in row)) return row;
  const { list, ...rest } = row;
  return { ...rest, base: list.base, depth: list.depth, json: JSON.stringify(list) };
}

async function upgrade(tx: Transaction, retired?: RetiredRows): Promise<void> {
  await keepCurrentLists(tx, retired);
  await tx
    .table('deviceLists')
    .toCollection()
    .modify((row: ListAsObject | DeviceListRecord, ref: { value: unknown }) => {
      ref.value = listAsJson(row);
    });
}

export const migration0004: Migration = {
  version: 4,
  name: 'inventory-from-lists',
  stores: { inventoryChunks: null },
  upgrade,
  rows: { deviceLists: listAsJson },
};
