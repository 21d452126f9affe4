/** The portfolio and the renewal pipeline: every customer with its standing, as live queries. Live queries: components read through these and never call db.* themselves. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Contract, Customer, InventorySnapshot, TrueUp } from '../../../shared/model/entities';
import { portfolioRow, type PortfolioRow } from '../../../shared/reports/portfolio';
import { localToday } from '../../../shared/terms/dates';
import { customerActivity, firstLedgerMonth, NO_ACTIVITY } from '../activity';
import { db } from '../instance';
import { readSettings } from '../settings';
import { latestSnapshot, standingInventories } from '../snapshots';

export function usePortfolio(): PortfolioRow[] | undefined {
  return useLiveQuery(async () => {
    const today = localToday();
    const [customers, contracts, settings, trueUps] = await Promise.all([
      db.customers.orderBy('name').toArray(),
      db.contracts.toArray(),
      readSettings(db),
      db.trueUps.toArray(),
    ]);
    // CSM time only as far back as the hours ledgers need it.
    const activity = await customerActivity(db, today, {
      fromMonth: firstLedgerMonth(contracts, today),
    });
    const active = customers.filter((c) => !c.isArchived);
    const contractOf = (customerId: string) =>
      contracts.find((c) => c.customerId === customerId && !c.isArchived);
    const inventories = await Promise.all(
      active.map((c) => standingInventories(db, c.id, contractOf(c.id), today)),
    );
    return active.map((customer, i) =>
      portfolioRow(
        customer,
        contractOf(customer.id),
        inventories[i] ?? [],
        settings.partner,
        activity.get(customer.id) ?? NO_ACTIVITY,
        today,
        trueUps,
      ),
    );
  }, []);
}

export interface RenewalData {
  contracts: Contract[];
  customers: Customer[];
  latest: Map<string, InventorySnapshot>;
  trueUps: TrueUp[];
  today: string;
}

export function useRenewalData(): RenewalData | undefined {
  return useLiveQuery(async () => {
    const [contracts, customers, trueUps] = await Promise.all([
      db.contracts.toArray(),
      db.customers.toArray(),
      db.trueUps.toArray(),
    ]);
    const active = contracts.filter((c) => !c.isArchived);
    const ids = [...new Set(active.map((c) => c.customerId))];
    const snapshots = await Promise.all(ids.map((id) => latestSnapshot(db, id)));
    const latest = new Map<string, InventorySnapshot>();
    snapshots.forEach((s, i) => {
      if (s) latest.set(ids[i] ?? '', s);
    });
    return { contracts: active, customers, latest, trueUps, today: localToday() };
  }, []);
}
