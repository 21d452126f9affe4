/** This year's headset RMAs and the last two years' CSM minutes per month per customer, in two indexed queries. */
import type { CustomerActivity } from '../../shared/reports/portfolio';
import { addMonthsToMonth, monthOf, type CalendarDate } from '../../shared/terms/dates';
import type { WorkstationDatabase } from './database';

export async function customerActivity(
  db: WorkstationDatabase,
  today: CalendarDate,
): Promise<Map<string, CustomerActivity>> {
  const [rmas, entries] = await Promise.all([
    db.rmas
      .where('approvedOn')
      .between(`${today.slice(0, 4)}-01-01`, `${today.slice(0, 4)}-12-31`, true, true)
      .toArray(),
    db.timeEntries
      .where('date')
      .between(`${addMonthsToMonth(monthOf(today), -23)}-01`, `${today.slice(0, 7)}-31`, true, true)
      .toArray(),
  ]);
  const activity = new Map<string, CustomerActivity>();
  const of = (id: string) => {
    let entry = activity.get(id);
    if (!entry) {
      entry = { headsetRmasThisYear: 0, usedMinutesByMonth: {} };
      activity.set(id, entry);
    }
    return entry;
  };
  for (const rma of rmas) if (rma.category === 'headsets') of(rma.customerId).headsetRmasThisYear++;
  for (const entry of entries) {
    const used = of(entry.customerId).usedMinutesByMonth as Record<string, number>;
    const month = entry.date.slice(0, 7);
    used[month] = (used[month] ?? 0) + entry.minutes;
  }
  return activity;
}

export const NO_ACTIVITY: CustomerActivity = { headsetRmasThisYear: 0, usedMinutesByMonth: {} };
