/**
 * The lines of the PDF's trend chart: counts joined point to point, ordered and triggerAt as steps,
 * and a level known for one month only (a report's first month) drawn across the plot, so the
 * legend's Ordered and True-up at lines are on the chart and not hidden under the count's dot.
 */
import { describe, expect, it } from 'vitest';
import { seriesLines } from '../../../../../main/services/pdf/chart';

const plot = { left: 0, right: 300 };
const xOf = (i: number) => i * 100;
const yOf = (v: number) => 500 - v;

describe('seriesLines', () => {
  it('joins counts point to point and breaks at a month without one', () => {
    expect(seriesLines({ values: [10, 12, null, 15], style: 'line' }, xOf, yOf, plot)).toEqual([
      [
        { x: 0, y: 490 },
        { x: 100, y: 488 },
      ],
      [{ x: 300, y: 485 }],
    ]);
  });

  it('holds a level until the month it changes: a step', () => {
    expect(seriesLines({ values: [100, 100, 112], style: 'step' }, xOf, yOf, plot)).toEqual([
      [
        { x: 0, y: 400 },
        { x: 100, y: 400 },
        { x: 100, y: 400 },
        { x: 200, y: 400 },
        { x: 200, y: 388 },
      ],
    ]);
  });

  it('draws a level of one month across the plot, not as a point', () => {
    const middle = (i: number) => 150 + i;
    expect(seriesLines({ values: [105], style: 'step' }, middle, yOf, plot)).toEqual([
      [
        { x: 0, y: 395 },
        { x: 300, y: 395 },
      ],
    ]);
    // A count of one month stays a point.
    expect(seriesLines({ values: [112], style: 'line' }, middle, yOf, plot)).toEqual([
      [{ x: 150, y: 388 }],
    ]);
  });
});
