/**
 * Reads for the screens, as live queries: components use these hooks and never call db.* themselves.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  CatalogOverride,
  Contract,
  Customer,
  ImportRecord,
  InventorySnapshot,
  Site,
} from '../../shared/model/entities';
import { portfolioRow, type PortfolioRow } from '../../shared/reports/portfolio';
import { db } from './instance';
import { readSettings, type Settings } from './settings';
import { latestSnapshot } from './snapshots';

export function useSettings(): Settings | undefined {
  return useLiveQuery(() => readSettings(db), []);
}

export function useCustomers(): Customer[] | undefined {
  return useLiveQuery(() => db.customers.orderBy('name').toArray(), []);
}

export function usePortfolio(): PortfolioRow[] | undefined {
  return useLiveQuery(async () => {
    const [customers, contracts, settings] = await Promise.all([
      db.customers.orderBy('name').toArray(),
      db.contracts.toArray(),
      readSettings(db),
    ]);
    const active = customers.filter((c) => !c.isArchived);
    const snapshots = await Promise.all(active.map((c) => latestSnapshot(db, c.id)));
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
      latestSnapshot(db, id),
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

export function useImports(): ImportRecord[] | undefined {
  return useLiveQuery(
    () =>
      db.imports
        .toArray()
        .then((rows) => rows.sort((a, b) => b.importedAt.localeCompare(a.importedAt))),
    [],
  );
}

export function useCatalogOverrides(): CatalogOverride[] | undefined {
  return useLiveQuery(() => db.catalogOverrides.toArray(), []);
}
