/** The month's CSM hours burn-down (recharts, lazy): hours left by day against an even pace. */
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { burnDownValueText } from './burn-down';

export interface BurnDownRow {
  day: number;
  remaining: number | null;
  pace: number;
}

export default function BurnDownChart({
  rows,
  labels,
}: {
  rows: BurnDownRow[];
  labels: { remaining: string; pace: string };
}) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} />
        <YAxis tick={{ fontSize: 11 }} unit=" h" />
        <Tooltip separator=": " formatter={(value) => burnDownValueText(Number(value))} />
        <Legend />
        <ReferenceLine y={0} stroke="#e03131" />
        <Line
          dataKey="remaining"
          name={labels.remaining}
          stroke="#1c7ed6"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          connectNulls={false}
        />
        <Line
          dataKey="pace"
          name={labels.pace}
          stroke="#868e96"
          strokeDasharray="5 4"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
