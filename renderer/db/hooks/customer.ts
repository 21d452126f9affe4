/** One customer's view: its sites, latest snapshot, inventory and history. Live queries: components read through these and never call db.* themselves. */
import { useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type {
  Contract,
  Customer,
  InventorySnapshot,
  Rma,
  Site,
  SupportCase,
} from '../../../shared/model/entities';
import Dexie from 'dexie';
import type { Device } from '../../../shared/model/device';
import {
  portfolioRow,
  type CustomerActivity,
  type PortfolioRow,
} from '../../../shared/reports/portfolio';
import {
  lastDayOfMonth,
  localToday,
  monthOf,
  monthRange,
  type CalendarMonth,
} from '../../../shared/terms/dates';
import { serviceRecordsAsOf, trueUpsAsOf } from '../../../shared/contracts/as-of';
import { contractInForce } from '../../../shared/reports/monthly';
import { customerActivity, NO_ACTIVITY } from '../activity';
import { fetchLater, listFetches, snapshotDevices, type ListFetch } from '../device-lists';
import { readInventory } from '../inventory';
import { db } from '../instance';
import { readSettings } from '../settings';

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

/**
 * The devices of a past inventory (its kept device list): undefined while loading, null where the list
 * was not kept or there was no inventory.
 */
export function useSnapshotDevices(
  snapshot: InventorySnapshot | null,
): Device[] | null | undefined {
  return useLiveQuery(async () => (snapshot ? snapshotDevices(db, snapshot) : null), [snapshot]);
}

/** This customer's device list being fetched from the team book, or why it could not be. */
export function useListFetch(customerId: string): ListFetch | undefined {
  return useSyncExternalStore(listFetches.subscribe, () => listFetches.of(customerId));
}

/** Asks the team book for a list again (after a failed fetch). */
export function fetchListAgain(customerId: string, hash: string): void {
  fetchLater(db, hash, customerId);
}
