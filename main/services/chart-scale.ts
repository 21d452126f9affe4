/** What a chart's picture and its PDF drawing share: the value axis's ticks and which months get a name. */

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
