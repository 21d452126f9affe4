/** The book as a whole: settings, customers and their search terms, the device index, deleted records. Live queries: components read through these and never call db.* themselves. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { searchTerms } from '../../../shared/search';
import type { Contract, Customer } from '../../../shared/model/entities';
import { deviceIndex } from '../inventory';
import { deletedServiceRecords, type DeletedRecord } from '../service';
import { db } from '../instance';
import { readSettings, type Settings } from '../settings';

export function useSettings(): Settings | undefined {
  return useLiveQuery(() => readSettings(db), []);
}

export function useCustomers(): Customer[] | undefined {
  return useLiveQuery(() => db.customers.orderBy('name').toArray(), []);
}

/** Each customer's search terms (shared/search.ts): name, IDs, Lens accounts, contracts, sites. */
export function useCustomerSearch(isWanted = true): Map<string, string[]> | undefined {
  return useLiveQuery(async () => {
    if (!isWanted) return undefined;
    const [customers, contracts, sites] = await Promise.all([
      db.customers.toArray(),
      db.contracts.toArray(),
      db.sites.toArray(),
    ]);
    return searchTerms(customers, contracts, sites);
  }, [isWanted]);
}

let devices: { signature: string; index: Promise<Map<string, string>> } | null = null;

/** The index of every current device, built again when an import or a customer changed the book. */
async function currentDeviceIndex(): Promise<Map<string, string>> {
  const [snapshots, customers] = await Promise.all([db.snapshots.count(), db.customers.count()]);
  const signature = `${snapshots}/${customers}`;
  if (devices?.signature !== signature) devices = { signature, index: deviceIndex(db) };
  return devices.index;
}

/**
 * Every current device's identity → its customer, loaded while `isWanted` (the command palette is
 * open), so that a serial number typed there is found as it is typed.
 */
export function useDeviceIndex(isWanted: boolean): Map<string, string> | null {
  const [index, setIndex] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    if (!isWanted) return undefined;
    let isCurrent = true;
    void currentDeviceIndex().then((next) => isCurrent && setIndex(next));
    return () => {
      isCurrent = false;
    };
  }, [isWanted]);
  return index;
}

/** Service records deleted and not put back (Settings → Data → Deleted records). */
export function useDeletedRecords(): DeletedRecord[] | undefined {
  return useLiveQuery(() => deletedServiceRecords(db), []);
}

/** How many customers the book holds. */
export function useCustomerCount(): number | undefined {
  return useLiveQuery(() => db.customers.count(), []);
}

/** Every contract number and customer: what the editor and the register preview check against. */
export function useBook(): { customers: Customer[]; contracts: Contract[] } | undefined {
  return useLiveQuery(async () => {
    const [customers, contracts] = await Promise.all([
      db.customers.toArray(),
      db.contracts.toArray(),
    ]);
    return { customers, contracts };
  }, []);
}
