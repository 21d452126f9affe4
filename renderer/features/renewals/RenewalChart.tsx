/** Renewal value per month in one currency for the next year (recharts, lazy). */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface RenewalChartProps {
  /** One row per month: { month, value } in the currency's major units. */
  rows: { month: string; value: number }[];
  label: string;
  locale: string;
}

export default function RenewalChart({ rows, label, locale }: RenewalChartProps) {
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const full = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.4} />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => compact.format(v)} />
        <Tooltip formatter={(v) => full.format(Number(v))} />
        <Bar dataKey="value" name={label} fill="#1c7ed6" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
