/**
 * What differs between a report as sent and the same month's report from today's data, in the
 * user's words, for the reports screen (reportChanges in ./monthly gives the same as field paths).
 */
import { archivedAction } from '../contracts/action-text';
import { dictionary, fill, type Language } from '../i18n';
import { formatters } from '../i18n/format';
import type { MonthlyReport } from './monthly-model';

/** What differs between a report as sent and the same month's report today, in the user's words. */
export function describeReportChanges(
  sent: MonthlyReport,
  now: MonthlyReport,
  language: Language,
): string[] {
  const d = dictionary(language);
  const f = formatters(language);
  const w = d.describe;
  const lines: string[] = [];
  const change = (field: string, from: string, to: string) => {
    if (from !== to) lines.push(fill(w.change, { field, from, to }));
  };
  const text = (value: number | string | null | undefined) =>
    value === null || value === undefined
      ? '–'
      : typeof value === 'number'
        ? f.number(value)
        : value;
  change(d.report.asOf, text(sent.asOf), text(now.asOf));
  for (const line of now.categories) {
    const old = sent.categories.find((k) => k.category === line.category);
    const named = (field: string) => `${d.classes[line.category]}: ${field}`;
    const action = (k: typeof line | undefined) => {
      const a = k ? archivedAction(k) : null;
      return a ? d.trueUps.actions[a] : '–';
    };
    change(named(d.contract.count), text(old?.count), text(line.count));
    change(named(d.contract.ordered), text(old?.ordered), text(line.ordered));
    change(named(d.contract.trueUp), action(old), action(line));
    change(named(d.report.columns.amount), text(old?.trueUp?.amount), text(line.trueUp?.amount));
  }
  change(d.report.columns.rmaUsed, text(sent.rma?.used), text(now.rma?.used));
  const hours = (minutes: number | undefined) =>
    minutes === undefined ? '–' : `${f.number(minutes / 60, 2)} h`;
  change(d.report.columns.hoursUsed, hours(sent.hours?.usedMinutes), hours(now.hours?.usedMinutes));
  change(d.report.figures.casesOpened, text(sent.cases.opened), text(now.cases.opened));
  change(d.report.figures.casesResolved, text(sent.cases.resolved), text(now.cases.resolved));
  change(d.report.figures.incidentsOpened, text(sent.incidents.opened), text(now.incidents.opened));
  change(d.report.sheets.devices, text(sent.devices.length), text(now.devices.length));
  change(d.report.sheets.rmas, text(sent.rmaRows.length), text(now.rmaRows.length));
  change(d.report.sheets.time, text(sent.timeRows.length), text(now.timeRows.length));
  return lines;
}
