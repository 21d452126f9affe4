/**
 * What a chart's picture and its PDF drawing share: the value axis's ticks, which months get a name,
 * and the points each series is drawn through.
 */

/**
 * Whole-number ticks around the values: steps of 1, 2 or 5 times a power of ten, about 5 of them,
 * from 0 when the values come near it, else from just below the lowest (so a count of 380 to 420 is
 * not a flat line at the top of a 0 to 500 axis).
 */
export function niceTicks(min: number, max: number): number[] {
  const high = Math.max(1, max);
  const low = Math.max(0, Math.min(min, high));
  const from = low < (high - low) * 1.5 ? 0 : low;
  const raw = Math.max(1, high - from) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power);
  const ticks: number[] = [];
  for (let v = Math.floor(from / step) * step; v < high + step; v += step) ticks.push(v);
  return ticks;
}

/** Every how many months a name fits under the axis, names `widest` wide over `spacing` per month. */
export const labelEvery = (widest: number, spacing: number) =>
  Math.max(1, Math.ceil((widest + 8) / Math.max(1, spacing)));

/** Whether month i of n is named: every k-th, and the last always (the one before it steps aside). */
export const isLabelled = (i: number, n: number, every: number) =>
  i === n - 1 || (i % every === 0 && n - 1 - i >= every);

/** A point on a chart, [x, y]. */
export type ChartPoint = readonly [number, number];

/**
 * Each run of months with a value, as the points it is drawn through: counts point to point, levels
 * (ordered, triggerAt) as steps, also at each level's end. A level known for one month only (a
 * report's first month) is held across the plot from `left` to `right`: not a dot hidden under the
 * count's, so the legend's Ordered and True-up at lines are on the chart.
 */
export function seriesRuns(
  series: { values: readonly (number | null)[]; style?: string },
  xOf: (i: number) => number,
  yOf: (v: number) => number,
  [left, right]: readonly [number, number],
): ChartPoint[][] {
  const all: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  series.values.forEach((v, i) => {
    if (v === null) {
      run = [];
      return;
    }
    const last = run.at(-1);
    if (!last) all.push(run);
    else if (series.style === 'step') run.push([xOf(i), last[1]]);
    run.push([xOf(i), yOf(v)]);
  });
  if (series.style === 'step' && series.values.length === 1)
    return all.map(([point]) =>
      point
        ? [
            [left, point[1]],
            [right, point[1]],
          ]
        : [],
    );
  return all;
}
