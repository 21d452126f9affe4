/** One customer's service records (cases, RMAs, time, incidents) and time entries over a period. Live queries: components read through these and never call db.* themselves. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Catalog } from '../../../shared/catalog';
import type {
  Contract,
  Customer,
  EcpsIncident,
  Rma,
  Site,
  SupportCase,
  TimeEntry,
  TrueUp,
} from '../../../shared/model/entities';
import { localToday } from '../../../shared/terms/dates';
import { readCatalog } from '../catalog';
import { db } from '../instance';

export interface ServiceView {
  customer: Customer;
  contract: Contract | undefined;
  trueUps: TrueUp[];
  sites: Site[];
  rmas: Rma[];
  timeEntries: TimeEntry[];
  cases: SupportCase[];
  incidents: EcpsIncident[];
  /** The catalog with the overrides and the end-of-life register (db/catalog.ts). */
  catalog: Catalog;
  today: string;
}

/** A customer's service records, all of them (a customer has hundreds at most). */
export function useServiceView(customerId: string): ServiceView | null | undefined {
  return useLiveQuery(async () => {
    const customer = await db.customers.get(customerId);
    if (!customer) return null;
    const [contracts, sites, rmas, timeEntries, cases, incidents, catalog] = await Promise.all([
      db.contracts.where('customerId').equals(customerId).toArray(),
      db.sites.where('customerId').equals(customerId).sortBy('name'),
      db.rmas.where('customerId').equals(customerId).toArray(),
      db.timeEntries.where('customerId').equals(customerId).toArray(),
      db.cases.where('customerId').equals(customerId).toArray(),
      db.ecpsIncidents.where('customerId').equals(customerId).toArray(),
      readCatalog(db),
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
      catalog,
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
