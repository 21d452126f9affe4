/**
 * Reads for the screens, as live queries: components use these hooks and never call db.* themselves.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { searchTerms } from '../../shared/search';
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
import { contractStandings, dueTrueUps, type DueTrueUp } from '../../shared/contracts/standing';
import Dexie from 'dexie';
import type { Device } from '../../shared/model/device';
import {
  portfolioRow,
  standingCell,
  type CustomerActivity,
  type PortfolioCategory,
  type PortfolioRow,
} from '../../shared/reports/portfolio';
import {
  lastDayOfMonth,
  localToday,
  monthOf,
  monthRange,
  type CalendarMonth,
} from '../../shared/terms/dates';
import { serviceRecordsAsOf, trueUpsAsOf } from '../../shared/contracts/as-of';
import { contractInForce } from '../../shared/reports/monthly';
import { customerActivity, firstLedgerMonth, NO_ACTIVITY } from './activity';
import { snapshotDevices } from './device-lists';
import { deviceIndex, readInventory } from './inventory';
import { deletedServiceRecords, type DeletedRecord } from './service';
import { db } from './instance';
import { readSettings, type Settings } from './settings';
import { latestSnapshot, standingInventories } from './snapshots';

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

export interface CustomerView {
  customer: Customer;
  sites: Site[];
  contract: Contract | undefined;
  latest: InventorySnapshot | undefined;
  /** Every snapshot up to the month shown, oldest first: the trend. */
  snapshots: InventorySnapshot[];
  rmas: Rma[];
  cases: SupportCase[];
  activity: CustomerActivity;
  row: PortfolioRow;
  /** The day the dashboard is as of: today, or the end of the past month chosen. */
  today: string;
  /** The month shown, and the months there are to choose from (newest first). */
  month: CalendarMonth;
  months: CalendarMonth[];
  /** A past month: everything is as it stood at that month's end (TERMS.md §10). */
  isPast: boolean;
}

/**
 * One customer with everything its dashboard shows, now or as it stood at the end of a past `month`;
 * null when there is no such customer.
 */
export function useCustomerView(
  id: string | null,
  month: CalendarMonth | null = null,
): CustomerView | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const customer = await db.customers.get(id);
    if (!customer) return null;
    const now = localToday();
    const isPast = month !== null && month < monthOf(now);
    const day = isPast && month ? lastDayOfMonth(month) : now;
    const [sites, contracts, allSnapshots, settings, allRmas, allCases, activity] =
      await Promise.all([
        db.sites.where('customerId').equals(id).sortBy('name'),
        db.contracts.where('customerId').equals(id).toArray(),
        db.snapshots
          .where('[customerId+asOf]')
          .between([id, Dexie.minKey], [id, Dexie.maxKey])
          .toArray(),
        readSettings(db),
        db.rmas.where('customerId').equals(id).toArray(),
        db.cases.where('customerId').equals(id).toArray(),
        customerActivity(db, day, { customerId: id }),
      ]);
    const ids = contracts.map((c) => c.id);
    const [allTrueUps, changes] = await Promise.all([
      db.trueUps.where('contractId').anyOf(ids).toArray(),
      isPast
        ? db.changes
            .where('[entity+entityId]')
            .anyOf(ids.map((c): [string, string] => ['contract', c]))
            .toArray()
        : Promise.resolve([]),
    ]);
    const contract = isPast
      ? contractInForce(contracts, changes, day)
      : contracts.find((c) => !c.isArchived);
    const snapshots = allSnapshots.filter((s) => s.asOf <= day);
    const trueUps = trueUpsAsOf(
      allTrueUps.filter((t) => t.contractId === contract?.id),
      day,
    );
    const records = serviceRecordsAsOf(
      { rmas: allRmas, cases: allCases, timeEntries: [], incidents: [] },
      day,
    );
    const own = activity.get(id) ?? NO_ACTIVITY;
    const first = allSnapshots[0]?.month ?? monthOf(now);
    return {
      customer,
      sites,
      contract,
      latest: snapshots.at(-1),
      snapshots,
      rmas: [...records.rmas],
      cases: [...records.cases],
      activity: own,
      today: day,
      month: monthOf(day),
      months: monthRange(first < monthOf(now) ? first : monthOf(now), monthOf(now)).reverse(),
      isPast,
      row: portfolioRow(customer, contract, snapshots, settings.partner, own, day, trueUps),
    };
  }, [id, month]);
}

/** A customer's current devices (its latest snapshot's device list), or undefined while loading. */
export function useInventory(customerId: string): Device[] | undefined {
  return useLiveQuery(() => readInventory(db, customerId), [customerId]);
}

/** How many customers the book holds. */
export function useCustomerCount(): number | undefined {
  return useLiveQuery(() => db.customers.count(), []);
}

/** The imports of one file (by its content hash): a file imported before says so in the preview. */
export function useImportsOf(contentHash: string): ImportRecord[] | undefined {
  return useLiveQuery(
    () => db.imports.where('contentHash').equals(contentHash).toArray(),
    [contentHash],
  );
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
  /** Each category of the active contract this month: where it stands and what that means. */
  standings: PortfolioCategory[];
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
    const settings = await readSettings(db);
    return {
      customer,
      contracts,
      trueUps,
      due: active ? dueTrueUps(active, snapshots, trueUps, today) : [],
      standings: active
        ? contractStandings(active, snapshots, trueUps, monthOf(today)).map((s) =>
            standingCell(s, settings.partner.approachingPct),
          )
        : [],
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

/** The unknown models of a customer's current inventory, with their device counts. */
export function useUnknownModels(
  customerId: string,
): { model: string; devices: number }[] | undefined {
  return useLiveQuery(
    async () => (await latestSnapshot(db, customerId))?.summary.unknownModels ?? [],
    [customerId],
  );
}

/**
 * The devices of a past inventory (its kept device list): undefined while loading, null where the list
 * was not kept or there was no inventory.
 */
export function useSnapshotDevices(
  snapshot: InventorySnapshot | null,
): Device[] | null | undefined {
  return useLiveQuery(async () => (snapshot ? snapshotDevices(db, snapshot) : null), [snapshot]);
}

/** Per customer, what its report for `month` stands on: the contract number and the inventory's date. */
export function useReportReadiness(
  month: CalendarMonth,
): Map<string, { contract: string | null; asOf: string | null }> | undefined {
  return useLiveQuery(async () => {
    const end = lastDayOfMonth(month);
    const [customers, contracts] = await Promise.all([
      db.customers.toArray(),
      db.contracts.toArray(),
    ]);
    const entries = await Promise.all(
      customers.map(async (customer) => {
        const inventory = await db.snapshots
          .where('[customerId+asOf]')
          .between([customer.id, Dexie.minKey], [customer.id, end], true, true)
          .last();
        const contract = contracts.find((c) => c.customerId === customer.id && !c.isArchived);
        return [
          customer.id,
          { contract: contract?.number ?? null, asOf: inventory?.asOf ?? null },
        ] as const;
      }),
    );
    return new Map(entries);
  }, [month]);
}
