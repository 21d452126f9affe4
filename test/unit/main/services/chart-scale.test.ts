import { describe, expect, it } from 'vitest';
import { isLabelled, labelEvery, niceTicks } from '../../../../main/services/chart-scale';

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
