/** This year's headset RMAs and this month's CSM minutes per customer, in two indexed queries. */
import type { CustomerActivity } from '../../shared/reports/portfolio';
import type { CalendarDate } from '../../shared/terms/dates';
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
      .between(`${today.slice(0, 7)}-01`, `${today.slice(0, 7)}-31`, true, true)
      .toArray(),
  ]);
  const activity = new Map<string, CustomerActivity>();
  const of = (id: string) => {
    let entry = activity.get(id);
    if (!entry) {
      entry = { headsetRmasThisYear: 0, usedMinutesThisMonth: 0 };
      activity.set(id, entry);
    }
    return entry;
  };
  for (const rma of rmas) if (rma.category === 'headsets') of(rma.customerId).headsetRmasThisYear++;
  for (const entry of entries) of(entry.customerId).usedMinutesThisMonth += entry.minutes;
  return activity;
}

export const NO_ACTIVITY: CustomerActivity = { headsetRmasThisYear: 0, usedMinutesThisMonth: 0 };
