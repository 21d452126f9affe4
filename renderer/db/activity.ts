/**
 * Per customer: this year's headset RMAs, RMAs shipped late or not returned, and the last two years'
 * CSM minutes per month, in two queries (RMAs are a small table; time entries by their date index).
 */
import { rmaFlags } from '../../shared/service/rma';
import type { CustomerActivity } from '../../shared/reports/portfolio';
import type { Contract } from '../../shared/model/entities';
import {
  addMonthsToMonth,
  monthOf,
  type CalendarDate,
  type CalendarMonth,
} from '../../shared/terms/dates';
import type { WorkstationDatabase } from './database';

export const NO_ACTIVITY: Readonly<CustomerActivity> = Object.freeze({
  headsetRmasThisYear: 0,
  usedMinutesByMonth: {},
  lateRmas: 0,
  unreturnedRmas: 0,
});

/**
 * The first month whose CSM time the ledgers need: this month, or the start of the earliest term that
 * carries unused hours over (two years back at most).
 */
export function firstLedgerMonth(
  contracts: readonly Contract[],
  today: CalendarDate,
): CalendarMonth {
  const earliest = addMonthsToMonth(monthOf(today), -23);
  let first = monthOf(today);
  for (const contract of contracts) {
    const month = monthOf(contract.termStart);
    if (!contract.isArchived && contract.settings.carryOverHours && month < first) first = month;
  }
  return first < earliest ? earliest : first;
}

/** Every customer's activity, or one customer's (its dashboard) through the customer indexes. */
export async function customerActivity(
  db: WorkstationDatabase,
  today: CalendarDate,
  options: { customerId?: string; fromMonth?: CalendarMonth } = {},
): Promise<Map<string, CustomerActivity>> {
  const { customerId, fromMonth = addMonthsToMonth(monthOf(today), -23) } = options;
  const from = `${fromMonth}-01`;
  const to = `${today.slice(0, 7)}-31`;
  const [rmas, entries] = await Promise.all(
    customerId === undefined
      ? [db.rmas.toArray(), db.timeEntries.where('date').between(from, to, true, true).toArray()]
      : [
          db.rmas.where('customerId').equals(customerId).toArray(),
          db.timeEntries
            .where('[customerId+date]')
            .between([customerId, from], [customerId, to], true, true)
            .toArray(),
        ],
  );
  const activity = new Map<string, CustomerActivity>();
  const of = (id: string) => {
    let entry = activity.get(id);
    if (!entry) {
      entry = { ...NO_ACTIVITY, usedMinutesByMonth: {} };
      activity.set(id, entry);
    }
    return entry;
  };
  const year = today.slice(0, 4);
  for (const rma of rmas) {
    if (rma.category === 'headsets' && rma.approvedOn?.startsWith(year))
      of(rma.customerId).headsetRmasThisYear++;
    const flags = rmaFlags(rma, today);
    if (flags.isLateShipment && !rma.shippedOn) of(rma.customerId).lateRmas++;
    if (flags.isUnreturned) of(rma.customerId).unreturnedRmas++;
  }
  for (const entry of entries) {
    const used = of(entry.customerId).usedMinutesByMonth as Record<string, number>;
    const month = entry.date.slice(0, 7);
    used[month] = (used[month] ?? 0) + entry.minutes;
  }
  return activity;
}
