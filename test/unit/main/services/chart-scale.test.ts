import { describe, expect, it } from 'vitest';
import {
  isLabelled,
  labelEvery,
  niceTicks,
  seriesRuns,
} from '../../../../main/services/chart-scale';

describe('a chart’s value axis and month names', () => {
  it('starts at 0 near it, else just below the lowest value, in steps of 1, 2 or 5 × 10ⁿ', () => {
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(3, 21)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(364, 420)).toEqual([360, 380, 400, 420]);
    expect(niceTicks(90, 112)).toEqual([90, 95, 100, 105, 110, 115]);
  });

  it('names every k-th month and always the last, none overlapping', () => {
    const every = labelEvery(60, 20);
    expect(every).toBe(4);
    const named = Array.from({ length: 18 }, (_, i) => i).filter((i) => isLabelled(i, 18, every));
    expect(named).toEqual([0, 4, 8, 12, 17]);
  });
});

// The lines of the trend chart, the same in the workbook's picture and the PDF: counts point to
// point, ordered and triggerAt as steps, and a level known for one month only (a report's first
// month) across the plot, so the legend's Ordered and True-up at lines are on the chart.
describe('the points each series is drawn through', () => {
  const plot = [0, 300] as const;
  const xOf = (i: number) => i * 100;
  const yOf = (v: number) => 500 - v;

  it('joins counts point to point and breaks at a month without one', () => {
    expect(seriesRuns({ values: [10, 12, null, 15], style: 'line' }, xOf, yOf, plot)).toEqual([
      [
        [0, 490],
        [100, 488],
      ],
      [[300, 485]],
    ]);
  });

  it('holds a level until the month it changes: a step', () => {
    expect(seriesRuns({ values: [100, 100, 112], style: 'step' }, xOf, yOf, plot)).toEqual([
      [
        [0, 400],
        [100, 400],
        [100, 400],
        [200, 400],
        [200, 388],
      ],
    ]);
  });

  it('draws a level of one month across the plot; a count of one month stays a point', () => {
    const middle = (i: number) => 150 + i;
    expect(seriesRuns({ values: [105], style: 'step' }, middle, yOf, plot)).toEqual([
      [
        [0, 395],
        [300, 395],
      ],
    ]);
    expect(seriesRuns({ values: [112], style: 'line' }, middle, yOf, plot)).toEqual([[[150, 388]]]);
  });
});
