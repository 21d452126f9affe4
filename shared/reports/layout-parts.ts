/** The pieces every report sheet is made of: typed columns, the print setup, the title lines. */
import { fill } from '../i18n';
import type { ColumnSpec, SheetSpec } from '../workbook-spec';
import type { MonthlyReport } from './monthly';
import type { ReportLabels } from './report-labels';

/** The colour of each category's line in the trend chart (and of its column header beside it). */
export const COLORS = { headsets: '#1c7ed6', video: '#2f9e44', voice: '#e8590c' };

export const col = (header: string, type: ColumnSpec['type'], width?: number): ColumnSpec =>
  width ? { header, type, width } : { header, type };

/**
 * A text column of sentences, wrapped at `width` characters: its rows grow instead of its width, so
 * a sheet fitted to the page's width prints at a readable size.
 */
export const wrappedCol = (header: string, width: number): ColumnSpec => ({
  header,
  type: 'text',
  width,
  wrap: true,
});

/**
 * Landscape, fitted to the page width; customer and month in the page header and footer, the month
 * in words as the first page writes it ("Contoso AB · November 2026").
 */
export function print(report: MonthlyReport, l: ReportLabels) {
  const month = l.format.month(report.month);
  return {
    pageNumber: l.pageNumber,
    header: `${report.brand.name ? `${report.brand.name} · ` : ''}${report.customer.name} · ${l.title} ${month}`,
    footer: `${report.customer.name} · ${month}`,
  };
}

/** The summary sheet's head: the report, the customer, the contract's term and the inventory's date, in words. */
export function titleLines(report: MonthlyReport, l: ReportLabels): string[] {
  const c = report.contract;
  const unknown = report.excluded.unknown;
  const date = (value: string) => l.format.date(value);
  return [
    `${report.brand.name ? `${report.brand.name} · ` : ''}${l.title} ${l.format.month(report.month)}`,
    `${l.customer}: ${report.customer.name}   ${l.masterAccountId}: ${report.customer.masterAccountId || '–'}`,
    c
      ? `${l.contract}: ${c.number} (${c.currency})   ${l.term}: ${date(c.termStart)} – ${date(c.termEnd)}   ${l.columns.renewalDate}: ${date(c.renewalDate)}`
      : l.noContract,
    `${l.csm}: ${report.customer.csm || '–'}   ${l.asOf}: ${report.asOf ? date(report.asOf) : l.noInventory}`,
    ...(unknown > 0 ? [fill(l.unknownWarning, { count: unknown })] : []),
  ];
}

export function table(
  report: MonthlyReport,
  l: ReportLabels,
  name: string,
  columns: ColumnSpec[],
  rows: SheetSpec['rows'],
): SheetSpec {
  const title = `${name} · ${report.customer.name} · ${l.format.month(report.month)}`;
  return {
    name,
    // A sheet with no rows says so: a header alone on a page reads as a page left empty.
    title: rows.length === 0 ? [title, l.nothingThisMonth] : [title],
    columns,
    rows,
    print: print(report, l),
  };
}
