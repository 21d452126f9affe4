/**
 * The monthly report's trend charts, one per category: the month-end counts joined by straight
 * segments, ordered and triggerAt held as steps over the term's months only (a month before the term
 * was under no contract), and the forecast (TERMS.md §11, the dashboard's) dashed from the latest
 * count to the term's end, never past it. Months along x are named in the report's language.
 */
import { localeOf } from '../i18n/format';
import { fill } from '../i18n';
import type { Category } from '../model/category';
import { monthOf, monthRange, type CalendarMonth } from '../terms/dates';
import type { SheetSpec } from '../workbook-spec';
import type { MonthlyReport, ReportLanguage } from './monthly-model';
import type { ReportLabels } from './report-labels';
import { COLORS } from './layout-parts';
import { forecastTriggerMonth } from './trend';

export type ReportChart = NonNullable<SheetSpec['charts']>[number];

const ORDERED = '#868e96';
const TRIGGER = '#e03131';

/** "Nov 2026", "nov. 2026": a month on a chart's axis. */
export function axisMonth(language: ReportLanguage): (month: CalendarMonth) => string {
  const format = new Intl.DateTimeFormat(localeOf(language), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (month) => format.format(new Date(`${month}-01T00:00:00Z`));
}

/** Whether a month is in the contract's term: the months ordered and triggerAt apply to. */
export function isInTerm(report: MonthlyReport, month: CalendarMonth): boolean {
  const c = report.contract;
  return c !== null && month >= monthOf(c.termStart) && month <= monthOf(c.termEnd);
}

export function trendCharts(
  report: MonthlyReport,
  l: ReportLabels,
  language: ReportLanguage,
  categories: readonly Category[],
): ReportChart[] {
  const first = report.trend[0]?.month;
  const latest = report.trend.at(-1)?.month;
  if (!first || !latest) return [];
  const name = axisMonth(language);
  return categories.map((k) => {
    const line = report.categories.find((c) => c.category === k);
    const forecast =
      line?.triggerAt != null && report.contract
        ? forecastTriggerMonth(report.trend, k, line.triggerAt, report.contract.termEnd)
        : null;
    const fan = new Map((forecast?.fan ?? []).map((p) => [p.month, p.central]));
    const months = monthRange(first, forecast?.fan.at(-1)?.month ?? latest);
    const counts = new Map(report.trend.map((p) => [p.month, p.counts[k]]));
    const inTerm = (month: CalendarMonth, value: number | null | undefined) =>
      isInTerm(report, month) ? (value ?? null) : null;
    const series: ReportChart['series'] = [
      { name: l.chart.count, values: months.map((m) => counts.get(m) ?? null), color: COLORS[k] },
      {
        name: l.columns.ordered,
        values: months.map((m) => inTerm(m, line?.ordered)),
        color: ORDERED,
        style: 'step',
      },
      {
        name: l.columns.triggerAt,
        values: months.map((m) => inTerm(m, line?.triggerAt)),
        color: TRIGGER,
        style: 'step',
      },
    ];
    if (fan.size > 0)
      series.push({
        name: l.chart.forecast,
        // From the latest count, so the dashed line joins the counts' line.
        values: months.map((m) => (m === latest ? (counts.get(m) ?? null) : (fan.get(m) ?? null))),
        color: COLORS[k],
        style: 'forecast',
      });
    return {
      title: fill(l.chart.title, { category: l.categories[k], customer: report.customer.name }),
      categories: months.map(name),
      series,
    };
  });
}
