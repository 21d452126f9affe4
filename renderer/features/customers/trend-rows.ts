/** The chart's and the table's rows: the monthly counts, then the forecast line to triggerAt. */
import type { Category } from '../../../shared/model/category';
import { monthRange } from '../../../shared/terms/dates';
import type { Forecast, TrendPoint } from '../../../shared/reports/trend';

export interface TrendRow {
  month: string;
  count: number | null;
  forecast: number | null;
}

export function trendRows(
  trend: readonly TrendPoint[],
  category: Category,
  forecast: Forecast | undefined,
  triggerAt: number | null,
): TrendRow[] {
  const rows: TrendRow[] = trend.map((p) => ({
    month: p.month,
    count: p.counts[category],
    forecast: null,
  }));
  const last = rows.at(-1);
  if (
    !last ||
    !forecast ||
    forecast.isReached ||
    !forecast.reachesTriggerAt ||
    triggerAt === null ||
    last.count === null
  )
    return rows;
  last.forecast = last.count;
  const months = monthRange(last.month, forecast.reachesTriggerAt).slice(1);
  months.forEach((month, i) => {
    const value =
      i === months.length - 1
        ? triggerAt
        : Math.round((last.count ?? 0) + forecast.slopePerMonth * (i + 1));
    rows.push({ month, count: null, forecast: value });
  });
  return rows;
}
