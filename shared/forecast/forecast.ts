/**
 * Forecast of a month-end count series with 80 % and 95 % prediction intervals (TERMS.md §11), the method
 * chosen per series by a rolling-origin backtest on the series itself (mean absolute error in devices).
 *
 * Why our own code and no library (npm, December 2026): `arima` 0.2.8 (maintained, WebAssembly, runs in a
 * worker and Node) gives ARIMA forecasts with their errors but no damped-trend exponential smoothing;
 * `holtwinters` 0.0.1 is a one-release port without prediction intervals; `simple-statistics` has no
 * forecasting. The three methods here are each a few lines, deterministic, dependency-free, and tested
 * against hand-checked values in test/unit/shared/forecast.
 */
import {
  METHOD_FORECASTS,
  FORECAST_METHODS,
  type ForecastMethod,
  type StepForecast,
} from './methods';
import { Z80, Z95 } from './normal';

/** Fewer monthly values than this: no forecast. */
export const MIN_HISTORY_MONTHS = 4;
/** The longest horizon asked for (the next term's end). */
export const MAX_HORIZON_MONTHS = 24;
/** The backtest's first origin fits this many values. */
const MIN_TRAIN = 3;
/** The backtest scores each origin's forecasts up to this many months ahead. */
const BACKTEST_HORIZON = 12;

export interface ForecastPoint {
  /** Months ahead of the latest value (1 = the next month). */
  step: number;
  /** Central value, never below 0. */
  central: number;
  /** Standard deviation of the forecast error (the normal approximation P(adjustment) uses). */
  sd: number;
  /** Interval bounds in whole devices (lower rounded down, upper up), never below 0. */
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface MethodScore {
  method: ForecastMethod;
  /** Mean absolute error in devices over every backtest forecast. */
  mae: number;
  /** Share of backtest actuals inside the 80 % and 95 % intervals. */
  coverage80: number;
  coverage95: number;
  forecasts: number;
}

export type SeriesForecast =
  | { kind: 'tooLittleHistory'; months: number; reason: string }
  | {
      kind: 'forecast';
      method: ForecastMethod;
      mae: number;
      scores: MethodScore[];
      points: ForecastPoint[];
    };

function assertSeries(values: readonly number[]): void {
  values.forEach((value, i) => {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`count ${i + 1} of the series must be a number ≥ 0: ${value}`);
  });
}

/** Rolling-origin backtest of one method: fit on the first o values, score the next ones, for each o. */
export function backtest(values: readonly number[], method: ForecastMethod): MethodScore {
  let abs = 0;
  let in80 = 0;
  let in95 = 0;
  let count = 0;
  for (let origin = MIN_TRAIN; origin < values.length; origin++) {
    const horizon = Math.min(BACKTEST_HORIZON, values.length - origin);
    const ahead = METHOD_FORECASTS[method](values.slice(0, origin), horizon);
    ahead.forEach((f, i) => {
      const error = values[origin + i]! - Math.max(0, f.mean);
      abs += Math.abs(error);
      if (Math.abs(error) <= Z80 * f.sd) in80++;
      if (Math.abs(error) <= Z95 * f.sd) in95++;
      count++;
    });
  }
  const share = (n: number): number => (count === 0 ? 0 : n / count);
  return {
    method,
    mae: share(abs),
    coverage80: share(in80),
    coverage95: share(in95),
    forecasts: count,
  };
}

function toPoint(step: number, f: StepForecast): ForecastPoint {
  const central = Math.max(0, f.mean);
  const bound = (z: number, sign: 1 | -1): number => Math.max(0, f.mean + sign * z * f.sd);
  return {
    step,
    central,
    sd: f.sd,
    lower80: Math.floor(bound(Z80, -1)),
    upper80: Math.ceil(bound(Z80, 1)),
    lower95: Math.floor(bound(Z95, -1)),
    upper95: Math.ceil(bound(Z95, 1)),
  };
}

/**
 * The forecast of a series for `horizon` months ahead (1…24), by the method with the least backtest MAE;
 * a tie goes to the simpler method (no change, then trend, then damped trend).
 */
export function forecastSeries(values: readonly number[], horizon: number): SeriesForecast {
  assertSeries(values);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_MONTHS)
    throw new RangeError(`horizon must be 1…${MAX_HORIZON_MONTHS} months: ${horizon}`);
  if (values.length < MIN_HISTORY_MONTHS)
    return {
      kind: 'tooLittleHistory',
      months: values.length,
      reason: `too little history: ${values.length} months`,
    };
  const scores = FORECAST_METHODS.map((method) => backtest(values, method));
  const best = scores.reduce((a, b) => (b.mae < a.mae - 1e-9 ? b : a));
  const points = METHOD_FORECASTS[best.method](values, horizon).map((f, i) => toPoint(i + 1, f));
  return { kind: 'forecast', method: best.method, mae: best.mae, scores, points };
}
