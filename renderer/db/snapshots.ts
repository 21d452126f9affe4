/** A customer's snapshots: one per as-of date, the latest being the current figures. */
import Dexie from 'dexie';
import { contractTerm } from '../../shared/contracts/standing';
import type { Contract, InventorySnapshot } from '../../shared/model/entities';
import { historyMonths, snapshotHistory, type MonthCounts } from '../../shared/reports/plan';
import {
  firstDayOfMonth,
  lastDayOfMonth,
  type CalendarDate,
  type CalendarMonth,
} from '../../shared/terms/dates';
import type { WorkstationDatabase } from './database';

export function latestSnapshot(
  db: WorkstationDatabase,
  customerId: string,
): Promise<InventorySnapshot | undefined> {
  return db.snapshots
    .where('[customerId+asOf]')
    .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
    .last();
}

/**
 * The snapshots a customer's standing on `day` needs: the latest on or before it, and the latest on or
 * before the end of the contract's adjustment month (TERMS.md §4).
 */
export async function standingInventories(
  db: WorkstationDatabase,
  customerId: string,
  contract: Contract | undefined,
  day: CalendarDate,
): Promise<InventorySnapshot[]> {
  const upTo = (last: CalendarDate) =>
    db.snapshots
      .where('[customerId+asOf]')
      .between([customerId, Dexie.minKey], [customerId, last], true, true)
      .last();
  const [latest, adjustment] = await Promise.all([
    upTo(day),
    contract ? upTo(lastDayOfMonth(contractTerm(contract).adjustmentMonth)) : undefined,
  ]);
  return [latest, adjustment].filter(
    (s, i, all): s is InventorySnapshot => s !== undefined && all.indexOf(s) === i,
  );
}

/**
 * Each customer's month-end counts to `month` (TERMS.md §10, §11): the growth plan's history. Only the
 * history's months are read, and the latest snapshot before them (the first month's count may be it).
 */
export async function monthEndHistories(
  db: WorkstationDatabase,
  customerIds: readonly string[],
  month: CalendarMonth,
): Promise<Map<string, MonthCounts[]>> {
  const ids = [...new Set(customerIds)];
  const from = firstDayOfMonth(historyMonths(month)[0] ?? month);
  const lists = await Promise.all(
    ids.map(async (id) => {
      const [before, within] = await Promise.all([
        db.snapshots
          .where('[customerId+asOf]')
          .between([id, Dexie.minKey], [id, from], true, false)
          .last(),
        db.snapshots
          .where('[customerId+asOf]')
          .between([id, from], [id, lastDayOfMonth(month)], true, true)
          .toArray(),
      ]);
      return before ? [before, ...within] : within;
    }),
  );
  return new Map(ids.map((id, i) => [id, snapshotHistory(lists[i] ?? [], month)]));
}
