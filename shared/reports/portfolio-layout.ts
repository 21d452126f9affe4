/** The portfolio workbook, laid out from the customers' monthly report models. */
import type { WorkbookSpec } from '../workbook-spec';
import type { MonthlyReport, ReportLanguage } from './monthly';
import { reportLabels } from './report-labels';
import { col } from './layout-parts';
import { archivedAction } from '../contracts/action-text';

/** Every customer's categories, statuses, true-ups, renewal, RMAs and hours for the month. */
export function portfolioWorkbook(
  reports: readonly MonthlyReport[],
  month: string,
  language: ReportLanguage,
  brand: string,
): WorkbookSpec {
  const l = reportLabels(language);
  const c = l.columns;
  return {
    sheets: [
      {
        name: l.sheets.portfolio,
        title: [`${brand ? `${brand} · ` : ''}${l.portfolioTitle} ${month}`],
        columns: [
          col(l.customer, 'text', 28),
          col(l.contract, 'text', 14),
          col(c.currency, 'text', 8),
          col(c.category, 'text', 24),
          col(c.ordered, 'number'),
          col(c.baseline, 'decimal'),
          col(c.triggerAt, 'number'),
          col(c.count, 'number'),
          col(c.status, 'text', 18),
          col(c.trueUp, 'text', 20),
          col(c.amount, 'money'),
          col(c.adjustmentMonth, 'text', 12),
          col(c.renewalDate, 'date'),
          col(c.rmaUsed, 'number'),
          col(c.rmaAllowed, 'number'),
          col(c.hoursUsed, 'duration'),
          col(c.hoursAllowed, 'duration'),
        ],
        rows: reports.flatMap((r) => {
          const shared = [
            r.rma?.used ?? null,
            r.rma?.allowed ?? null,
            r.hours?.usedMinutes ?? null,
            r.hours?.allowedMinutes ?? null,
          ];
          const lines = r.categories.length > 0 ? r.categories : [null];
          return lines.map((k) => [
            r.customer.name,
            r.contract?.number ?? null,
            r.contract?.currency ?? null,
            k ? l.categories[k.category] : null,
            k?.ordered ?? null,
            k?.baseline ? Number(k.baseline) : null,
            k?.triggerAt ?? null,
            k?.count ?? null,
            k?.status ? l.statuses[k.status] : null,
            k && archivedAction(k) ? l.actions[archivedAction(k) ?? 'due'] : null,
            k?.trueUp && archivedAction(k) !== 'atRenewal' ? Number(k.trueUp.amount) : null,
            r.contract?.adjustmentMonth ?? null,
            r.contract?.renewalDate ?? null,
            ...shared,
          ]);
        }),
        print: {
          landscape: true,
          header: `${l.portfolioTitle} ${month}`,
          footer: brand,
          pageNumber: l.pageNumber,
        },
      },
    ],
  };
}
