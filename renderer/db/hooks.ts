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
  Rma,
  Site,
  SupportCase,
} from '../../shared/model/entities';
import Dexie from 'dexie';
import type { Device } from '../../shared/model/device';
import {
  portfolioRow,
  type CustomerActivity,
  type PortfolioRow,
} from '../../shared/reports/portfolio';
import { localToday } from '../../shared/terms/dates';
import { customerActivity, NO_ACTIVITY } from './activity';
import { readInventory } from './inventory';
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
    const today = localToday();
    const [customers, contracts, settings, activity] = await Promise.all([
      db.customers.orderBy('name').toArray(),
      db.contracts.toArray(),
      readSettings(db),
      customerActivity(db, today),
    ]);
    const active = customers.filter((c) => !c.isArchived);
    const snapshots = await Promise.all(active.map((c) => latestSnapshot(db, c.id)));
    return active.map((customer, i) =>
      portfolioRow(
        customer,
        contracts.find((c) => c.customerId === customer.id && !c.isArchived),
        snapshots[i],
        settings.partner,
        activity.get(customer.id) ?? NO_ACTIVITY,
        today,
      ),
    );
  }, []);
}

export interface CustomerView {
  customer: Customer;
  sites: Site[];
  contract: Contract | undefined;
  latest: InventorySnapshot | undefined;
  /** Every snapshot, oldest first: the trend. */
  snapshots: InventorySnapshot[];
  rmas: Rma[];
  cases: SupportCase[];
  activity: CustomerActivity;
  row: PortfolioRow;
  today: string;
}

/** One customer with everything its dashboard shows; null when there is no such customer. */
export function useCustomerView(id: string | null): CustomerView | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const customer = await db.customers.get(id);
    if (!customer) return null;
    const today = localToday();
    const [sites, contracts, snapshots, settings, rmas, cases, activity] = await Promise.all([
      db.sites.where('customerId').equals(id).sortBy('name'),
      db.contracts.where('customerId').equals(id).toArray(),
      db.snapshots
        .where('[customerId+asOf]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .toArray(),
      readSettings(db),
      db.rmas.where('customerId').equals(id).toArray(),
      db.cases.where('customerId').equals(id).toArray(),
      customerActivity(db, today),
    ]);
    const contract = contracts.find((c) => !c.isArchived);
    const latest = snapshots.at(-1);
    const own = activity.get(id) ?? NO_ACTIVITY;
    return {
      customer,
      sites,
      contract,
      latest,
      snapshots,
      rmas,
      cases,
      activity: own,
      today,
      row: portfolioRow(customer, contract, latest, settings.partner, own, today),
    };
  }, [id]);
}

/** A customer's current devices (read chunk by chunk), or undefined while loading. */
export function useInventory(customerId: string): Device[] | undefined {
  return useLiveQuery(() => readInventory(db, customerId), [customerId]);
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
