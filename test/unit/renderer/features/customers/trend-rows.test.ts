/** The dashboard chart's rows: the counts, then the forecast fan from the latest count to the term's end. */
import { describe, expect, it } from 'vitest';
import { forecastTriggerMonth, type TrendPoint } from '../../../../../shared/reports/trend';
import { seriesRows, trendRows } from '../../../../../renderer/features/customers/trend-rows';

const point = (month: string, video: number): TrendPoint => ({
  month,
  counts: { headsets: 0, video, voice: 0 },
});
const line = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((m, i) =>
  point(m, 90 + 2 * i),
);

describe('the trend chart’s rows', () => {
  it('join the fan to the latest count and carry the 80 % and 95 % bands to the term’s end', () => {
    const rows = trendRows(line, 'video', forecastTriggerMonth(line, 'video', 105, '2026-09-30'));
    expect(rows.map((r) => r.month)).toEqual([
      ...line.map((p) => p.month),
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    expect(rows[5]).toEqual({
      month: '2026-06',
      count: 100,
      forecast: 100,
      band80: [100, 100],
      band95: [100, 100],
    });
    expect(rows[8]).toMatchObject({
      month: '2026-09',
      count: null,
      forecast: 106,
      band80: [104, 108],
    });
    expect(rows[8]!.band95![0]).toBeLessThanOrEqual(104);
  });

  it('are the counts alone without a forecast', () => {
    expect(
      trendRows(line, 'video', undefined).every((r) => r.forecast === null && r.band80 === null),
    ).toBe(true);
  });
});

describe('a count series and its fan (the growth planner’s chart)', () => {
  it('join at the latest count; no fan, the counts alone', () => {
    const counts = [
      { month: '2026-01', count: 10 },
      { month: '2026-02', count: 12 },
    ];
    const fan = [
      { month: '2026-03', central: 14, lower80: 13, upper80: 15, lower95: 12, upper95: 16 },
    ];
    expect(seriesRows(counts, fan)).toEqual([
      { month: '2026-01', count: 10, forecast: null, band80: null, band95: null },
      { month: '2026-02', count: 12, forecast: 12, band80: [12, 12], band95: [12, 12] },
      { month: '2026-03', count: null, forecast: 14, band80: [13, 15], band95: [12, 16] },
    ]);
    expect(seriesRows(counts, []).every((r) => r.forecast === null)).toBe(true);
  });
});
