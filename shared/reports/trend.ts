/**
 * A customer's monthly counts per category and the forecast of when a count reaches triggerAt. The
 * forecast is a least-squares line through the last FORECAST_MONTHS monthly counts: simple, and named
 * on screen so nobody mistakes it for more.
 */
import type { Category, CategoryRecord } from '../model/category';
import type { InventorySnapshot } from '../model/entities';
import { addMonthsToMonth, type CalendarMonth } from '../terms/dates';

export const FORECAST_MONTHS = 6;
/** A forecast further out than this is "not within the horizon". */
export const FORECAST_HORIZON_MONTHS = 36;

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

export interface Forecast {
  category: Category;
  /** Devices per month, from the fitted line. */
  slopePerMonth: number;
  /** The month the count reaches triggerAt: already reached (the first month it did), forecast, or null. */
  reachesTriggerAt: CalendarMonth | null;
  isReached: boolean;
  /** How many monthly counts the line was fitted to. */
  basedOnMonths: number;
}

function fit(values: readonly number[]): { slope: number; intercept: number } {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

export function forecastTriggerMonth(
  trend: readonly TrendPoint[],
  category: Category,
  triggerAt: number,
): Forecast {
  const reached = trend.find((p) => p.counts[category] >= triggerAt);
  const recent = trend.slice(-FORECAST_MONTHS);
  const base = { category, basedOnMonths: recent.length };
  if (recent.length < 2)
    return {
      ...base,
      slopePerMonth: 0,
      reachesTriggerAt: reached?.month ?? null,
      isReached: reached !== undefined,
    };
  const { slope, intercept } = fit(recent.map((p) => p.counts[category]));
  if (reached)
    return { ...base, slopePerMonth: slope, reachesTriggerAt: reached.month, isReached: true };
  const last = recent.length - 1;
  const ahead = slope > 0 ? Math.ceil((triggerAt - (intercept + slope * last)) / slope) : Infinity;
  const lastMonth = recent[last]?.month ?? '';
  return {
    ...base,
    slopePerMonth: slope,
    reachesTriggerAt:
      ahead <= FORECAST_HORIZON_MONTHS ? addMonthsToMonth(lastMonth, Math.max(1, ahead)) : null,
    isReached: false,
  };
}
