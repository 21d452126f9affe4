/**
 * How well the forecast does (issue 23): on series with known growth, seasonality, steps and noise, and on
 * any given series (the demo book's), the last months are held out, forecast from the months before, and
 * scored: mean absolute error and the share of held-out counts inside the 80 % and 95 % intervals.
 */
import { seededRandom } from '../demo/random';
import { forecastSeries } from './forecast';
import type { ForecastMethod } from './methods';

export interface NamedSeries {
  group: string;
  values: number[];
}

export interface GroupAccuracy {
  group: string;
  series: number;
  /** Mean over series of the chosen method's backtest MAE (devices). */
  backtestMae: number;
  /** MAE of the held-out months (devices). */
  holdoutMae: number;
  coverage80: number;
  coverage95: number;
  chosen: Record<ForecastMethod, number>;
}

/** Series of `months` values: linear growth, seasonal, steps, and pure noise around a level. */
export function generatedSeries(seed: number, perKind = 20, months = 24): NamedSeries[] {
  const random = seededRandom(seed);
  const gauss = (): number =>
    Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const make = (
    group: string,
    at: (t: number, level: number, rate: number) => number,
  ): NamedSeries[] =>
    Array.from({ length: perKind }, () => {
      const level = random.int(20, 400);
      const noise = level * 0.02;
      const rate = 0.005 + 0.02 * random.next();
      const values = Array.from({ length: months }, (_, t) =>
        Math.max(0, Math.round(at(t, level, rate) + noise * gauss())),
      );
      return { group, values };
    });
  return [
    ...make('growth', (t, level, rate) => level * (1 + rate * t)),
    ...make('seasonal', (t, level) => level + level * 0.05 * Math.sin((2 * Math.PI * t) / 12)),
    ...make('steps', (t, level) => level + Math.floor(t / 8) * level * 0.1),
    ...make('noise', (_, level) => level),
  ];
}

/** Holds out the last `holdout` months of each series and scores the forecast of them, per group. */
export function measureAccuracy(series: readonly NamedSeries[], holdout = 6): GroupAccuracy[] {
  const groups = new Map<string, GroupAccuracy & { points: number }>();
  for (const { group, values } of series) {
    if (values.length < 4 + holdout) continue;
    const f = forecastSeries(values.slice(0, -holdout), holdout);
    if (f.kind !== 'forecast') continue;
    const g = groups.get(group) ?? {
      group,
      series: 0,
      backtestMae: 0,
      holdoutMae: 0,
      coverage80: 0,
      coverage95: 0,
      chosen: { naive: 0, trend: 0, dampedTrend: 0 },
      points: 0,
    };
    g.series++;
    g.backtestMae += f.mae;
    g.chosen[f.method]++;
    values.slice(-holdout).forEach((actual, i) => {
      const p = f.points[i]!;
      g.holdoutMae += Math.abs(actual - p.central);
      if (actual >= p.lower80 && actual <= p.upper80) g.coverage80++;
      if (actual >= p.lower95 && actual <= p.upper95) g.coverage95++;
      g.points++;
    });
    groups.set(group, g);
  }
  return [...groups.values()].map(({ points, ...g }) => ({
    ...g,
    backtestMae: g.backtestMae / g.series,
    holdoutMae: g.holdoutMae / points,
    coverage80: g.coverage80 / points,
    coverage95: g.coverage95 / points,
  }));
}
