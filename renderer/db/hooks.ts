/**
 * Reads for the screens, as live queries: components use these hooks and never call db.* themselves.
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Contract, Customer, InventorySnapshot, Site } from '../../shared/model/entities';
import { portfolioRow, type PortfolioRow } from '../../shared/reports/portfolio';
import { db } from './instance';
import { readSettings, type Settings } from './settings';

export function useSettings(): Settings | undefined {
  return useLiveQuery(() => readSettings(db), []);
}

export function useCustomers(): Customer[] | undefined {
  return useLiveQuery(() => db.customers.orderBy('name').toArray(), []);
}

async function latestSnapshot(customerId: string): Promise<InventorySnapshot | undefined> {
  return db.snapshots
    .where('[customerId+asOf]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .last();
}

export function usePortfolio(): PortfolioRow[] | undefined {
  return useLiveQuery(async () => {
    const [customers, contracts, settings] = await Promise.all([
      db.customers.orderBy('name').toArray(),
      db.contracts.toArray(),
      readSettings(db),
    ]);
    const active = customers.filter((c) => !c.isArchived);
    const snapshots = await Promise.all(active.map((c) => latestSnapshot(c.id)));
    return active.map((customer, i) =>
      portfolioRow(
        customer,
        contracts.find((c) => c.customerId === customer.id && !c.isArchived),
        snapshots[i],
        settings.partner,
      ),
    );
  }, []);
}

export function useChangeCount(): number | undefined {
  return useLiveQuery(() => db.changes.count(), []);
}

export interface CustomerView {
  customer: Customer;
  sites: Site[];
  contract: Contract | undefined;
  latest: InventorySnapshot | undefined;
  row: PortfolioRow;
}

/** One customer with its sites, active contract and latest snapshot; null when there is no such customer. */
export function useCustomerView(id: string | null): CustomerView | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const customer = await db.customers.get(id);
    if (!customer) return null;
    const [sites, contracts, latest, settings] = await Promise.all([
      db.sites.where('customerId').equals(id).sortBy('name'),
      db.contracts.where('customerId').equals(id).toArray(),
      latestSnapshot(id),
      readSettings(db),
    ]);
    const contract = contracts.find((c) => !c.isArchived);
    return {
      customer,
      sites,
      contract,
      latest,
      row: portfolioRow(customer, contract, latest, settings.partner),
    };
  }, [id]);
}
