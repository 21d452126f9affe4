/** The lifecycle view's inventories: each customer's current devices with the rule they were counted with. Live queries: components read through these and never call db.* themselves. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Catalog } from '../../../shared/catalog';
import type { PortfolioInventory } from '../../../shared/inventory/lifecycle';
import { localToday, type CalendarDate } from '../../../shared/terms/dates';
import { readCatalog } from '../catalog';
import { snapshotDevices } from '../device-lists';
import { db } from '../instance';
import { latestSnapshot } from '../snapshots';

export interface LifecycleBook {
  today: CalendarDate;
  /** The customers with a current inventory, by name. */
  inventories: PortfolioInventory[];
  /** The catalog as the book has it (overrides and EOL register), built once per read. */
  catalog: Catalog;
}

/** One customer's (`customerId`) or every active customer's (null) current inventory. */
export function useLifecycleBook(customerId: string | null): LifecycleBook | undefined {
  return useLiveQuery(async () => {
    const [all, catalog] = await Promise.all([
      customerId === null
        ? db.customers.orderBy('name').toArray()
        : db.customers.where('id').equals(customerId).toArray(),
      readCatalog(db),
    ]);
    const customers = customerId === null ? all.filter((c) => !c.isArchived) : all;
    const inventories = await Promise.all(
      customers.map(async (customer): Promise<PortfolioInventory | null> => {
        const latest = await latestSnapshot(db, customer.id);
        const devices = latest ? await snapshotDevices(db, latest) : null;
        if (!latest || !devices) return null;
        return {
          customerId: customer.id,
          customer: customer.name,
          devices,
          inventoryAsOf: latest.asOf,
          staleDays: latest.summary.staleDays ?? null,
        };
      }),
    );
    return {
      today: localToday(),
      inventories: inventories.filter((i) => i !== null),
      catalog,
    };
  }, [customerId]);
}
