/** Devices reaching end of support and end of life per month of the window (recharts, lazy). */
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { LifecycleMonth } from '../../../shared/inventory/lifecycle';

export interface LifecycleChartProps {
  months: LifecycleMonth[];
  labels: { endOfSupport: string; endOfLife: string };
  monthLabel: (month: string) => string;
}

/** Legend and tooltip words in the text colour: the bars' colours are too light for text. */
const TEXT = { color: 'var(--mantine-color-text)' };

/** End of support before end of life, in the legend and the tooltip as in the table. */
const supportFirst = (item: { dataKey?: unknown }) => (item.dataKey === 'endOfSupport' ? 0 : 1);

export default function LifecycleChart({ months, labels, monthLabel }: LifecycleChartProps) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={months} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} tickFormatter={monthLabel} />
        <YAxis tick={{ fontSize: 12 }} allowDecimals={false} />
        <Tooltip
          itemStyle={TEXT}
          itemSorter={supportFirst}
          labelFormatter={(m) => (typeof m === 'string' ? monthLabel(m) : '')}
        />
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          itemSorter={supportFirst}
          formatter={(value: string) => <span style={TEXT}>{value}</span>}
        />
        <Bar
          dataKey="endOfSupport"
          name={labels.endOfSupport}
          stackId="a"
          fill="#e8590c"
          isAnimationActive={false}
        />
        <Bar
          dataKey="endOfLife"
          name={labels.endOfLife}
          stackId="a"
          fill="#c92a2a"
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
