/** The report archive and which customers are ready for a month's report. Live queries: components read through these and never call db.* themselves. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReportRecord } from '../../../shared/model/entities';
import Dexie from 'dexie';
import { lastDayOfMonth, type CalendarMonth } from '../../../shared/terms/dates';
import { db } from '../instance';

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
