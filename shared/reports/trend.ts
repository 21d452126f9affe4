/**
 * A customer's monthly counts per category and the forecast of when a count reaches triggerAt: the
 * growth planner's forecast (TERMS.md §11, shared/forecast) with its 80 % and 95 % fan to the term's end,
 * the method chosen by backtest and named on screen.
 */
import { HISTORY_MONTHS } from '../forecast/category-plan';
import { forecastSeries, MAX_HORIZON_MONTHS, MIN_HISTORY_MONTHS } from '../forecast/forecast';
import type { ForecastMethod } from '../forecast/methods';
import type { Category, CategoryRecord } from '../model/category';
import type { InventorySnapshot } from '../model/entities';
import {
  addMonthsToMonth,
  monthOf,
  monthRange,
  monthsBetween,
  type CalendarDate,
  type CalendarMonth,
} from '../terms/dates';

export interface TrendPoint {
  month: CalendarMonth;
  counts: CategoryRecord<number>;
}

/** One point per month: the month's latest snapshot. */
export function monthlyTrend(snapshots: readonly InventorySnapshot[]): TrendPoint[] {
  const byMonth = new Map<CalendarMonth, InventorySnapshot>();
  for (const snapshot of snapshots) {
    const current = byMonth.get(snapshot.month);
    if (!current || current.asOf < snapshot.asOf) byMonth.set(snapshot.month, snapshot);
  }
  return [...byMonth.values()]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((s) => ({ month: s.month, counts: s.summary.counts }));
}

/** A month of the forecast fan: the central value and the 80 % and 95 % intervals (whole devices). */
export interface FanPoint {
  month: CalendarMonth;
  central: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface Forecast {
  category: Category;
  triggerAt: number;
  /** The month the central forecast reaches triggerAt, or the first month the count did; null: not by the term's end. */
  reachesTriggerAt: CalendarMonth | null;
  isReached: boolean;
  /** The likely months (80 % interval): the first whose upper bound reaches triggerAt … the first whose lower bound does. */
  likelyFrom: CalendarMonth | null;
  likelyTo: CalendarMonth | null;
  /** The forecast's last month: the term's end. */
  termEndMonth: CalendarMonth;
  /** The chosen method and its backtest MAE (devices); null with too little history. */
  method: ForecastMethod | null;
  backtestMae: number | null;
  /** Month-end values the forecast was made from. */
  basedOnMonths: number;
  /** From the month after the latest count to the term's end. */
  fan: FanPoint[];
}

type TrendSeries = { month: CalendarMonth; count: number }[];

/** §10's month-end counts: every month from the first inventory on, a month without one keeps the last count. */
export function monthEndCounts(trend: readonly TrendPoint[], category: Category): TrendSeries {
  const first = trend[0];
  const last = trend.at(-1);
  if (!first || !last) return [];
  const byMonth = new Map(trend.map((p) => [p.month, p.counts[category]]));
  let count = first.counts[category];
  return monthRange(first.month, last.month).map((month) => {
    count = byMonth.get(month) ?? count;
    return { month, count };
  });
}
const firstMonth = (fan: readonly FanPoint[], reaches: (p: FanPoint) => boolean) =>
  fan.find(reaches)?.month ?? null;

/**
 * When a category's count reaches triggerAt (TERMS.md §11's forecast, the one the growth planner and
 * `csm plan` use): from its month-end counts (at most HISTORY_MONTHS), to the term's end, with the
 * months it likely falls between. Fewer than MIN_HISTORY_MONTHS counts: no forecast.
 */
export function forecastTriggerMonth(
  trend: readonly TrendPoint[],
  category: Category,
  triggerAt: number,
  termEndDate: CalendarDate,
): Forecast {
  const reached = trend.find((p) => p.counts[category] >= triggerAt);
  const series = monthEndCounts(trend, category).slice(-HISTORY_MONTHS);
  const termEndMonth = monthOf(termEndDate);
  const last = series.at(-1);
  const horizon = last ? Math.min(MAX_HORIZON_MONTHS, monthsBetween(last.month, termEndMonth)) : 0;
  const forecast =
    series.length >= MIN_HISTORY_MONTHS && horizon >= 1
      ? forecastSeries(
          series.map((p) => p.count),
          horizon,
        )
      : null;
  const fan =
    forecast?.kind === 'forecast' && last
      ? forecast.points.map((p) => ({
          month: addMonthsToMonth(last.month, p.step),
          central: Math.round(p.central),
          lower80: p.lower80,
          upper80: p.upper80,
          lower95: p.lower95,
          upper95: p.upper95,
        }))
      : [];
  const model = forecast?.kind === 'forecast' ? forecast : null;
  return {
    category,
    triggerAt,
    isReached: reached !== undefined,
    reachesTriggerAt: reached?.month ?? firstMonth(fan, (p) => p.central >= triggerAt),
    likelyFrom: reached ? null : firstMonth(fan, (p) => p.upper80 >= triggerAt),
    likelyTo: reached ? null : firstMonth(fan, (p) => p.lower80 >= triggerAt),
    termEndMonth,
    method: model?.method ?? null,
    backtestMae: model ? Math.round(model.mae * 100) / 100 : null,
    basedOnMonths: series.length,
    fan,
  };
}
