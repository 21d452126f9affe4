import { describe, expect, it } from 'vitest';
import { trendCharts } from '../../../../shared/reports/trend-chart';
import { reportLabels } from '../../../../shared/reports/report-labels';
import { monthlyWorkbook } from '../../../../shared/reports/monthly-layout';
import { report as reportOf, snapshot } from './report-fixtures';

// Nine month-ends, three of them before the term (2026-01-01 to 2026-12-31), growing 2 a month.
const months = [
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
];
const report = reportOf('2026-06', {
  snapshots: months.map((m, i) => snapshot(`${m}-28`, { video: 90 + 2 * i })),
});

describe('the report’s trend chart (issue 22 point 2)', () => {
  const [chart] = trendCharts(report, reportLabels('en'), 'en', ['video']);

  it('draws the counts, ordered and True-up at as steps over the term only, and the forecast to the term’s end', () => {
    expect(chart?.title).toBe('Video: counted devices against Ordered and True-up at');
    expect(chart?.categories[0]).toBe('Oct 2025');
    // History to June, then the forecast's months to the term's end in December, never past it.
    expect(chart?.categories.at(-1)).toBe('Dec 2026');
    expect(chart?.categories).toHaveLength(15);
    const [counts, ordered, triggerAt, forecast] = chart!.series;
    expect(counts?.values.slice(0, 9)).toEqual([90, 92, 94, 96, 98, 100, 102, 104, 106]);
    expect(counts?.values.slice(9)).toEqual([null, null, null, null, null, null]);
    expect([ordered?.style, triggerAt?.style, forecast?.style]).toEqual([
      'step',
      'step',
      'forecast',
    ]);
    // No level before the term: those months were under no contract.
    expect(ordered?.values.slice(0, 4)).toEqual([null, null, null, 100]);
    expect(triggerAt?.values.slice(3)).toEqual(Array(12).fill(105));
    // The dashed line starts at the latest count and rises from it.
    expect(forecast?.values.slice(0, 8)).toEqual(Array(8).fill(null));
    expect(forecast?.values[8]).toBe(106);
    expect(forecast!.values[14]!).toBeGreaterThan(106);
  });

  it('names months in the report’s language, and lists months before the term without ordered units', () => {
    const [sv] = trendCharts(report, reportLabels('sv'), 'sv', ['video']);
    expect(sv?.categories[0]).toBe('okt. 2025');
    expect(sv?.title).toBe('Video: räknade enheter mot Beställda och Justering vid');
    const trend = monthlyWorkbook(report, 'en').sheets.find((s) => s.name === 'Trend')!;
    const video = trend.columns.findIndex((c) => c.header === 'Video');
    expect(trend.rows[0]?.slice(video, video + 4)).toEqual([90, null, null, null]);
    expect(trend.rows[3]?.slice(video, video + 4)).toEqual([96, 100, 105, 105]);
  });
});
