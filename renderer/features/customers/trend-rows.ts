/**
 * The chart's and the table's rows: the monthly counts, then the forecast fan to the term's end (the
 * central line and the 80 % and 95 % bands as [low, high] pairs, which recharts draws as areas).
 */
import type { Category } from '../../../shared/model/category';
import type { FanPoint, Forecast, TrendPoint } from '../../../shared/reports/trend';

export interface TrendRow {
  month: string;
  count: number | null;
  forecast: number | null;
  band80: [number, number] | null;
  band95: [number, number] | null;
}

/** A count series and its fan as rows (the dashboard's trend and the growth planner's history alike). */
export function seriesRows(
  counts: readonly { month: string; count: number | null }[],
  fan: readonly FanPoint[],
): TrendRow[] {
  const rows: TrendRow[] = counts.map((p) => ({
    month: p.month,
    count: p.count,
    forecast: null,
    band80: null,
    band95: null,
  }));
  const last = rows.at(-1);
  if (!last || last.count === null || fan.length === 0) return rows;
  // The fan starts at the latest count, so the dashed line and the bands join the counts' line.
  last.forecast = last.count;
  last.band80 = [last.count, last.count];
  last.band95 = [last.count, last.count];
  for (const p of fan)
    rows.push({
      month: p.month,
      count: null,
      forecast: p.central,
      band80: [p.lower80, p.upper80],
      band95: [p.lower95, p.upper95],
    });
  return rows;
}

export function trendRows(
  trend: readonly TrendPoint[],
  category: Category,
  forecast: Forecast | undefined,
): TrendRow[] {
  return seriesRows(
    trend.map((p) => ({ month: p.month, count: p.counts[category] })),
    forecast?.fan ?? [],
  );
}
