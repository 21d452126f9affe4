/**
 * The trend chart (recharts, loaded only when a dashboard shows it): count, ordered, baseline, and the
 * forecast fan: a dashed central line in the 80 % and 95 % bands, to the term's end. Monthly counts
 * are whole devices: each is a point, joined by straight segments (nothing is drawn between months
 * that was not counted), and the months are named in words.
 */
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendRow } from './trend-rows';

export interface TrendChartProps {
  rows: TrendRow[];
  ordered: number | null;
  triggerAt: number | null;
  /** A month ("2026-11") as the axis and the tooltip name it ("Nov 2026"). */
  monthLabel: (month: string) => string;
  labels: {
    count: string;
    ordered: string;
    baseline: string;
    forecast: string;
    band80: string;
    band95: string;
  };
  /** A month marked by a vertical line (the growth planner's next adjustment month). */
  markedMonth?: { month: string; label: string };
}

/** The y range holds the counts, the whole 95 % band and both reference lines (recharts' auto leaves bands out). */
function yDomain(rows: readonly TrendRow[], ordered: number | null, triggerAt: number | null) {
  const values = [
    ...rows.flatMap((r) => [r.count, r.forecast, ...(r.band95 ?? [])]),
    ordered,
    triggerAt,
  ].filter((v): v is number => v !== null);
  if (values.length === 0) return undefined;
  return [Math.floor(Math.min(...values)), Math.ceil(Math.max(...values))];
}

export default function TrendChart({
  rows,
  ordered,
  triggerAt,
  monthLabel,
  labels,
  markedMonth,
}: TrendChartProps) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} tickFormatter={monthLabel} />
        <YAxis
          allowDecimals={false}
          tick={{ fontSize: 12 }}
          domain={yDomain(rows, ordered, triggerAt) ?? ['auto', 'auto']}
        />
        <Tooltip
          labelFormatter={(month) => (typeof month === 'string' ? monthLabel(month) : month)}
        />
        <Legend />
        <Area
          type="linear"
          dataKey="band95"
          name={labels.band95}
          legendType="square"
          stroke="none"
          fill="#4263eb"
          fillOpacity={0.12}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Area
          type="linear"
          dataKey="band80"
          name={labels.band80}
          legendType="square"
          stroke="none"
          fill="#4263eb"
          fillOpacity={0.25}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          type="linear"
          dataKey="count"
          name={labels.count}
          stroke="#4263eb"
          strokeWidth={2}
          dot={{ r: 2.5 }}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          type="linear"
          dataKey="forecast"
          name={labels.forecast}
          stroke="#4263eb"
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        {ordered !== null ? (
          <ReferenceLine
            y={ordered}
            stroke="#2f9e44"
            strokeDasharray="2 2"
            label={{ value: labels.ordered, position: 'insideBottomLeft', fontSize: 11 }}
          />
        ) : null}
        {triggerAt !== null ? (
          <ReferenceLine
            y={triggerAt}
            stroke="#e03131"
            strokeDasharray="4 2"
            label={{ value: labels.baseline, position: 'insideTopLeft', fontSize: 11 }}
          />
        ) : null}
        {markedMonth ? (
          <ReferenceLine
            x={markedMonth.month}
            stroke="#f08c00"
            strokeDasharray="4 2"
            label={{ value: markedMonth.label, position: 'insideTopRight', fontSize: 11 }}
          />
        ) : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
