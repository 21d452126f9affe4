/**
 * Per customer: this year's headset RMAs, RMAs shipped late or not returned, and the last two years'
 * CSM minutes per month, in two queries (RMAs are a small table; time entries by their date index).
 */
import { rmaFlags } from '../../shared/service/rma';
import type { CustomerActivity } from '../../shared/reports/portfolio';
import { addMonthsToMonth, monthOf, type CalendarDate } from '../../shared/terms/dates';
import type { WorkstationDatabase } from './database';

export const NO_ACTIVITY: Readonly<CustomerActivity> = Object.freeze({
  headsetRmasThisYear: 0,
  usedMinutesByMonth: {},
  lateRmas: 0,
  unreturnedRmas: 0,
});

/** Every customer's activity, or one customer's (its dashboard) through the customer indexes. */
export async function customerActivity(
  db: WorkstationDatabase,
  today: CalendarDate,
  customerId?: string,
): Promise<Map<string, CustomerActivity>> {
  const from = `${addMonthsToMonth(monthOf(today), -23)}-01`;
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
