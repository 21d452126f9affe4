/**
 * Reads for the screens, as live queries: components use these hooks and never call db.* themselves.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  CatalogOverride,
  ChangeRecord,
  Contract,
  Customer,
  EcpsIncident,
  ImportRecord,
  InventorySnapshot,
  ReportRecord,
  Rma,
  Site,
  SupportCase,
  TimeEntry,
  TrueUp,
} from '../../shared/model/entities';
import { dueTrueUps, type DueTrueUp } from '../../shared/contracts/standing';
import Dexie from 'dexie';
import type { Device } from '../../shared/model/device';
import {
  portfolioRow,
  type CustomerActivity,
  type PortfolioRow,
} from '../../shared/reports/portfolio';
import { localToday } from '../../shared/terms/dates';
import { customerActivity, firstLedgerMonth, NO_ACTIVITY } from './activity';
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
    const snapshots = await Promise.all(active.map((c) => latestSnapshot(db, c.id)));
    return active.map((customer, i) =>
      portfolioRow(
        customer,
        contracts.find((c) => c.customerId === customer.id && !c.isArchived),
        snapshots[i],
        settings.partner,
        activity.get(customer.id) ?? NO_ACTIVITY,
        today,
        trueUps,
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
      customerActivity(db, today, { customerId: id }),
    ]);
    const contract = contracts.find((c) => !c.isArchived);
    const latest = snapshots.at(-1);
    const own = activity.get(id) ?? NO_ACTIVITY;
    const trueUps = contract
      ? await db.trueUps.where('contractId').equals(contract.id).toArray()
      : [];
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
      row: portfolioRow(customer, contract, latest, settings.partner, own, today, trueUps),
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

export interface ContractView {
  customer: Customer;
  /** The customer's contracts, the active one first, archived ones after. */
  contracts: Contract[];
  trueUps: TrueUp[];
  /** True-ups of the active contract that the snapshots show are due and have no record yet. */
  due: DueTrueUp[];
  /** The change log of the customer's contracts and their true-ups, newest first. */
  changes: ChangeRecord[];
  latest: InventorySnapshot | undefined;
  today: string;
}

/** A customer's contracts with their true-ups and history; null when there is no such customer. */
export function useContractView(customerId: string): ContractView | null | undefined {
  return useLiveQuery(async () => {
    const customer = await db.customers.get(customerId);
    if (!customer) return null;
    const today = localToday();
    const [contracts, snapshots] = await Promise.all([
      db.contracts.where('customerId').equals(customerId).toArray(),
      db.snapshots.where('customerId').equals(customerId).toArray(),
    ]);
    contracts.sort(
      (a, b) =>
        Number(a.isArchived) - Number(b.isArchived) || b.termStart.localeCompare(a.termStart),
    );
    const ids = contracts.map((c) => c.id);
    const trueUps = await db.trueUps.where('contractId').anyOf(ids).toArray();
    const keys: [string, string][] = [
      ...ids.map((id): [string, string] => ['contract', id]),
      ...trueUps.map((t): [string, string] => ['trueUp', t.id]),
    ];
    const changes = await db.changes.where('[entity+entityId]').anyOf(keys).toArray();
    changes.sort((a, b) => b.at.localeCompare(a.at) || (b.id ?? 0) - (a.id ?? 0));
    const active = contracts.find((c) => !c.isArchived);
    snapshots.sort((a, b) => a.asOf.localeCompare(b.asOf));
    return {
      customer,
      contracts,
      trueUps,
      due: active ? dueTrueUps(active, snapshots, trueUps, today) : [],
      changes,
      latest: snapshots.at(-1),
      today,
    };
  }, [customerId]);
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

export interface ServiceView {
  customer: Customer;
  contract: Contract | undefined;
  trueUps: TrueUp[];
  sites: Site[];
  rmas: Rma[];
  timeEntries: TimeEntry[];
  cases: SupportCase[];
  incidents: EcpsIncident[];
  overrides: CatalogOverride[];
  today: string;
}

/** A customer's service records, all of them (a customer has hundreds at most). */
export function useServiceView(customerId: string): ServiceView | null | undefined {
  return useLiveQuery(async () => {
    const customer = await db.customers.get(customerId);
    if (!customer) return null;
    const [contracts, sites, rmas, timeEntries, cases, incidents, overrides] = await Promise.all([
      db.contracts.where('customerId').equals(customerId).toArray(),
      db.sites.where('customerId').equals(customerId).sortBy('name'),
      db.rmas.where('customerId').equals(customerId).toArray(),
      db.timeEntries.where('customerId').equals(customerId).toArray(),
      db.cases.where('customerId').equals(customerId).toArray(),
      db.ecpsIncidents.where('customerId').equals(customerId).toArray(),
      db.catalogOverrides.toArray(),
    ]);
    const contract = contracts.find((c) => !c.isArchived);
    const trueUps = contract
      ? await db.trueUps.where('contractId').equals(contract.id).toArray()
      : [];
    return {
      customer,
      contract,
      trueUps,
      sites,
      rmas: rmas.sort((a, b) => b.requestedOn.localeCompare(a.requestedOn)),
      timeEntries: timeEntries.sort((a, b) => b.date.localeCompare(a.date)),
      cases: cases.sort((a, b) => b.openedAt.localeCompare(a.openedAt)),
      incidents: incidents.sort((a, b) => b.openedAt.localeCompare(a.openedAt)),
      overrides,
      today: localToday(),
    };
  }, [customerId]);
}

/** Every customer's time entries in a range of dates, with the active customers: the CSM's week. */
export function useTimeEntriesBetween(
  from: string,
  to: string,
): { entries: TimeEntry[]; customers: Customer[] } | undefined {
  return useLiveQuery(async () => {
    const [entries, customers] = await Promise.all([
      db.timeEntries.where('date').between(from, to, true, true).toArray(),
      db.customers.orderBy('name').toArray(),
    ]);
    return { entries, customers: customers.filter((c) => !c.isArchived) };
  }, [from, to]);
}

/** The archived monthly reports, newest first. */
export function useReportArchive(): ReportRecord[] | undefined {
  return useLiveQuery(
    () =>
      db.reports
        .toArray()
        .then((rows) =>
          rows.sort(
            (a, b) => b.month.localeCompare(a.month) || b.exportedAt.localeCompare(a.exportedAt),
          ),
        ),
    [],
  );
}
