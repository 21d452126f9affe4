/** Renewal value per month for the next year (recharts, lazy): one bar series per currency. */
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

export interface RenewalChartProps {
  /** One row per month: { month, SEK: 12345.5, EUR: … } in major units. */
  rows: Record<string, string | number>[];
  currencies: string[];
}

const COLORS = ['#1c7ed6', '#2f9e44', '#e8590c', '#ae3ec9', '#0c8599'];

export default function RenewalChart({ rows, currencies }: RenewalChartProps) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        {currencies.map((currency, i) => (
          <Bar
            key={currency}
            dataKey={currency}
            fill={COLORS[i % COLORS.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
